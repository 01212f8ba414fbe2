/**
 * The warnings a Fachkraft sees BEFORE an entry is saved (M14): the agreement's documentation checks
 * (checkServiceEntry: outside 06–22 h, qualified assistance by unqualified staff, remote without a reason, …)
 * and what billing would hold because of it: no cost coverage on that date (M05) or approved volume exceeded.
 * The billing part compares the month's invoice draft with and without the new entry: a hold of those codes
 * that grows with the entry becomes a finding. Nothing is stored.
 */
import { billCase } from "../../domain/billing/billCase.ts";
import type { Hold, InvoiceDraft } from "../../domain/billing/invoiceDraft.ts";
import { presentQuantity } from "../../domain/billing/presentInvoiceDraft.ts";
import type { ServiceEntry } from "../../domain/case/caseFileSchema.ts";
import { checkServiceEntry } from "../../domain/documentation/checkServiceEntry.ts";
import { ZERO, type Exact } from "../../domain/money/amount.ts";
import type { Finding } from "../../domain/results/explanation.ts";
import type { ResolvedCase } from "./loadStoredCase.ts";
import type { Period } from "./periodQuery.ts";

/** The id the unsaved entry carries inside the computation. */
export const UNSAVED_ENTRY_ID = "neuer-eintrag";

/** Billing holds the entry itself can cause, with the German wording of the finding. */
const ENTRY_HOLD_CODES: Record<string, string> = {
  noCostCoverage: "Keine Kostenübernahme am Leistungsdatum",
  volumeExceeded: "Bewilligtes Volumen überschritten",
};

export interface EntryCheckFinding extends Finding {
  /** Where the finding comes from: the documentation checks (M14) or the billing preview (M05). */
  origin: "documentation" | "billing";
  ruleId: string;
  clause: string;
}

export interface EntryCheckResult {
  caseId: string;
  agreementId: string;
  date: string;
  /** True when no finding is a warning or worse (info findings only). */
  clean: boolean;
  findings: EntryCheckFinding[];
}

function heldByCode(draft: InvoiceDraft, code: string): { quantity: Exact; holds: Hold[] } {
  const holds = draft.holds.filter((hold) => hold.code === code);
  return { quantity: holds.reduce((sum, hold) => sum.plus(hold.quantity), ZERO), holds };
}

function withOrigin(finding: Finding, origin: EntryCheckFinding["origin"]): EntryCheckFinding {
  return { ...finding, origin, ruleId: finding.explanation.ruleId, clause: finding.explanation.source.clause };
}

function billingFindings(before: InvoiceDraft, after: InvoiceDraft, entry: ServiceEntry): EntryCheckFinding[] {
  const findings: EntryCheckFinding[] = [];
  for (const [code, title] of Object.entries(ENTRY_HOLD_CODES)) {
    const was = heldByCode(before, code);
    const now = heldByCode(after, code);
    const added = now.quantity.minus(was.quantity);
    const ownHold = now.holds.find((hold) => hold.evidence.entryIds?.includes(UNSAVED_ENTRY_ID)) ?? now.holds.find((hold) => hold.periodFrom <= entry.date && entry.date <= hold.periodTo);
    const hold = added.greaterThan(0) ? (ownHold ?? now.holds[0]) : code === "noCostCoverage" ? ownHold : undefined;
    if (!hold) continue;
    const quantity = added.greaterThan(0) ? added : hold.quantity;
    findings.push(
      withOrigin(
        {
          severity: "warn",
          code,
          message: `${title}: ${hold.message}; ${presentQuantity(quantity)} ${hold.unit === "hour" ? "Std." : hold.unit} würden angehalten (${hold.release})`,
          explanation: hold.explanation,
          date: entry.date,
          details: { heldQuantity: presentQuantity(quantity), unit: hold.unit, release: hold.release },
        },
        "billing",
      ),
    );
  }
  return findings;
}

function orderEntries(entries: ServiceEntry[]): ServiceEntry[] {
  return [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.start ?? "") < (b.start ?? "") ? -1 : (a.start ?? "") > (b.start ?? "") ? 1 : 0));
}

/**
 * `stored` must hold the entries of the entry's month (and the volume history the loader adds). `replacedEntryId`:
 * the stored entry being edited, left out before the edited one is added (so it is not counted twice).
 */
export function checkEntryBeforeSave(stored: ResolvedCase, entryInput: ServiceEntry, month: Period, replacedEntryId?: string): EntryCheckResult {
  const entry: ServiceEntry = { ...entryInput, id: UNSAVED_ENTRY_ID };
  const caseFile = replacedEntryId === undefined ? stored.caseFile : { ...stored.caseFile, entries: stored.caseFile.entries.filter((other) => other.id !== replacedEntryId) };
  const withEntry = { ...caseFile, entries: orderEntries([...caseFile.entries, entry]) };
  const documentation = checkServiceEntry(stored.agreement, withEntry, entry).map((finding) => withOrigin(finding, "documentation"));
  const before = billCase(stored.agreement, caseFile, month);
  const after = billCase(stored.agreement, withEntry, month);
  const findings = [...documentation, ...billingFindings(before, after, entry)];
  return {
    caseId: stored.caseId,
    agreementId: stored.agreement.id,
    date: entry.date,
    clean: findings.every((finding) => finding.severity === "info"),
    findings,
  };
}
