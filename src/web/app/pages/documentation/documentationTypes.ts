/** Shapes of the API answers the Dokumentation page reads (documentationRoutes.ts, engineRoutes.ts, planRoutes.ts). */

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ClientSummary {
  id: string;
  name: string;
}

/** A case as the client directory gives it (GET /client-directory): with the agreement's title and the payer. */
export interface DirectoryCase {
  id: string;
  agreementInstanceId: string;
  agreementTitle: string | null;
  payerName: string | null;
  start: string;
  end: string | null;
}

export interface DirectoryClient {
  id: string;
  name: string;
  cases: DirectoryCase[];
}

export interface DirectoryPage {
  items: DirectoryClient[];
  nextCursor: string | null;
  total: number;
}

export interface CaseSummary {
  id: string;
  clientId: string;
  agreementInstanceId: string;
  start: string;
  end?: string;
  details?: { approvedAssistanceTypes?: string[] };
}

export type TimeKind = "direct" | "indirect" | "other";
export type AssistanceType = "simple" | "qualified";
export type Mode = "inPerson" | "remote";
export type RemoteChannel = "phone" | "video" | "mail" | "messenger";
export type Setting = "individual" | "group";
export type Attribution = "SGB IX" | "SGB VIII";

/** A stored service entry (Leistungseintrag) as GET /service-entries shows it: empty fields are left out. */
export interface ServiceEntryRecord {
  id: string;
  caseId: string;
  date: string;
  start?: string;
  end?: string;
  minutes?: number;
  hours?: string;
  timeKind: TimeKind;
  assistanceType?: AssistanceType;
  mode: Mode;
  remoteChannel?: RemoteChannel;
  remoteReason?: string;
  setting: Setting;
  groupSize?: number;
  consent?: boolean;
  withoutPersonPresent: boolean;
  staffId?: string;
  attribution?: Attribution;
  category?: string;
  place?: string;
  goalId?: string;
  note?: string;
  createdAt: string;
}

export interface Hilfeplan {
  id: string;
  caseId: string;
  date: string;
  kind: string;
}

export interface PlanGoal {
  id: string;
  hilfeplanId: string;
  parentGoalId?: string;
  title: string;
  status?: string;
}

/** A staff member as the staff directory gives it (GET /staff-directory). */
export interface StaffMember {
  id: string;
  name: string;
  qualifications: string[];
}

/** One finding of POST /service-entries/check, with the rule and clause the engine gives. */
export interface EntryCheckFinding {
  severity: "block" | "hold" | "warn" | "task" | "info";
  code: string;
  message: string;
  ruleId: string;
  clause: string;
  origin?: "documentation" | "billing";
  /** e.g. `missing: ["place"]` for a documentation that lacks a field (entryFieldMissing). */
  details?: { missing?: string[] } & Record<string, unknown>;
  explanation?: { ruleId: string; source: { file: string; clause: string; quote?: string }; policies?: { decision: string; option: string; origin?: string }[] };
}

export interface EntryCheckResult {
  caseId: string;
  agreementId?: string;
  date: string;
  clean: boolean;
  findings: EntryCheckFinding[];
}
