/**
 * Agreement parameters of the "admission" section (agreements/<folder>/admission.yaml). Owned by the admission mechanism.
 * Placeholder: replaced by the mechanism's real schema.
 */
import { z } from "zod";

export const admissionParametersSchema = z.object({}).passthrough();
export type AdmissionParameters = z.infer<typeof admissionParametersSchema>;
