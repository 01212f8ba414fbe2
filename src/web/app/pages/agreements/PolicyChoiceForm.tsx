/**
 * An administrator's choice of one decision's option for this agreement instance (PATCH policies, audited by
 * the server). The instance's other choices are sent along unchanged.
 */
import { useState } from "preact/hooks";
import { ApiError, sendJson } from "../../lib/apiClient.ts";
import { SelectInput } from "../../shell/formFields.tsx";
import type { AgreementDecision } from "./agreementTypes.ts";

export function PolicyChoiceForm({ instanceId, decision, instancePolicies, onSaved }: { instanceId: string; decision: AgreementDecision; instancePolicies: Record<string, string>; onSaved: () => void }) {
  const chosen = decision.chosen;
  const [option, setOption] = useState(chosen);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [status, setStatus] = useState("");

  async function save(event: Event) {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    setStatus("");
    try {
      await sendJson("PATCH", `/agreement-instances/${encodeURIComponent(instanceId)}`, { policies: { ...instancePolicies, [decision.id]: option } });
      setStatus(`${decision.id}: Option ${option} gespeichert. Die Änderung ist im Protokoll vermerkt.`);
      onSaved();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setSaving(false);
    }
  }

  const message = error instanceof ApiError ? (error.messageFor(`policies.${decision.id}`) ?? error.message) : error?.message;
  return (
    <form onSubmit={(event) => void save(event)} aria-label={`Option für ${decision.id} wählen`}>
      <SelectInput
        label={`Option für ${decision.id}`}
        value={option}
        error={message}
        onChange={(event) => setOption((event.currentTarget as HTMLSelectElement).value)}
        options={decision.options.map(({ option: key, text }) => ({ value: key, label: `${key}: ${text}${key === decision.defaultOption ? " (Standard)" : ""}` }))}
      />
      <button type="submit" class="kern-btn kern-btn--secondary kern-btn--small" disabled={saving || option === chosen}>
        <span class="kern-label">{decision.id} speichern</span>
      </button>
      <p class="kern-body" role="status">
        {status}
      </p>
    </form>
  );
}
