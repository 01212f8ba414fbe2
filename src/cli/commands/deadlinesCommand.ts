/**
 * `teilhabe deadlines CASE.json [--as-of DATE]`: the case's deadlines and tasks (M08–M10) and its retention
 * period (M15), each with rule, clause and policy option.
 */
import { computeCaseDeadlines } from "../../domain/deadlines/caseDeadlines.ts";
import type { Deadline } from "../../domain/deadlines/deadline.ts";
import { computeRetention, type RetentionResult } from "../../domain/retention/retention.ts";
import { formatDateGerman } from "../germanFormat.ts";
import { formatTable } from "../table.ts";
import { collectPolicies, renderPolicies } from "./billCommand.ts";
import type { LoadedCase } from "../loadCase.ts";

export interface DeadlinesView {
  agreementId: string;
  caseId: string;
  asOf: string;
  deadlines: Deadline[];
  retention: RetentionResult | null;
}

const STATUS_LABELS: Record<string, string> = { open: "offen", dueSoon: "bald fällig", overdue: "überfällig", done: "erledigt", info: "Information" };

export function runDeadlines(loaded: LoadedCase, asOf: string): DeadlinesView {
  const deadlines = computeCaseDeadlines(loaded.agreement, loaded.caseFile, { asOf });
  let retention: RetentionResult | null = null;
  if (loaded.agreement.deadlines?.rules.some((rule) => rule.kind === "retention")) retention = computeRetention(loaded.agreement, loaded.caseFile);
  return { agreementId: loaded.agreement.id, caseId: loaded.caseFile.case.id, asOf, deadlines, retention };
}

export function renderDeadlines(view: DeadlinesView): string {
  const rows = view.deadlines.map((deadline) => [
    deadline.title,
    `${deadline.anchor.what}${deadline.anchor.date ? ` (${formatDateGerman(deadline.anchor.date)})` : ""}`,
    deadline.nominalDue ? formatDateGerman(deadline.nominalDue) : "ohne Frist",
    deadline.shifted ? formatDateGerman(deadline.workingDayDue) : "",
    STATUS_LABELS[deadline.status] ?? deadline.status,
    `${deadline.explanation.ruleId} (${deadline.explanation.source.clause})`,
    [deadline.missingInput?.message, deadline.note].filter(Boolean).join(" "),
  ]);
  const parts = [`Fristen und Aufgaben ${view.agreementId}, Fall ${view.caseId}, Stand ${formatDateGerman(view.asOf)}`];
  parts.push(rows.length > 0 ? formatTable(["Aufgabe", "Anlass", "fällig", "nächster Werktag (§ 193 BGB)", "Status", "Regel", "Hinweis"], rows) : "Keine Fristen.");
  if (view.retention) parts.push(`Aufbewahrung: ${view.retention.message}`);
  const policies = renderPolicies(collectPolicies(view.deadlines.map((deadline) => deadline.explanation)));
  if (policies) parts.push(policies);
  return parts.join("\n");
}
