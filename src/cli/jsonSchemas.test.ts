import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { INPUT_SCHEMAS, renderJsonSchema, type InputSchemaKind } from "./jsonSchemas.ts";

describe("docs/schemas", () => {
  for (const kind of Object.keys(INPUT_SCHEMAS) as InputSchemaKind[]) {
    it(`${kind}.schema.json is current (regenerate with npm run schemas)`, () => {
      expect(readFileSync(`docs/schemas/${kind}.schema.json`, "utf8")).toBe(renderJsonSchema(kind));
    });
  }
});
