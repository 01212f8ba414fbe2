/**
 * M17 Input and placeholder registry: every blank of a template (rules.md section 3) is a typed input with
 * the clause it comes from. A concrete agreement fills inputs; an example instance may fill them with values
 * marked `example: true` ("Beispielwert"). Any computation that needs an unfilled input is held, naming it.
 */
import { z } from "zod";
import { isoDateSchema, sourceSchema } from "./sourceSchema.ts";

export const INPUT_TYPES = ["money", "decimal", "integer", "date", "time", "text", "textList", "boolean", "choice"] as const;

export const inputDefinitionSchema = z
  .object({
    id: z.string().regex(/^P-[A-Z0-9]+-[0-9A-Za-z-]+$/, "Eingabe-ID muss wie „P-A0-05“ aufgebaut sein"),
    label: z.string().min(1).describe("deutsche Bezeichnung"),
    type: z.enum(INPUT_TYPES),
    choices: z.array(z.string()).optional(),
    choiceLabels: z
      .record(z.string(), z.string().min(1))
      .optional()
      .describe("deutsche Wörter der Auswahlcodes (Code → Wort), aus der Bezeichnung der Eingabe; Codes, die schon deutsch sind, brauchen keins"),
    source: sourceSchema.describe("Fundstelle der Lücke; das Zitat gibt die Lücke wörtlich wieder"),
    blocks: z.array(z.string()).default([]).describe("was ohne diese Eingabe angehalten wird (Regel-IDs)"),
    owner: z.enum(["provider", "payer", "framework", "parties"]).default("parties"),
    perCase: z.boolean().default(false).describe("wird je Fall in der Falldatei erfasst, nicht in der Vereinbarung"),
  })
  .strict()
  .superRefine((input, context) => {
    for (const code of Object.keys(input.choiceLabels ?? {}))
      if (!input.choices?.includes(code))
        context.addIssue({ code: "custom", path: ["choiceLabels", code], message: `„${code}“ ist keine Möglichkeit der Eingabe ${input.id} (choices: ${(input.choices ?? []).join(", ") || "keine"})` });
  });
export type InputDefinition = z.infer<typeof inputDefinitionSchema>;

export const inputValueSchema = z
  .object({
    value: z.unknown(),
    example: z.boolean().default(false).describe("Beispielwert: nur für Demo und Tests, nie ein echter Satz"),
    note: z.string().optional(),
    validFrom: isoDateSchema.optional(),
    validTo: isoDateSchema.optional(),
  })
  .strict();
export type InputValue = z.infer<typeof inputValueSchema>;

export type InputValues = Record<string, InputValue>;

export interface InputLookup {
  found: boolean;
  value?: unknown;
  example: boolean;
  definition?: InputDefinition;
}

/** The register of one resolved agreement: definitions plus the values filled by a concrete agreement. */
export class InputRegister {
  private readonly definitions: Map<string, InputDefinition>;

  constructor(
    definitions: InputDefinition[],
    private readonly values: InputValues,
  ) {
    this.definitions = new Map(definitions.map((definition) => [definition.id, definition]));
  }

  definition(id: string): InputDefinition | undefined {
    return this.definitions.get(id);
  }

  lookup(id: string): InputLookup {
    const definition = this.definitions.get(id);
    const filled = this.values[id];
    if (!filled || filled.value === undefined || filled.value === null || filled.value === "") {
      return definition ? { found: false, example: false, definition } : { found: false, example: false };
    }
    return definition ? { found: true, value: filled.value, example: filled.example, definition } : { found: true, value: filled.value, example: filled.example };
  }

  /** German hold message naming the input and its clause. */
  describeMissing(id: string): string {
    const definition = this.definitions.get(id);
    if (!definition) return `Eingabe ${id} fehlt`;
    return `Eingabe ${id} fehlt: ${definition.label} (${definition.source.clause}, „${definition.source.quote}“)`;
  }

  listMissing(): InputDefinition[] {
    return [...this.definitions.values()].filter((definition) => !definition.perCase && !this.lookup(definition.id).found);
  }

  listExamples(): string[] {
    return Object.entries(this.values)
      .filter(([, value]) => value.example)
      .map(([id]) => id);
  }

  all(): InputDefinition[] {
    return [...this.definitions.values()];
  }
}
