/**
 * Background checks: who has none accepted, whose renewal is overdue or due within the next 90 days, and whose
 * rule is still an open input; the strictest rule across the agreements gives the date (X-R01).
 */
import { formatDate } from "../../lib/germanFormat.ts";
import { CHECK_STATUS, ruleText, SEVERITY } from "./staffLabels.ts";
import type { MemberBackgroundCheck } from "./staffTypes.ts";
import { StatusBadge } from "../../shell/StatusBadge.tsx";
import { TableScroll } from "../../shell/TableScroll.tsx";

const URGENT = new Set(["overdue", "missing", "blocked"]);

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function renewalsDue(members: MemberBackgroundCheck[], asOf: string): MemberBackgroundCheck[] {
  const horizon = addDays(asOf, 90);
  return members.filter((member) => URGENT.has(member.status) || (member.nextDue !== undefined && member.nextDue.date <= horizon));
}

export function RenewalsSection({ members, asOf }: { members: MemberBackgroundCheck[]; asOf: string }) {
  const due = renewalsDue(members, asOf);
  return (
    <section aria-labelledby="personal-fuehrungszeugnisse" class="teilhabe-staff-section">
      <h2 id="personal-fuehrungszeugnisse" class="kern-heading-medium">
        Führungszeugnisse: fehlend oder bald zu erneuern
      </h2>
      {due.length === 0 ? (
        <p class="kern-body">Kein Führungszeugnis fehlt, keines ist in den nächsten 90 Tagen zu erneuern.</p>
      ) : (
        <TableScroll label="Führungszeugnisse: fehlend, überfällig oder bald zu erneuern">
          <table class="kern-table kern-table--small teilhabe-staff-table">
            <caption class="kern-title">Fehlend, überfällig oder bis {formatDate(addDays(asOf, 90))} zu erneuern</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">Mitarbeitende:r</th>
                <th scope="col" class="kern-table__header">Stand</th>
                <th scope="col" class="kern-table__header">Befund</th>
                <th scope="col" class="kern-table__header">Regel · Fundstelle</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {due.map((member) => {
                const decisive = member.findings.filter((finding) => finding.severity === "block" || finding.severity === "warn" || finding.code === "backgroundCheckDue");
                return (
                  <tr class="kern-table__row" key={member.staffId}>
                    <th scope="row" class="kern-table__cell">
                      {member.name ?? member.staffId}
                    </th>
                    <td class="kern-table__cell teilhabe-nowrap">
                      <StatusBadge {...CHECK_STATUS[member.status]} />
                    </td>
                    <td class="kern-table__cell">
                      {decisive.length > 0
                        ? decisive.map((finding, index) => (
                            <div key={index}>
                              {SEVERITY[finding.severity].label}: {finding.message}
                            </div>
                          ))
                        : member.nextDue
                          ? `spätestens am ${formatDate(member.nextDue.date)} vorlegen lassen`
                          : "–"}
                    </td>
                    <td class="kern-table__cell teilhabe-nowrap">{decisive[0] ? ruleText(decisive[0].explanation.ruleId, decisive[0].explanation.source.clause) : "–"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
