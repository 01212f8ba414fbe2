/**
 * GET /api/v1/overview for a provider with many cases (the benchmarks' synthetic provider, 400 clients; today 2026-04-15): per state (overdue, due soon, open)
 * the number of all deadlines and tasks, and only the first `limit` items of each state (earliest due first);
 * the rest of one state comes with `section`, `status` and `offset`, page after page, every item once and in the
 * order of the engine's full list (GET /api/v1/deadlines).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { generateSyntheticProvider } from "../../../bench/generateSyntheticProvider.ts";
import { cases, tasks } from "../../store/schema/index.ts";
import { startTestServer, type TestServer } from "../serverTestSupport.ts";

let server: TestServer;
const PROVIDER = "viele-traeger";
const CLIENTS = 400;

/** Day `offset` relative to 2026-04-15 as JJJJ-MM-TT. */
function dayFrom(offset: number): string {
  return new Date(Date.UTC(2026, 3, 15 + offset)).toISOString().slice(0, 10);
}

interface Item {
  id: string;
  status: string;
  title: string;
  caseId?: string;
  clientName: string | null;
  drivingDue?: string | null;
  dueDate?: string | null;
}
const keyOf = (item: Item) => `${item.caseId ?? "-"}|${item.id}|${item.status}`;

beforeAll(async () => {
  server = await startTestServer({ today: "2026-04-15" });
  // 400 people of the benchmarks' synthetic provider, each with a case, a cost coverage, a Gesamtplan and a Hilfeplan.
  await generateSyntheticProvider(server.store, { organisationId: PROVIDER, clients: CLIENTS });
  const caseIds = (await server.store.db.select({ id: cases.id }).from(cases).where(eq(cases.organisationId, PROVIDER)).orderBy(cases.id)).map((row) => row.id);
  expect(caseIds).toHaveLength(CLIENTS);
  // Open tasks: 70 overdue, 6 due within 14 days (the 15th day is open), 60 later, 12 without a date; 5 done.
  const task = (id: string, dueDate: string | null, status: "open" | "done" = "open") => ({ organisationId: PROVIDER, id, caseId: caseIds[Number(id.split("-").at(-1)) % CLIENTS], taskType: "other", title: `Aufgabe ${id}`, dueDate, status });
  await server.store.db.insert(tasks).values([
    ...Array.from({ length: 70 }, (_, index) => task(`ueberfaellig-${String(index).padStart(2, "0")}`, dayFrom(-70 + index))),
    ...Array.from({ length: 6 }, (_, index) => task(`bald-${index}`, dayFrom(index * 2 + 2))),
    task("grenze-14", dayFrom(14)),
    task("grenze-15", dayFrom(15)),
    ...Array.from({ length: 59 }, (_, index) => task(`spaeter-${String(index).padStart(2, "0")}`, dayFrom(20 + index))),
    ...Array.from({ length: 12 }, (_, index) => task(`ohne-datum-${String(index).padStart(2, "0")}`, null)),
    ...Array.from({ length: 5 }, (_, index) => task(`erledigt-${index}`, dayFrom(-3), "done")),
  ]);
}, 120_000);
afterAll(async () => server?.close());

const overview = async (query = "") => {
  const answer = await server.api("GET", `/api/v1/overview${query}`, undefined, { organisation: PROVIDER });
  expect(answer.status, JSON.stringify(answer.body).slice(0, 500)).toBe(200);
  return answer.body;
};

describe("overview of a provider with many cases", () => {
  it("counts every open task per state and sends only the first 50 of each, earliest due first", async () => {
    const body = await overview();
    expect(body.tasks.counts).toEqual({ overdue: 70, dueSoon: 7, open: 72 });
    const items = body.tasks.items as Item[];
    expect(items.filter((item) => item.status === "overdue").map((item) => item.dueDate)).toEqual(Array.from({ length: 50 }, (_, index) => dayFrom(-70 + index)));
    expect(items.filter((item) => item.status === "dueSoon").map((item) => item.id)).toEqual(["bald-0", "bald-1", "bald-2", "bald-3", "bald-4", "bald-5", "grenze-14"]);
    const open = items.filter((item) => item.status === "open");
    expect(open).toHaveLength(50);
    expect(open[0]).toMatchObject({ id: "grenze-15", dueDate: "2026-04-30" });
    expect(open.at(-1)).toMatchObject({ id: "spaeter-48", dueDate: dayFrom(68) });
    expect(items[0]).toMatchObject({ id: "ueberfaellig-00", dueDate: "2026-02-04", status: "overdue" });
    expect(items[0]!.clientName).toMatch(/^Beispiel-Person \d{5}$/);
  });

  it("gives the rest of one state page by page with section, status and offset", async () => {
    const second = await overview("?section=tasks&status=overdue&offset=50&limit=50");
    expect(second.sections).toEqual(["tasks"]);
    expect(second.deadlines).toBeUndefined();
    expect(second.holds).toBeUndefined();
    expect(second.tasks.counts).toEqual({ overdue: 70, dueSoon: 7, open: 72 });
    expect((second.tasks.items as Item[]).map((item) => item.id)).toEqual(Array.from({ length: 20 }, (_, index) => `ueberfaellig-${50 + index}`));
    const undated = await overview("?section=tasks&status=open&offset=50&limit=50");
    expect((undated.tasks.items as Item[]).map((item) => `${item.id} ${item.dueDate}`)).toEqual([
      ...Array.from({ length: 10 }, (_, index) => `spaeter-${49 + index} ${dayFrom(69 + index)}`),
      ...Array.from({ length: 12 }, (_, index) => `ohne-datum-${String(index).padStart(2, "0")} null`),
    ]);
    expect((await overview("?section=tasks&status=dueSoon&offset=7")).tasks.items).toEqual([]);
    expect((await server.api("GET", "/api/v1/overview?offset=50", undefined, { organisation: PROVIDER })).status).toBe(400);
    expect((await server.api("GET", "/api/v1/overview?limit=0", undefined, { organisation: PROVIDER })).status).toBe(400);
    expect((await server.api("GET", "/api/v1/overview?section=tasks&status=spaeter", undefined, { organisation: PROVIDER })).status).toBe(400);
  });

  it("counts the engine's deadlines per state as GET /deadlines lists them, and pages through each state in that order", async () => {
    const full = await server.api("GET", "/api/v1/deadlines?asOf=2026-04-15", undefined, { organisation: PROVIDER });
    expect(full.status).toBe(200);
    const all = full.body.deadlines as Item[];
    const expected = { overdue: 0, dueSoon: 0, open: 0 } as Record<string, number>;
    for (const item of all) expected[item.status] = (expected[item.status] ?? 0) + 1;
    expect(expected.overdue).toBeGreaterThan(100);
    const body = await overview();
    expect(body.deadlines.counts).toEqual(expected);
    const first = body.deadlines.items as Item[];
    expect(first.filter((item) => item.status === "overdue")).toHaveLength(50);
    expect(first.length).toBe(Math.min(50, expected.overdue!) + Math.min(50, expected.dueSoon!) + Math.min(50, expected.open!));
    // The first items are the engine's first ones of each state, in its order.
    for (const status of ["overdue", "dueSoon", "open"])
      expect(first.filter((item) => item.status === status).map(keyOf)).toEqual(all.filter((item) => item.status === status).slice(0, 50).map(keyOf));
    expect(first.find((item) => item.caseId !== undefined)?.clientName).toMatch(/^Beispiel-Person \d{5}$/);
    // Page through the overdue ones: every one once, in order.
    const paged = first.filter((item) => item.status === "overdue").map(keyOf);
    for (let offset = 50; offset < expected.overdue!; offset += 50) {
      const page = await overview(`?section=deadlines&status=overdue&offset=${offset}&limit=50`);
      expect(page.sections).toEqual(["deadlines"]);
      expect(page.tasks).toBeUndefined();
      paged.push(...(page.deadlines.items as Item[]).map(keyOf));
    }
    expect(paged).toEqual(all.filter((item) => item.status === "overdue").map(keyOf));
    // A small limit narrows every state.
    const small = await overview("?limit=3");
    expect((small.deadlines.items as Item[]).map(keyOf)).toEqual(["overdue", "dueSoon", "open"].flatMap((status) => all.filter((item) => item.status === status).slice(0, 3)).sort((a, b) => all.indexOf(a) - all.indexOf(b)).map(keyOf));
    expect(small.deadlines.counts).toEqual(expected);
    expect(small.tasks.items).toHaveLength(9);
  });
});
