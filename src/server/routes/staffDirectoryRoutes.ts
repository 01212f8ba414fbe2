/**
 * The staff directory: names of the organisation's staff for choosers (who delivered a service). A Fachkraft
 * has no access to the staffing area (contracts, background checks); this list gives of each staff member only
 * the id, the name and the qualifications as recorded (the facts the agreements' catalogues classify, X-R02),
 * nothing else. No client data: its reads are not written to the audit trail. Ordered by (name, id), paged.
 */
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { runInTransaction, type AppContext, type RequestScope } from "../appContext.ts";
import { decodeNameCursor, encodeNameCursor } from "../nameCursor.ts";
import { paginationQuerySchema } from "../pagination.ts";

const staffDirectoryQuerySchema = paginationQuerySchema
  .extend({ name: z.string().max(200).optional().describe("Teil des Namens, ohne Beachtung der Groß-/Kleinschreibung") })
  .strict();

const staffDirectoryItemSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    qualifications: z.array(z.string()).describe("Qualifikationen wie erfasst (Einstufung als Fachkraft je Vereinbarung, X-R02)"),
  })
  .strict();

const staffDirectoryPageSchema = z.object({ items: z.array(staffDirectoryItemSchema), nextCursor: z.string().nullable() });

/** The text matched literally inside the name (% and _ escaped). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

type StaffDirectoryQuery = z.infer<typeof staffDirectoryQuerySchema>;
type StaffDirectoryPage = z.infer<typeof staffDirectoryPageSchema>;


async function listStaffDirectory(scope: RequestScope, query: StaffDirectoryQuery): Promise<StaffDirectoryPage> {
  const after = decodeNameCursor(query.cursor);
  const name = query.name?.trim();
  const result = (await scope.tx.execute(sql`
    select s.id, s.name, s.qualifications from staff_members s
    where s.organisation_id = ${scope.actor.organisationId}
      ${name ? sql`and s.name ilike ${containsPattern(name)} escape '\\'` : sql``}
      ${after ? sql`and (s.name, s.id) > (${after[0]}, ${after[1]})` : sql``}
    order by s.name, s.id
    limit ${query.limit + 1}
  `)) as unknown as { rows: Array<{ id: string; name: string; qualifications: unknown }> };
  const items = result.rows.slice(0, query.limit).map((row) => ({
    id: row.id,
    name: row.name,
    qualifications: Array.isArray(row.qualifications) ? row.qualifications.filter((entry): entry is string => typeof entry === "string") : [],
  }));
  const last = items.at(-1);
  return { items, nextCursor: result.rows.length > query.limit && last ? encodeNameCursor(last.name, last.id) : null };
}

export function registerStaffDirectoryRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    "/api/v1/staff-directory",
    {
      schema: {
        tags: ["Personal"],
        summary: "Personalverzeichnis: Namen für die Auswahl",
        description:
          "Je Mitarbeiter:in nur Kennung, Name und die erfassten Qualifikationen (keine Verträge, keine Führungszeugnisse); nach Name sortiert, seitenweise (`limit`, `cursor`), Suche nach einem Teil des Namens (`name`). Für Leitung, Fachkraft, Verwaltung und Administration.",
        querystring: staffDirectoryQuerySchema,
        response: { 200: staffDirectoryPageSchema },
      },
    },
    async (request) => runInTransaction(context, request.actor, (scope) => listStaffDirectory(scope, request.query as StaffDirectoryQuery)),
  );
}
