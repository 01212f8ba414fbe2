/**
 * Service entries (Leistungsdokumentation, rules.md M14): a body is checked with the same rules as the case
 * file's `serviceEntrySchema` (the duration exactly once: minutes, hours, or start and end; the end after the
 * start), plus the case it belongs to, the staff member and the goal it served, and an optional note.
 * `null` in a PATCH removes a value, so an entry can switch from minutes to start and end.
 */
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { serviceEntrySchema, TIME_KINDS } from "../../domain/case/caseFileSchema.ts";
import { cases, hilfeplans, planGoals, serviceEntries, staffMembers } from "../../store/schema/index.ts";
import type { AppContext, RequestScope } from "../appContext.ts";
import { hoursField, isoDateField, timeOfDayField } from "../fieldSchemas.ts";
import { invalidInput } from "../problem.ts";
import { registerResourceRoutes } from "../resourceRoutes.ts";
import { optionalField, referenceField, textField } from "./recordFields.ts";

const MINUTES_PER_DAY = 24 * 60;

export const serviceEntryFields = {
  caseId: referenceField("Fall"),
  date: isoDateField.describe("Tag der Leistung"),
  start: optionalField(timeOfDayField.describe("Beginn")),
  end: optionalField(timeOfDayField.describe("Ende")),
  minutes: optionalField(z.number().int().nonnegative().max(MINUTES_PER_DAY).describe("Dauer in Minuten")),
  hours: optionalField(hoursField.describe("Dauer in Stunden, z. B. 1.25")),
  timeKind: z.enum(TIME_KINDS).optional().describe("direct (Standard), indirect, other"),
  assistanceType: optionalField(z.enum(["simple", "qualified"]).describe("einfache / qualifizierte Assistenz (§ 78 Abs. 2 Nr. 1 / 2 SGB IX)")),
  mode: z.enum(["inPerson", "remote"]).optional().describe("inPerson (Standard) oder remote"),
  remoteChannel: optionalField(z.enum(["phone", "video", "mail", "messenger"])),
  remoteReason: optionalField(textField(1_000)),
  setting: z.enum(["individual", "group"]).optional().describe("individual (Standard) oder group"),
  groupSize: optionalField(z.number().int().positive().max(1_000)),
  consent: optionalField(z.boolean().describe("Zustimmung der Person (Leistung „für“ die Person, Gruppenangebot)")),
  withoutPersonPresent: z.boolean().optional(),
  staffId: optionalField(referenceField("Mitarbeitende:r")),
  attribution: optionalField(z.enum(["SGB IX", "SGB VIII"]).describe("Zuordnung zum Leistungsträger (A0-R09, D23)")),
  category: optionalField(z.string().min(1).max(200).describe("Leistungsart, z. B. „Kontaktsicherung“")),
  place: optionalField(z.string().min(1).max(200)),
  goalId: optionalField(referenceField("Förderziel, dem die Leistung dient")),
  note: optionalField(textField(10_000).describe("Notiz; wird nicht abgerechnet")),
};

/** The case file's rules for an entry: what the engine will read must be a valid case-file entry. */
export function refineServiceEntry(record: Record<string, unknown>, context: z.RefinementCtx): void {
  const entry: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== null && value !== undefined && key !== "caseId" && key !== "note") entry[key] = value;
  const parsed = serviceEntrySchema.safeParse(entry);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) if (issue.code === "custom") context.addIssue({ code: "custom", path: issue.path, message: issue.message });
}

/** The goal an entry served must be a goal of a Hilfeplan of the entry's case. */
async function checkGoalOfCase(scope: RequestScope, entry: Record<string, unknown>): Promise<void> {
  if (entry.goalId === undefined || entry.goalId === null) return;
  const rows = await scope.tx
    .select({ caseId: hilfeplans.caseId })
    .from(planGoals)
    .innerJoin(hilfeplans, and(eq(hilfeplans.organisationId, planGoals.organisationId), eq(hilfeplans.id, planGoals.hilfeplanId)))
    .where(and(eq(planGoals.organisationId, scope.actor.organisationId), eq(planGoals.id, String(entry.goalId))))
    .limit(1);
  const caseId = rows[0]?.caseId;
  if (caseId !== undefined && caseId !== entry.caseId)
    throw invalidInput([{ path: "body.goalId", message: `Förderziel „${String(entry.goalId)}“ gehört zum Fall „${caseId}“, nicht zu „${String(entry.caseId)}“`, value: entry.goalId }]);
}

export function registerDocumentationRoutes(app: FastifyInstance, context: AppContext): void {
  registerResourceRoutes(app, context, {
    path: "service-entries",
    tag: "Dokumentation",
    label: "Leistungseintrag",
    table: serviceEntries,
    description: "Leistungseinträge wie `entries` der Falldatei (M14). Filter `from`/`to` gelten für das Datum der Leistung.",
    fields: serviceEntryFields,
    refine: refineServiceEntry,
    filters: {
      caseId: { column: serviceEntries.caseId },
      staffId: { column: serviceEntries.staffId },
      goalId: { column: serviceEntries.goalId },
      timeKind: { column: serviceEntries.timeKind, schema: z.enum(TIME_KINDS) },
      assistanceType: { column: serviceEntries.assistanceType, schema: z.enum(["simple", "qualified"]) },
      attribution: { column: serviceEntries.attribution, schema: z.enum(["SGB IX", "SGB VIII"]) },
    },
    periodColumn: serviceEntries.date,
    references: [
      { field: "caseId", table: cases, label: "Fall" },
      { field: "staffId", table: staffMembers, label: "Mitarbeitende:r" },
      { field: "goalId", table: planGoals, label: "Förderziel" },
    ],
    afterWrite: async (scope, record, operation) => {
      if (operation !== "delete") await checkGoalOfCase(scope, record);
    },
    // Only the goal needs a check after the write: an entry without one is created in one statement.
    needsAfterCreate: (body) => body.goalId !== undefined && body.goalId !== null,
  });
}
