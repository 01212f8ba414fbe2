/** docs/access-matrix.md, written from the access matrix and the routes of the OpenAPI document (accessMatrix.test.ts checks it). */
import { ACCESS_MATRIX, AREA_LABELS, CLIENT_FILE_AREAS, findArea, HUMAN_ROLES, ROLE_LABELS, type Access, type Area } from "./accessMatrix.ts";

const ACCESS_LABELS: Record<Access, string> = {
  write: "lesen, ändern",
  read: "lesen",
  assigned: "zugeordnete: lesen, ändern",
  assignedRead: "zugeordnete: lesen",
  addressed: "an den Träger adressierte: lesen",
  own: "eigene: lesen",
};

/** "/api/v1/cases/{id}" (OpenAPI) → "/api/v1/cases/:id" (fastify route). */
export function routeUrlOf(openApiPath: string): string {
  return openApiPath.replace(/\{([^}]+)\}/g, ":$1");
}

export function renderAccessMatrixTable(routes: ReadonlyArray<{ method: string; path: string }>): string {
  const areas = Object.keys(ACCESS_MATRIX) as Area[];
  const lines = [
    "# Zugriffsmatrix (Rollen × Bereiche)",
    "",
    "Erzeugt aus `src/server/access/accessMatrix.ts` (der einzigen Stelle der Matrix) und den Routen des OpenAPI-Dokuments;",
    "`src/server/access/accessMatrix.test.ts` schlägt fehl, wenn diese Datei veraltet ist (neu schreiben: `UPDATE_ACCESS_MATRIX_DOC=1 npx vitest run src/server/access/accessMatrix.test.ts`).",
    "",
    "Durchgesetzt an einer Stelle (`authoriseRequest.ts`, vor jeder Route unter `/api/v1`), Zeilen zusätzlich in jeder Abfrage (`clientScope.ts`):",
    "",
    "- Eine Route mit Kennung (`/:id`) antwortet **404** für eine Rolle ohne den Bereich, für Kennungen anderer Mandanten und für Einträge nicht zugeordneter Klient:innen — Kennungen verraten nichts.",
    "- Eine Route ohne Kennung (Liste, Anlegen) antwortet **403** für eine Rolle, die den Bereich nie hat; Listen zeigen nur, was die Rolle sehen darf (Fachkraft: zugeordnete Klient:innen).",
    "- Eine Leitung, die eine ihr nicht zugeordnete Akte öffnet (GET eines Eintrags einer Klient:in), nennt den Grund in der Kopfzeile `X-Teilhabe-Reason` (URL-kodiert); fehlt er: **428**. Der Grund steht im Protokolleintrag.",
    "- Sachbearbeitung eines Leistungsträgers: nur ausgestellte Rechnungen, die an ihren Träger adressiert sind (aller Leistungserbringer), mit Positionen, Rückhalten und Nachweisen; nur lesen.",
    "- Jede Änderung und jedes Lesen der Akte einer Person (Bereiche mit „protokolliert“) schreibt einen Protokolleintrag in derselben Transaktion: wer, wann, was, von wo, warum — nie die Gesundheitsdaten selbst. Eine Liste ist ein Eintrag mit ihrem Filter.",
    "- Die Rolle „system“ (Tests, Kommandozeile, Messungen; kein Konto kann sie haben) hat alle Bereiche ihrer Organisation.",
    "",
    `| Bereich | ${HUMAN_ROLES.map((role) => ROLE_LABELS[role]).join(" | ")} | Lesen protokolliert |`,
    `|---|${HUMAN_ROLES.map(() => "---").join("|")}|---|`,
    ...areas.map((area) => `| ${AREA_LABELS[area]} (\`${area}\`) | ${HUMAN_ROLES.map((role) => { const access = ACCESS_MATRIX[area][role]; return access ? ACCESS_LABELS[access] : "—"; }).join(" | ")} | ${CLIENT_FILE_AREAS.has(area) ? "ja" : "nein"} |`),
    "",
    "Schreibende Aufrufe (POST, PATCH, DELETE) erlaubt nur „lesen, ändern“ und „zugeordnete: lesen, ändern“.",
    "",
    "## Routen und ihre Bereiche",
    "",
    "| Methode | Route | Bereich |",
    "|---|---|---|",
    ...routes.map((route) => `| ${route.method} | \`${route.path}\` | ${findArea(route.method, routeUrlOf(route.path)) ?? "**keiner**"} |`),
    "",
  ];
  return lines.join("\n");
}
