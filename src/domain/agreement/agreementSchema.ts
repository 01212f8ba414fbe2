/**
 * The agreement document (M01): header, parties, validity, capacity, notice, references, policies, inputs,
 * and one section per mechanism. One folder per agreement in agreements/; its YAML files are merged into
 * this document and validated here. Two levels: a template (framework or model agreement, with inputs) and a
 * concrete agreement (one provider, one payer) that names its template and fills the inputs.
 */
import { z } from "zod";
import { LAENDER } from "../calendar/publicHolidays.ts";
import { validatePolicySettings } from "../policy/decisions.ts";
import { ratesSectionSchema } from "../billing/rateParameters.ts";
import { billingParametersSchema } from "../billing/billingParameters.ts";
import { deadlineParametersSchema } from "../deadlines/deadlineParameters.ts";
import { volumeParametersSchema } from "../volume/volumeParameters.ts";
import { staffingParametersSchema } from "../staffing/staffingParameters.ts";
import { admissionParametersSchema } from "../admission/admissionParameters.ts";
import { documentationParametersSchema } from "../documentation/documentationParameters.ts";
import { agreementTextSchema, collectTextInputReferences } from "./agreementTextSchema.ts";
import { inputDefinitionSchema, inputValueSchema } from "./inputRegister.ts";
import { inputReferenceSchema, isoDateSchema, sourceSchema, sourcedOrInput } from "./sourceSchema.ts";

const textOrInput = sourcedOrInput(z.string().min(1));
const dateOrInput = sourcedOrInput(isoDateSchema);

export const partySchema = z
  .object({
    role: z.enum(["provider", "payer", "framework"]),
    name: textOrInput,
    address: textOrInput.optional(),
    /** Leitweg-ID of a public payer (XRechnung BT-10): always an input of the concrete agreement. */
    leitwegId: inputReferenceSchema.optional(),
  })
  .strict();

export const referenceDocumentSchema = z
  .object({
    title: z.string().min(1),
    version: z.string().optional(),
    dynamic: z.boolean().describe("„in der jeweils geltenden Fassung“"),
    source: sourceSchema,
  })
  .strict();

export const noticeSchema = z
  .object({
    part: z.string().min(1),
    ruleId: z.string(),
    weeks: z.number().int().positive().optional(),
    months: z.number().int().positive().optional(),
    source: sourceSchema,
  })
  .strict();

export const agreementHeaderSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9-]+$/),
    kind: z.enum(["template", "concrete"]),
    /** A concrete agreement built on a template names it here and fills its inputs. */
    template: z.string().optional(),
    title: z.string().min(1),
    serviceType: z.string().min(1),
    land: z.enum(LAENDER),
    landConfirmed: z.boolean().default(true).describe("D28: A2 „Land zu bestätigen“"),
    document: z.object({ file: z.string().min(1), title: z.string().min(1) }).strict(),
    legalBasis: z.array(z.string()).default([]),
    parties: z.array(partySchema).default([]),
    validity: z
      .object({
        from: dateOrInput,
        to: dateOrInput.optional(),
        autoExpire: z.boolean().default(false),
        signedOn: dateOrInput.optional(),
        ruleId: z.string(),
        source: sourceSchema,
      })
      .strict(),
    capacity: z
      .object({
        places: sourcedOrInput(z.number().int().positive()),
        counting: z.enum(["simultaneous"]).default("simultaneous"),
        ruleId: z.string(),
      })
      .strict()
      .optional(),
    notice: z.array(noticeSchema).default([]),
    references: z.array(referenceDocumentSchema).default([]),
    /** Options chosen for this agreement (decisions.md); unset decisions use the product default. */
    policies: z.record(z.string(), z.string()).default({}),
    inputs: z.array(inputDefinitionSchema).default([]),
    inputValues: z.record(z.string(), inputValueSchema).default({}),
    notes: z.array(z.string()).default([]).describe("Hinweise für die Vereinbarungsseite (z. B. D27-Widerspruch)"),
  })
  .strict();

export const agreementSchema = agreementHeaderSchema
  .extend({
    rates: ratesSectionSchema.default([]),
    billing: billingParametersSchema.optional(),
    deadlines: deadlineParametersSchema.optional(),
    volume: volumeParametersSchema.optional(),
    staffing: staffingParametersSchema.optional(),
    admission: admissionParametersSchema.optional(),
    documentation: documentationParametersSchema.optional(),
    /** The full wording of the document with placeholders for its blanks (text.yaml). */
    text: agreementTextSchema.optional(),
  })
  .strict()
  .superRefine((agreement, context) => {
    for (const problem of validatePolicySettings(agreement.policies)) {
      context.addIssue({ code: "custom", path: ["policies"], message: problem });
    }
    const ids = new Set<string>();
    agreement.inputs.forEach((input, index) => {
      if (ids.has(input.id)) context.addIssue({ code: "custom", path: ["inputs", index, "id"], message: `Eingabe ${input.id} doppelt` });
      ids.add(input.id);
    });
    if (agreement.kind === "template" && Object.keys(agreement.inputValues).length > 0) {
      context.addIssue({ code: "custom", path: ["inputValues"], message: "eine Vorlage füllt keine Eingaben; das tut die konkrete Vereinbarung" });
    }
    if (agreement.kind === "concrete") {
      for (const id of Object.keys(agreement.inputValues)) {
        if (!ids.has(id)) context.addIssue({ code: "custom", path: ["inputValues", id], message: `Eingabe ${id} ist in der Vereinbarung nicht definiert` });
      }
    }
    // Every input reference anywhere in the document must name a defined input.
    const visit = (value: unknown, path: (string | number)[]): void => {
      if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
      else if (value && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (typeof record.input === "string" && Object.keys(record).length === 1 && !ids.has(record.input)) {
          context.addIssue({ code: "custom", path, message: `Verweis auf unbekannte Eingabe ${record.input}` });
        }
        for (const [key, child] of Object.entries(record)) if (key !== "inputs" || path.length > 0) visit(child, [...path, key]);
      }
    };
    visit({ ...agreement, inputs: undefined, text: undefined }, []);
    // Every placeholder of the agreement text must name a defined input.
    if (agreement.text) {
      for (const { path, id } of collectTextInputReferences(agreement.text)) {
        if (!ids.has(id)) context.addIssue({ code: "custom", path, message: `Platzhalter {{${id}}} nennt eine unbekannte Eingabe ${id}` });
      }
    }
    const rateIds = new Set(agreement.rates.map((rate) => rate.id));
    const referencedRates = collectRateReferences(agreement.billing);
    for (const [path, rateId] of referencedRates) {
      if (!rateIds.has(rateId)) context.addIssue({ code: "custom", path: ["billing", ...path], message: `Verweis auf unbekannten Satz ${rateId}` });
    }
  });

function collectRateReferences(billing: unknown): [string[], string][] {
  const found: [string[], string][] = [];
  const visit = (value: unknown, path: string[]): void => {
    if (!value || typeof value !== "object") return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if ((key === "rate" || key === "monthlyRate" || key === "dailyRate") && typeof child === "string") found.push([[...path, key], child]);
      else if (key === "rates" && Array.isArray(child)) {
        child.forEach((rateId, index) => typeof rateId === "string" && found.push([[...path, key, String(index)], rateId]));
      } else if (key === "ratesByQualification" && child && typeof child === "object") {
        for (const [qualification, rateId] of Object.entries(child)) if (typeof rateId === "string") found.push([[...path, key, qualification], rateId]);
      } else visit(child, [...path, key]);
    }
  };
  visit(billing, []);
  return found;
}

export type Agreement = z.infer<typeof agreementSchema>;
export type AgreementInput = z.input<typeof agreementSchema>;
