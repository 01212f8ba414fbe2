/**
 * The access matrix is whole: every route of the OpenAPI document belongs to an area (a new route cannot slip
 * through unrefused), and docs/access-matrix.md is the table generated from the matrix and those routes.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../serverTestSupport.ts";
import { ACCESS_MATRIX, findArea, isMethodAllowed } from "./accessMatrix.ts";
import { renderAccessMatrixTable, routeUrlOf } from "./accessMatrixTable.ts";

const DOC = fileURLToPath(new URL("../../../docs/access-matrix.md", import.meta.url));

let server: TestServer;
let routes: Array<{ method: string; path: string }>;
beforeAll(async () => {
  server = await startTestServer();
  const document = (await server.api("GET", "/api/v1/openapi.json")).body as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path })));
});
afterAll(async () => server?.close());

describe("access matrix", () => {
  it("gives every route of the OpenAPI document (but the log-in routes) an area", () => {
    expect(routes.length).toBeGreaterThan(100);
    const without = routes.filter((route) => !route.path.startsWith("/api/v1/auth/") && findArea(route.method, routeUrlOf(route.path)) === undefined);
    expect(without).toEqual([]);
  });

  it("gives HEAD the area of GET", () => {
    expect(findArea("HEAD", "/api/v1/clients/:id/month/:month")).toBe("documentation");
    expect(findArea("GET", "/api/v1/clients/:id/month/:month")).toBe("documentation");
    expect(findArea("GET", "/api/v1/clients/:id")).toBe("clients");
    expect(findArea("GET", "/api/v1/unbekannt")).toBeUndefined();
    expect(findArea("GET", "/api/v1/constructor")).toBeUndefined();
  });

  it("lets only write access change anything", () => {
    expect(isMethodAllowed("read", "POST")).toBe(false);
    expect(isMethodAllowed("own", "PATCH")).toBe(false);
    expect(isMethodAllowed("addressed", "POST")).toBe(false);
    expect(isMethodAllowed("assignedRead", "DELETE")).toBe(false);
    expect(isMethodAllowed("assigned", "DELETE")).toBe(true);
    expect(isMethodAllowed(undefined, "GET")).toBe(false);
    // Verwaltung never reads plan texts or documentation; a Fachkraft only assigned clients.
    expect(ACCESS_MATRIX.planTexts.verwaltung).toBeUndefined();
    expect(ACCESS_MATRIX.documentation.verwaltung).toBeUndefined();
    expect(ACCESS_MATRIX.planTexts.fachkraft).toBe("assigned");
  });

  it("is shown as docs/access-matrix.md, generated from the matrix and the routes", () => {
    const table = renderAccessMatrixTable(routes.filter((route) => !route.path.startsWith("/api/v1/auth/")));
    if (process.env.UPDATE_ACCESS_MATRIX_DOC === "1") writeFileSync(DOC, table);
    expect(existsSync(DOC) ? readFileSync(DOC, "utf8") : "(fehlt)", "docs/access-matrix.md ist veraltet: UPDATE_ACCESS_MATRIX_DOC=1 npx vitest run src/server/access/accessMatrix.test.ts").toBe(table);
  });
});
