/**
 * Übersicht (/uebersicht), the first page after log-in for Administration, Leitung, Fachkraft and Verwaltung:
 * what is due and overdue, the holds waiting for a decision, the occupancy per agreement and the staffing
 * warnings, from GET /api/v1/overview. The server sends only the sections the role may read (a Fachkraft: the
 * items of their assigned clients; Verwaltung: no staffing; Administration: staffing only).
 */
import { LoadingNote, ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { useSession } from "../../shell/sessionContext.ts";
import { usePageTitle } from "../../shell/usePageTitle.ts";
import { formatDate } from "../../lib/germanFormat.ts";
import { useApiResource } from "../../lib/useApiResource.ts";
import { DueItemsSection } from "./DueItemsSection.tsx";
import { HoldsSection } from "./HoldsSection.tsx";
import { OccupancySection } from "./OccupancySection.tsx";
import type { Overview } from "./overviewTypes.ts";
import { StaffWarningsSection } from "./StaffWarningsSection.tsx";
import { SummaryCards } from "./SummaryCards.tsx";
import "./overview.css";

export function OverviewPage() {
  usePageTitle("Übersicht");
  const session = useSession();
  const overview = useApiResource<Overview>("/overview");
  const data = overview.data;
  const agreementTitles = new Map((data?.occupancy?.items ?? []).map((item) => [item.agreementInstanceId, item.title ?? item.agreementId]));
  const role = session.role;
  return (
    <>
      <h1 class="kern-heading-large">Übersicht</h1>
      {data ? (
        <p class="kern-body teilhabe-overview-lead">
          {session.organisation.name} · Stand {formatDate(data.asOf)}
          {role === "fachkraft" ? " · Ihre zugeordneten Klient:innen" : ""}
        </p>
      ) : null}
      {overview.loading && !data ? <LoadingNote label="Übersicht wird geladen …" /> : null}
      <ProblemMessage error={overview.error} title="Die Übersicht konnte nicht geladen werden" />
      {data ? (
        <>
          <SummaryCards overview={data} />
          {data.deadlines || data.tasks ? (
            <DueItemsSection
              deadlines={data.deadlines}
              tasks={data.tasks}
              asOf={data.asOf}
              agreementTitles={agreementTitles}
              linkAgreements={role === "administrator" || role === "leitung" || role === "verwaltung"}
              canComplete={role === "leitung" || role === "fachkraft"}
              onChanged={overview.reload}
            />
          ) : null}
          {data.holds ? <HoldsSection runs={data.holds.runs} canStartRun={role === "leitung" || role === "verwaltung"} /> : null}
          {data.occupancy ? <OccupancySection items={data.occupancy.items} asOf={data.asOf} /> : null}
          {data.staffing ? <StaffWarningsSection findings={data.staffing.findings} /> : null}
        </>
      ) : null}
    </>
  );
}
