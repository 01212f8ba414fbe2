/** An address that is no page. */
import { usePageTitle } from "./usePageTitle.ts";

export function NotFoundPage() {
  usePageTitle("Seite nicht gefunden");
  return (
    <>
      <h1 class="kern-heading-large">Seite nicht gefunden</h1>
      <p class="kern-body">
        Diese Adresse gibt es nicht. Zur <a href="/">Startseite</a>.
      </p>
    </>
  );
}
