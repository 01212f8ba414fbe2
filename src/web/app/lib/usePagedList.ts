/**
 * A server-paginated list for a component: the first page of `path` (a list route with its filters, without
 * the cursor), then `loadMore()` continues with the server's cursor and appends. A new `path` (other filters)
 * or `reloadKey` starts again at the first page and aborts the request before it.
 */
import { useEffect, useState } from "preact/hooks";
import { getJson } from "./apiClient.ts";

export interface PagedList<T> {
  items: T[] | undefined;
  /** More rows on the server (the cursor of the next page). */
  hasMore: boolean;
  loading: boolean;
  error: Error | undefined;
  /** True once a later page was appended (for announcing the new count). */
  continued: boolean;
  loadMore(): void;
}

export function usePagedList<T>(path: string, reloadKey: unknown = 0): PagedList<T> {
  const [items, setItems] = useState<T[] | undefined>(undefined);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [continued, setContinued] = useState(false);

  const load = async (after: string | null, signal?: AbortSignal) => {
    setLoading(true);
    try {
      const separator = path.includes("?") ? "&" : "?";
      const page = await getJson<{ items: T[]; nextCursor: string | null }>(after ? `${path}${separator}cursor=${encodeURIComponent(after)}` : path, signal ? { signal } : {});
      setItems((previous) => (after && previous ? [...previous, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setContinued(after !== null);
      setError(undefined);
    } catch (caught) {
      if (signal?.aborted) return;
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      if (!signal?.aborted) setLoading(false);
    }
  };

  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
  }, [path, reloadKey]);

  return { items, hasMore: cursor !== null, loading, error, continued, loadMore: () => void (cursor ? load(cursor) : undefined) };
}
