/**
 * Report drafts (Berichtsentwürfe) pre-filled from the documentation: Hilfeplan, its Fortschreibung, the
 * Verlaufsbericht, the Abschlussbericht, A0's Sozial- und Entwicklungsbericht and A4's yearly quality report.
 * Each kind has the sections of the minimum contents rules.md lists (M16), each with its rule id and clause;
 * a section is pre-filled from plan goals, measures, updates and service entries, and what the documentation
 * cannot say (helpful and hindering factors, the further need, a recommendation) is a visible gap
 * "[offen: …]" for the author to write. The draft is plain JSON: the user edits the section texts and sends the
 * draft back to be rendered (PDF or DOCX); nothing is stored. A final rendering refuses remaining gaps.
 */
import { z } from "zod";
import { formatGermanIsoDate, formatGermanQuantity } from "../germanDocumentFormat.ts";
import type { TextDocument, TextParagraph, TextRun } from "../text/textDocument.ts";

export const REPORT_KINDS = ["hilfeplan", "hilfeplanUpdate", "progressReport", "finalReport", "socialDevelopmentReport", "qualityReport"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_TITLES: Record<ReportKind, string> = {
  hilfeplan: "Hilfeplan",
  hilfeplanUpdate: "Fortschreibung des Hilfeplans",
  progressReport: "Verlaufsbericht",
  finalReport: "Abschlussbericht",
  socialDevelopmentReport: "Sozial- und Entwicklungsbericht",
  qualityReport: "Berichtsraster Qualitätsprüfung (Qualitätsbericht)",
};

export const reportSectionSchema = z
  .object({
    key: z.string().min(1).max(100),
    heading: z.string().min(1).max(300),
    /** Part of the minimum contents (M16): a final report needs it written, without gaps. */
    required: z.boolean(),
    ruleId: z.string().max(50),
    clause: z.string().max(200),
    /** Editable text; paragraphs separated by blank lines or line breaks; "[offen: …]" marks a gap. */
    text: z.string().max(100_000),
  })
  .strict();

export const reportDraftSchema = z
  .object({
    kind: z.enum(REPORT_KINDS),
    title: z.string().min(1).max(300),
    caseId: z.string().max(200),
    clientId: z.string().max(200),
    clientName: z.string().max(300),
    agreementId: z.string().max(200),
    providerName: z.string().max(300),
    periodFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    periodTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** Due date where the agreement fixes one (A4 quality report: 31.03. of the following year). */
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    createdOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    sections: z.array(reportSectionSchema).min(1).max(100),
  })
  .strict();

export type ReportSection = z.infer<typeof reportSectionSchema>;
export type ReportDraft = z.infer<typeof reportDraftSchema>;

/** What a draft is filled from: plain data the server reads from the store. */
export interface ReportDraftInput {
  kind: ReportKind;
  caseId: string;
  clientId: string;
  clientName: string;
  agreementId: string;
  providerName: string;
  caseStart: string;
  caseEnd: string | null;
  periodFrom: string;
  periodTo: string;
  createdOn: string;
  hilfeplan: { id: string; date: string; kind: "initial" | "update"; summary: string | null } | null;
  goals: Array<{ id: string; parentGoalId: string | null; title: string; description: string | null; status: string }>;
  measures: Array<{ id: string; goalId: string | null; title: string; description: string | null }>;
  updates: Array<{ goalId: string | null; date: string; attainment: string | null; text: string }>;
  /** Service entries of the period: count and hours per goal ("" for entries without a goal). */
  entriesByGoal: Array<{ goalId: string | null; count: number; hours: string }>;
  gesamtplan: { date: string; plannedUpdate: string | null; fileReference: string | null } | null;
  /** Quality report only: the report year and the cases of the agreement instance active in it. */
  year?: number;
  activeCaseCount?: number;
}

const ATTAINMENT: Record<string, string> = {
  achieved: "erreicht",
  partlyAchieved: "teilweise erreicht",
  notAchieved: "nicht erreicht",
  open: "offen",
  dropped: "entfallen",
};

export const GAP_PATTERN = /\[offen:[^\]]*\]/g;

function gap(what: string): string {
  return `[offen: ${what}]`;
}

function goalLines(input: ReportDraftInput, options: { withAttainment: boolean; withUpdates: boolean }): string[] {
  const lines: string[] = [];
  const topLevel = input.goals.filter((goal) => !goal.parentGoalId);
  for (const goal of topLevel) {
    const describe = (item: ReportDraftInput["goals"][number], prefix: string) => {
      let line = `${prefix}${item.title}`;
      if (item.description) line += ` – ${item.description}`;
      if (options.withAttainment) line += ` (Zielerreichung: ${ATTAINMENT[item.status] ?? item.status})`;
      lines.push(line);
      if (options.withUpdates)
        for (const update of input.updates.filter((entry) => entry.goalId === item.id).sort((a, b) => a.date.localeCompare(b.date)))
          lines.push(`    ${formatGermanIsoDate(update.date)}${update.attainment ? ` (${ATTAINMENT[update.attainment] ?? update.attainment})` : ""}: ${update.text}`);
    };
    describe(goal, "• ");
    for (const child of input.goals.filter((item) => item.parentGoalId === goal.id)) describe(child, "  – Teilziel: ");
  }
  return lines;
}

function measureLines(input: ReportDraftInput, withEntries: boolean): string[] {
  const titleOf = new Map(input.goals.map((goal) => [goal.id, goal.title]));
  const lines = input.measures.map((measure) => `• ${measure.title}${measure.description ? ` – ${measure.description}` : ""}${measure.goalId && titleOf.has(measure.goalId) ? ` (zu: ${titleOf.get(measure.goalId)})` : ""}`);
  if (withEntries) {
    const total = input.entriesByGoal.reduce((sum, entry) => sum + entry.count, 0);
    lines.push(`Dokumentierte Leistungen ${formatGermanIsoDate(input.periodFrom)} – ${formatGermanIsoDate(input.periodTo)}: ${total} Einträge.`);
    for (const entry of input.entriesByGoal)
      lines.push(`  – ${entry.goalId ? (titleOf.get(entry.goalId) ?? entry.goalId) : "ohne Zielbezug"}: ${entry.count} Einträge, ${formatGermanQuantity(entry.hours)} Std.`);
  }
  return lines;
}

function orGap(lines: string[], what: string): string {
  return lines.length > 0 ? lines.join("\n") : gap(what);
}

function section(key: string, heading: string, ruleId: string, clause: string, text: string, required = true): ReportSection {
  return { key, heading, required, ruleId, clause, text };
}

function sectionsOf(input: ReportDraftInput): ReportSection[] {
  const goals = (withAttainment: boolean, withUpdates: boolean) => orGap(goalLines(input, { withAttainment, withUpdates }), "keine Ziele im Hilfeplan erfasst");
  const measures = (withEntries: boolean) => orGap(measureLines(input, withEntries), "keine Maßnahmen im Hilfeplan erfasst");
  const gesamtplan = input.gesamtplan
    ? `Gesamtplan vom ${formatGermanIsoDate(input.gesamtplan.date)}${input.gesamtplan.fileReference ? `, Aktenzeichen ${input.gesamtplan.fileReference}` : ""}${input.gesamtplan.plannedUpdate ? `; geplante Fortschreibung ${formatGermanIsoDate(input.gesamtplan.plannedUpdate)}` : ""}.`
    : gap("Gesamtplan (Datum, Aktenzeichen) nicht erfasst");
  switch (input.kind) {
    case "hilfeplan":
      return [
        section("basis", "Grundlage: Ziele des Gesamtplans", "A1-R15", "§ 3.2.1", gesamtplan),
        section("goals", "Förderziele (abgeleitet aus den Zielen des Gesamtplans)", "A1-R15", "§ 3.2.1", orGap(goalLines({ ...input, goals: input.goals.filter((goal) => !goal.parentGoalId) }, { withAttainment: false, withUpdates: false }), "Förderziele")),
        section("subgoals", "Teilziele bis zur nächsten Fortschreibung", "A1-R15", "§ 3.2.1", orGap(input.goals.filter((goal) => goal.parentGoalId).map((goal) => `• ${goal.title}${goal.description ? ` – ${goal.description}` : ""}`), "Teilziele bis zur nächsten Fortschreibung")),
        section("measures", "Empfohlene tägliche, wöchentliche oder monatliche Fördermaßnahmen", "A1-R15", "§ 3.2.1", measures(false)),
      ];
    case "hilfeplanUpdate":
      return [
        section("attainment", "Erreichung der bisherigen Ziele", "A1-R17", "§ 3.2.2", goals(true, true)),
        section("newGoals", "Neue Förderziele und Teilziele", "A1-R17", "§ 3.2.2", gap("neue Förderziele und Teilziele")),
        section("measures", "Empfohlene Maßnahmen", "A1-R17", "§ 3.2.2", measures(false)),
      ];
    case "progressReport":
      return [
        section("measures", "Zusammenfassung der in Anspruch genommenen Maßnahmen", "A1-R20", "§ 3.2.4", measures(true)),
        section("attainment", "Zielerreichung", "A1-R20", "§ 3.2.4", goals(true, true)),
        section("factors", "Förderliche und hinderliche Faktoren", "A1-R20", "§ 3.2.4", `Förderlich: ${gap("förderliche Faktoren")}\nHinderlich: ${gap("hinderliche Faktoren")}`),
        section("need", "Bedarf aus Sicht des Leistungserbringers", "A1-R20", "§ 3.2.4", gap("Bedarf aus Sicht des Leistungserbringers")),
        section("recommendations", "Empfehlungen für künftige Ziele", "A1-R20", "§ 3.2.4", gap("Empfehlungen für künftige Ziele")),
        section("basis", "Gesamtplan", "A1-R20", "§ 3.2.4", gesamtplan, false),
      ];
    case "finalReport":
      return [
        section(
          "course",
          "Verlauf der Unterstützung",
          "A1-R22",
          "§ 3.2.5",
          [`Leistung vom ${formatGermanIsoDate(input.caseStart)} bis ${input.caseEnd ? formatGermanIsoDate(input.caseEnd) : gap("Ende der Leistung")}.`, goals(true, true), measures(true)].join("\n"),
        ),
        section("need", "Weiterer Bedarf zum Ende der Leistung", "A1-R22", "§ 3.2.5", gap("weiterer Bedarf zum Ende der Leistung")),
      ];
    case "socialDevelopmentReport":
      return [
        section("development", "Soziale Situation und Entwicklung", "A0-R13", "§ 1.2", gap("soziale Situation und Entwicklung der Familie")),
        section("attainment", "Ziele und ihre Erreichung", "A0-R13", "§ 1.2", goals(true, true)),
        section("measures", "Durchgeführte Maßnahmen", "A0-R13", "§ 1.2", measures(true)),
        section("factors", "Förderliche und hinderliche Faktoren", "A0-R13", "§ 1.2", `Förderlich: ${gap("förderliche Faktoren")}\nHinderlich: ${gap("hinderliche Faktoren")}`),
        section("need", "Weiterer Bedarf", "A0-R13", "§ 1.2", gap("weiterer Bedarf")),
      ];
    case "qualityReport": {
      const year = input.year ?? Number(input.periodFrom.slice(0, 4));
      return [
        section("year", "Berichtsjahr", "A4-R23", "§ 6.2", `Kalenderjahr ${year} (${formatGermanIsoDate(`${year}-01-01`)} – ${formatGermanIsoDate(`${year}-12-31`)}); vorzulegen bis ${formatGermanIsoDate(`${year + 1}-03-31`)}.`),
        section("occupancy", "Belegung", "A4-R23", "§ 6.2", `Im Berichtsjahr betreute Personen dieser Vereinbarung: ${input.activeCaseCount ?? 0}.`),
        section("quality", "Struktur-, Prozess- und Ergebnisqualität", "A4-R23", "§ 6.2", gap("Angaben nach dem Berichtsraster Qualitätsprüfung")),
        section("backgroundChecks", "Bestätigung: fristgerechte Vorlage der erweiterten Führungszeugnisse", "A4-R22", "Anl. 1 § 5.1", gap("Bestätigung der fristgerechten Vorlage der erweiterten Führungszeugnisse")),
        section("hospital", "Begleitung im Krankenhaus", "A4-R24", "§ 6.3", `Gesondertes Berichtsraster, vorzulegen bis ${formatGermanIsoDate(`${year + 1}-01-31`)}.`, false),
      ];
    }
  }
}

/** A report draft pre-filled from the documentation. */
export function createReportDraft(input: ReportDraftInput): ReportDraft {
  const year = input.year ?? Number(input.periodFrom.slice(0, 4));
  return {
    kind: input.kind,
    title: input.kind === "qualityReport" ? `${REPORT_TITLES.qualityReport} ${year}` : `${REPORT_TITLES[input.kind]} – ${input.clientName}`,
    caseId: input.caseId,
    clientId: input.clientId,
    clientName: input.clientName,
    agreementId: input.agreementId,
    providerName: input.providerName,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    dueDate: input.kind === "qualityReport" ? `${year + 1}-03-31` : null,
    createdOn: input.createdOn,
    sections: sectionsOf(input),
  };
}

/** Required sections that are empty or still hold a gap (a final report refuses them). */
export function findOpenReportSections(draft: ReportDraft): Array<{ path: string; message: string }> {
  return draft.sections.flatMap((item, index) => {
    if (!item.required) return [];
    if (item.text.trim() === "") return [{ path: `body.sections[${index}].text`, message: `„${item.heading}“ ist leer (Mindestinhalt, ${item.ruleId} ${item.clause})` }];
    const gaps = item.text.match(GAP_PATTERN);
    return gaps ? [{ path: `body.sections[${index}].text`, message: `„${item.heading}“ enthält noch ${gaps.join(", ")} (${item.ruleId} ${item.clause})` }] : [];
  });
}

function paragraphOf(line: string): TextParagraph {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of line.matchAll(GAP_PATTERN)) {
    if (match.index > last) runs.push({ text: line.slice(last, match.index) });
    runs.push({ text: match[0], gap: true });
    last = match.index + match[0].length;
  }
  if (last < line.length) runs.push({ text: line.slice(last) });
  return { runs };
}

/** The draft as a text document for the PDF and DOCX renderers. */
export function reportDraftToTextDocument(draft: ReportDraft, options: { final: boolean }): TextDocument {
  return {
    title: draft.title,
    subtitle: `${options.final ? "" : "ENTWURF · "}${draft.providerName} · Vereinbarung ${draft.agreementId}`,
    facts: [
      draft.kind === "qualityReport" ? `Leistungsangebot der Vereinbarung ${draft.agreementId} (alle Personen des Angebots)` : `Person: ${draft.clientName} (${draft.clientId}) · Fall ${draft.caseId}`,
      `Berichtszeitraum: ${formatGermanIsoDate(draft.periodFrom)} – ${formatGermanIsoDate(draft.periodTo)}${draft.dueDate ? ` · vorzulegen bis ${formatGermanIsoDate(draft.dueDate)}` : ""}`,
      `Erstellt am ${formatGermanIsoDate(draft.createdOn)}`,
    ],
    sections: draft.sections.map((item) => ({
      heading: `${item.heading} (${item.ruleId}, ${item.clause})`,
      level: 1 as const,
      paragraphs: item.text.split(/\n/).map(paragraphOf),
    })),
    date: draft.createdOn,
  };
}
