/**
 * Checks the inputs an agreement instance fills (M17): each must be an input the agreement defines in its
 * input register, and its value must fit the input's type. Money and decimals are decimal text ("1446.38"),
 * never floating-point numbers. Every problem names its path `inputs.<id>.value` and the input's clause.
 */
import type { Agreement } from "../../domain/agreement/agreementSchema.ts";
import type { InputDefinition } from "../../domain/agreement/inputRegister.ts";
import { createInputRegister } from "../../domain/agreement/resolveAgreement.ts";
import { isValidDateText } from "../../domain/calendar/calendarDate.ts";

export interface InputProblem {
  path: (string | number)[];
  message: string;
}

/** The German problem with a value for this input type, or undefined when it fits. */
function checkValueType(definition: InputDefinition, value: unknown): string | undefined {
  switch (definition.type) {
    case "money":
      return typeof value === "string" && /^\d+(\.\d{1,2})?$/.test(value) ? undefined : "Geldbetrag als Text mit höchstens 2 Nachkommastellen, z. B. „1446.38“";
    case "decimal":
      return typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? undefined : "Dezimalzahl als Text, z. B. „1.5“";
    case "integer":
      return Number.isInteger(value) || (typeof value === "string" && /^-?\d+$/.test(value)) ? undefined : "ganze Zahl erwartet";
    case "date":
      return typeof value === "string" && isValidDateText(value) ? undefined : "Datum JJJJ-MM-TT erwartet";
    case "time":
      return typeof value === "string" && /^([01]\d|2[0-4]):[0-5]\d$/.test(value) ? undefined : "Uhrzeit HH:MM erwartet";
    case "text":
      return typeof value === "string" && value.length > 0 ? undefined : "Text erwartet";
    case "textList":
      return Array.isArray(value) && value.every((item) => typeof item === "string") ? undefined : "Liste von Texten erwartet";
    case "boolean":
      return typeof value === "boolean" ? undefined : "true oder false erwartet";
    case "choice":
      return typeof value === "string" && (definition.choices ?? []).includes(value) ? undefined : `eine der Möglichkeiten ${(definition.choices ?? []).join(", ")} erwartet`;
  }
}

/** Every problem with the filled inputs of an instance of `agreement`. */
export function checkInstanceInputs(agreement: Agreement, inputs: Record<string, { value?: unknown }>): InputProblem[] {
  const register = createInputRegister(agreement);
  const problems: InputProblem[] = [];
  for (const [id, filled] of Object.entries(inputs)) {
    const definition = register.definition(id);
    if (!definition) {
      problems.push({ path: ["inputs", id], message: `Eingabe ${id} ist in der Vereinbarung ${agreement.id} nicht definiert` });
      continue;
    }
    if (filled.value === undefined || filled.value === null) continue;
    const problem = checkValueType(definition, filled.value);
    if (problem) problems.push({ path: ["inputs", id, "value"], message: `${id} (${definition.label}, ${definition.source.clause}): ${problem}` });
  }
  return problems;
}
