/**
 * The staff members with their qualifications, how each agreement classifies them (X-R02, the agreement's own
 * catalogue), their contracts (weekly hours per period) and their background check (status, last accepted
 * presentation, next due under the strictest rule, X-R01).
 */
import { formatDate, formatNumber } from "../../lib/germanFormat.ts";
import { CHECK_STATUS, RESULT_LABELS } from "./staffLabels.ts";
import type { AgreementStaffing, BackgroundCheck, MemberBackgroundCheck, StaffContract, StaffMember } from "./staffTypes.ts";
import { StatusBadge } from "../../shell/StatusBadge.tsx";
import { TableScroll } from "../../shell/TableScroll.tsx";

function contractText(contract: StaffContract): string {
  const period = contract.to ? `${formatDate(contract.from)} – ${formatDate(contract.to)}` : `ab ${formatDate(contract.from)}`;
  return `${formatNumber(contract.weeklyHours)} Std./Woche ${period}${contract.function ? ` (${contract.function})` : ""}`;
}

function Classifications({ staffId, agreements }: { staffId: string; agreements: AgreementStaffing[] }) {
  const labels = new Map<string, string[]>();
  for (const agreement of agreements)
    for (const classification of agreement.classifications)
      if (classification.staffId === staffId) labels.set(classification.label, [...(labels.get(classification.label) ?? []), agreement.agreementId]);
  if (labels.size === 0) return <>–</>;
  return (
    <ul class="teilhabe-staff-list">
      {[...labels.entries()].map(([label, ids]) => (
        <li key={label}>
          {label} ({ids.join(", ")})
        </li>
      ))}
    </ul>
  );
}

export function StaffMembersTable({ members, contracts, checks, recorded, agreements }: {
  members: StaffMember[];
  contracts: StaffContract[];
  checks: MemberBackgroundCheck[];
  recorded: BackgroundCheck[];
  agreements: AgreementStaffing[];
}) {
  return (
    <TableScroll label="Mitarbeitende mit Qualifikation, Vertrag und Führungszeugnis">
      <table class="kern-table kern-table--small teilhabe-staff-table">
        <caption class="kern-title">Mitarbeitende mit Qualifikation, Vertrag und Führungszeugnis</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">Name</th>
            <th scope="col" class="kern-table__header">Qualifikation</th>
            <th scope="col" class="kern-table__header">Einstufung je Vereinbarung</th>
            <th scope="col" class="kern-table__header">Arbeitsvertrag</th>
            <th scope="col" class="kern-table__header">Führungszeugnis</th>
            <th scope="col" class="kern-table__header">Nächste Vorlage bis</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {members.map((member) => {
            const own = contracts.filter((contract) => contract.staffId === member.id);
            const check = checks.find((candidate) => candidate.staffId === member.id);
            const latest = recorded.filter((candidate) => candidate.staffId === member.id).sort((a, b) => b.inspectedOn.localeCompare(a.inspectedOn))[0];
            return (
              <tr class="kern-table__row" key={member.id}>
                <th scope="row" class="kern-table__cell">
                  {member.name}
                </th>
                <td class="kern-table__cell">{(member.qualifications ?? []).join(", ") || "–"}</td>
                <td class="kern-table__cell">
                  <Classifications staffId={member.id} agreements={agreements} />
                </td>
                <td class="kern-table__cell">{own.length > 0 ? own.map((contract) => <div key={contract.id}>{contractText(contract)}</div>) : "kein Vertrag erfasst"}</td>
                <td class="kern-table__cell teilhabe-nowrap">
                  {check ? <StatusBadge {...CHECK_STATUS[check.status]} /> : "–"}
                  {latest ? (
                    <div class="teilhabe-staff-note">
                      eingesehen am {formatDate(latest.inspectedOn)}, ausgestellt am {formatDate(latest.issuedOn)}, {RESULT_LABELS[latest.result]}
                    </div>
                  ) : (
                    <div class="teilhabe-staff-note">keins erfasst</div>
                  )}
                </td>
                <td class="kern-table__cell teilhabe-nowrap">
                  {check?.nextDue ? (
                    <>
                      {formatDate(check.nextDue.date)}
                      <div class="teilhabe-staff-note">
                        nach {check.nextDue.drivenBy.join(", ")}
                        {check.nextDue.complete ? "" : " (vorläufig: Regel offen)"}
                      </div>
                    </>
                  ) : (
                    "–"
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
