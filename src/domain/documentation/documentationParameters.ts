/**
 * Agreement parameters of the "documentation" section (agreements/<folder>/documentation.yaml). Owned by the documentation mechanism.
 * Placeholder: replaced by the mechanism's real schema.
 */
import { z } from "zod";

export const documentationParametersSchema = z.object({}).passthrough();
export type DocumentationParameters = z.infer<typeof documentationParametersSchema>;
