/**
 * The dialog that asks a Leitung for the reason of opening a client file not assigned to them (the server
 * answers 428 without one). A native <dialog> opened modally: focus moves into it, Escape cancels, and the
 * reason goes with the file's reads in the audit trail.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { setReasonHandler } from "../lib/apiClient.ts";
import { TextInput } from "./formFields.tsx";

interface Pending {
  resolve: (reason: string | undefined) => void;
}

export function ReasonDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const [reason, setReason] = useState("");

  useEffect(() => {
    setReasonHandler(
      () =>
        new Promise<string | undefined>((resolve) => {
          setReason("");
          setPending({ resolve });
        }),
    );
  }, []);

  useEffect(() => {
    if (pending && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [pending]);

  const finish = (value: string | undefined) => {
    pending?.resolve(value);
    setPending(undefined);
    dialog.current?.close();
  };

  return (
    <dialog class="kern-dialog" ref={dialog} aria-labelledby="reason-dialog-title" onCancel={() => finish(undefined)}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim()) finish(reason.trim());
        }}
      >
        <header class="kern-dialog__header">
          <h2 class="kern-title" id="reason-dialog-title">
            Grund des Zugriffs
          </h2>
        </header>
        <section class="kern-dialog__body">
          <p class="kern-body">Diese Akte ist Ihnen nicht zugeordnet. Bitte nennen Sie den Grund; er wird mit dem Zugriff protokolliert.</p>
          <TextInput label="Grund" value={reason} onInput={(event) => setReason(event.currentTarget.value)} hint="z. B. Vertretung für eine erkrankte Fachkraft" autoFocus />
        </section>
        <footer class="kern-dialog__footer">
          <button type="button" class="kern-btn kern-btn--secondary" onClick={() => finish(undefined)}>
            <span class="kern-label">Abbrechen</span>
          </button>
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">Akte öffnen</span>
          </button>
        </footer>
      </form>
    </dialog>
  );
}
