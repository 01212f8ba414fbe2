/** A refused request or a failed load, in German, with every invalid field listed (role="alert" announces it). */
import { ApiError } from "../lib/apiClient.ts";

export function ProblemMessage({ error, title }: { error: Error | undefined; title?: string }) {
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <div class="kern-alert kern-alert--danger" role="alert">
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--danger" aria-hidden="true" />
        <span class="kern-title">{title ?? "Das hat nicht geklappt"}</span>
      </div>
      <div class="kern-alert__body">
        <p class="kern-body">{error.message}</p>
        {fields.length > 0 && (
          <ul class="kern-list">
            {fields.map((field) => (
              <li key={field.path + field.message}>
                {field.path ? <strong>{field.path}: </strong> : null}
                {field.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** A short loading note for screen readers and eyes (aria-live, no spinner animation needed). */
export function LoadingNote({ label = "Wird geladen …" }: { label?: string }) {
  return (
    <p class="kern-body kern-body--muted" role="status" aria-live="polite">
      {label}
    </p>
  );
}
