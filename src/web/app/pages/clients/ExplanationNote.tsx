/** Why the engine says something: rule id, clause and the policy options applied (D01–D32). */
import type { Explanation } from "./clientTypes.ts";

export function ExplanationNote({ explanation }: { explanation: Explanation | undefined }) {
  if (!explanation) return null;
  const policies = (explanation.policies ?? []).map((policy) => `${policy.decision}: ${policy.option}`).join(", ");
  return (
    <span class="teilhabe-explanation">
      {" "}
      (Regel {explanation.ruleId}, {explanation.source.clause}
      {policies ? `; Option ${policies}` : ""})
    </span>
  );
}

/** The engine's findings (warnings, notes, tasks) each with its explanation. */
export function FindingList({ findings }: { findings: Array<{ severity: string; code: string; message: string; explanation?: Explanation }> }) {
  if (findings.length === 0) return null;
  return (
    <ul class="kern-list">
      {findings.map((finding, index) => (
        <li key={`${finding.code}-${index}`} class="kern-body">
          <strong>{finding.severity === "warn" ? "Warnung" : finding.severity === "task" ? "Aufgabe" : finding.severity === "hold" ? "Rückhalt" : "Hinweis"}: </strong>
          {finding.message}
          <ExplanationNote explanation={finding.explanation} />
        </li>
      ))}
    </ul>
  );
}
