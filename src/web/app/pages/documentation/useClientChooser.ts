/**
 * The persons to document for, from the client directory (GET /client-directory): searched by a part of the
 * name on the server (so it works for thousands of people), the first page of matches in name order, each
 * with their cases, agreement title and payer. The person already chosen (from `?klient=`, the session or a
 * choice) stays known even when a new search does not match them; a chosen id not among the matches is
 * looked up once (GET /clients/:id, then the directory by that name) — a 404 means not visible.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { ApiError, getJson, queryOf } from "../../lib/apiClient.ts";
import type { DirectoryClient, DirectoryPage } from "./documentationTypes.ts";

export const CHOOSER_PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 250;

export interface ClientChooser {
  search: string;
  setSearch: (text: string) => void;
  /** The matches of the current search (first page), undefined until the first answer. */
  matches: DirectoryClient[] | undefined;
  total: number;
  loading: boolean;
  error: Error | undefined;
  /** Every person seen in this page view, by id (names for the day's entries). */
  known: Map<string, DirectoryClient>;
  /** The chosen person, when known. */
  chosen: DirectoryClient | undefined;
  /** The chosen id is not visible (not assigned, or no such person). */
  chosenMissing: boolean;
}

export function useClientChooser(enabled: boolean, chosenId: string): ClientChooser {
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  const [page, setPage] = useState<DirectoryPage | undefined>(undefined);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [known, setKnown] = useState<Map<string, DirectoryClient>>(() => new Map());
  const [missing, setMissing] = useState<string | undefined>(undefined);

  const remember = (items: readonly DirectoryClient[]) =>
    setKnown((current) => {
      if (items.every((item) => current.get(item.id) === item)) return current;
      const next = new Map(current);
      for (const item of items) next.set(item.id, item);
      return next;
    });

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(search.trim()), search.trim() === "" ? 0 : SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setLoading(true);
    getJson<DirectoryPage>(`/client-directory${queryOf({ name: query || undefined, limit: CHOOSER_PAGE_SIZE })}`, { signal: controller.signal })
      .then((answer) => {
        setPage(answer);
        setError(undefined);
        remember(answer.items);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(caught instanceof Error ? caught : new Error(String(caught)));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [enabled, query]);

  // A chosen person not among the matches of the first page: looked up by id, then in the directory by name.
  const firstPageArrived = page !== undefined;
  const chosenKnown = chosenId !== "" && known.has(chosenId);
  useEffect(() => {
    if (!enabled || !firstPageArrived || chosenId === "" || chosenKnown || missing === chosenId) return;
    const controller = new AbortController();
    (async () => {
      try {
        const client = await getJson<{ id: string; name: string }>(`/clients/${encodeURIComponent(chosenId)}`, { signal: controller.signal });
        const found = await getJson<DirectoryPage>(`/client-directory${queryOf({ name: client.name, limit: CHOOSER_PAGE_SIZE })}`, { signal: controller.signal });
        const item = found.items.find((candidate) => candidate.id === chosenId);
        if (item) remember([item]);
        else setMissing(chosenId);
      } catch (caught) {
        if (controller.signal.aborted) return;
        if (caught instanceof ApiError && (caught.status === 404 || caught.status === 403)) setMissing(chosenId);
        else setError(caught instanceof Error ? caught : new Error(String(caught)));
      }
    })();
    return () => controller.abort();
  }, [enabled, firstPageArrived, chosenId, chosenKnown, missing]);

  return useMemo(
    () => ({
      search,
      setSearch,
      matches: page?.items,
      total: page?.total ?? 0,
      loading,
      error,
      known,
      chosen: chosenId ? known.get(chosenId) : undefined,
      chosenMissing: chosenId !== "" && missing === chosenId,
    }),
    [search, page, loading, error, known, chosenId, missing],
  );
}
