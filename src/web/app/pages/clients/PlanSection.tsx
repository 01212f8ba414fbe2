/**
 * The planning of one case: the Gesamtplan dates (date, planned update) and each Hilfeplan with its goals
 * (Förderziele with their Teilziele), measures and updates (Fortschreibungen).
 */
import { formatDate } from "../../lib/germanFormat.ts";
import { useApiResource } from "../../lib/useApiResource.ts";
import { LoadingNote, ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { GOAL_STATUS_LABELS, HILFEPLAN_KIND_LABELS, labelOf } from "./clientLabels.ts";
import type { Page } from "./clientTypes.ts";

interface GesamtplanRecord {
  id: string;
  date: string;
  plannedUpdate?: string;
  fileReference?: string;
}
interface HilfeplanRecord {
  id: string;
  date: string;
  kind: string;
  summary?: string;
}
interface GoalRecord {
  id: string;
  parentGoalId?: string;
  title: string;
  description?: string;
  status: string;
}
interface MeasureRecord {
  id: string;
  goalId?: string;
  title: string;
  description?: string;
}
interface UpdateRecord {
  id: string;
  goalId?: string;
  date: string;
  attainment?: string;
  text: string;
}

function Gesamtplans({ caseId }: { caseId: string }) {
  const plans = useApiResource<Page<GesamtplanRecord>>(`/gesamtplans?caseId=${encodeURIComponent(caseId)}&limit=100`);
  if (plans.error) return <ProblemMessage error={plans.error} title="Gesamtpläne nicht lesbar" />;
  if (!plans.data) return <LoadingNote />;
  if (plans.data.items.length === 0) return <p class="kern-body">Kein Gesamtplan erfasst.</p>;
  return (
    <ul class="kern-list">
      {[...plans.data.items]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((plan) => (
          <li key={plan.id} class="kern-body">
            Gesamtplan vom {formatDate(plan.date)}
            {plan.plannedUpdate ? `, Fortschreibung geplant zum ${formatDate(plan.plannedUpdate)}` : ", keine Fortschreibung geplant"}
            {plan.fileReference ? ` (Aktenzeichen ${plan.fileReference})` : ""}
          </li>
        ))}
    </ul>
  );
}

function HilfeplanDetails({ plan }: { plan: HilfeplanRecord }) {
  const query = `hilfeplanId=${encodeURIComponent(plan.id)}&limit=500`;
  const goals = useApiResource<Page<GoalRecord>>(`/plan-goals?${query}`);
  const measures = useApiResource<Page<MeasureRecord>>(`/plan-measures?${query}`);
  const updates = useApiResource<Page<UpdateRecord>>(`/plan-updates?${query}`);
  const error = goals.error ?? measures.error ?? updates.error;
  if (error) return <ProblemMessage error={error} title="Hilfeplan nicht lesbar" />;
  if (!goals.data || !measures.data || !updates.data) return <LoadingNote />;
  const allGoals = goals.data.items;
  const titleOf = (goalId: string | undefined) => allGoals.find((goal) => goal.id === goalId)?.title;
  const topGoals = allGoals.filter((goal) => !goal.parentGoalId);
  return (
    <>
      {plan.summary ? <p class="kern-body">{plan.summary}</p> : null}
      <h5 class="kern-heading-small">Förderziele</h5>
      {topGoals.length === 0 ? (
        <p class="kern-body">Keine Förderziele erfasst.</p>
      ) : (
        <ul class="kern-list teilhabe-goal-list">
          {topGoals.map((goal) => {
            const subGoals = allGoals.filter((candidate) => candidate.parentGoalId === goal.id);
            return (
              <li key={goal.id} class="kern-body">
                <strong>{goal.title}</strong> – {labelOf(GOAL_STATUS_LABELS, goal.status)}
                {goal.description ? <div>{goal.description}</div> : null}
                {subGoals.length > 0 && (
                  <ul class="kern-list">
                    {subGoals.map((subGoal) => (
                      <li key={subGoal.id}>
                        Teilziel: {subGoal.title} – {labelOf(GOAL_STATUS_LABELS, subGoal.status)}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h5 class="kern-heading-small">Maßnahmen</h5>
      {measures.data.items.length === 0 ? (
        <p class="kern-body">Keine Maßnahmen erfasst.</p>
      ) : (
        <ul class="kern-list">
          {measures.data.items.map((measure) => (
            <li key={measure.id} class="kern-body">
              {measure.title}
              {measure.goalId ? ` (zum Ziel „${titleOf(measure.goalId) ?? measure.goalId}“)` : ""}
              {measure.description ? <div>{measure.description}</div> : null}
            </li>
          ))}
        </ul>
      )}
      <h5 class="kern-heading-small">Fortschreibungen</h5>
      {updates.data.items.length === 0 ? (
        <p class="kern-body">Keine Fortschreibungen erfasst.</p>
      ) : (
        <ul class="kern-list">
          {[...updates.data.items]
            .sort((a, b) => a.date.localeCompare(b.date))
            .map((update) => (
              <li key={update.id} class="kern-body">
                {formatDate(update.date)}
                {update.goalId ? ` – ${titleOf(update.goalId) ?? update.goalId}` : ""}
                {update.attainment ? ` – ${labelOf(GOAL_STATUS_LABELS, update.attainment)}` : ""}: {update.text}
              </li>
            ))}
        </ul>
      )}
    </>
  );
}

function Hilfeplans({ caseId }: { caseId: string }) {
  const plans = useApiResource<Page<HilfeplanRecord>>(`/hilfeplans?caseId=${encodeURIComponent(caseId)}&limit=100`);
  if (plans.error) return <ProblemMessage error={plans.error} title="Hilfepläne nicht lesbar" />;
  if (!plans.data) return <LoadingNote />;
  if (plans.data.items.length === 0) return <p class="kern-body">Kein Hilfeplan erfasst.</p>;
  const sorted = [...plans.data.items].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <>
      {sorted.map((plan, index) => (
        <details class="kern-accordion" key={plan.id} open={index === 0}>
          <summary class="kern-accordion__header">
            <span class="kern-title">
              Hilfeplan vom {formatDate(plan.date)} ({labelOf(HILFEPLAN_KIND_LABELS, plan.kind)})
            </span>
          </summary>
          <section class="kern-accordion__body">
            <HilfeplanDetails plan={plan} />
          </section>
        </details>
      ))}
    </>
  );
}

export function PlanSection({ caseId, title }: { caseId: string; title: string }) {
  return (
    <div class="teilhabe-client-subsection">
      <h3 class="kern-heading-small">{title}</h3>
      <h4 class="kern-heading-small">Gesamtplan</h4>
      <Gesamtplans caseId={caseId} />
      <h4 class="kern-heading-small">Hilfeplan</h4>
      <Hilfeplans caseId={caseId} />
    </div>
  );
}
