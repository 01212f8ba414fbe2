/**
 * RFC 9457 problem documents. Every refused request answers with one: its status, a German title and detail,
 * and for bad input every invalid field with its path and a German message, reported once.
 */
export interface InvalidField {
  /** Where the field is: "body.entries[0].date", "query.month", "params.id". */
  path: string;
  message: string;
  value?: unknown;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: InvalidField[];
  [extension: string]: unknown;
}

const PROBLEM_TYPES: Record<number, { type: string; title: string }> = {
  400: { type: "https://teilhabe.example/probleme/ungueltige-eingabe", title: "Ungültige Eingabe" },
  401: { type: "https://teilhabe.example/probleme/nicht-angemeldet", title: "Nicht angemeldet" },
  403: { type: "https://teilhabe.example/probleme/nicht-erlaubt", title: "Nicht erlaubt" },
  404: { type: "https://teilhabe.example/probleme/nicht-gefunden", title: "Nicht gefunden" },
  409: { type: "https://teilhabe.example/probleme/konflikt", title: "Konflikt" },
  413: { type: "https://teilhabe.example/probleme/zu-gross", title: "Anfrage zu groß" },
  415: { type: "https://teilhabe.example/probleme/falscher-inhaltstyp", title: "Inhaltstyp nicht unterstützt" },
  429: { type: "https://teilhabe.example/probleme/zu-viele-anfragen", title: "Zu viele Anfragen" },
  500: { type: "https://teilhabe.example/probleme/interner-fehler", title: "Interner Fehler" },
};

/** An error that becomes a problem document; thrown anywhere inside a request, it rolls the transaction back. */
export class ProblemError extends Error {
  readonly status: number;
  readonly errors: InvalidField[] | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(status: number, detail: string, errors?: InvalidField[], extensions: Record<string, unknown> = {}) {
    super(detail);
    this.status = status;
    this.errors = errors;
    this.extensions = extensions;
  }
}

export function createProblem(status: number, detail: string, errors?: InvalidField[], extensions: Record<string, unknown> = {}): ProblemDocument {
  const known = PROBLEM_TYPES[status] ?? { type: "about:blank", title: "Fehler" };
  return { ...known, status, detail, ...(errors && errors.length > 0 ? { errors } : {}), ...extensions };
}

export function notFound(what: string, id: string): ProblemError {
  return new ProblemError(404, `${what} „${id}“ nicht gefunden`);
}

export function conflict(detail: string, extensions: Record<string, unknown> = {}): ProblemError {
  return new ProblemError(409, detail, undefined, extensions);
}

export function invalidInput(errors: InvalidField[]): ProblemError {
  return new ProblemError(400, errors.length === 1 ? `Ungültige Eingabe: ${errors[0]!.path}: ${errors[0]!.message}` : `${errors.length} ungültige Angaben`, errors);
}
