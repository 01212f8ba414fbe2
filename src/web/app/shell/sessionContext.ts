/** Who is logged in (GET /api/v1/auth/session), for the shell and every page. */
import { createContext } from "preact";
import { useContext } from "preact/hooks";

export type Role = "administrator" | "leitung" | "fachkraft" | "verwaltung" | "payerCaseworker" | "client";

export interface Session {
  user: { id: string; login: string; displayName: string };
  role: Role;
  organisation: { id: string; name: string; kind: string };
  csrfToken: string;
  clientId?: string | null;
}

export interface SessionState {
  session: Session;
  logOut(): Promise<void>;
}

export const SessionContext = createContext<SessionState | undefined>(undefined);

/** The session of the logged-in person (pages render only inside the shell, after log-in). */
export function useSession(): Session {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside the logged-in shell");
  return state.session;
}

export function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSessionState outside the logged-in shell");
  return state;
}
