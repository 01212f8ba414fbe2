/**
 * Fuzzing of every write route with arbitrary JSON (fast-check): the server answers only 2xx or 4xx, never
 * 5xx, and a refused request (4xx) changes no row of any table. The routes are taken from the OpenAPI
 * document, so a new write route is fuzzed without touching this file.
 */
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { caseFileSchema } from "../domain/case/caseFileSchema.ts";
import { importCaseFile } from "../store/importCaseFile.ts";
import { instanceIdOf, startTestServer, TENANT_A, type TestServer } from "./serverTestSupport.ts";

let server: TestServer;

interface WriteRoute {
  method: string;
  path: string;
  bodySchema?: { properties?: Record<string, { type?: string | string[] }> };
}

/** One fingerprint of every table of the store: a refused request must leave it unchanged. */
async function fingerprintStore(): Promise<string> {
  const tables = (await server.store.db.execute(sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)) as unknown as { rows: Array<{ tablename: string }> };
  const names = tables.rows.map((row) => row.tablename);
  const parts = names.map((name) => `SELECT '${name}' AS t, count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${name}" x`);
  const result = (await server.store.db.execute(sql.raw(parts.join(" UNION ALL ")))) as unknown as { rows: unknown[] };
  return JSON.stringify(result.rows);
}

function plausibleValue(type: string | string[] | undefined): fc.Arbitrary<unknown> {
  const kind = Array.isArray(type) ? type[0] : type;
  switch (kind) {
    case "string":
      return fc.oneof(fc.string(), fc.constantFrom("2026-03-01", "2026-02-30", "12:00", "25:61", "A4", "", "x".repeat(300)));
    case "integer":
    case "number":
      return fc.oneof(fc.integer(), fc.double(), fc.constant(-1));
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(fc.jsonValue(), { maxLength: 3 });
    default:
      return fc.jsonValue();
  }
}

/**
 * Bodies for a route: arbitrary JSON, objects with the route's field names and arbitrary values, and — where a
 * stored record of the resource exists — that record with one field changed or left out. The last kind passes
 * validation often, so the handlers themselves (references, conflicts, the database) are fuzzed too.
 */
function bodyArbitrary(route: WriteRoute, template: Record<string, unknown> | undefined): fc.Arbitrary<unknown> {
  const properties = route.bodySchema?.properties ?? {};
  const names = Object.keys(properties);
  const shaped =
    names.length > 0
      ? fc.record(Object.fromEntries(names.map((name) => [name, plausibleValue(properties[name]?.type)])), { requiredKeys: [] })
      : fc.object();
  const kinds: Array<fc.Arbitrary<unknown>> = [fc.jsonValue(), shaped, fc.object()];
  const fields = template ? Object.keys(template).filter((name) => names.includes(name)) : [];
  if (template && fields.length > 0) {
    const base = Object.fromEntries(fields.map((name) => [name, template[name]]));
    const changed = fc
      .tuple(fc.constantFrom(...fields), fc.boolean())
      .chain(([name, drop]) => (drop ? fc.constant(Object.fromEntries(Object.entries(base).filter(([key]) => key !== name))) : plausibleValue(properties[name]?.type).map((value) => ({ ...base, [name]: value }))));
    kinds.push(changed, changed, fc.constant(base));
  }
  return fc.oneof(...kinds);
}

beforeAll(async () => {
  server = await startTestServer();
  const caseFile = caseFileSchema.parse(JSON.parse(readFileSync("examples/a4-intensivwohnen.json", "utf8")));
  await server.store.transaction((tx) => importCaseFile(tx, caseFile, { organisationId: TENANT_A, agreementInstanceId: instanceIdOf("A4") }));
});
afterAll(async () => server.close());

describe("fuzzing every write route", () => {
  it("answers arbitrary JSON with 2xx or 4xx only, and a refused request changes no row", async () => {
    const document = (await server.api("GET", "/api/v1/openapi.json")).body;
    const routes: WriteRoute[] = [];
    for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: WriteRoute["bodySchema"] }> } }>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!["post", "put", "patch", "delete"].includes(method)) continue;
        routes.push({ method: method.toUpperCase(), path, bodySchema: operation.requestBody?.content?.["application/json"]?.schema });
      }
    }
    expect(routes.length).toBeGreaterThan(3);

    // Real ids for path parameters: the first item of the route's list, where there is one.
    // and the record itself as a template for bodies that pass validation.
    const realIds = new Map<string, string>();
    const templates = new Map<string, Record<string, unknown>>();
    for (const route of routes) {
      const listPath = route.path.replace(/\/\{[^}]+\}.*$/, "");
      if (templates.has(listPath) || realIds.has(listPath)) continue;
      const list = await server.api("GET", `${listPath}?limit=1`);
      const first = list.status === 200 ? list.body?.items?.[0] : undefined;
      if (first && typeof first === "object") templates.set(listPath, first as Record<string, unknown>);
      if (typeof first?.id === "string") realIds.set(listPath, first.id);
    }

    const failures: string[] = [];
    let baseline = await fingerprintStore();
    for (const route of routes) {
      const listPath = route.path.replace(/\/\{[^}]+\}.*$/, "");
      const idArbitrary = fc.constantFrom(realIds.get(listPath) ?? "unbekannt", "unbekannt", "%00", "../x");
      await fc.assert(
        fc.asyncProperty(bodyArbitrary(route, templates.get(listPath)), idArbitrary, async (body, id) => {
          const path = route.path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
          const answer = await server.api(route.method, path, route.method === "DELETE" ? undefined : body);
          if (answer.status >= 500) failures.push(`${route.method} ${route.path} → ${answer.status}: ${JSON.stringify(body).slice(0, 200)}`);
          const after = await fingerprintStore();
          if (answer.status >= 400 && after !== baseline) failures.push(`${route.method} ${route.path} → ${answer.status} changed rows`);
          baseline = after;
          return true;
        }),
        { numRuns: 16, seed: 20261201 },
      );
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
