/**
 * Übersicht der Organisation für die Startseite der Webanwendung (issue 5), in one request: the pending
 * deadlines (engine), the open tasks, the holds of the latest billing run of each month, the occupancy of each
 * agreement instance against its agreed places, and the staffing findings. Each section is present only when
 * the actor's role may read the area it comes from (accessMatrix.ts), narrowed like the area's own routes:
 * a Fachkraft sees the deadlines and tasks of the clients assigned to them (clientScope.ts) and no holds,
 * occupancy or staffing; Verwaltung no staffing; Administration only staffing. Nothing is stored.
 * Deadlines and tasks are counted per state (overdue, due soon, open) and sent only up to `limit` items of each
 * state (earliest due first), so that a provider with thousands of cases gets a page it can draw; the rest of
 * one state is asked for with `section`, `status` and `offset` (the answer then holds only that section).
 */
import { and, desc, eq, gte, inArray, isNull, lte, or, sql, count } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkCapacity } from "../../domain/admission/checkCapacity.ts";
import { createInputRegister } from "../../domain/agreement/resolveAgreement.ts";
import { isInputReference } from "../../domain/agreement/sourceSchema.ts";
import { parseDate } from "../../domain/calendar/calendarDate.ts";
import { DEFAULT_DUE_SOON_DAYS, statusOfDue } from "../../domain/deadlines/deadline.ts";
import { formatCents } from "../../domain/money/amount.ts";
import { resolveInstanceAgreement } from "../../store/instanceAgreement.ts";
import { agreementInstances, billingHolds, billingRuns, cases, clients, tasks } from "../../store/schema/index.ts";
import { findAccess, type Access, type Area } from "../access/accessMatrix.ts";
import { clientViewOf, visibleClientCondition, type ClientView, CLIENT_LINKED_TABLES } from "../access/clientScope.ts";
import { runInTransaction, type AppContext, type RequestScope } from "../appContext.ts";
import { presentExactValues } from "../engine/presentExactValues.ts";
import { computeStaffingView } from "../engine/staffingView.ts";
import { computeTenantDeadlines, type TenantDeadline } from "../engine/tenantDeadlines.ts";
import { isoDateField } from "../fieldSchemas.ts";

const TAG = "Übersicht";

const DUE_STATES = ["overdue", "dueSoon", "open"] as const;
type DueState = (typeof DUE_STATES)[number];
type DueCounts = Record<DueState, number>;

const querySchema = z
  .object({
    asOf: isoDateField.optional().describe("Stichtag JJJJ-MM-TT (Standard: heute)"),
    limit: z.coerce.number().int().min(1).max(500).default(50).describe("höchstens so viele Fristen und so viele Aufgaben je Stand (überfällig, bald fällig, offen), die früheste Fälligkeit zuerst (1–500)"),
    section: z.enum(["deadlines", "tasks"]).optional().describe("nur dieser Abschnitt (zum Nachladen: mit `status` und `offset`)"),
    status: z.enum(DUE_STATES).optional().describe("nur Einträge dieses Stands (mit `section`)"),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe("so viele Einträge je Stand überspringen (mit `section`)"),
  })
  .strict()
  .refine((query) => query.section !== undefined || (query.status === undefined && query.offset === 0), { message: "status und offset nur zusammen mit section", path: ["section"] });
type OverviewQuery = z.infer<typeof querySchema>;

const countsSchema = z
  .object({ overdue: z.number().int(), dueSoon: z.number().int(), open: z.number().int() })
  .describe("Anzahl aller Einträge je Stand (auch der nicht mitgesendeten)");

const section = (description: string, shape: z.ZodRawShape) => z.looseObject(shape).optional().describe(description);

const overviewSchema = z
  .object({
    asOf: z.string(),
    sections: z.array(z.enum(["deadlines", "tasks", "holds", "occupancy", "staffing"])).describe("die Abschnitte, die die Rolle lesen darf"),
    deadlines: section("offene, bald fällige und überfällige Fristen (wie GET /api/v1/deadlines), mit Namen der Klient:innen; je Stand höchstens `limit`", {
      items: z.array(z.looseObject({ id: z.string(), status: z.string(), title: z.string() })),
      counts: countsSchema,
    }),
    tasks: section("offene Aufgaben, nach Fälligkeit; je Stand höchstens `limit`", { items: z.array(z.looseObject({ id: z.string(), title: z.string(), status: z.enum(DUE_STATES) })), counts: countsSchema }),
    holds: section("Rückhalte des jeweils letzten Abrechnungslaufs je Monat, nach Grund gruppiert", { runs: z.array(z.looseObject({ runId: z.string(), month: z.string(), holdCount: z.number().int() })) }),
    occupancy: section("Belegung je Vereinbarung: laufende Fälle gegen vereinbarte Plätze", {
      items: z.array(z.looseObject({ agreementInstanceId: z.string(), activeCases: z.number().int(), places: z.number().int().nullable(), status: z.enum(["within", "exceeded", "unknown", "notAgreed"]) })),
    }),
    staffing: section("Personal: Befunde außer Hinweisen (Führungszeugnisse, Quoten, Bedarf)", { counts: z.record(z.string(), z.number()), findings: z.array(z.looseObject({ severity: z.string(), code: z.string(), message: z.string() })) }),
  })
  .describe("Übersicht");

type SectionName = z.infer<typeof overviewSchema>["sections"][number];

/** The access of the actor's role to an area; the system role (tests, CLI) has every area. */
function accessOf(scope: RequestScope, area: Area): Access | undefined {
  const role = scope.actor.role;
  if (role === "system") return "write";
  return findAccess(role, area);
}

/** The client view the actor would have under an area (a Fachkraft: assigned clients). */
function viewUnder(scope: RequestScope, access: Access): ClientView {
  return scope.actor.role === "system" ? { kind: "all" } : clientViewOf(scope.actor, access);
}

const isWholeOrganisation = (access: Access | undefined): boolean => access === "read" || access === "write";

/** Names of the clients the actor may see under the clients area; none without it. */
async function loadClientNames(scope: RequestScope, clientIds: string[]): Promise<Map<string, string>> {
  const access = accessOf(scope, "clients");
  if (!access || clientIds.length === 0) return new Map();
  const visible = visibleClientCondition(viewUnder(scope, access), CLIENT_LINKED_TABLES.clients!.clientOf);
  const rows = await scope.tx
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(and(eq(clients.organisationId, scope.actor.organisationId), inArray(clients.id, [...new Set(clientIds)]), visible));
  return new Map(rows.map((row) => [row.id, row.name]));
}

async function loadDeadlines(scope: RequestScope, access: Access, asOf: string) {
  // computeTenantDeadlines narrows by the grant's view: give it the view of the engine's area.
  const narrowed: RequestScope = scope.grant ? { ...scope, grant: { ...scope.grant, area: "engineResults", access, view: viewUnder(scope, access) } } : scope;
  return computeTenantDeadlines(narrowed, asOf);
}

/**
 * The window of each state to send: `limit` items from `offset` on, of every state or of the one asked for.
 */
function windowsOf(query: OverviewQuery): Array<{ status: DueState; offset: number; limit: number }> {
  return DUE_STATES.filter((status) => query.status === undefined || query.status === status).map((status) => ({ status, offset: query.offset, limit: query.limit }));
}

/** The items inside the windows, in their given order (earliest due first). */
function pickWindows<T extends { status: string }>(items: T[], query: OverviewQuery): { items: T[]; counts: DueCounts } {
  const counts: DueCounts = { overdue: 0, dueSoon: 0, open: 0 };
  const windows = new Map(windowsOf(query).map((window) => [window.status as string, window]));
  const picked: T[] = [];
  for (const item of items) {
    const status = item.status as DueState;
    const position = counts[status];
    if (position === undefined) {
      picked.push(item);
      continue;
    }
    counts[status] = position + 1;
    const window = windows.get(status);
    if (window && position >= window.offset && position < window.offset + window.limit) picked.push(item);
  }
  return { items: picked, counts };
}

/**
 * The open tasks, counted per state, and the windows of each state. The state follows the due date
 * (statusOfDue with the engine's lead time, undated: open), so in the order „due date, undated last“ each state
 * is one run of rows: its window is read with OFFSET/LIMIT inside that run.
 */
async function loadTasks(scope: RequestScope, access: Access, asOf: string, query: OverviewQuery) {
  const visible = visibleClientCondition(viewUnder(scope, access), CLIENT_LINKED_TABLES.tasks!.clientOf);
  const condition = and(eq(tasks.organisationId, scope.actor.organisationId), eq(tasks.status, "open"), visible);
  const today = parseDate(asOf);
  // The deadline engine's lead time for "bald fällig" (DEFAULT_DUE_SOON_DAYS), so both lists agree.
  const statusOf = (dueDate: string | null) => statusOfDue(dueDate ? parseDate(dueDate) : null, today, DEFAULT_DUE_SOON_DAYS) as DueState;
  const perDate = await scope.tx.select({ dueDate: tasks.dueDate, value: count() }).from(tasks).where(condition).groupBy(tasks.dueDate);
  const counts: DueCounts = { overdue: 0, dueSoon: 0, open: 0 };
  for (const row of perDate) counts[statusOf(row.dueDate)] += Number(row.value);
  const firstOf: DueCounts = { overdue: 0, dueSoon: counts.overdue, open: counts.overdue + counts.dueSoon };
  const rows = [];
  for (const window of windowsOf(query)) {
    const size = Math.min(window.limit, counts[window.status] - window.offset);
    if (size <= 0) continue;
    rows.push(
      ...(await scope.tx
        .select({
          id: tasks.id,
          caseId: tasks.caseId,
          clientId: CLIENT_LINKED_TABLES.tasks!.clientOf,
          taskType: tasks.taskType,
          title: tasks.title,
          dueDate: tasks.dueDate,
          assigneeId: tasks.assigneeId,
          ruleId: tasks.ruleId,
          source: tasks.source,
          note: tasks.note,
        })
        .from(tasks)
        .where(condition)
        .orderBy(sql`${tasks.dueDate} asc nulls last`, tasks.id)
        .offset(firstOf[window.status] + window.offset)
        .limit(size)),
    );
  }
  return {
    counts,
    items: rows.map((row) => ({ ...row, clientId: (row.clientId as string | null) ?? null, status: statusOf(row.dueDate) })),
  };
}

interface HoldGroup {
  kind: string;
  code: string;
  message: string;
  release: string;
  inputId: string | null;
  ruleId: string;
  source: unknown;
  count: number;
  amountCents: number;
  amount: string;
  /** Holds whose amount is not known (e.g. the remuneration is an open input). */
  withoutAmount: number;
  clientIds: string[];
}

/** The latest run of each month (a re-run replaces a draft; a supplementary run follows issued ones), the last six months. */
async function loadHolds(scope: RequestScope) {
  const organisationId = scope.actor.organisationId;
  const runs = await scope.tx.select().from(billingRuns).where(eq(billingRuns.organisationId, organisationId)).orderBy(desc(billingRuns.month), desc(billingRuns.createdAt)).limit(200);
  const latest = new Map<string, (typeof runs)[number]>();
  for (const run of runs) if (!latest.has(run.month)) latest.set(run.month, run);
  const chosen = [...latest.values()].slice(0, 6);
  if (chosen.length === 0) return { runs: [] };
  const holds = await scope.tx
    .select()
    .from(billingHolds)
    .where(and(eq(billingHolds.organisationId, organisationId), inArray(billingHolds.runId, chosen.map((run) => run.id))))
    .orderBy(billingHolds.id);
  return {
    runs: chosen
      .map((run) => {
        const own = holds.filter((hold) => hold.runId === run.id);
        const groups = new Map<string, HoldGroup>();
        for (const hold of own) {
          const key = JSON.stringify([hold.kind, hold.code, hold.message, hold.release, hold.inputId, hold.ruleId]);
          const group = groups.get(key) ?? { kind: hold.kind, code: hold.code, message: hold.message, release: hold.release, inputId: hold.inputId, ruleId: hold.ruleId, source: hold.source, count: 0, amountCents: 0, amount: "0.00", withoutAmount: 0, clientIds: [] };
          group.count += 1;
          if (hold.amountCents === null) group.withoutAmount += 1;
          else group.amountCents += hold.amountCents;
          if (!group.clientIds.includes(hold.clientId)) group.clientIds.push(hold.clientId);
          groups.set(key, group);
        }
        const heldCents = own.reduce((sum, hold) => sum + (hold.amountCents ?? 0), 0);
        return {
          runId: run.id,
          month: run.month,
          state: run.state,
          holdCount: own.length,
          heldCents,
          held: formatCents(heldCents),
          withoutAmount: own.filter((hold) => hold.amountCents === null).length,
          groups: [...groups.values()].map((group) => ({ ...group, amount: formatCents(group.amountCents) })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
        };
      })
      .filter((run) => run.holdCount > 0),
  };
}

/** Active cases per agreement instance on the day, against the places of the agreement (M07, checkCapacity). */
async function loadOccupancy(scope: RequestScope, asOf: string) {
  const organisationId = scope.actor.organisationId;
  const instances = await scope.tx.select().from(agreementInstances).where(eq(agreementInstances.organisationId, organisationId)).orderBy(agreementInstances.id);
  const counted = await scope.tx
    .select({ instanceId: cases.agreementInstanceId, value: count() })
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), lte(cases.start, asOf), or(isNull(cases.end), gte(cases.end, asOf))))
    .groupBy(cases.agreementInstanceId);
  const active = new Map(counted.map((row) => [row.instanceId, Number(row.value)]));
  return {
    items: instances.map((instance) => {
      const activeCases = active.get(instance.id) ?? 0;
      const base = { agreementInstanceId: instance.id, agreementId: instance.agreementId, title: instance.title, activeCases };
      const agreement = resolveInstanceAgreement(scope.context.catalogue, instance);
      if (!agreement) return { ...base, places: null, status: "unknown" as const, message: `Vereinbarung ${instance.agreementId} ist nicht geladen; Belegung nicht prüfbar`, missingInput: null, exampleValue: false, ruleId: null, source: null };
      const capacity = agreement.admission?.capacity;
      const placesValue = capacity?.places ?? agreement.capacity?.places;
      if (!capacity || placesValue === undefined)
        return { ...base, places: null, status: "notAgreed" as const, message: "Die Vereinbarung legt keine Platzzahl fest", missingInput: null, exampleValue: false, ruleId: agreement.capacity?.ruleId ?? null, source: null };
      const result = checkCapacity(agreement, { activeCases, date: asOf, admitting: 0 });
      const finding = result.findings[0];
      const inputId = isInputReference(placesValue) ? placesValue.input : null;
      const input = inputId ? agreement.inputs.find((candidate) => candidate.id === inputId) : undefined;
      const example = inputId ? createInputRegister(agreement).lookup(inputId) : undefined;
      return {
        ...base,
        places: result.places ?? null,
        status: result.status,
        message: finding?.message ?? "",
        missingInput: result.status === "unknown" && inputId ? { id: inputId, label: input?.label ?? inputId } : null,
        exampleValue: Boolean(example && example.found && example.example),
        ruleId: finding?.explanation.ruleId ?? capacity.ruleId,
        source: finding?.explanation.source ?? capacity.source,
      };
    }),
  };
}

async function loadStaffing(scope: RequestScope, asOf: string) {
  const view = await computeStaffingView(scope, asOf);
  const findings = view.report.findings.filter((finding) => finding.severity !== "info");
  return { counts: view.report.counts, findings };
}

export function registerOverviewRoutes(app: FastifyInstance, context: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/overview",
    {
      schema: {
        tags: [TAG],
        summary: "Übersicht: Fristen, Aufgaben, Rückhalte, Belegung, Personal",
        description:
          "Die Startseite in einer Anfrage. Jeder Abschnitt nur, wenn die Rolle seinen Bereich lesen darf (Zugriffsmatrix), und eingeschränkt wie dort: eine Fachkraft sieht Fristen und Aufgaben ihrer zugeordneten Klient:innen. Belegung: laufende Fälle am Stichtag gegen die vereinbarten Plätze (M07); fehlt die Platzzahl als Eingabe, wird die Eingabe genannt. Fristen und Aufgaben: je Stand (überfällig, bald fällig, offen) die Anzahl (`counts`) und höchstens `limit` Einträge, die früheste Fälligkeit zuerst; weitere eines Stands mit `section`, `status` und `offset` (die Antwort enthält dann nur diesen Abschnitt).",
        querystring: querySchema,
        response: { 200: overviewSchema },
      },
    },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const asOf = request.query.asOf ?? context.today();
        const sections: SectionName[] = [];
        const answer: Record<string, unknown> = { asOf };

        const only = request.query.section;
        const engineAccess = only === "tasks" ? undefined : accessOf(scope, "engineResults");
        let clientIds: string[] = [];
        let deadlines: ReturnType<typeof pickWindows<TenantDeadline>> | undefined;
        let notComputed: Awaited<ReturnType<typeof loadDeadlines>>["notComputed"] = [];
        if (engineAccess) {
          const computed = await loadDeadlines(scope, engineAccess, asOf);
          deadlines = pickWindows(computed.deadlines, request.query);
          notComputed = computed.notComputed;
          clientIds = deadlines.items.flatMap((deadline) => (deadline.clientId ? [deadline.clientId] : []));
        }
        const taskAccess = only === "deadlines" ? undefined : accessOf(scope, "tasks");
        const openTasks = taskAccess ? await loadTasks(scope, taskAccess, asOf, request.query) : undefined;
        if (openTasks) clientIds = [...clientIds, ...openTasks.items.flatMap((task) => (task.clientId ? [task.clientId] : []))];
        const names = await loadClientNames(scope, clientIds);
        const nameOf = (clientId: string | null | undefined) => (clientId ? (names.get(clientId) ?? null) : null);

        if (deadlines) {
          sections.push("deadlines");
          answer.deadlines = { items: deadlines.items.map((deadline) => ({ ...deadline, clientName: nameOf(deadline.clientId) })), counts: deadlines.counts, notComputed };
        }
        if (openTasks) {
          sections.push("tasks");
          answer.tasks = { items: openTasks.items.map((task) => ({ ...task, clientName: nameOf(task.clientId) })), counts: openTasks.counts };
        }
        if (only) {
          answer.sections = sections;
          return presentExactValues(answer) as never;
        }
        // Holds are read with the invoices (not by a payer's caseworker, whose view is "addressed").
        if (isWholeOrganisation(accessOf(scope, "invoices"))) {
          sections.push("holds");
          answer.holds = await loadHolds(scope);
        }
        // Occupancy counts every case of the organisation: only for roles that see all cases and the agreement instances.
        if (isWholeOrganisation(accessOf(scope, "cases")) && accessOf(scope, "agreementInputs")) {
          sections.push("occupancy");
          answer.occupancy = await loadOccupancy(scope, asOf);
        }
        if (accessOf(scope, "staffing")) {
          sections.push("staffing");
          answer.staffing = await loadStaffing(scope, asOf);
        }
        answer.sections = sections;
        return presentExactValues(answer) as never;
      }),
  );
}
