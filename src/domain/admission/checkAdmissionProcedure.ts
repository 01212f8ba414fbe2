/**
 * M06/M05 admission procedure: a Teilhabe-/Gesamtplan before services start (A1-R06, A3-R04), the provisional
 * access of A3-R05 (reason, informal application, provider's first assessment, payer's binding confirmation),
 * the payer's admission approval (A4-R03, Fachreferat) and the residential care contract before the start
 * (A4-R05, Wohn- und Betreuungsvertrag). All dates are compared with the admission date (case start).
 */
import { compareDates, formatGermanDate, parseDate } from "../calendar/calendarDate.ts";
import type { Finding } from "../results/explanation.ts";
import type { AdmissionContext } from "./admissionContext.ts";
import type { GesamtplanCriterion, ProcedureCriterion, ProvisionalAccessCriterion } from "./admissionParameters.ts";
import { buildFailureFinding, buildFinding, buildPassFinding } from "./criterionFinding.ts";

const PROVISIONAL_LABELS: Record<ProvisionalAccessCriterion["requires"][number], string> = {
  reason: "behinderungsbedingter Grund",
  applicationDate: "Datum des formlosen Antrags",
  assessmentDate: "erste Einschätzung des Leistungserbringers",
  payerConfirmationDate: "verbindliche Rückmeldung des Trägers",
};

function checkProvisionalAccess(criterion: ProvisionalAccessCriterion, context: AdmissionContext): Finding[] {
  const provisional = context.caseFile.case.provisional ?? {};
  const missing = criterion.requires.filter((field) => {
    const value = provisional[field];
    return value === undefined || value.trim().length === 0;
  });
  if (missing.length > 0) {
    return [
      buildFailureFinding(
        "refuse",
        { criterion, code: "provisionalAccessIncomplete", message: `Vorläufiger Zugang unvollständig, es fehlt: ${missing.map((field) => PROVISIONAL_LABELS[field]).join(", ")}.`, details: { missing } },
        context.policy,
      ),
    ];
  }
  const findings: Finding[] = [];
  const confirmation = provisional.payerConfirmationDate;
  if (confirmation !== undefined && compareDates(parseDate(confirmation), context.asOf) > 0) {
    findings.push(
      buildFailureFinding("refuse", { criterion, code: "provisionalConfirmationPending", message: `Rückmeldung des Trägers ist auf den ${formatGermanDate(parseDate(confirmation))} datiert und liegt nach dem Prüfdatum.` }, context.policy),
    );
    return findings;
  }
  findings.push(buildPassFinding({ criterion, code: "provisionalAccessComplete", message: "Vorläufiger Zugang vollständig belegt." }, context.policy));
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
  if (context.caseFile.gesamtplans.length > 0) {
    findings.push(buildPassFinding({ criterion, code: "provisionalAccessCanEnd", message: "Ein Gesamtplan liegt vor: der vorläufige Zugang endet, den Fall auf regulären Zugang umstellen." }, context.policy));
  }
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
  const plans = context.caseFile.gesamtplans.map((plan) => parseDate(plan.date));
  const before = plans.filter((date) => compareDates(date, context.admissionDate) <= 0);
  if (before.length > 0) {
    const latest = before.reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));
    return [buildPassFinding({ criterion: gesamtplan, code: "gesamtplanPresent", message: `Gesamtplan vom ${formatGermanDate(latest)} liegt vor Leistungsbeginn vor.` }, context.policy)];
  }
  const message =
    plans.length > 0
      ? `Der Gesamtplan (${plans.map(formatGermanDate).join(", ")}) liegt erst nach Leistungsbeginn ${formatGermanDate(context.admissionDate)} vor.`
      : `Kein Teilhabe-/Gesamtplan erfasst; er ist vor Leistungsbeginn ${formatGermanDate(context.admissionDate)} erforderlich.`;
  return [buildFailureFinding(gesamtplan.onMissing, { criterion: gesamtplan, code: "gesamtplanMissing", message }, context.policy)];
}

function checkDatedBeforeStart(criterion: ProcedureCriterion, context: AdmissionContext, value: string | undefined, what: string, code: string): Finding[] {
  if (value === undefined) {
    return [buildFailureFinding("refuse", { criterion, code: `${code}Missing`, message: `${what} fehlt (erforderlich vor Beginn ${formatGermanDate(context.admissionDate)}).` }, context.policy)];
  }
  const date = parseDate(value);
  if (compareDates(date, context.admissionDate) > 0) {
    return [
      buildFailureFinding(
        "refuse",
        { criterion, code: `${code}AfterStart`, message: `${what} vom ${formatGermanDate(date)} liegt nach Beginn ${formatGermanDate(context.admissionDate)}; Tage davor sind nicht gedeckt.`, date: value },
        context.policy,
      ),
    ];
  }
  return [buildPassFinding({ criterion, code: `${code}Present`, message: `${what} vom ${formatGermanDate(date)} liegt vor.` }, context.policy)];
}

export function checkPayerApproval(criterion: ProcedureCriterion, context: AdmissionContext): Finding[] {
  return checkDatedBeforeStart(criterion, context, context.caseFile.case.payerApproval, "Aufnahmezustimmung des Fachreferats", "payerApproval");
}

export function checkCareContract(criterion: ProcedureCriterion, context: AdmissionContext): Finding[] {
  return checkDatedBeforeStart(criterion, context, context.caseFile.case.careContractDate, "Wohn- und Betreuungsvertrag", "careContract");
}
