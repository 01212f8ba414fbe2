/** The answers of GET /api/v1/staffing, /staff-members, /staff-contracts and /background-checks, as the page reads them. */

export interface SourceReference {
  file: string;
  clause: string;
  quote?: string;
}

export interface Explanation {
  ruleId: string;
  source: SourceReference;
  policies?: Array<{ decision: string; option: string; origin?: string }>;
}

export type Severity = "block" | "hold" | "warn" | "task" | "info";

export interface Finding {
  severity: Severity;
  code: string;
  message: string;
  explanation: Explanation;
  date?: string;
}

/** An exact figure of the engine: exact decimal text and the presented rounding. */
export interface Figure {
  exact: string;
  rounded: string;
}

export interface NeedGroupTerm {
  needGroup: number;
  persons: Figure;
  personsPerFullTimeEquivalent: Figure;
  fullTimeEquivalents: Figure;
  source: SourceReference;
}

export interface ReadingFigures {
  reading: "included" | "added";
  total: Figure;
  weeklyHours?: Figure;
  weeklyHoursAtLeast?: Figure;
}

export interface StaffNeed {
  ruleId: string;
  label: string;
  status: "computed" | "held" | "notApplicable";
  needGroupTerms: NeedGroupTerm[];
  places?: { count: number; basis: "agreedPlaces" | "actualParticipants"; origin: string };
  ratioTotal?: Figure;
  coordination?: { persons: Figure; personsPerFullTimeEquivalent: Figure; fullTimeEquivalents: Figure; explanation: Explanation };
  applied?: ReadingFigures;
  alternative?: ReadingFigures;
  management?: { fullTimeEquivalents: Figure; totalIncludingManagement: Figure };
  actual?: { fullTimeEquivalents: Figure; difference: Figure; staffIds: string[] };
  findings: Finding[];
  explanation: Explanation;
}

export interface QuotaResult {
  quotaId: string;
  ruleId: string;
  label: string;
  status: "met" | "notMet" | "held";
  comparison: "atLeast" | "greaterThan" | "atMost";
  limitPercent?: Figure;
  sharePercent?: Figure;
  finding: Finding;
}

export interface MemberClassification {
  agreementId: string;
  staffId: string;
  status: string;
  label: string;
  explanation: Explanation;
}

export interface AgreementStaffing {
  agreementId: string;
  title: string;
  need: StaffNeed;
  quotas: QuotaResult[];
  classifications: MemberClassification[];
  notes: string[];
}

export type BackgroundCheckStatus = "notRequired" | "notRegulated" | "ok" | "overdue" | "missing" | "blocked" | "held";

export interface MemberBackgroundCheck {
  staffId: string;
  name?: string;
  status: BackgroundCheckStatus;
  lastValidPresentation?: string;
  nextDue?: { date: string; drivenBy: string[]; earliestIssueDate?: string; complete: boolean };
  presentations: Array<{ presentedOn: string; issuedOn: string; status: "accepted" | "rejected" | "open"; reasons: string[] }>;
  findings: Finding[];
}

export interface StaffingView {
  asOf: string;
  report: {
    agreements: AgreementStaffing[];
    backgroundChecks: { members: MemberBackgroundCheck[] };
    findings: Finding[];
    counts: Record<Severity, number>;
  };
  derivedFacts: string[];
  missingFacts: Array<{ fact: string; message: string }>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface StaffMember {
  id: string;
  name: string;
  qualifications?: string[];
}

export interface StaffContract {
  id: string;
  staffId: string;
  from: string;
  to?: string | null;
  weeklyHours: string;
  function?: string | null;
  agreementInstanceId?: string | null;
}

export interface BackgroundCheck {
  id: string;
  staffId: string;
  inspectedOn: string;
  issuedOn: string;
  result: "noEntries" | "relevantEntries";
}
