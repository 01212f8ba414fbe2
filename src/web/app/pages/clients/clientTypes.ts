/** Shapes of the API answers the client pages read (only the fields they show). */

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface DirectoryCase {
  id: string;
  agreementInstanceId: string;
  agreementId: string | null;
  agreementTitle: string | null;
  payerId: string | null;
  payerName: string | null;
  start: string;
  end: string | null;
  accessStatus: string;
  coverage: { id: string; to: string | null } | null;
}

export interface DirectoryItem {
  id: string;
  name: string;
  birthDate: string | null;
  state: string;
  cases: DirectoryCase[];
  nextTask: { id: string; title: string; dueDate: string } | null;
}

export interface DirectoryPage extends Page<DirectoryItem> {
  total: number;
  options?: { agreements: Array<{ id: string; agreementId: string; title: string | null }>; payers: Array<{ id: string; name: string }> };
}

export interface ClientRecord {
  id: string;
  name: string;
  birthDate?: string;
  details?: { residence?: { land?: string; municipality?: string; district?: string }; livingSituation?: string };
}

export interface CaseRecord {
  id: string;
  clientId: string;
  agreementInstanceId: string;
  payerId?: string;
  start: string;
  end?: string;
  accessStatus: string;
  needGroups: Array<{ from: string; to?: string; group: number; source: string }>;
}

export interface Explanation {
  ruleId: string;
  source: { file?: string; clause: string; quote?: string };
  policies?: Array<{ decision: string; option: string; origin?: string }>;
}

export interface Finding {
  severity: string;
  code: string;
  message: string;
  explanation?: Explanation;
  date?: string;
}

export interface CoverageUse {
  id: string;
  from: string;
  to: string | null;
  approvedHours: string | null;
  per: string | null;
  billedHours: string;
  remainingHours: string | null;
  note: string | null;
}

export interface CaseVolume {
  caseId: string;
  agreementId: string;
  month: string;
  applies: boolean;
  message: string | null;
  monthly: null | {
    status: string;
    hours: string;
    averageWeeklyHoursRounded?: string;
    band?: { minimumWeeklyHours?: string; maximumWeeklyHours?: string };
    findings: Finding[];
    explanation?: Explanation;
  };
  year: null | { year: number; limit: number; shortfallCount: number; findings: Finding[]; explanation?: Explanation };
  corridor: null | {
    window: { key: string; from: string; to: string };
    segments: Array<{ from: string; to: string; hours: string; averageWeeklyHoursRounded: string; needGroup: number; corridor?: { fromWeeklyHours: string; toWeeklyHours: string }; position: string }>;
    findings: Finding[];
    explanation?: Explanation;
  };
  coverages: CoverageUse[];
}

export interface ClientVolume {
  clientId: string;
  month: string;
  cases: CaseVolume[];
}

export interface Deadline {
  id: string;
  title: string;
  nominalDue: string | null;
  workingDayDue: string | null;
  drivingDue: string | null;
  shifted: boolean;
  status: string;
  severity: string;
  note?: string;
  missingInput?: { message: string };
  completedOn?: string;
  explanation: Explanation;
}

export interface CaseDeadlines {
  caseId: string;
  agreementId: string;
  agreementTitle: string;
  start: string;
  end: string | null;
  asOf: string;
  deadlines: Deadline[];
  retention: null | { until?: string; explanation?: Explanation; [key: string]: unknown };
}

export interface ClientDeadlines {
  clientId: string;
  asOf: string;
  cases: CaseDeadlines[];
}

export interface ServiceEntry {
  id: string;
  date: string;
  start?: string;
  end?: string;
  minutes?: number;
  hours?: string;
  timeKind: string;
  assistanceType?: string;
  mode: string;
  remoteReason?: string;
  setting: string;
  groupSize?: number;
  staffId?: string;
  goalId?: string;
  note?: string;
}

export interface MonthHold {
  code: string;
  message: string;
  quantity: string;
  unit: string;
  amount?: string;
  ruleId: string;
  clause: string;
}

export interface MonthCase {
  caseId: string;
  agreementId: string;
  agreementTitle: string;
  entries: ServiceEntry[];
  absences: Array<{ id?: string; from: string; to: string; reason: string }>;
  crises: Array<{ id?: string; from: string; to?: string }>;
  contacts: Array<{ id: string; date: string; kind: string; note?: string }>;
  billing: { billed: string; held: string; quantities?: Record<string, { delivered: string; billed: string; held: string; rejected: string }>; lineCount: number; holds: MonthHold[] };
  deadlinesDue: Deadline[];
}

export interface ClientMonth {
  month: string;
  asOf: string;
  cases: MonthCase[];
}
