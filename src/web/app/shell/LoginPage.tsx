/** Log-in with login name and password (and the one-time code once a second factor is set up). */
import { useState } from "preact/hooks";
import { ApiError, sendJson } from "../lib/apiClient.ts";
import { TextInput } from "./formFields.tsx";
import { ProblemMessage } from "./ProblemMessage.tsx";
import type { Session } from "./sessionContext.ts";
import { usePageTitle } from "./usePageTitle.ts";

export function LoginPage({ onLoggedIn, notice }: { onLoggedIn: (session: Session) => void; notice?: string | undefined }) {
  usePageTitle("Anmelden");
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [totp, setTotp] = useState("");
  const [error, setError] = useState<Error | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const session = await sendJson<Session>("POST", "/auth/login", { login, password, ...(totp ? { totp } : {}) });
      onLoggedIn(session);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new ApiError({ title: String(caught), status: 0 }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="kern-container teilhabe-login">
      <h1 class="kern-heading-large">Teilhabe – Anmelden</h1>
      {notice ? (
        <div class="kern-alert kern-alert--info" role="status">
          <div class="kern-alert__header">
            <span class="kern-title">{notice}</span>
          </div>
        </div>
      ) : null}
      <ProblemMessage error={error} title="Anmeldung fehlgeschlagen" />
      <form onSubmit={submit} class="kern-stack" aria-label="Anmeldung">
        <TextInput label="Anmeldename (E-Mail)" type="email" name="login" autoComplete="username" value={login} onInput={(event) => setLogin(event.currentTarget.value)} />
        <TextInput label="Passwort" type="password" name="password" autoComplete="current-password" value={password} onInput={(event) => setPassword(event.currentTarget.value)} />
        <TextInput
          label="Einmalcode"
          optional
          hint="Nur wenn ein zweiter Faktor eingerichtet ist: sechs Ziffern aus der Authenticator-App"
          inputMode="numeric"
          autoComplete="one-time-code"
          name="totp"
          value={totp}
          onInput={(event) => setTotp(event.currentTarget.value)}
        />
        <button type="submit" class="kern-btn kern-btn--primary" disabled={busy}>
          <span class="kern-label">{busy ? "Anmeldung läuft …" : "Anmelden"}</span>
        </button>
      </form>
    </main>
  );
}
