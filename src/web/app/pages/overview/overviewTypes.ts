/** The answer of GET /api/v1/overview (src/server/routes/overviewRoutes.ts), as far as the page reads it. */

export interface SourceReference {
  file: string;
  clause: string;
  quote?: string;
}

export interface PolicyChoice {
  decision: string;
  option: string;
  origin?: string;
}

export interface Explanation {
  ruleId: string;
  source: SourceReference;
  policies?: PolicyChoice[];
}

export type DueStatus = "overdue" | "dueSoon" | "open";

export interface OverviewDeadline {
  id: string;
  title: string;
  status: DueStatus;
  severity: string;
  strength: "hard" | "soft";
  nominalDue: string | null;
  drivingDue: string | null;
  shifted: boolean;
  note?: string;
  missingInput?: { input?: string; message?: string; label?: string };
  anchor?: { what?: string; date?: string };
  explanation: Explanation;
  scope: "case" | "agreement";
  agreementInstanceId: string;
  agreementId: string;
  caseId?: string;
  clientId?: string;
  clientName: string | null;
}

export interface OverviewTask {
  id: string;
  title: string;
  taskType: string;
  status: DueStatus;
  dueDate: string | null;
  caseId: string | null;
  clientId: string | null;
  clientName: string | null;
  ruleId: string | null;
  source: SourceReference | null;
  note: string | null;
}

export interface HoldGroup {
  kind: "hold" | "rejected";
  code: string;
  message: string;
  release: string;
  inputId: string | null;
  ruleId: string;
  source: SourceReference;
  count: number;
  amountCents: number;
  withoutAmount: number;
  clientIds: string[];
}

export interface HoldRun {
  runId: string;
  month: string;
  state: "draft" | "issued";
  holdCount: number;
  heldCents: number;
  withoutAmount: number;
  groups: HoldGroup[];
}

export interface Occupancy {
  agreementInstanceId: string;
  agreementId: string;
  title: string | null;
  activeCases: number;
  places: number | null;
  status: "within" | "exceeded" | "unknown" | "notAgreed";
  message: string;
  missingInput: { id: string; label: string } | null;
  exampleValue: boolean;
  ruleId: string | null;
  source: SourceReference | null;
}

export type Severity = "block" | "hold" | "warn" | "task" | "info";

export interface StaffFinding {
  severity: Severity;
  code: string;
  message: string;
  explanation: Explanation;
  date?: string;
}

/** The number of all items of a section per state (the answer holds at most `limit` of each). */
export type DueCounts = Record<DueStatus, number>;

export interface DeadlineSection {
  items: OverviewDeadline[];
  counts?: DueCounts;
  notComputed: Array<{ agreementInstanceId: string; message: string }>;
}

export interface TaskSection {
  items: OverviewTask[];
  counts?: DueCounts;
}

export interface Overview {
  asOf: string;
  sections: Array<"deadlines" | "tasks" | "holds" | "occupancy" | "staffing">;
  deadlines?: DeadlineSection;
  tasks?: TaskSection;
  holds?: { runs: HoldRun[] };
  occupancy?: { items: Occupancy[] };
  staffing?: { counts: Record<Severity, number>; findings: StaffFinding[] };
}
