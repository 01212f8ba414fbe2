/**
 * Agreement parameters of the "staffing" section (agreements/<folder>/staffing.yaml). Owned by the staffing mechanism.
 * Placeholder: replaced by the mechanism's real schema.
 */
import { z } from "zod";

export const staffingParametersSchema = z.object({}).passthrough();
export type StaffingParameters = z.infer<typeof staffingParametersSchema>;
