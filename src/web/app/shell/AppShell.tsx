/**
 * The frame of every page after log-in: a skip link, the header with the organisation, the person and
 * log-out, the main navigation of the role (the current page marked with aria-current), and the main region.
 * On every page change the focus moves to the page's heading, so a screen reader announces the new page.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useLocation } from "preact-iso";
import { navigationFor } from "./navigation.ts";
import { ReasonDialog } from "./ReasonDialog.tsx";
import { useSessionState } from "./sessionContext.ts";

const ROLE_LABELS: Record<string, string> = {
  administrator: "Administration",
  leitung: "Leitung",
  fachkraft: "Fachkraft",
  verwaltung: "Verwaltung",
  payerCaseworker: "Kostenträger",
  client: "Klient:in",
};

export function AppShell({ children }: { children: ComponentChildren }) {
  const { session, logOut } = useSessionState();
  const location = useLocation();

  const firstPath = useRef(true);
  useEffect(() => {
    // After a page change (not on the first load): move the focus to the new page's heading once the page (a lazy
    // chunk) has rendered it, so that a screen reader announces the page and Tab continues from its top.
    if (firstPath.current) {
      firstPath.current = false;
      return;
    }
    const main = document.getElementById("main");
    if (!main) return;
    // The previous page's heading may still be shown while the new page's chunk loads: wait for another h1, or
    // (the same page with other data, e.g. another billing run) take the present one after a short moment.
    const previous = main.querySelector("h1");
    const started = performance.now();
    const timer = window.setInterval(() => {
      const heading = main.querySelector<HTMLElement>("h1");
      const elapsed = performance.now() - started;
      if (heading && (heading !== previous || elapsed > 300)) {
        // Never take the focus from a field the new page (or the person) has already focused.
        const active = document.activeElement;
        if (!active || active === document.body || active === main || !main.contains(active) || active === previous) {
          heading.setAttribute("tabindex", "-1");
          heading.focus();
        }
        window.clearInterval(timer);
      } else if (elapsed > 5000) window.clearInterval(timer);
    }, 25);
    return () => window.clearInterval(timer);
  }, [location.path]);

  const items = navigationFor(session.role);
  return (
    <>
      <a class="teilhabe-skip-link" href="#main">
        Zum Inhalt springen
      </a>
      <header class="teilhabe-header">
        <div class="kern-container teilhabe-header__inner">
          <a href="/" class="teilhabe-brand">
            Teilhabe
          </a>
          <span class="teilhabe-header__organisation">{session.organisation.name}</span>
          <span class="teilhabe-header__person">
            {session.user.displayName} · {ROLE_LABELS[session.role] ?? session.role}
          </span>
          <button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => void logOut()}>
            <span class="kern-icon kern-icon--logout" aria-hidden="true" />
            <span class="kern-label">Abmelden</span>
          </button>
        </div>
        <nav class="teilhabe-nav" aria-label="Hauptnavigation">
          <ul class="kern-container">
            {items.map((item) => {
              const current = location.path === item.href || location.path.startsWith(`${item.href}/`);
              return (
                <li key={item.href}>
                  <a href={item.href} class="teilhabe-nav__link" aria-current={current ? "page" : undefined}>
                    {item.label}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      </header>
      <main id="main" class="kern-container teilhabe-main" tabIndex={-1}>
        {children}
      </main>
      <ReasonDialog />
    </>
  );
}
