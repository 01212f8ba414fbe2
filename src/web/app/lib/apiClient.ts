/**
 * The one way the web application talks to the server: JSON under /api/v1 with the session cookie (HttpOnly,
 * set by POST /api/v1/auth/login) and the session's CSRF token on every changing request. A refused request
 * becomes an ApiError carrying the RFC 9457 problem document: its title in German and, for 400, every invalid
 * field with its path, so a form can show each message at its field.
 *
 * A Leitung opening a client file that is not assigned to them is asked for a reason (428): the shell registers
 * a handler that asks in a dialog; the request is then repeated with X-Teilhabe-Reason (audited with the read).
 */

export interface FieldProblem {
  /** Path of the field in the request body, e.g. "minutes" or "entries[0].date" (the server's "body." cut off). */
  path: string;
  message: string;
}

export interface ProblemDocument {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDocument;
  readonly fields: FieldProblem[];

  constructor(problem: ProblemDocument) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.status = problem.status;
    this.problem = problem;
    this.fields = (problem.errors ?? []).map((error) => ({ path: error.path.replace(/^body\./, ""), message: error.message }));
  }

  /** The message of one field (path as in the request body, e.g. "minutes"). */
  messageFor(path: string): string | undefined {
    return this.fields.find((field) => field.path === path)?.message;
  }
}

let csrfToken: string | undefined;
let reasonHandler: ((path: string) => Promise<string | undefined>) | undefined;
let sessionLostHandler: (() => void) | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The shell's dialog that asks a Leitung why they open a file not assigned to them (428). */
export function setReasonHandler(handler: (path: string) => Promise<string | undefined>): void {
  reasonHandler = handler;
}

/** Called when the server answers 401 (session expired): the shell shows the log-in page. */
export function setSessionLostHandler(handler: () => void): void {
  sessionLostHandler = handler;
}

export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /**
   * The client whose file the request reads, where the path does not say it (/cases/:id/…): a reason given once
   * for the file is sent along. Paths under /clients/:id are recognised without it.
   */
  clientId?: string;
}

async function readProblem(response: Response): Promise<ProblemDocument> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as ProblemDocument;
    if (parsed && typeof parsed.title === "string") return { ...parsed, status: response.status };
  } catch {
    // not a problem document
  }
  return { title: response.status === 404 ? "Nicht gefunden" : `Anfrage abgelehnt (HTTP ${response.status})`, status: response.status };
}

const reasons = new Map<string, string>();

async function send(method: string, path: string, body: unknown, options: RequestOptions = {}, reason?: string): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && method !== "HEAD" && csrfToken) headers["x-csrf-token"] = csrfToken;
  const clientKey = options.clientId ?? clientKeyOf(path);
  const knownReason = reason ?? (clientKey ? reasons.get(clientKey) : undefined);
  if (knownReason) headers["x-teilhabe-reason"] = encodeURIComponent(knownReason);
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: "same-origin",
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (response.status === 428 && !knownReason && reasonHandler) {
    const given = await reasonHandler(path);
    if (given) {
      if (clientKey) reasons.set(clientKey, given);
      return send(method, path, body, options, given);
    }
  }
  if (response.status === 401 && !path.startsWith("/auth/")) sessionLostHandler?.();
  return response;
}

/** The reason given once for a file is sent with the file's further reads in this tab (it is audited each time). */
function clientKeyOf(path: string): string | undefined {
  const match = /^\/clients\/([^/?]+)/.exec(path);
  return match ? match[1] : undefined;
}

/** GET, parsed JSON; throws ApiError when refused. */
export async function getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send("GET", path, undefined, options);
  if (!response.ok) throw new ApiError(await readProblem(response));
  return (await response.json()) as T;
}

/** POST/PATCH/PUT/DELETE with a JSON body; resolves to the parsed answer (undefined for 204). */
export async function sendJson<T>(method: "POST" | "PATCH" | "PUT" | "DELETE", path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, body, options);
  if (!response.ok) throw new ApiError(await readProblem(response));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A query string from the defined values: `queryOf({ client: "K-1", month: undefined })` = "?client=K-1". */
export function queryOf(values: Record<string, string | number | boolean | undefined | null>): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== "") parameters.set(key, String(value));
  const text = parameters.toString();
  return text ? `?${text}` : "";
}

/** The address of a download (PDF, XML, CSV) for a link: same origin, the session cookie goes along. */
export function downloadUrl(path: string): string {
  return `/api/v1${path}`;
}
