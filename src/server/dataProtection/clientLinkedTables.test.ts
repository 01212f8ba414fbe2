/**
 * The tables about a client are found from the catalogue: the schema's own (with their links and depths) and a
 * table added later, also when it reaches the client only through another table; rows are selected per
 * organisation and per client.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../store/store.ts";
import { openTestStore } from "../../store/storeTestSupport.ts";
import { clientRowCondition, findClientLinkedTables } from "./clientLinkedTables.ts";

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => store?.close());

describe("findClientLinkedTables", () => {
  it("finds every table of the schema that holds a client's rows, with the links that lead to the client", async () => {
    const tables = await findClientLinkedTables(store.db);
    const summary = Object.fromEntries(tables.map((table) => [table.table, [table.depth, table.links.map((link) => `${link.column}→${link.parent}`).sort()]]));
    expect(summary).toEqual({
      clients: [0, []],
      cases: [1, ["client_id→clients"]],
      users: [1, ["client_id→clients"]],
      absences: [2, ["case_id→cases"]],
      accompaniments: [2, ["case_id→cases"]],
      audit_entries: [2, ["client_id→clients", "user_id→users"]],
      billing_holds: [2, ["case_id→cases", "client_id→clients"]],
      case_events: [2, ["case_id→cases"]],
      client_assignments: [2, ["client_id→clients", "user_id→users"]],
      consents: [2, ["case_id→cases"]],
      contacts: [2, ["case_id→cases"]],
      cost_coverages: [2, ["case_id→cases"]],
      crises: [2, ["case_id→cases"]],
      gesamtplans: [2, ["case_id→cases"]],
      hilfeplans: [2, ["case_id→cases"]],
      invoice_lines: [2, ["case_id→cases", "client_id→clients"]],
      sessions: [2, ["user_id→users"]],
      tasks: [2, ["case_id→cases"]],
      plan_goals: [3, ["hilfeplan_id→hilfeplans"]],
      plan_measures: [4, ["goal_id→plan_goals", "hilfeplan_id→hilfeplans"]],
      plan_updates: [4, ["goal_id→plan_goals", "hilfeplan_id→hilfeplans"]],
      service_entries: [4, ["case_id→cases", "goal_id→plan_goals"]],
    });
    // deepest first: a row is deleted before the row that leads from it to the client
    const depths = tables.map((table) => table.depth);
    expect(depths).toEqual([...depths].sort((a, b) => b - a));
    // tables without a link to a client are not among them
    for (const unrelated of ["organisations", "staff_members", "background_checks", "invoices", "billing_runs", "audit_chain_heads"]) expect(summary[unrelated]).toBeUndefined();
  });

  it("finds a table added later that reaches the client through another table, and selects only that client's rows", async () => {
    await store.db.execute(sql`CREATE TABLE hilfeplan_attachments (organisation_id text NOT NULL, id text NOT NULL, hilfeplan_id text NOT NULL, file_name text)`);
    await store.db.execute(sql`INSERT INTO clients (organisation_id, id, name) VALUES ('t-1', 'K-1', 'Person Eins'), ('t-1', 'K-2', 'Person Zwei'), ('t-2', 'K-1', 'Person Fremd')`);
    await store.db.execute(sql`INSERT INTO cases (organisation_id, id, client_id, agreement_instance_id, start) VALUES ('t-1', 'F-1', 'K-1', 'i', '2026-01-01'), ('t-1', 'F-2', 'K-2', 'i', '2026-01-01'), ('t-2', 'F-1', 'K-1', 'i', '2026-01-01')`);
    await store.db.execute(sql`INSERT INTO hilfeplans (organisation_id, id, case_id, date) VALUES ('t-1', 'HP-1', 'F-1', '2026-01-02'), ('t-1', 'HP-2', 'F-2', '2026-01-02'), ('t-2', 'HP-1', 'F-1', '2026-01-02')`);
    await store.db.execute(sql`INSERT INTO hilfeplan_attachments VALUES ('t-1', 'A-1', 'HP-1', 'eins.pdf'), ('t-1', 'A-2', 'HP-2', 'zwei.pdf'), ('t-2', 'A-3', 'HP-1', 'fremd.pdf')`);
    const tables = await findClientLinkedTables(store.db);
    expect(tables.find((table) => table.table === "hilfeplan_attachments")).toMatchObject({ depth: 3, links: [{ column: "hilfeplan_id", parent: "hilfeplans" }] });
    const selected = (await store.db.execute(sql`SELECT id FROM hilfeplan_attachments WHERE ${clientRowCondition(tables, "hilfeplan_attachments", "t-1", "K-1")} ORDER BY id`)) as unknown as { rows: Array<{ id: string }> };
    expect(selected.rows).toEqual([{ id: "A-1" }]);
  });
});
