// The cell that explains a line or a hold: the rule and clause that produced it and the policy options used.
import { policyText, ruleText } from "./billingLabels.ts";
import type { PolicyChoice } from "./billingTypes.ts";

export function RuleCell({ ruleId, clause, policies }: { ruleId: string; clause: string; policies: PolicyChoice[] }) {
  return (
    <td class="kern-table__cell">
      <span class="teilhabe-billing-rule">{ruleText(ruleId, clause)}</span>
      {policies.map((policy) => (
        <span class="teilhabe-billing-policy" key={policy.decision}>
          {policyText(policy)}
        </span>
      ))}
    </td>
  );
}
