/**
 * The web application's entry: asks the server who is logged in, shows the log-in page or the shell with the
 * pages of the role. Each page is its own chunk (lazy), so the first page loads only what it shows.
 */
import "@kern-ux/native/dist/kern.min.css";
import "@kern-ux/native/dist/fonts/fira-sans.css";
import "./styles.css";
import { render } from "preact";
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { ErrorBoundary, lazy, LocationProvider, Route, Router, useLocation } from "preact-iso";
import { getJson, sendJson, setCsrfToken, setSessionLostHandler } from "./lib/apiClient.ts";
import { AppShell } from "./shell/AppShell.tsx";
import { LoginPage } from "./shell/LoginPage.tsx";
import { homePathOf } from "./shell/navigation.ts";
import { NotFoundPage } from "./shell/NotFoundPage.tsx";
import { LoadingNote } from "./shell/ProblemMessage.tsx";
import { SessionContext, type Session, type SessionState } from "./shell/sessionContext.ts";

const OverviewPage = lazy(() => import("./pages/overview/OverviewPage.tsx").then((module) => module.OverviewPage));
const ClientListPage = lazy(() => import("./pages/clients/ClientListPage.tsx").then((module) => module.ClientListPage));
const ClientPage = lazy(() => import("./pages/clients/ClientPage.tsx").then((module) => module.ClientPage));
const DocumentationPage = lazy(() => import("./pages/documentation/DocumentationPage.tsx").then((module) => module.DocumentationPage));
const BillingPage = lazy(() => import("./pages/billing/BillingPage.tsx").then((module) => module.BillingPage));
const BillingRunPage = lazy(() => import("./pages/billing/BillingRunPage.tsx").then((module) => module.BillingRunPage));
const StaffPage = lazy(() => import("./pages/staff/StaffPage.tsx").then((module) => module.StaffPage));
const AgreementsPage = lazy(() => import("./pages/agreements/AgreementsPage.tsx").then((module) => module.AgreementsPage));
const AgreementPage = lazy(() => import("./pages/agreements/AgreementPage.tsx").then((module) => module.AgreementPage));
const PayerInvoicesPage = lazy(() => import("./pages/payer/PayerInvoicesPage.tsx").then((module) => module.PayerInvoicesPage));
const InvoicePage = lazy(() => import("./pages/payer/InvoicePage.tsx").then((module) => module.InvoicePage));
const OwnPlanPage = lazy(() => import("./pages/ownPlan/OwnPlanPage.tsx").then((module) => module.OwnPlanPage));

function HomeRedirect({ session }: { session: Session }) {
  const location = useLocation();
  useEffect(() => location.route(homePathOf(session.role), true), [session.role]);
  return <LoadingNote />;
}

function Pages({ session }: { session: Session }) {
  return (
    <ErrorBoundary>
      <Router>
        <Route path="/" component={() => <HomeRedirect session={session} />} />
        <Route path="/uebersicht" component={OverviewPage} />
        <Route path="/klienten" component={ClientListPage} />
        <Route path="/klienten/:id" component={ClientPage} />
        <Route path="/dokumentation" component={DocumentationPage} />
        <Route path="/abrechnung" component={BillingPage} />
        <Route path="/abrechnung/:id" component={BillingRunPage} />
        <Route path="/personal" component={StaffPage} />
        <Route path="/vereinbarungen" component={AgreementsPage} />
        <Route path="/vereinbarungen/:id" component={AgreementPage} />
        <Route path="/rechnungen" component={PayerInvoicesPage} />
        <Route path="/rechnungen/:id" component={InvoicePage} />
        <Route path="/mein-plan" component={OwnPlanPage} />
        <Route default component={NotFoundPage} />
      </Router>
    </ErrorBoundary>
  );
}

function Application() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);

  useEffect(() => {
    getJson<Session>("/auth/session")
      .then((found) => {
        setCsrfToken(found.csrfToken);
        setSession(found);
      })
      .catch(() => setSession(null));
    setSessionLostHandler(() => {
      setCsrfToken(undefined);
      setNotice("Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.");
      setSession(null);
    });
  }, []);

  const logOut = useCallback(async () => {
    await sendJson("POST", "/auth/logout").catch(() => undefined);
    setCsrfToken(undefined);
    setNotice("Sie sind abgemeldet.");
    setSession(null);
  }, []);

  const state = useMemo<SessionState | undefined>(() => (session ? { session, logOut } : undefined), [session, logOut]);

  if (session === undefined) return <LoadingNote />;
  if (session === null || !state)
    return (
      <LoginPage
        notice={notice}
        onLoggedIn={(found) => {
          setCsrfToken(found.csrfToken);
          setNotice(undefined);
          setSession(found);
        }}
      />
    );
  return (
    <SessionContext.Provider value={state}>
      <AppShell>
        <Pages session={session} />
      </AppShell>
    </SessionContext.Provider>
  );
}

render(
  <LocationProvider>
    <Application />
  </LocationProvider>,
  document.getElementById("app")!,
);
