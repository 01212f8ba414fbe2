/**
 * Personal (/personal; Leitung changes, Administration reads): the staff with qualifications, contracts and
 * background checks; the staff need per agreement (by need group or by places) against the staff employed;
 * the quotas; the background checks missing or due for renewal. Figures come from the engine (GET /staffing)
 * with their rule and clause; facts the store does not hold are listed, never invented. A Leitung records an
 * inspected background check and sees the warning go.
 */
import { useState } from "preact/hooks";
import { formatDate } from "../../lib/germanFormat.ts";
import { useApiResource } from "../../lib/useApiResource.ts";
import { LoadingNote, ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { useSession } from "../../shell/sessionContext.ts";
import { usePageTitle } from "../../shell/usePageTitle.ts";
import { BackgroundCheckForm } from "./BackgroundCheckForm.tsx";
import { RenewalsSection } from "./RenewalsSection.tsx";
import { SEVERITY } from "./staffLabels.ts";
import { StaffMembersTable } from "./StaffMembersTable.tsx";
import { StaffNeedSection } from "./StaffNeedSection.tsx";
import type { BackgroundCheck, Page, StaffContract, StaffingView, StaffMember } from "./staffTypes.ts";
import "./staff.css";

export function StaffPage() {
  usePageTitle("Personal");
  const session = useSession();
  const staffing = useApiResource<StaffingView>("/staffing");
  const members = useApiResource<Page<StaffMember>>("/staff-members?limit=500");
  const contracts = useApiResource<Page<StaffContract>>("/staff-contracts?limit=500");
  const checks = useApiResource<Page<BackgroundCheck>>("/background-checks?limit=500");
  const [saved, setSaved] = useState<string | null>(null);
  const canWrite = session.role === "leitung";
  const report = staffing.data?.report;
  const error = staffing.error ?? members.error ?? contracts.error ?? checks.error;
  const loading = !report || !members.data || !contracts.data || !checks.data;

  const onSaved = (check: BackgroundCheck, name: string) => {
    setSaved(`Führungszeugnis für ${name} erfasst: eingesehen am ${formatDate(check.inspectedOn)}, ausgestellt am ${formatDate(check.issuedOn)}.`);
    staffing.reload();
    checks.reload();
  };

  return (
    <>
      <h1 class="kern-heading-large">Personal</h1>
      {staffing.data ? (
        <p class="kern-body">
          Stand {formatDate(staffing.data.asOf)} · strengste Regel über alle Vereinbarungen (X-R01)
          {report ? ` · ${(["block", "hold", "warn", "task"] as const).map((severity) => `${report.counts[severity]} ${SEVERITY[severity].label}`).join(", ")}` : ""}
        </p>
      ) : null}
      <ProblemMessage error={error} title="Das Personal konnte nicht geladen werden" />
      {loading && !error ? <LoadingNote label="Personal wird geladen …" /> : null}
      {!loading && report ? (
        <>
          <section aria-labelledby="personal-mitarbeitende" class="teilhabe-staff-section">
            <h2 id="personal-mitarbeitende" class="kern-heading-medium">
              Mitarbeitende
            </h2>
            <StaffMembersTable members={members.data!.items} contracts={contracts.data!.items} checks={report.backgroundChecks.members} recorded={checks.data!.items} agreements={report.agreements} />
          </section>
          <RenewalsSection members={report.backgroundChecks.members} asOf={staffing.data!.asOf} />
          {canWrite ? (
            <section aria-labelledby="personal-erfassen" class="teilhabe-staff-section">
              <h2 id="personal-erfassen" class="kern-heading-medium">
                Führungszeugnis erfassen
              </h2>
              <div role="status" aria-live="polite">
                {saved ? <p class="kern-body teilhabe-staff-saved">{saved}</p> : null}
              </div>
              <BackgroundCheckForm members={members.data!.items} today={staffing.data!.asOf} onSaved={onSaved} />
            </section>
          ) : null}
          <StaffNeedSection agreements={report.agreements} />
          {staffing.data!.missingFacts.length > 0 ? (
            <section aria-labelledby="personal-fehlend" class="teilhabe-staff-section">
              <h2 id="personal-fehlend" class="kern-heading-medium">
                Nicht erfasste Angaben
              </h2>
              <p class="kern-body">Ohne diese Angaben rechnet die Prüfung so, wie beschrieben – sie erfindet keine Werte.</p>
              <details class="kern-accordion">
                <summary class="kern-accordion__header">
                  <span class="kern-title">{staffing.data!.missingFacts.length.toLocaleString("de-DE")} nicht erfasste Angaben anzeigen</span>
                </summary>
                <div class="kern-accordion__body">
                  <ul class="kern-list">
                    {staffing.data!.missingFacts.map((fact) => (
                      <li key={fact.fact}>{fact.message}</li>
                    ))}
                  </ul>
                </div>
              </details>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
