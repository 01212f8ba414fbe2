/**
 * M06/M05 admission procedure: a Teilhabe-/Gesamtplan before services start (A1-R06, A3-R04), the provisional
 * access of A3-R05 (reason, informal application, provider's first assessment, payer's binding confirmation),
 * the payer's admission approval (A4-R03, Fachreferat) and the residential care contract before the start
 * (A4-R05, Wohn- und Betreuungsvertrag). A dated record counts only if it is dated on or before the
 * evaluation date (asOf); records required before the start must also be dated on or before the case start
 * (datedRecords.ts). A later record is reported as missing on the evaluation date, naming its date.
 */
import { compareDates, formatGermanDate, parseDate, type CalendarDate } from "../calendar/calendarDate.ts";
import type { Finding } from "../results/explanation.ts";
import type { AdmissionContext } from "./admissionContext.ts";
import type { GesamtplanCriterion, ProcedureCriterion, ProvisionalAccessCriterion } from "./admissionParameters.ts";
import { buildFailureFinding, buildFinding, buildPassFinding } from "./criterionFinding.ts";
import { standingOfRecords } from "./datedRecords.ts";

type ProvisionalRequirement = ProvisionalAccessCriterion["requires"][number];

const PROVISIONAL_LABELS: Record<ProvisionalRequirement, string> = {
  reason: "behinderungsbedingter Grund",
  applicationDate: "Datum des formlosen Antrags",
  assessmentDate: "erste Einschätzung des Leistungserbringers",
  payerConfirmationDate: "verbindliche Rückmeldung des Trägers",
};

const DATED_REQUIREMENTS: ReadonlySet<ProvisionalRequirement> = new Set(["applicationDate", "assessmentDate", "payerConfirmationDate"]);

/** The earlier of the evaluation date and the case start: a record needed before the start must exist by both. */
export function procedureCutoff(context: AdmissionContext): CalendarDate {
  return compareDates(context.asOf, context.admissionDate) <= 0 ? context.asOf : context.admissionDate;
}

/** The Gesamtplan's standing while access is provisional: it ends provisional access only once it exists (asOf). */
function checkGesamtplanDuringProvisionalAccess(criterion: ProvisionalAccessCriterion, context: AdmissionContext): Finding {
  const standing = standingOfRecords(
    context.caseFile.gesamtplans.map((plan) => plan.date),
    context.asOf,
  );
  const asOfText = formatGermanDate(context.asOf);
  if (standing.kind === "present") {
    return buildPassFinding(
      {
        criterion,
        code: "provisionalAccessCanEnd",
        message: `Gesamtplan vom ${formatGermanDate(standing.date)} liegt vor: der vorläufige Zugang endet, den Fall auf regulären Zugang umstellen.`,
        date: standing.date.toString(),
      },
      context.policy,
    );
  }
  const later = standing.kind === "laterThanAsOf" ? ` (der erfasste Gesamtplan ist erst auf den ${formatGermanDate(standing.laterDate)} datiert)` : "";
  return buildPassFinding(
    {
      criterion,
      code: "provisionalAccessContinues",
      message: `Am ${asOfText} liegt noch kein Gesamtplan vor${later}: der vorläufige Zugang gilt bis zum Abschluss des Teilhabe-/Gesamtplans.`,
      ...(standing.kind === "laterThanAsOf" ? { details: { gesamtplanDate: standing.laterDate.toString() } } : {}),
    },
    context.policy,
  );
}

function checkProvisionalAccess(criterion: ProvisionalAccessCriterion, context: AdmissionContext): Finding[] {
  const provisional = context.caseFile.case.provisional ?? {};
  const missing: ProvisionalRequirement[] = [];
  const laterDated: Partial<Record<ProvisionalRequirement, string>> = {};
  for (const field of criterion.requires) {
    const value = provisional[field]?.trim();
    if (value === undefined || value.length === 0) missing.push(field);
    else if (DATED_REQUIREMENTS.has(field) && compareDates(parseDate(value), context.asOf) > 0) laterDated[field] = value;
  }
  const later = Object.entries(laterDated) as [ProvisionalRequirement, string][];
  if (missing.length > 0 || later.length > 0) {
    const parts = [
      ...(missing.length > 0 ? [`es fehlt: ${missing.map((field) => PROVISIONAL_LABELS[field]).join(", ")}`] : []),
      ...later.map(([field, date]) => `${PROVISIONAL_LABELS[field]} ist erst auf den ${formatGermanDate(parseDate(date))} datiert`),
    ];
    const onlyConfirmationPending = missing.length === 0 && later.length === 1 && later[0]![0] === "payerConfirmationDate";
    return [
      buildFailureFinding(
        "refuse",
        {
          criterion,
          code: onlyConfirmationPending ? "provisionalConfirmationPending" : "provisionalAccessIncomplete",
          message: `Vorläufiger Zugang am ${formatGermanDate(context.asOf)} nicht belegt, ${parts.join("; ")}.`,
          details: { missing, ...(later.length > 0 ? { datedAfterAsOf: laterDated } : {}) },
        },
        context.policy,
      ),
    ];
  }
  const findings: Finding[] = [buildPassFinding({ criterion, code: "provisionalAccessComplete", message: "Vorläufiger Zugang vollständig belegt." }, context.policy)];
  const confirmation = provisional.payerConfirmationDate;
  if (confirmation !== undefined && compareDates(parseDate(confirmation), context.admissionDate) > 0) {
    findings.push(
      buildFinding(
        {
          criterion,
          severity: "warn",
          code: "servicesBeforeProvisionalConfirmation",
          message: `Beginn ${formatGermanDate(context.admissionDate)} liegt vor der Rückmeldung des Trägers (${formatGermanDate(parseDate(confirmation))}): Leistungen davor sind nicht gedeckt.`,
          date: confirmation,
        },
        context.policy,
      ),
    );
  }
  findings.push(checkGesamtplanDuringProvisionalAccess(criterion, context));
  return findings;
}

export function checkGesamtplanAndAccess(gesamtplan: GesamtplanCriterion | undefined, provisionalAccess: ProvisionalAccessCriterion | undefined, context: AdmissionContext): Finding[] {
  if (context.provisional) {
    if (provisionalAccess !== undefined) return checkProvisionalAccess(provisionalAccess, context);
    if (gesamtplan !== undefined) {
      return [buildFailureFinding(gesamtplan.onMissing, { criterion: gesamtplan, code: "provisionalAccessNotProvided", message: "Einen vorläufigen Zugang sieht diese Vereinbarung nicht vor; ein Gesamtplan ist Voraussetzung." }, context.policy)];
    }
  }
  if (gesamtplan === undefined) return [];
  const dates = context.caseFile.gesamtplans.map((plan) => plan.date);
  const standing = standingOfRecords(dates, context.asOf, context.admissionDate);
  const start = formatGermanDate(context.admissionDate);
  switch (standing.kind) {
    case "present":
      return [buildPassFinding({ criterion: gesamtplan, code: "gesamtplanPresent", message: `Gesamtplan vom ${formatGermanDate(standing.date)} liegt vor Leistungsbeginn vor.` }, context.policy)];
    case "afterDeadline":
      return [
        buildFailureFinding(
          gesamtplan.onMissing,
          { criterion: gesamtplan, code: "gesamtplanMissing", message: `Der Gesamtplan vom ${formatGermanDate(standing.date)} liegt erst nach Leistungsbeginn ${start} vor.`, date: standing.date.toString() },
          context.policy,
        ),
      ];
    case "laterThanAsOf":
      return [
        buildFailureFinding(
          gesamtplan.onMissing,
          {
            criterion: gesamtplan,
            code: "gesamtplanMissing",
            message: `Am ${formatGermanDate(context.asOf)} liegt kein Teilhabe-/Gesamtplan vor: der erfasste Gesamtplan ist erst auf den ${formatGermanDate(standing.laterDate)} datiert (erforderlich vor Leistungsbeginn ${start}).`,
            date: context.asOfText,
            details: { gesamtplanDate: standing.laterDate.toString() },
          },
          context.policy,
        ),
      ];
    case "none":
      return [buildFailureFinding(gesamtplan.onMissing, { criterion: gesamtplan, code: "gesamtplanMissing", message: `Kein Teilhabe-/Gesamtplan erfasst; er ist vor Leistungsbeginn ${start} erforderlich.` }, context.policy)];
  }
}

/** A record that must be dated on or before the case start and must exist on the evaluation date. */
function checkDatedBeforeStart(criterion: ProcedureCriterion, context: AdmissionContext, value: string | undefined, what: string, code: string): Finding[] {
  const start = formatGermanDate(context.admissionDate);
  const standing = standingOfRecords(value === undefined ? [] : [value], context.asOf, context.admissionDate);
  switch (standing.kind) {
    case "none":
      return [buildFailureFinding("refuse", { criterion, code: `${code}Missing`, message: `${what} fehlt (erforderlich vor Beginn ${start}).` }, context.policy)];
    case "laterThanAsOf":
      return [
        buildFailureFinding(
          "refuse",
          {
            criterion,
            code: `${code}Missing`,
            message: `${what} liegt am ${formatGermanDate(context.asOf)} nicht vor (erst auf den ${formatGermanDate(standing.laterDate)} datiert; erforderlich vor Beginn ${start}).`,
            date: context.asOfText,
            details: { recordDate: standing.laterDate.toString() },
          },
          context.policy,
        ),
      ];
    case "afterDeadline":
      return [
        buildFailureFinding(
          "refuse",
          { criterion, code: `${code}AfterStart`, message: `${what} vom ${formatGermanDate(standing.date)} liegt nach Beginn ${start}; Tage davor sind nicht gedeckt.`, date: standing.date.toString() },
          context.policy,
        ),
      ];
    case "present":
      return [buildPassFinding({ criterion, code: `${code}Present`, message: `${what} vom ${formatGermanDate(standing.date)} liegt vor.` }, context.policy)];
  }
}

export function checkPayerApproval(criterion: ProcedureCriterion, context: AdmissionContext): Finding[] {
  return checkDatedBeforeStart(criterion, context, context.caseFile.case.payerApproval, "Die Aufnahmezustimmung des Fachreferats", "payerApproval");
}

export function checkCareContract(criterion: ProcedureCriterion, context: AdmissionContext): Finding[] {
  return checkDatedBeforeStart(criterion, context, context.caseFile.case.careContractDate, "Der Wohn- und Betreuungsvertrag", "careContract");
}
