/**
 * Resolves the anchor of a deadline rule to dated occurrences in one case file (M08, M10).
 * - case.admission / provisional.start: for provisional access (A3-R05) the anchor is chosen by D15: first day
 *   of provisional use (default; falls back to case.start, the first day of use), informal application, or the
 *   payer's binding confirmation.
 * - gesamtplan.change: every Gesamtplan dated after the case start is a new version (A1-R17, A3-R27 (a)); the
 *   first plan, dated on or before the start, is the one the first Hilfeplan is made from.
 * - gesamtplan.plannedUpdate: the planned update of the latest Gesamtplan, else the per-case input (P-A1-12);
 *   missing → "missing anchor" (D19), shown as a warning.
 * An anchor that does not apply (no end yet, no crisis, not provisional) yields no occurrence and no warning.
 */
import { compareDates, formatGermanDate, parseDate, type CalendarDate } from "../calendar/calendarDate.ts";
import type { CaseFile } from "../case/caseFileSchema.ts";
import { resolvePolicy, type PolicySettings } from "../policy/decisions.ts";
import type { PolicyChoice } from "../results/explanation.ts";
import type { Anchor, AnchorFact } from "./deadlineParameters.ts";

export interface AnchorOccurrence {
  date: CalendarDate;
  /** German description, e.g. "Änderung des Gesamt-/Teilhabeplans vom 10.06.2026". */
  what: string;
  /** For an episode (crisis): its last day, or null while it lasts. */
  episodeEnd?: CalendarDate | null;
  /** Completion records dated on or after this day count for the occurrence (default: the anchor date). */
  windowStart?: CalendarDate;
}

export type AnchorResolution =
  | { status: "found"; occurrences: AnchorOccurrence[]; policies: PolicyChoice[] }
  | { status: "notApplicable"; policies: PolicyChoice[] }
  | { status: "missing"; what: string; message: string; inputId?: string; policies: PolicyChoice[] };

export interface PolicyContext {
  agreementPolicies: PolicySettings;
  casePolicies: PolicySettings;
}

const DEFAULT_LABELS: Record<AnchorFact, string> = {
  "case.start": "Beginn der Leistungserbringung",
  "case.admission": "Aufnahme",
  "case.end": "Ende der Leistungserbringung",
  "provisional.start": "Beginn des vorläufigen Zugangs",
  "gesamtplan.change": "Änderung des Gesamt-/Teilhabeplans",
  "gesamtplan.plannedUpdate": "geplante Fortschreibung des Gesamt-/Teilhabeplans",
  event: "Ereignis",
  "crisis.start": "Beginn der Krisensituation",
};

const D15_LABELS: Record<string, string> = {
  firstProvisionalDay: "erster Tag der vorläufigen Nutzung",
  application: "formloser Antrag",
  payerConfirmation: "verbindliche Rückmeldung des Leistungsträgers",
};

export function isProvisionalAccess(caseFile: CaseFile): boolean {
  return caseFile.case.accessStatus === "provisional";
}

/** The D15 anchor day of a provisional access, or the reason it is missing. */
function provisionalAnchor(caseFile: CaseFile, context: PolicyContext): { date?: CalendarDate; what: string; policy: PolicyChoice } {
  const policy = resolvePolicy("D15", context.agreementPolicies, context.casePolicies);
  const provisional = caseFile.case.provisional ?? {};
  const text =
    policy.option === "application"
      ? provisional.applicationDate
      : policy.option === "payerConfirmation"
        ? provisional.payerConfirmationDate
        : (provisional.firstDay ?? caseFile.case.start);
  const what = D15_LABELS[policy.option] ?? policy.option;
  return text === undefined ? { what, policy } : { date: parseDate(text), what, policy };
}

function readDateInput(caseFile: CaseFile, inputId: string): CalendarDate | undefined {
  const raw = caseFile.caseInputs[inputId];
  const value = raw !== null && typeof raw === "object" && "value" in raw ? (raw as { value: unknown }).value : raw;
  if (typeof value !== "string") return undefined;
  try {
    return parseDate(value);
  } catch {
    return undefined;
  }
}

export function resolveAnchor(anchor: Anchor, caseFile: CaseFile, context: PolicyContext): AnchorResolution {
  const label = anchor.label ?? DEFAULT_LABELS[anchor.fact];
  const caseStart = parseDate(caseFile.case.start);
  const found = (occurrences: AnchorOccurrence[], policies: PolicyChoice[] = []): AnchorResolution =>
    occurrences.length > 0 ? { status: "found", occurrences, policies } : { status: "notApplicable", policies };
  switch (anchor.fact) {
    case "case.start":
      return found([{ date: caseStart, what: label }]);
    case "case.end":
      return caseFile.case.end === undefined ? { status: "notApplicable", policies: [] } : found([{ date: parseDate(caseFile.case.end), what: label }]);
    case "case.admission":
    case "provisional.start": {
      if (!isProvisionalAccess(caseFile)) return anchor.fact === "case.admission" ? found([{ date: caseStart, what: label }]) : { status: "notApplicable", policies: [] };
      const provisional = provisionalAnchor(caseFile, context);
      const what = `${label} (${provisional.what}, D15)`;
      if (provisional.date === undefined) {
        return { status: "missing", what, message: `Anker fehlt: ${provisional.what} ist im Fall nicht erfasst (vorläufiger Zugang, D15)`, policies: [provisional.policy] };
      }
      return found([{ date: provisional.date, what }], [provisional.policy]);
    }
    case "gesamtplan.change":
      return found(
        caseFile.gesamtplans
          .map((plan) => parseDate(plan.date))
          .filter((date) => compareDates(date, caseStart) > 0)
          .map((date) => ({ date, what: `${label} vom ${formatGermanDate(date)}` })),
      );
    case "gesamtplan.plannedUpdate": {
      const latest = [...caseFile.gesamtplans].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1);
      const planned = latest?.plannedUpdate !== undefined ? parseDate(latest.plannedUpdate) : anchor.caseInput ? readDateInput(caseFile, anchor.caseInput) : undefined;
      if (planned === undefined) {
        const input = anchor.caseInput ? ` (Eingabe ${anchor.caseInput})` : "";
        const missing: AnchorResolution = {
          status: "missing",
          what: label,
          message: `Kann nicht terminiert werden: Datum der ${label} fehlt${input}`,
          policies: [],
        };
        if (anchor.caseInput) missing.inputId = anchor.caseInput;
        return missing;
      }
      const occurrence: AnchorOccurrence = { date: planned, what: `${label} am ${formatGermanDate(planned)}` };
      if (latest) occurrence.windowStart = parseDate(latest.date);
      return found([occurrence]);
    }
    case "event":
      return found(
        caseFile.events
          .filter((event) => event.kind === anchor.eventKind)
          .map((event) => {
            const date = parseDate(event.date);
            return { date, what: `${anchor.label ?? `Ereignis „${anchor.eventKind}“`} am ${formatGermanDate(date)}` };
          }),
      );
    case "crisis.start":
      return found(
        caseFile.crises.map((crisis) => {
          const date = parseDate(crisis.from);
          return { date, what: `${label} am ${formatGermanDate(date)}`, episodeEnd: crisis.to === undefined ? null : parseDate(crisis.to) };
        }),
      );
  }
}
