/**
 * A download (XRechnung, PDF, CSV, DATEV) as a real link to the API address, so it can be copied or opened in
 * a new tab with the session cookie. A click fetches the file first: a refusal (a draft, missing master data,
 * a DATEV number not set) is shown here in German with every missing field, instead of a page of JSON; the file
 * itself is saved under the name the server gives.
 */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { ApiError, downloadUrl, type ProblemDocument } from "../../lib/apiClient.ts";
import { ProblemMessage } from "../../shell/ProblemMessage.tsx";

function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) return decodeURIComponent(encoded[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

async function problemOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as ProblemDocument;
    if (parsed && typeof parsed.title === "string") return new ApiError({ ...parsed, status: response.status });
  } catch {
    // not a problem document
  }
  return new ApiError({ title: `Herunterladen abgelehnt (HTTP ${response.status})`, status: response.status });
}

export function DownloadLink({ path, children, fileName }: { path: string; children: ComponentChildren; fileName: string }) {
  const [error, setError] = useState<Error | undefined>(undefined);
  const [state, setState] = useState<"idle" | "busy" | "done">("idle");
  const href = downloadUrl(path);

  const download = async (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    setState("busy");
    setError(undefined);
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok) throw await problemOf(response);
      const blob = await response.blob();
      const objectUrl = URL.createObjectURL(blob);
      const anchor = document.createElement("a");
      anchor.href = objectUrl;
      anchor.download = fileNameOf(response.headers.get("content-disposition"), fileName);
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
      setState("done");
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
      setState("idle");
    }
  };

  return (
    <span class="teilhabe-download">
      <a class="kern-link" href={href} download={fileName} onClick={download} aria-busy={state === "busy" ? "true" : undefined}>
        {children}
      </a>
      <span class="kern-sr-only" role="status">
        {state === "busy" ? "Wird vorbereitet …" : state === "done" ? "heruntergeladen" : ""}
      </span>
      {error ? <ProblemMessage error={error} title="Herunterladen nicht möglich" /> : null}
    </span>
  );
}
