/**
 * Agreement parameters of the "volume" section (agreements/<folder>/volume.yaml). Owned by the volume mechanism.
 * Placeholder: replaced by the mechanism's real schema.
 */
import { z } from "zod";

export const volumeParametersSchema = z.object({}).passthrough();
export type VolumeParameters = z.infer<typeof volumeParametersSchema>;
