/**
 * The engine's pre-save check (POST /service-entries/check) of the form's values, debounced: a check runs
 * 400 ms after the last change, an older check still running is aborted, so the findings shown always belong
 * to the values in the form. While a new check runs the last findings stay (marked as being updated), so a
 * screen reader hears only findings that changed, not „Wird geprüft“ at every keystroke. Nothing is stored.
 * When an entry is edited its id goes along, so the check counts the edited version in place of the stored one.
 */
import { useEffect, useState } from "preact/hooks";
import { sendJson } from "../../lib/apiClient.ts";
import type { EntryCheckResult } from "./documentationTypes.ts";

export const CHECK_DELAY_MS = 400;

export type EntryCheckState =
  | { kind: "incomplete" }
  | { kind: "checking"; previous: EntryCheckResult | undefined }
  | { kind: "done"; result: EntryCheckResult }
  | { kind: "failed"; error: Error };

/** `entryId`: the stored entry being edited; the check leaves it out, so it is not counted twice. */
export function useEntryCheck(caseId: string, entry: Record<string, unknown> | undefined, entryId?: string): EntryCheckState {
  const [state, setState] = useState<EntryCheckState>({ kind: "incomplete" });
  const key = entry ? JSON.stringify({ caseId, entry, ...(entryId ? { entryId } : {}) }) : "";

  useEffect(() => {
    if (!key) {
      setState({ kind: "incomplete" });
      return;
    }
    setState((current) => ({ kind: "checking", previous: current.kind === "done" ? current.result : current.kind === "checking" ? current.previous : undefined }));
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      sendJson<EntryCheckResult>("POST", "/service-entries/check", JSON.parse(key) as unknown, { signal: controller.signal })
        .then((result) => {
          if (!controller.signal.aborted) setState({ kind: "done", result });
        })
        .catch((caught: unknown) => {
          if (!controller.signal.aborted) setState({ kind: "failed", error: caught instanceof Error ? caught : new Error(String(caught)) });
        });
    }, CHECK_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  return state;
}
