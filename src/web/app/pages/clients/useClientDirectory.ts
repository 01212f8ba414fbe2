/**
 * The client list as the server pages it: the first page for the current filters, asked for at once on every
 * change (each keystroke in the search field) — a new filter aborts the request before it, so the latest term
 * wins; "Weitere laden" appends the next page. At most one page of 50 rows is added at a time, so a directory
 * of thousands of clients never renders them all at once. The filter options are asked for with the first
 * page only until they are known.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { getJson, queryOf } from "../../lib/apiClient.ts";
import type { DirectoryItem, DirectoryPage } from "./clientTypes.ts";

export const PAGE_SIZE = 50;

export interface DirectoryFilters {
  name: string;
  agreement: string;
  payer: string;
  state: string;
}

export interface DirectoryState {
  items: DirectoryItem[];
  total: number | undefined;
  options: DirectoryPage["options"];
  loading: boolean;
  /** True from a change of the filters until the first page for them has arrived (or failed). */
  searching: boolean;
  error: Error | undefined;
  hasMore: boolean;
  loadMore(): void;
}

/** The filters as the server reads them (the search term trimmed), one text per distinct request. */
export function filterKeyOf(filters: DirectoryFilters): string {
  return JSON.stringify([filters.name.trim(), filters.agreement, filters.payer, filters.state]);
}

function pathOf(filters: DirectoryFilters, cursor: string | undefined, withOptions: boolean): string {
  return `/client-directory${queryOf({
    name: filters.name.trim(),
    agreement: filters.agreement,
    payer: filters.payer,
    state: filters.state,
    limit: PAGE_SIZE,
    cursor,
    options: cursor || withOptions ? undefined : "false",
  })}`;
}

export function useClientDirectory(filters: DirectoryFilters): DirectoryState {
  const key = filterKeyOf(filters);
  const [items, setItems] = useState<DirectoryItem[]>([]);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [options, setOptions] = useState<DirectoryPage["options"]>(undefined);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  /** The filters the shown items and total belong to (undefined before the first answer). */
  const [shownKey, setShownKey] = useState<string | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const controller = useRef<AbortController | undefined>(undefined);
  const haveOptions = useRef(false);

  const load = useCallback(
    (after: string | undefined) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setLoading(true);
      getJson<DirectoryPage>(pathOf(filters, after, !haveOptions.current), { signal: current.signal })
        .then((page) => {
          if (current.signal.aborted) return;
          setItems((before) => (after ? [...before, ...page.items] : page.items));
          setTotal(page.total);
          if (page.options) {
            haveOptions.current = true;
            setOptions(page.options);
          }
          setCursor(page.nextCursor);
          setShownKey(key);
          setError(undefined);
        })
        .catch((caught: unknown) => {
          if (current.signal.aborted) return;
          // A failed first page leaves no rows of an earlier search (they would not match the filters shown).
          if (!after) {
            setItems([]);
            setTotal(undefined);
            setCursor(null);
          }
          setShownKey(key);
          setError(caught instanceof Error ? caught : new Error(String(caught)));
        })
        .finally(() => {
          if (!current.signal.aborted) setLoading(false);
        });
    },
    [key], // the key stands for the four filters
  );

  useEffect(() => {
    load(undefined);
    return () => controller.current?.abort();
  }, [load]);

  const loadMore = useCallback(() => {
    if (cursor) load(cursor);
  }, [cursor, load]);

  // Until the answer for the current filters is in, the items shown belong to the filters before.
  const searching = shownKey !== key;
  return { items, total, options, loading, searching, error, hasMore: cursor !== null && !searching, loadMore };
}
