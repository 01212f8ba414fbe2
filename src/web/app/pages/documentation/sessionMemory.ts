/**
 * What the form remembers within this browser session (sessionStorage, gone when the tab closes): the last
 * client and the kind of service, so the next entry needs only its time. Nothing of the entry's content.
 */
import type { RememberedValues } from "./entryForm.ts";

const KEY = "teilhabe.dokumentation.zuletzt";

export function readRemembered(): RememberedValues {
  try {
    const text = window.sessionStorage.getItem(KEY);
    const parsed: unknown = text ? JSON.parse(text) : {};
    return parsed && typeof parsed === "object" ? (parsed as RememberedValues) : {};
  } catch {
    return {};
  }
}

export function remember(values: RememberedValues): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(values));
  } catch {
    // storage full or blocked: the form works without memory
  }
}
