/**
 * Agreement parameters of the "deadlines" section (agreements/<folder>/deadlines.yaml): the deadline and task
 * rules of one agreement, each selecting a shared mechanism and parameterising it.
 *
 * Mechanisms (rules.md section 4):
 * - M08 deadline relative to an event: `afterEvent` (§ 187 Abs. 1 / § 188 BGB, e.g. A1-R15 12 weeks, A3-R06
 *   8 weeks, A3-R26 6 weeks, A3-R17a crisis day 29), `beforeEvent` (D19 backward months, A1-R20 / A3-R30
 *   Verlaufsbericht 2 months before the planned Gesamtplan update), `fixedDayNextYear` (A4-R23 31.03.,
 *   A4-R24 31.01. of the following year; A2-R14 date from input P-A2-10).
 * - M09 periodic renewal: `periodic` (A3-R27 every 24 months, readings of D16).
 * - M10 event-triggered obligations: `onEvent` (A1-R17, A1-R22, A3-R32, A4-R32 …): a task whose due date is
 *   none (D18: no invented deadline), immediate, or taken from an input (A0-R13 P-A0-13, A1 P-A1-11).
 * - M15 retention: `retention` (A1-R19, A3-R29: end + 5 years, D29 deletion review).
 * - M01 lifecycle: `agreementExpiry` (A0-R16, A4-R26) and `noticeDates` (A4-R28, D25 store only; the notice
 *   periods themselves live in the agreement header `notice`).
 *
 * Every rule carries its rule id and its source (file, clause, literal German quote). Values the agreement
 * leaves open are `{ input: P-Ax-nn }` references, never guesses.
 */
import { z } from "zod";
import { inputReferenceSchema, isoDateSchema, ruleIdSchema, sourceSchema } from "../agreement/sourceSchema.ts";

import { periodSchema, type Period } from "../calendar/periodSchema.ts";

export { periodSchema, type Period };

/**
 * The case facts an anchor can refer to:
 * - case.start: start of service (case.start);
 * - case.admission: admission; for provisional access (A3-R05) the day chosen by D15;
 * - case.end: end of service / exit (case.end);
 * - provisional.start: only for provisional access: the day chosen by D15 (first day of use, application,
 *   payer confirmation);
 * - gesamtplan.change: each Gesamtplan dated after the case start (a new version);
 * - gesamtplan.plannedUpdate: the planned update date of the latest Gesamtplan (or the per-case input);
 * - event: each case event of `eventKind`;
 * - crisis.start: the first day of each recorded crisis.
 */
export const ANCHOR_FACTS = [
  "case.start",
  "case.admission",
  "case.end",
  "provisional.start",
  "gesamtplan.change",
  "gesamtplan.plannedUpdate",
  "event",
  "crisis.start",
] as const;
export type AnchorFact = (typeof ANCHOR_FACTS)[number];

export const anchorSchema = z
  .object({
    fact: z.enum(ANCHOR_FACTS),
    eventKind: z.string().min(1).optional().describe("nur bei fact: event, z. B. „significantNeedChange“"),
    caseInput: z.string().regex(/^P-[A-Z0-9]+-[0-9A-Za-z-]+$/).optional().describe("Eingabe je Fall, die das Datum liefert, wenn der Fall es nicht anders erfasst (z. B. P-A1-12)"),
    label: z.string().min(1).optional().describe("deutsche Bezeichnung des Ankers, wie im Vertrag („Aufnahme“)"),
  })
  .strict()
  .superRefine((anchor, context) => {
    if (anchor.fact === "event" && anchor.eventKind === undefined) context.addIssue({ code: "custom", path: ["eventKind"], message: "bei fact „event“ ist „eventKind“ nötig" });
    if (anchor.fact !== "event" && anchor.eventKind !== undefined) context.addIssue({ code: "custom", path: ["eventKind"], message: "„eventKind“ nur bei fact „event“" });
  });
export type Anchor = z.infer<typeof anchorSchema>;

/** How a task counts as done: a record in the case file's completedTasks, a Hilfeplan, or a Gesamtplan. */
export const COMPLETION_SOURCES = ["record", "initialHilfeplan", "hilfeplanUpdate", "gesamtplan"] as const;
export type CompletionSource = (typeof COMPLETION_SOURCES)[number];

const monthDaySchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "Tag als MM-TT, z. B. 03-31")
  .describe("Tag und Monat (MM-TT)");


const commonFields = {
  id: z.string().regex(/^[A-Za-z0-9-]+$/).describe("eindeutige ID der Fristregel in dieser Vereinbarung"),
  title: z.string().min(1).describe("deutscher Titel der Aufgabe"),
  taskType: z.string().regex(/^[a-z][A-Za-z]*$/).describe("Art der Aufgabe (camelCase), z. B. hilfeplan, progressReport"),
  ruleId: ruleIdSchema,
  source: sourceSchema,
  /** "i. d. R." / "soll" → soft (a target, warn); otherwise hard. */
  strength: z.enum(["hard", "soft"]).default("hard"),
  /** § 193 BGB shift of a nominal date on a Saturday, Sunday or public holiday (D20). */
  shiftToWorkingDay: z.boolean().default(true),
  validFrom: isoDateSchema.optional().describe("gilt für Anker ab diesem Datum"),
  validTo: isoDateSchema.optional().describe("gilt für Anker bis zu diesem Datum"),
};

const completedByField = z.array(z.enum(COMPLETION_SOURCES)).default(["record"]);

export const afterEventRuleSchema = z
  .object({
    ...commonFields,
    kind: z.literal("afterEvent"),
    anchor: anchorSchema,
    offset: periodSchema,
    /** Only when the anchored episode (a crisis) still lasts on the due day ("dauert … mehr als vier Wochen an"). */
    requiresOngoing: z.boolean().default(false),
    completedBy: completedByField,
  })
  .strict();

export const beforeEventRuleSchema = z
  .object({
    ...commonFields,
    kind: z.literal("beforeEvent"),
    anchor: anchorSchema,
    offset: periodSchema,
    completedBy: completedByField,
  })
  .strict();

export const dueSpecificationSchema = z.union([
  z
    .object({ type: z.literal("none"), decision: z.literal("D18").optional().describe("Fortschreibung nach Gesamtplanänderung ohne Eingabe für eine Frist") })
    .strict()
    .describe("keine Frist im Vertrag"),
  z.object({ type: z.literal("immediately") }).strict().describe("„umgehend“: fällig am Tag des Ereignisses"),
  z
    .object({
      type: z.literal("input"),
      from: inputReferenceSchema,
      part: z.string().min(1).optional().describe("Teil der Eingabe, wenn sie mehrere Fristen enthält"),
      decision: z.literal("D18").optional().describe("Frist der Fortschreibung nach Gesamtplanänderung"),
    })
    .strict()
    .describe("Frist oder Datum aus einer Eingabe"),
]);
export type DueSpecification = z.infer<typeof dueSpecificationSchema>;

export const onEventRuleSchema = z
  .object({
    ...commonFields,
    kind: z.literal("onEvent"),
    anchor: anchorSchema,
    due: dueSpecificationSchema,
    completedBy: completedByField,
  })
  .strict();

export const periodicRuleSchema = z
  .object({
    ...commonFields,
    kind: z.literal("periodic"),
    anchor: anchorSchema,
    every: periodSchema,
    /** D16 chooses the reading; without it, `reading` is fixed by the data. */
    readingDecision: z.literal("D16").optional(),
    reading: z.enum(["rolling", "anchored", "earlier"]).default("rolling"),
    /** "Sofern kein Gesamt-/Teilhabeplan vorliegt, der weniger als 24 Monate alt ist" (A3-R27). */
    skipWhileGesamtplanYoungerThan: periodSchema.optional(),
    renewedBy: z.enum(["hilfeplanUpdate"]).default("hilfeplanUpdate"),
  })
  .strict();

export const fixedDayNextYearRuleSchema = z
  .object({
    ...commonFields,
    kind: z.literal("fixedDayNextYear"),
    day: z.union([monthDaySchema, inputReferenceSchema]),
    /** The report years: every year with service, or every year with hospital-accompaniment lines. */
    years: z.enum(["service", "accompaniment"]),
  })
  .strict();

export const agreementExpiryRuleSchema = z
  .object({
    ...commonFields,
    kind: z.literal("agreementExpiry"),
  })
  .strict();

export const noticeDatesRuleSchema = z
  .object({
    ...commonFields,
    kind: z.literal("noticeDates"),
  })
  .strict();

export const retentionRuleSchema = z
  .object({
    ...commonFields,
    kind: z.literal("retention"),
    anchor: anchorSchema,
    offset: periodSchema,
  })
  .strict();

export const deadlineRuleSchema = z.discriminatedUnion("kind", [
  afterEventRuleSchema,
  beforeEventRuleSchema,
  onEventRuleSchema,
  periodicRuleSchema,
  fixedDayNextYearRuleSchema,
  agreementExpiryRuleSchema,
  noticeDatesRuleSchema,
  retentionRuleSchema,
]);
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;
export type AfterEventRule = z.infer<typeof afterEventRuleSchema>;
export type BeforeEventRule = z.infer<typeof beforeEventRuleSchema>;
export type OnEventRule = z.infer<typeof onEventRuleSchema>;
export type PeriodicRule = z.infer<typeof periodicRuleSchema>;
export type FixedDayNextYearRule = z.infer<typeof fixedDayNextYearRuleSchema>;
export type AgreementExpiryRule = z.infer<typeof agreementExpiryRuleSchema>;
export type NoticeDatesRule = z.infer<typeof noticeDatesRuleSchema>;
export type RetentionRule = z.infer<typeof retentionRuleSchema>;

/** A statement of the agreement about deadlines that produces no task (e.g. "A2 sets no Hilfeplan deadline"). */
export const deadlineNoteSchema = z
  .object({
    ruleId: ruleIdSchema,
    text: z.string().min(1).describe("deutscher Hinweis"),
    source: sourceSchema,
  })
  .strict();

export const deadlineParametersSchema = z
  .object({
    rules: z.array(deadlineRuleSchema).default([]),
    notes: z.array(deadlineNoteSchema).default([]),
  })
  .strict()
  .superRefine((section, context) => {
    const ids = new Set<string>();
    section.rules.forEach((rule, index) => {
      if (ids.has(rule.id)) context.addIssue({ code: "custom", path: ["rules", index, "id"], message: `Fristregel ${rule.id} doppelt` });
      ids.add(rule.id);
      if (rule.kind === "afterEvent" && rule.requiresOngoing && rule.anchor.fact !== "crisis.start") {
        context.addIssue({ code: "custom", path: ["rules", index, "requiresOngoing"], message: "„requiresOngoing“ nur bei einem Anker, der eine Dauer hat (crisis.start)" });
      }
      if (rule.validFrom !== undefined && rule.validTo !== undefined && rule.validTo < rule.validFrom) {
        context.addIssue({ code: "custom", path: ["rules", index, "validTo"], message: `gültig bis ${rule.validTo} liegt vor gültig ab ${rule.validFrom}` });
      }
    });
  });
export type DeadlinesParameters = z.infer<typeof deadlineParametersSchema>;
