/** The JSON Schemas of the input files, generated from the zod schemas that validate them (for editors). */
import { z } from "zod";
import { agreementSchema } from "../domain/agreement/agreementSchema.ts";
import { caseFileSchema } from "../domain/case/caseFileSchema.ts";
import { teamFileSchema } from "../domain/staffing/teamFileSchema.ts";

export const INPUT_SCHEMAS = { case: caseFileSchema, team: teamFileSchema, agreement: agreementSchema } as const;
export type InputSchemaKind = keyof typeof INPUT_SCHEMAS;

export function renderJsonSchema(kind: InputSchemaKind): string {
  return `${JSON.stringify(z.toJSONSchema(INPUT_SCHEMAS[kind], { io: "input", unrepresentable: "any" }), null, 2)}\n`;
}
