/**
 * M09 background checks for staff and volunteers, per agreement and across agreements (X-R01):
 * - A2-R12 (§ 7.1) / A4-R22 (Anl. 1 § 5.1): extended certificate at hiring, on special occasion and
 *   „spätestens alle 5 Jahre“, „nicht älter als drei Monate“; volunteers and interns when dependency,
 *   power or trust relationships are possible; conviction → BLOCK from contact work;
 *   A2-R13: investigation known → protective measures without delay (TASK due the same day).
 * - A3-R21/R22 (§ 5.1.2): before hiring or a permanent volunteer role, then „von längstens 3 Jahren“;
 *   maximum age only if input P-A3-15 is set; concrete indications → request a current certificate.
 * - A1-R24 (§ 3.1.2): interval and maximum age are inputs (P-A1-08, D24); nothing copied from A2/A3.
 * - X-R01: a person under several agreements meets the strictest rule: next due = the earliest of the
 *   per-agreement due dates; a certificate must satisfy every configured maximum age (the shortest wins).
 * Dates follow rules.md 0.3(a) (certificateAge.ts).
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import { createInputRegister } from "../agreement/resolveAgreement.ts";
import type { Source } from "../agreement/sourceSchema.ts";
import { compareDates, formatGermanDate, formatIsoDate, parseDate } from "../calendar/calendarDate.ts";
import { resolvePolicy, type PolicySettings } from "../policy/decisions.ts";
import { explain, type Finding, type PolicyChoice, type Severity } from "../results/explanation.ts";
import type { BackgroundCheckRule, Period, ScopeRule } from "./staffingParameters.ts";
import type { StaffMember, TeamFile } from "./teamFileSchema.ts";
import { earliestAcceptableIssueDate, isCertificateFresh, nextPresentationDue } from "./certificateAge.ts";
import { assignedAgreementIds, memberLabel, namesAgreement } from "./staffMembership.ts";
import { describePeriodGerman, isValidOn, parsePeriodValue, resolveValue } from "./staffingValues.ts";

export interface BackgroundCheckOptions {
  asOf?: string;
  casePolicies?: PolicySettings;
}

export interface AgreementCheckRule {
  agreementId: string;
  applies: boolean;
  /** German reason for (not) applying. */
  scope: string;
  ruleId?: string;
  interval?: Period;
  /** Maximum certificate age; null = the agreement sets none. */
  maximumCertificateAge?: Period | null;
  /** Hold messages for open inputs (interval or maximum age). */
  held: string[];
  /** Next due date under this agreement alone (ISO). */
  dueDate?: string;
  source?: Source;
}

export type PresentationStatus = "accepted" | "rejected" | "open";

export interface PresentationEvaluation {
  presentedOn: string;
  issuedOn: string;
  result: "noEntry" | "relevantEntry";
  status: PresentationStatus;
  /** German reasons for a rejection or an open check, per agreement. */
  reasons: string[];
}

export interface NextDue {
  /** The strictest due date (ISO). */
  date: string;
  /** Agreements whose rule gives this date. */
  drivenBy: string[];
  /** Earliest issue date of a certificate still accepted on the due date under every maximum age (ISO). */
  earliestIssueDate?: string;
  /** False when an applicable agreement's interval is still an open input: the date is then an upper bound. */
  complete: boolean;
}

export type BackgroundCheckStatus = "notRequired" | "notRegulated" | "ok" | "overdue" | "missing" | "blocked" | "held";

export interface MemberBackgroundCheck {
  staffId: string;
  name?: string;
  status: BackgroundCheckStatus;
  agreements: AgreementCheckRule[];
  presentations: PresentationEvaluation[];
  lastValidPresentation?: string;
  nextDue?: NextDue;
  findings: Finding[];
}

export interface BackgroundCheckReport {
  asOf: string;
  members: MemberBackgroundCheck[];
  findings: Finding[];
}

const SCOPE_TEXT: Record<ScopeRule, string> = {
  always: "immer",
  anyContact: "bei Kontakt zu Leistungsberechtigten",
  regularContact: "bei regelmäßigem Kontakt zu Leistungsberechtigten",
  permanentRegularContact: "bei dauerhafter Tätigkeit mit regelmäßigem Kontakt",
  dependencyPowerTrust: "wenn Abhängigkeits-, Macht- und Vertrauensverhältnisse entstehen können",
  never: "nicht erfasst",
};

function memberKind(member: StaffMember): "volunteers" | "interns" | "employees" {
  return member.volunteer ? "volunteers" : member.intern ? "interns" : "employees";
}

function isInScope(member: StaffMember, scope: ScopeRule): boolean {
  switch (scope) {
    case "always":
      return true;
    case "anyContact":
      return member.clientContact !== "none";
    case "regularContact":
      return member.clientContact === "regular";
    case "permanentRegularContact":
      return member.clientContact === "regular" && member.permanentRole !== false;
    case "dependencyPowerTrust":
      return member.dependencyPowerTrustPossible && member.clientContact !== "none";
    case "never":
      return false;
  }
}

const german = (iso: string) => formatGermanDate(parseDate(iso));

interface RuleContext {
  agreement: Agreement;
  rule: BackgroundCheckRule;
  view: AgreementCheckRule;
  policies: PolicyChoice[];
}

function resolveRule(agreement: Agreement, rule: BackgroundCheckRule, member: StaffMember, casePolicies: PolicySettings): RuleContext {
  const register = createInputRegister(agreement);
  const kind = memberKind(member);
  const scope = rule.scope[kind];
  const applies = isInScope(member, scope);
  const kindText = kind === "volunteers" ? "Ehrenamtliche" : kind === "interns" ? "Praktikant:innen" : "Beschäftigte";
  const view: AgreementCheckRule = {
    agreementId: agreement.id,
    applies,
    scope: `${kindText}: ${SCOPE_TEXT[scope]}${applies ? "" : " – trifft nicht zu"}`,
    ruleId: rule.ruleId,
    held: [],
    source: rule.source,
  };
  const policies = rule.decisions.map((decision) => resolvePolicy(decision, agreement.policies, casePolicies));
  const interval = resolveValue(rule.interval, register, (raw) => parsePeriodValue(raw, rule.inputUnit));
  if (interval.ok) view.interval = interval.value;
  else view.held.push(`Abstand der Vorlage nach ${agreement.id} offen: ${interval.message}`);
  if (!rule.maximumCertificateAge) view.maximumCertificateAge = null;
  else {
    const age = resolveValue(rule.maximumCertificateAge, register, (raw) => parsePeriodValue(raw, rule.inputUnit));
    if (age.ok) view.maximumCertificateAge = age.value;
    else if (rule.whenMaximumAgeInputMissing === "notApplied") view.maximumCertificateAge = null;
    else view.held.push(`Höchstalter des Führungszeugnisses nach ${agreement.id} offen: ${age.message}`);
  }
  return { agreement, rule, view, policies };
}

/** Evaluates the background checks of every active team member under the given agreements (X-R01 strictest rule). */
export function evaluateBackgroundChecks(agreements: Agreement[], team: TeamFile, options: BackgroundCheckOptions = {}): BackgroundCheckReport {
  const asOf = options.asOf ?? team.asOf;
  const casePolicies = { ...team.policies, ...(options.casePolicies ?? {}) };
  const members = team.staff
    .filter((member) => member.endDate === undefined || member.endDate >= asOf)
    .map((member) => evaluateMember(agreements, team, member, asOf, casePolicies));
  return { asOf, members, findings: members.flatMap((member) => member.findings) };
}

function evaluateMember(agreements: Agreement[], team: TeamFile, member: StaffMember, asOf: string, casePolicies: PolicySettings): MemberBackgroundCheck {
  const names = assignedAgreementIds(member, team);
  const memberAgreements = agreements.filter((agreement) => names.some((name) => namesAgreement(agreement, name)));
  const contexts: RuleContext[] = [];
  const views: AgreementCheckRule[] = [];
  for (const agreement of memberAgreements) {
    const rule = (agreement.staffing?.backgroundChecks ?? []).find((candidate) => isValidOn(candidate, asOf));
    if (!rule) {
      views.push({ agreementId: agreement.id, applies: false, scope: `${agreement.id} regelt keine Vorlage von Führungszeugnissen`, held: [] });
      continue;
    }
    const context = resolveRule(agreement, rule, member, casePolicies);
    views.push(context.view);
    if (context.view.applies) contexts.push(context);
  }
  const check: MemberBackgroundCheck = {
    staffId: member.id,
    ...(member.name ? { name: member.name } : {}),
    status: "ok",
    agreements: views,
    presentations: [],
    findings: [],
  };
  if (contexts.length === 0) {
    check.status = views.some((view) => view.ruleId) ? "notRequired" : "notRegulated";
    return check;
  }

  const label = memberLabel(member);
  const strictest = contexts.length > 1;
  const explanationFor = (context: RuleContext, ruleId = context.rule.ruleId, source: Source = context.rule.source) =>
    explain(strictest ? "X-R01" : ruleId, source, context.policies);
  const push = (severity: Severity, code: string, message: string, context: RuleContext, extra: Partial<Finding> = {}, ruleId?: string, source?: Source) =>
    check.findings.push({ severity, code, message, explanation: explanationFor(context, ruleId, source), ...extra });
  const first = contexts[0]!;

  // Open inputs (A1: P-A1-08, D24).
  for (const context of contexts) for (const message of context.view.held) push("hold", "backgroundCheckInputMissing", `${label}: ${message}`, context);

  // Each presentation under every applicable maximum age (the shortest wins).
  const presentations = [...member.backgroundChecks].sort((a, b) => (a.presentedOn < b.presentedOn ? -1 : a.presentedOn > b.presentedOn ? 1 : 0));
  for (const presentation of presentations) {
    const reasons: string[] = [];
    let status: PresentationStatus = "accepted";
    for (const context of contexts) {
      const age = context.view.maximumCertificateAge;
      if (age === undefined) {
        reasons.push(`${context.agreement.id}: Höchstalter offen`);
        if (status === "accepted") status = "open";
      } else if (age !== null && !isCertificateFresh(parseDate(presentation.issuedOn), parseDate(presentation.presentedOn), age)) {
        reasons.push(`${context.agreement.id}: älter als ${describePeriodGerman(age)}`);
        status = "rejected";
      }
    }
    check.presentations.push({ presentedOn: presentation.presentedOn, issuedOn: presentation.issuedOn, result: presentation.result, status, reasons });
    if (status === "rejected") {
      const context = contexts.find((item) => reasons.some((reason) => reason.startsWith(`${item.agreement.id}:`) && reason.includes("älter"))) ?? first;
      push(
        "warn",
        "certificateTooOld",
        `${label}: Führungszeugnis vom ${german(presentation.issuedOn)}, vorgelegt am ${german(presentation.presentedOn)}, nicht anerkannt (${reasons.join("; ")})`,
        context,
        { date: presentation.presentedOn },
      );
    }
  }
  const valid = check.presentations.filter((presentation) => presentation.status !== "rejected");
  const lastValid = valid[valid.length - 1];
  if (lastValid) check.lastValidPresentation = lastValid.presentedOn;

  // Conviction (A2-R12, A3-R21, A4-R22): block from contact work.
  if (member.relevantConviction || lastValid?.result === "relevantEntry") {
    check.status = "blocked";
    push(
      "block",
      "relevantConviction",
      `${label}: Verurteilung wegen einer Straftat nach § 124 Abs. 2 SGB IX ${member.relevantConviction ? "bekannt" : "im Führungszeugnis eingetragen"}: kein Einsatz mit Kontakt zu Leistungsberechtigten`,
      first,
      {},
      first.rule.conviction.ruleId,
      first.rule.conviction.source,
    );
  }

  // Certificate at hiring / before a permanent volunteer role.
  const startRules = contexts.filter((context) => context.rule.requiredBeforeStart);
  if (startRules.length > 0) {
    const context = startRules[0]!;
    const source = context.rule.requiredBeforeStart!.source;
    if (member.startDate === undefined) {
      if (!lastValid) {
        check.status = "blocked";
        push("block", "backgroundCheckMissing", `${label}: kein anerkanntes Führungszeugnis erfasst: kein Einsatz mit Kontakt zu Leistungsberechtigten`, context, {}, undefined, source);
      }
    } else {
      const atStart = valid.some((presentation) => presentation.presentedOn <= member.startDate!);
      if (!atStart && member.startDate > asOf) {
        push("task", "backgroundCheckBeforeStart", `${label}: Führungszeugnis vor Beginn am ${german(member.startDate)} vorlegen lassen`, context, { date: member.startDate }, undefined, source);
      } else if (!atStart && !lastValid) {
        check.status = "blocked";
        push("block", "backgroundCheckMissing", `${label}: kein anerkanntes Führungszeugnis bei Beginn am ${german(member.startDate)}: kein Einsatz mit Kontakt zu Leistungsberechtigten`, context, { date: member.startDate }, undefined, source);
      } else if (!atStart) {
        push("warn", "backgroundCheckLate", `${label}: Führungszeugnis erst am ${german(lastValid!.presentedOn)} vorgelegt, Beginn war am ${german(member.startDate)}`, context, { date: member.startDate }, undefined, source);
      }
    }
  } else if (!lastValid) {
    check.status = "missing";
    push("warn", "backgroundCheckMissing", `${label}: kein anerkanntes Führungszeugnis erfasst`, first);
  }

  // Next due date: the earliest of the per-agreement due dates (X-R01).
  if (lastValid) {
    const last = parseDate(lastValid.presentedOn);
    let best: { date: string; drivenBy: string[] } | undefined;
    for (const context of contexts) {
      if (!context.view.interval) continue;
      const due = formatIsoDate(nextPresentationDue(last, context.view.interval));
      context.view.dueDate = due;
      if (!best || due < best.date) best = { date: due, drivenBy: [context.agreement.id] };
      else if (due === best.date) best.drivenBy.push(context.agreement.id);
    }
    if (best) {
      const dueDate = parseDate(best.date);
      const ages = contexts.map((context) => context.view.maximumCertificateAge).filter((age): age is Period => age !== undefined && age !== null);
      const earliest = ages.map((age) => earliestAcceptableIssueDate(dueDate, age)).sort(compareDates).pop();
      const complete = contexts.every((context) => context.view.interval !== undefined);
      check.nextDue = { date: best.date, drivenBy: best.drivenBy, ...(earliest ? { earliestIssueDate: formatIsoDate(earliest) } : {}), complete };
      const driver = contexts.find((context) => context.agreement.id === best.drivenBy[0])!;
      const issueText = earliest ? ` (ausgestellt frühestens am ${formatGermanDate(earliest)})` : "";
      const boundText = complete ? "" : " – vorläufig, weitere Frist offen";
      const byText = strictest ? ` – strengste Regel: ${best.drivenBy.join(", ")}` : "";
      if (best.date < asOf) {
        if (check.status === "ok") check.status = "overdue";
        push("warn", "backgroundCheckOverdue", `${label}: Führungszeugnis war spätestens am ${german(best.date)} erneut vorzulegen${byText}`, driver, { date: best.date });
      } else {
        push("task", "backgroundCheckDue", `${label}: nächstes Führungszeugnis spätestens am ${german(best.date)} vorlegen lassen${issueText}${byText}${boundText}`, driver, {
          date: best.date,
          details: { drivenBy: best.drivenBy, perAgreement: contexts.map((context) => ({ agreement: context.agreement.id, dueDate: context.view.dueDate })) },
        });
      }
    }
  }
  if (check.status === "ok" && contexts.some((context) => context.view.held.length > 0) && !check.nextDue) check.status = "held";

  evaluateEvents(member, contexts, check, label, push);
  return check;
}

/** Special occasion, known investigation, concrete indications (A2-R13, A3-R22, A4-R22): one task per event and action. */
function evaluateEvents(
  member: StaffMember,
  contexts: RuleContext[],
  check: MemberBackgroundCheck,
  label: string,
  push: (severity: Severity, code: string, message: string, context: RuleContext, extra?: Partial<Finding>, ruleId?: string, source?: Source) => void,
): void {
  const done = new Set<string>();
  for (const event of member.events) {
    for (const context of contexts) {
      for (const reaction of context.rule.events.filter((item) => item.kind === event.kind)) {
        const key = `${reaction.action}|${event.date}`;
        if (done.has(key)) continue;
        done.add(key);
        if (reaction.action === "requestCertificate") {
          const satisfied = check.presentations.some((presentation) => presentation.status !== "rejected" && presentation.presentedOn >= event.date);
          if (!satisfied)
            push(reaction.severity, "currentCertificateRequested", `${label}: aktuelles Führungszeugnis anfordern (Anlass vom ${german(event.date)})`, context, { date: event.date }, reaction.ruleId, reaction.source);
        } else if (event.measuresRecordedOn === undefined) {
          push(reaction.severity, "protectiveMeasuresRequired", `${label}: Ermittlungsverfahren bekannt seit ${german(event.date)}: unverzüglich geeignete Schutzmaßnahmen ergreifen und dokumentieren`, context, { date: event.date }, reaction.ruleId, reaction.source);
        }
      }
    }
  }
}
