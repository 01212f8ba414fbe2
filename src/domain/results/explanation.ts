/**
 * Every computed result carries why it exists: the rule id of rules.md, the clause of the seed document it
 * implements, and the policy options (decisions.md) that shaped it. A payer's caseworker checks each euro by it.
 */
export interface SourceReference {
  /** Seed file name, e.g. "004_46ec7c044b308469.txt". */
  file: string;
  /** The document's own clause number, e.g. "§ 5.2" or "Anl. 1 § 5.1". */
  clause: string;
  /** Short German quote from the clause. */
  quote?: string;
}

export interface PolicyChoice {
  /** Decision id of decisions.md, e.g. "D01". */
  decision: string;
  /** The option applied, e.g. "A". */
  option: string;
  /** Where the option came from: the product default, the agreement's setting, or the case file. */
  origin: "default" | "agreement" | "case";
}

export interface Explanation {
  ruleId: string;
  source: SourceReference;
  policies?: PolicyChoice[];
}

export type Severity = "block" | "hold" | "warn" | "task" | "info";

/** A finding of a check (eligibility, documentation, staffing, volume …), with a German message. */
export interface Finding {
  severity: Severity;
  /** Stable machine code, e.g. "qualifiedAssistanceByUnskilledStaff". */
  code: string;
  /** German message shown to users. */
  message: string;
  explanation: Explanation;
  /** The date or period the finding refers to (ISO). */
  date?: string;
  details?: Record<string, unknown>;
}

export function explain(ruleId: string, source: SourceReference, policies?: PolicyChoice[]): Explanation {
  return policies && policies.length > 0 ? { ruleId, source, policies } : { ruleId, source };
}
