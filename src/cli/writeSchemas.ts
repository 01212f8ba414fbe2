/** `npm run schemas`: writes docs/schemas/<kind>.schema.json for editors (YAML and JSON language servers). */
import { mkdirSync, writeFileSync } from "node:fs";
import { INPUT_SCHEMAS, renderJsonSchema, type InputSchemaKind } from "./jsonSchemas.ts";

mkdirSync("docs/schemas", { recursive: true });
for (const kind of Object.keys(INPUT_SCHEMAS) as InputSchemaKind[]) {
  writeFileSync(`docs/schemas/${kind}.schema.json`, renderJsonSchema(kind));
  process.stdout.write(`docs/schemas/${kind}.schema.json\n`);
}
