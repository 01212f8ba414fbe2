import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tasks } from "../../store/schema/index.ts";
import { instanceIdOf, startTestServer, TENANT_B, type TestServer } from "../serverTestSupport.ts";

let server: TestServer;
let caseId: string;
beforeAll(async () => {
  server = await startTestServer({ today: "2026-04-15" });
  const clientId = (await server.api("POST", "/api/v1/clients", { name: "Aufgaben-Person" })).body.id as string;
  caseId = (await server.api("POST", "/api/v1/cases", { clientId, agreementInstanceId: instanceIdOf("A1-beispiel"), start: "2026-01-01" })).body.id as string;
});
afterAll(async () => server.close());

const ids = (answer: { body: { items: Array<{ id: string }> } }) => answer.body.items.map((item) => item.id);
const countTasks = async () => (await server.store.db.select({ id: tasks.id }).from(tasks)).length;
const report = {
  taskType: "progressReport",
  title: "Verlaufsbericht an den Leistungsträger",
  dueDate: "2026-06-30",
  anchorDate: "2026-08-31",
  ruleId: "A1-R20",
  source: { file: "001_beispiel.txt", clause: "§ 3.2.4", quote: "spätestens 2 Monate vor" },
};

describe("tasks", () => {
  it("creates, reads, filters by case, status and due period, changes, completes and deletes a task", async () => {
    const staffId = (await server.api("POST", "/api/v1/staff-members", { name: "Bezugsbetreuung" })).body.id as string;
    const created = await server.api("POST", "/api/v1/tasks", { caseId, assigneeId: staffId, ...report });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ caseId, status: "open", ...report });
    const id = created.body.id as string;
    await server.api("POST", "/api/v1/tasks", { caseId, taskType: "hilfeplan", title: "Hilfeplan erstellen", dueDate: "2026-03-26" });
    expect(ids(await server.api("GET", `/api/v1/tasks?caseId=${caseId}&status=open&from=2026-06-01&to=2026-06-30`))).toEqual([id]);
    expect(ids(await server.api("GET", `/api/v1/tasks?caseId=${caseId}&assigneeId=${staffId}&ruleId=A1-R20`))).toEqual([id]);
    expect((await server.api("GET", `/api/v1/tasks?caseId=${caseId}&to=2026-05-31`)).body.items.map((item: { taskType: string }) => item.taskType)).toEqual(["hilfeplan"]);
    expect((await server.api("PATCH", `/api/v1/tasks/${id}`, { dueDate: "2026-06-29", note: "Entwurf liegt vor" })).body).toMatchObject({ dueDate: "2026-06-29", note: "Entwurf liegt vor", ruleId: "A1-R20" });

    const completed = await server.api("POST", `/api/v1/tasks/${id}/complete`, { date: "2026-04-14" });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: "done", completedOn: "2026-04-14", note: "Entwurf liegt vor" });
    expect(ids(await server.api("GET", `/api/v1/tasks?caseId=${caseId}&status=done`))).toEqual([id]);
    const again = await server.api("POST", `/api/v1/tasks/${id}/complete`, { date: "2026-04-15" });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(`Die Aufgabe „${id}“ ist bereits am 2026-04-14 erledigt worden`);
    expect((await server.api("DELETE", `/api/v1/staff-members/${staffId}`)).status).toBe(409);
    expect((await server.api("DELETE", `/api/v1/tasks/${id}`)).status).toBe(204);
    expect((await server.api("GET", `/api/v1/tasks/${id}`)).status).toBe(404);
  });

  it("refuses inconsistent tasks and a completion after today in German with the path, changing nothing", async () => {
    const before = await countTasks();
    const done = await server.api("POST", "/api/v1/tasks", { ...report, status: "done" });
    expect(done.status).toBe(400);
    expect(done.body.errors).toEqual([{ path: "body.completedOn", message: "Eine erledigte Aufgabe braucht das Datum, an dem sie erledigt wurde" }]);
    const rule = await server.api("POST", "/api/v1/tasks", { ...report, ruleId: "R20" });
    expect(rule.body.errors).toEqual([{ path: "body.ruleId", message: "Regel-ID wie „A1-R15“ (Kürzel der Vereinbarung, „-R“, Nummer)" }]);
    expect(await countTasks()).toBe(before);
    const id = (await server.api("POST", "/api/v1/tasks", { caseId, ...report })).body.id as string;
    const future = await server.api("POST", `/api/v1/tasks/${id}/complete`, { date: "2026-04-16" });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([{ path: "body.date", message: "Erledigt am 2026-04-16 liegt nach dem heutigen Tag 2026-04-15", value: "2026-04-16" }]);
    const reopened = await server.api("PATCH", `/api/v1/tasks/${id}`, { completedOn: "2026-04-01" });
    expect(reopened.body.errors).toEqual([{ path: "body.status", message: "Erledigt am 2026-04-01, aber der Stand ist nicht „done“" }]);
    expect((await server.api("GET", `/api/v1/tasks/${id}`)).body).toMatchObject({ status: "open" });
    expect((await server.api("GET", `/api/v1/tasks/${id}`)).body.completedOn).toBeUndefined();
  });

  it("never shows or completes a task of another tenant", async () => {
    const id = (await server.api("POST", "/api/v1/tasks", { caseId, ...report })).body.id as string;
    expect((await server.api("GET", `/api/v1/tasks/${id}`, undefined, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("POST", `/api/v1/tasks/${id}/complete`, { date: "2026-04-15" }, { organisation: TENANT_B })).status).toBe(404);
    expect((await server.api("GET", `/api/v1/tasks/${id}`)).body.status).toBe("open");
  });
});
