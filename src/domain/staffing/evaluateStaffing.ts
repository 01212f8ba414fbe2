/**
 * The staffing report of one team on its reference date: per agreement the staff requirement (M12), the
 * quotas (M13) and each member's classification (X-R02), the required organisation documents, and the
 * background checks across all agreements (M09, X-R01). Every figure and finding carries its explanation
 * (rule id, clause, policy options used).
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import { explain, type Finding, type Severity } from "../results/explanation.ts";
import { classifyStaffMember, type MemberClassification } from "./classifyQualification.ts";
import { computeStaffNeed, type StaffingOptions, type StaffNeed } from "./computeStaffNeed.ts";
import { evaluateBackgroundChecks, type BackgroundCheckReport } from "./evaluateBackgroundChecks.ts";
import { evaluateOrganisationDocuments, type DocumentStatus } from "./evaluateOrganisationDocuments.ts";
import { evaluateStaffQuotas, type QuotaResult } from "./evaluateStaffQuotas.ts";
import type { TeamFile } from "./teamFileSchema.ts";
import { namesAgreement, staffOfAgreement } from "./staffMembership.ts";

export interface AgreementStaffing {
  agreementId: string;
  title: string;
  need: StaffNeed;
  quotas: QuotaResult[];
  classifications: MemberClassification[];
  documents: DocumentStatus[];
  notes: string[];
}

export interface StaffingReport {
  asOf: string;
  organisation: string;
  team?: string;
  agreements: AgreementStaffing[];
  backgroundChecks: BackgroundCheckReport;
  /** All findings, most severe first. */
  findings: Finding[];
  counts: Record<Severity, number>;
}

const SEVERITY_ORDER: Severity[] = ["block", "hold", "warn", "task", "info"];

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || (a.date ?? "").localeCompare(b.date ?? ""));
}

/** Evaluates staffing for a team under the agreements it names (the caller passes the loaded agreements). */
export function evaluateStaffing(agreements: Agreement[], team: TeamFile, options: StaffingOptions = {}): StaffingReport {
  const asOf = options.asOf ?? team.asOf;
  const scoped = { ...options, asOf };
  const findings: Finding[] = [];
  const used: Agreement[] = [];
  for (const name of team.agreements) {
    const agreement = agreements.find((candidate) => namesAgreement(candidate, name));
    if (agreement) {
      if (!used.includes(agreement)) used.push(agreement);
    } else {
      findings.push({
        severity: "hold",
        code: "agreementNotLoaded",
        message: `Vereinbarung ${name} ist nicht geladen; Personalprüfung dafür angehalten`,
        explanation: explain("X-R01", { file: "—", clause: "—" }),
      });
    }
  }
  const perAgreement = used.map((agreement): AgreementStaffing => {
    const need = computeStaffNeed(agreement, team, scoped);
    const quotas = evaluateStaffQuotas(agreement, team, scoped);
    const classifications = agreement.staffing?.qualificationCatalogue
      ? staffOfAgreement(team, agreement, asOf).map((member) => classifyStaffMember(agreement, member, { asOf }))
      : [];
    const documents = evaluateOrganisationDocuments([agreement], team, { asOf });
    findings.push(...need.findings, ...quotas.map((quota) => quota.finding), ...documents.map((document) => document.finding));
    return { agreementId: agreement.id, title: agreement.title, need, quotas, classifications, documents, notes: agreement.staffing?.notes ?? [] };
  });
  const backgroundChecks = evaluateBackgroundChecks(used, team, scoped);
  findings.push(...backgroundChecks.findings);
  const sorted = sortFindings(findings);
  const counts = Object.fromEntries(SEVERITY_ORDER.map((severity) => [severity, sorted.filter((finding) => finding.severity === severity).length])) as Record<Severity, number>;
  return {
    asOf,
    organisation: team.organisation.name,
    ...(team.organisation.team ? { team: team.organisation.team } : {}),
    agreements: perAgreement,
    backgroundChecks,
    findings: sorted,
    counts,
  };
}
