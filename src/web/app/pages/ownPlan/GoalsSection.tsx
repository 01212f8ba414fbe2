/**
 * The person's plan in Leichte Sprache: the dates of the Gesamtplan, then each Hilfeplan with its goals,
 * the steps under each goal, what is done for it and what was written down about it.
 */
import { ATTAINMENT_SENTENCES, easyDate, goalStatusSentence } from "./easyLanguage.ts";
import type { OwnPlan, PlanGoal } from "./useOwnPlan.ts";

function byDateNewestFirst<T extends { date: string }>(items: T[]): T[] {
  return [...items].sort((left, right) => (left.date < right.date ? 1 : left.date > right.date ? -1 : 0));
}

function Goal({ goal, plan }: { goal: PlanGoal; plan: OwnPlan }) {
  const steps = plan.goals.filter((candidate) => candidate.parentGoalId === goal.id);
  const measures = plan.measures.filter((measure) => measure.goalId === goal.id);
  const updates = byDateNewestFirst(plan.updates.filter((update) => update.goalId === goal.id));
  return (
    <li class="teilhabe-own-plan__goal">
      <h3 class="kern-heading-small">Ihr Ziel: {goal.title}</h3>
      <p>{goalStatusSentence(goal.status)}</p>
      {goal.description ? <p>{goal.description}</p> : null}
      {steps.length > 0 ? (
        <ul class="teilhabe-own-plan__list">
          {steps.map((step) => (
            <li key={step.id}>
              <p>Ein Schritt zu diesem Ziel: {step.title}</p>
              <p>{goalStatusSentence(step.status)}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {measures.map((measure) => (
        <p key={measure.id}>Das machen wir dafür: {measure.title}</p>
      ))}
      {updates.map((update) => (
        <div key={update.id}>
          <p>Am {easyDate(update.date)} haben wir aufgeschrieben:</p>
          <p>{update.text}</p>
          {update.attainment ? <p>{ATTAINMENT_SENTENCES[update.attainment] ?? ""}</p> : null}
        </div>
      ))}
    </li>
  );
}

export function GoalsSection({ plan }: { plan: OwnPlan }) {
  const hilfeplans = byDateNewestFirst(plan.hilfeplans);
  const gesamtplans = byDateNewestFirst(plan.gesamtplans);
  return (
    <>
      <section aria-labelledby="own-plan-gesamtplan" class="teilhabe-own-plan__section">
        <h2 class="kern-heading-medium" id="own-plan-gesamtplan">
          Ihr Gesamtplan
        </h2>
        {gesamtplans.length === 0 ? <p>Es gibt noch keinen Gesamtplan.</p> : null}
        {gesamtplans.map((gesamtplan) => (
          <div key={gesamtplan.id}>
            <p>Ihr Gesamtplan ist vom {easyDate(gesamtplan.date)}.</p>
            {gesamtplan.plannedUpdate ? <p>Am {easyDate(gesamtplan.plannedUpdate)} soll der Gesamtplan neu besprochen werden.</p> : null}
          </div>
        ))}
      </section>
      <section aria-labelledby="own-plan-goals" class="teilhabe-own-plan__section">
        <h2 class="kern-heading-medium" id="own-plan-goals">
          Ihre Ziele
        </h2>
        {hilfeplans.length === 0 ? <p>Es gibt noch keinen Hilfeplan.</p> : null}
        {hilfeplans.map((hilfeplan) => {
          const goals = plan.goals.filter((goal) => goal.hilfeplanId === hilfeplan.id && !goal.parentGoalId);
          const otherMeasures = plan.measures.filter((measure) => measure.hilfeplanId === hilfeplan.id && !measure.goalId);
          return (
            <div key={hilfeplan.id}>
              <p>Ihr Hilfeplan ist vom {easyDate(hilfeplan.date)}.</p>
              {goals.length === 0 ? <p>In diesem Hilfeplan steht noch kein Ziel.</p> : <p>{goals.length === 1 ? "In Ihrem Hilfeplan steht 1 Ziel." : `In Ihrem Hilfeplan stehen ${goals.length} Ziele.`}</p>}
              <ul class="teilhabe-own-plan__list">
                {goals.map((goal) => (
                  <Goal key={goal.id} goal={goal} plan={plan} />
                ))}
              </ul>
              {otherMeasures.map((measure) => (
                <p key={measure.id}>Das machen wir auch: {measure.title}</p>
              ))}
            </div>
          );
        })}
      </section>
    </>
  );
}
