/**
 * Everything the client role may read of its own file (accessMatrix.ts: clients, cases, planTexts and
 * documentation "own"): the person, the Gesamtplan dates, the Hilfeplan with goals, measures and updates,
 * and every documented service (all pages of the cursor list). The server narrows each list to the own file.
 */
import { useEffect, useState } from "preact/hooks";
import { getJson } from "../../lib/apiClient.ts";
import type { ServiceEntry } from "./easyLanguage.ts";

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Gesamtplan {
  id: string;
  caseId: string;
  date: string;
  plannedUpdate?: string;
}
export interface Hilfeplan {
  id: string;
  caseId: string;
  date: string;
  kind?: string;
}
export interface PlanGoal {
  id: string;
  hilfeplanId: string;
  parentGoalId?: string;
  title: string;
  description?: string;
  status?: string;
}
export interface PlanMeasure {
  id: string;
  hilfeplanId: string;
  goalId?: string;
  title: string;
  description?: string;
}
export interface PlanUpdate {
  id: string;
  hilfeplanId: string;
  goalId?: string;
  date: string;
  attainment?: string;
  text: string;
}

export interface OwnPlan {
  name: string;
  gesamtplans: Gesamtplan[];
  hilfeplans: Hilfeplan[];
  goals: PlanGoal[];
  measures: PlanMeasure[];
  updates: PlanUpdate[];
  entries: ServiceEntry[];
}

const MAX_PAGES = 20;

async function loadAll<T>(path: string, signal: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const separator = path.includes("?") ? "&" : "?";
    const found: Page<T> = await getJson<Page<T>>(`${path}${separator}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { signal });
    items.push(...found.items);
    cursor = found.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export function useOwnPlan(clientId: string | null | undefined): { plan: OwnPlan | undefined; error: Error | undefined } {
  const [plan, setPlan] = useState<OwnPlan | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  useEffect(() => {
    if (!clientId) return;
    const controller = new AbortController();
    const { signal } = controller;
    Promise.all([
      getJson<{ name: string }>(`/clients/${encodeURIComponent(clientId)}`, { signal }),
      loadAll<Gesamtplan>("/gesamtplans", signal),
      loadAll<Hilfeplan>("/hilfeplans", signal),
      loadAll<PlanGoal>("/plan-goals", signal),
      loadAll<PlanMeasure>("/plan-measures", signal),
      loadAll<PlanUpdate>("/plan-updates", signal),
      loadAll<ServiceEntry>("/service-entries", signal),
    ])
      .then(([client, gesamtplans, hilfeplans, goals, measures, updates, entries]) => setPlan({ name: client.name, gesamtplans, hilfeplans, goals, measures, updates, entries }))
      .catch((caught: unknown) => {
        if (!signal.aborted) setError(caught instanceof Error ? caught : new Error(String(caught)));
      });
    return () => controller.abort();
  }, [clientId]);
  return { plan, error };
}
