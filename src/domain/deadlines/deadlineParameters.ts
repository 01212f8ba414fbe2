/**
 * Agreement parameters of the "deadlines" section (agreements/<folder>/deadlines.yaml). Owned by the deadlines mechanism.
 * Placeholder: replaced by the mechanism's real schema.
 */
import { z } from "zod";

export const deadlineParametersSchema = z.object({}).passthrough();
export type DeadlinesParameters = z.infer<typeof deadlineParametersSchema>;
