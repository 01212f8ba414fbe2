/** A KERN badge: the status in words (never colour alone), with its icon. */

export type BadgeTone = "danger" | "warning" | "info" | "success";

export function StatusBadge({ label, tone }: { label: string; tone: BadgeTone }) {
  return (
    <span class={`kern-badge kern-badge--${tone}`}>
      <span class={`kern-icon kern-icon--${tone}`} aria-hidden="true" />
      <span class="kern-label">{label}</span>
    </span>
  );
}

/** The engine's severities of a finding, in words with their badge tone (shared by every page that shows findings). */
export type FindingSeverity = "block" | "hold" | "warn" | "task" | "info";

export const SEVERITY: Record<FindingSeverity, { label: string; tone: BadgeTone }> = {
  block: { label: "Sperre", tone: "danger" },
  hold: { label: "Angehalten", tone: "warning" },
  warn: { label: "Warnung", tone: "warning" },
  task: { label: "Aufgabe", tone: "info" },
  info: { label: "Hinweis", tone: "info" },
};
