/** Sets the browser tab's title for a page: „Klient:innen – Teilhabe“. */
import { useEffect } from "preact/hooks";

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Teilhabe`;
  }, [title]);
}
