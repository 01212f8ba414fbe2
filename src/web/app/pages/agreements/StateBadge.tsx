/** An agreement's state as a badge: the word carries the meaning, the colour only repeats it. */
import { STATE_LABELS } from "./agreementLabels.ts";
import type { AgreementState } from "./agreementTypes.ts";

const STATE_BADGES: Record<AgreementState, string> = {
  complete: "kern-badge--success",
  inputsMissing: "kern-badge--warning",
  expired: "kern-badge--danger",
  template: "kern-badge--info",
};

export function StateBadge({ state }: { state: AgreementState }) {
  return (
    <span class={`kern-badge ${STATE_BADGES[state] ?? "kern-badge--info"}`}>
      <span class="kern-label">{STATE_LABELS[state] ?? state}</span>
    </span>
  );
}

