/**
 * Mein Plan: the client's own plan and goals in Leichte Sprache (short sentences, one statement each, dates
 * written out, large text) and the services documented for them. Only the own file: the server answers the
 * client role with nothing else (accessMatrix.ts "own").
 */
import { useSession } from "../../shell/sessionContext.ts";
import { LoadingNote, ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { usePageTitle } from "../../shell/usePageTitle.ts";
import { asSentence } from "./easyLanguage.ts";
import { GoalsSection } from "./GoalsSection.tsx";
import { ServicesSection } from "./ServicesSection.tsx";
import { useOwnPlan } from "./useOwnPlan.ts";
import "./ownPlan.css";

export function OwnPlanPage() {
  usePageTitle("Mein Plan");
  const session = useSession();
  const { plan, error } = useOwnPlan(session.clientId);
  return (
    <div class="teilhabe-own-plan">
      <h1 class="kern-heading-large">Mein Plan</h1>
      {!session.clientId ? (
        <p>Zu Ihrem Konto gehört keine Akte. Bitte fragen Sie die Menschen, die Sie unterstützen.</p>
      ) : error ? (
        <ProblemMessage error={error} title="Ihr Plan konnte nicht geladen werden" />
      ) : !plan ? (
        <LoadingNote label="Ihr Plan wird geladen." />
      ) : (
        <>
          <p>{asSentence(`Hallo ${plan.name}`)}</p>
          <p>Das ist Ihr Plan.</p>
          <p>Hier stehen Ihre Ziele.</p>
          <p>Hier steht auch: Das haben wir mit Ihnen gemacht.</p>
          <GoalsSection plan={plan} />
          <ServicesSection entries={plan.entries} />
        </>
      )}
    </div>
  );
}
