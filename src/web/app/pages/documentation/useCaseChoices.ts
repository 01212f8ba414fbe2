/**
 * What the form offers for one case: the goals of the Hilfeplan in force on the entry's date (GET /hilfeplans,
 * GET /plan-goals), the staff to choose from and the categories and places used before. The staff come by name
 * from the staff directory (GET /staff-directory, open to Leitung and Fachkraft); a staff member who documented
 * on the case before (up to 500 of its entries) or was remembered but is not in it is offered by id.
 */
import { useMemo } from "preact/hooks";
import { queryOf } from "../../lib/apiClient.ts";
import { useApiResource, type ApiResource } from "../../lib/useApiResource.ts";
import { todayInBerlin } from "./berlinDate.ts";
import type { Hilfeplan, Page, PlanGoal, ServiceEntryRecord, StaffMember } from "./documentationTypes.ts";

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface CaseChoices {
  hilfeplan: Hilfeplan | undefined;
  goals: ChoiceOption[];
  goalTitles: Map<string, string>;
  goalsLoading: boolean;
  /** The case's earlier entries are loaded (the staff defaults can be chosen). */
  ready: boolean;
  staff: ChoiceOption[];
  /** The staff member who documented most often on the case recently: the default. */
  usualStaffId: string | undefined;
  categories: string[];
  places: string[];
}

/** The Hilfeplan in force on a date: the latest dated on or before it, else the earliest. */
export function hilfeplanInForce(plans: readonly Hilfeplan[], date: string): Hilfeplan | undefined {
  const sorted = [...plans].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const before = sorted.filter((plan) => plan.date <= date);
  return before[before.length - 1] ?? sorted[0];
}

/** Goals with their Teilziele right after them: „Förderziel › Teilziel“. */
export function goalOptionsOf(goals: readonly PlanGoal[]): ChoiceOption[] {
  const options: ChoiceOption[] = [];
  const byId = new Map(goals.map((goal) => [goal.id, goal]));
  for (const goal of goals.filter((candidate) => !candidate.parentGoalId || !byId.has(candidate.parentGoalId))) {
    options.push({ value: goal.id, label: goal.title });
    for (const child of goals.filter((candidate) => candidate.parentGoalId === goal.id)) options.push({ value: child.id, label: `${goal.title} › ${child.title}` });
  }
  return options;
}

function mostFrequent(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

function distinct(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => Boolean(value)))].sort((a, b) => a.localeCompare(b, "de"));
}

export function useCaseChoices(caseId: string, date: string, staffList: ApiResource<Page<StaffMember>>, rememberedStaffId: string | undefined): CaseChoices {
  const plans = useApiResource<Page<Hilfeplan>>(caseId ? `/hilfeplans${queryOf({ caseId, limit: 100 })}` : null);
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
  const hilfeplan = caseId && plans.data ? hilfeplanInForce(plans.data.items.filter((plan) => plan.caseId === caseId), validDate ?? todayInBerlin()) : undefined;
  const goals = useApiResource<Page<PlanGoal>>(hilfeplan ? `/plan-goals${queryOf({ hilfeplanId: hilfeplan.id, limit: 500 })}` : null);
  const recent = useApiResource<Page<ServiceEntryRecord>>(caseId ? `/service-entries${queryOf({ caseId, limit: 500 })}` : null);

  return useMemo(() => {
    const goalItems = hilfeplan && goals.data ? goals.data.items.filter((goal) => goal.hilfeplanId === hilfeplan.id) : [];
    const recentItems = recent.data ? recent.data.items.filter((entry) => entry.caseId === caseId) : [];
    const usualStaffId = mostFrequent(recentItems.map((entry) => entry.staffId));
    const listed = staffList.data?.items ?? [];
    const listedIds = new Set(listed.map((member) => member.id));
    const staff: ChoiceOption[] = [
      ...listed.map((member) => ({ value: member.id, label: `${member.name} (${member.id})` })),
      ...distinct([...recentItems.map((entry) => entry.staffId), rememberedStaffId])
        .filter((id) => !listedIds.has(id))
        .map((id) => ({ value: id, label: id })),
    ];
    return {
      hilfeplan,
      goals: goalOptionsOf(goalItems),
      goalTitles: new Map(goalItems.map((goal) => [goal.id, goal.title])),
      goalsLoading: plans.loading || goals.loading,
      ready: recent.data !== undefined && !recent.loading && (staffList.data !== undefined || staffList.error !== undefined),
      staff,
      usualStaffId,
      categories: distinct(recentItems.map((entry) => entry.category)),
      places: distinct(recentItems.map((entry) => entry.place)),
    };
  }, [caseId, hilfeplan, goals.data, goals.loading, plans.loading, staffList.data, staffList.error, recent.data, recent.loading, rememberedStaffId]);
}
