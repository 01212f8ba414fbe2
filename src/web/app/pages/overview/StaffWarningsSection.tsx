/**
 * Staffing warnings of the overview: the engine's findings (background checks, quotas, staff need, documents of
 * the organisation), grouped by what they say, most severe first; the staff page is where they are resolved.
 */
import { pluralText, SEVERITY, STAFF_FINDING_TITLES } from "./overviewLabels.ts";
import type { Severity, StaffFinding } from "./overviewTypes.ts";
import { StatusBadge } from "../../shell/StatusBadge.tsx";
import { TableScroll } from "../../shell/TableScroll.tsx";

interface FindingGroup {
  key: string;
  severity: Severity;
  code: string;
  findings: StaffFinding[];
}

const ORDER: Severity[] = ["block", "hold", "warn", "task", "info"];

export function groupStaffFindings(findings: StaffFinding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = `${finding.severity}|${finding.code}`;
    const group = groups.get(key) ?? { key, severity: finding.severity, code: finding.code, findings: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) || b.findings.length - a.findings.length);
}

function rulesOf(group: FindingGroup): string {
  const seen = new Set<string>();
  for (const finding of group.findings) seen.add(`${finding.explanation.ruleId} · ${finding.explanation.source.clause}`);
  const list = [...seen];
  return list.length > 3 ? `${list.slice(0, 3).join("; ")} …` : list.join("; ");
}

export function StaffWarningsSection({ findings }: { findings: StaffFinding[] }) {
  const groups = groupStaffFindings(findings);
  return (
    <section aria-labelledby="uebersicht-personal" class="teilhabe-overview-section">
      <h2 id="uebersicht-personal" class="kern-heading-medium">
        Personal: Führungszeugnisse und Quoten
      </h2>
      {groups.length === 0 ? (
        <p class="kern-body">Keine Warnungen zu Personal, Quoten oder Führungszeugnissen.</p>
      ) : (
        <>
          <p class="kern-body">
            {pluralText(findings.length, "Befund", "Befunde")} der Personalprüfung.{" "}
            <a class="kern-link" href="/personal">
              Zum Personal: Führungszeugnisse, Verträge und Quoten
            </a>
          </p>
          <TableScroll label="Warnungen zu Personal und Führungszeugnissen">
            <table class="kern-table kern-table--small teilhabe-overview-table">
              <caption class="kern-title">Warnungen zu Personal und Führungszeugnissen</caption>
              <thead class="kern-table__header">
                <tr class="kern-table__row">
                  <th scope="col" class="kern-table__header">Befund</th>
                  <th scope="col" class="kern-table__header">Schwere</th>
                  <th scope="col" class="kern-table__header kern-table__cell--numeric">Anzahl</th>
                  <th scope="col" class="kern-table__header">Regel · Fundstelle</th>
                </tr>
              </thead>
              <tbody class="kern-table__body">
                {groups.map((group) => (
                  <tr class="kern-table__row" key={group.key}>
                    <td class="kern-table__cell">
                      {STAFF_FINDING_TITLES[group.code] ?? group.findings[0]!.message}
                      {STAFF_FINDING_TITLES[group.code] && group.findings.length === 1 ? <div class="teilhabe-overview-note">{group.findings[0]!.message}</div> : null}
                    </td>
                    <td class="kern-table__cell">
                      <StatusBadge {...SEVERITY[group.severity]} />
                    </td>
                    <td class="kern-table__cell kern-table__cell--numeric">{group.findings.length.toLocaleString("de-DE")}</td>
                    <td class="kern-table__cell">{rulesOf(group)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
