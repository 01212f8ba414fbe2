/**
 * Staff need per agreement (M12) against the staff employed, and the quotas (M13), each figure with its rule and
 * clause. A need that cannot be computed says which fact or input is missing (the engine's findings).
 */
import { formatNumber } from "../../lib/germanFormat.ts";
import { decimalText, QUOTA_STATUS, ruleText, SEVERITY } from "./staffLabels.ts";
import type { AgreementStaffing } from "./staffTypes.ts";
import { StatusBadge } from "../../shell/StatusBadge.tsx";
import { TableScroll } from "../../shell/TableScroll.tsx";

const READING = { included: "Koordination in der Summe enthalten", added: "Koordination zusätzlich aufgeschlagen" } as const;
const COMPARISON = { atLeast: "mindestens", greaterThan: "mehr als", atMost: "höchstens" } as const;

function NeedFigures({ agreement }: { agreement: AgreementStaffing }) {
  const need = agreement.need;
  const clause = need.explanation.source.clause;
  if (need.status === "notApplicable") return <p class="kern-body">{need.findings[0]?.message ?? "Die Vereinbarung legt keinen Personalschlüssel fest."} ({ruleText(need.ruleId, clause)})</p>;
  return (
    <>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{need.label}</dt>
          <dd class="kern-description-list-item__value">
            {need.applied ? `${decimalText(need.applied.total.rounded)} VZÄ (${READING[need.applied.reading]})` : "nicht berechnet"} · {ruleText(need.ruleId, clause)}
          </dd>
        </div>
        {need.alternative ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">Andere Lesart</dt>
            <dd class="kern-description-list-item__value">
              {decimalText(need.alternative.total.rounded)} VZÄ ({READING[need.alternative.reading]})
            </dd>
          </div>
        ) : null}
        {need.places ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{need.places.basis === "agreedPlaces" ? "Vereinbarte Plätze" : "Teilnehmende"}</dt>
            <dd class="kern-description-list-item__value">{formatNumber(need.places.count)}</dd>
          </div>
        ) : null}
        {need.coordination ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">Koordination</dt>
            <dd class="kern-description-list-item__value">
              {decimalText(need.coordination.persons.rounded)} Personen zu 1 : {decimalText(need.coordination.personsPerFullTimeEquivalent.rounded)} = {decimalText(need.coordination.fullTimeEquivalents.rounded)} VZÄ ·{" "}
              {ruleText(need.coordination.explanation.ruleId, need.coordination.explanation.source.clause)}
            </dd>
          </div>
        ) : null}
        {need.applied?.weeklyHours ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">Wochenstunden</dt>
            <dd class="kern-description-list-item__value">{decimalText(need.applied.weeklyHours.rounded)} Std.</dd>
          </div>
        ) : null}
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Beschäftigt</dt>
          <dd class="kern-description-list-item__value">
            {need.actual ? `${decimalText(need.actual.fullTimeEquivalents.rounded)} VZÄ (Differenz ${decimalText(need.actual.difference.rounded)} VZÄ)` : "nicht vergleichbar: Stellenumfang der Mitarbeitenden fehlt"}
          </dd>
        </div>
      </dl>
      {need.needGroupTerms.length > 0 ? (
        <TableScroll label={`Bedarf nach Hilfebedarfsgruppe – ${agreement.agreementId}`}>
          <table class="kern-table kern-table--small">
            <caption class="kern-title">Bedarf nach Hilfebedarfsgruppe – {agreement.agreementId}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">Hilfebedarfsgruppe</th>
                <th scope="col" class="kern-table__header kern-table__cell--numeric">Personen</th>
                <th scope="col" class="kern-table__header kern-table__cell--numeric">Schlüssel</th>
                <th scope="col" class="kern-table__header kern-table__cell--numeric">VZÄ</th>
                <th scope="col" class="kern-table__header">Fundstelle</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {need.needGroupTerms.map((term) => (
                <tr class="kern-table__row" key={term.needGroup}>
                  <td class="kern-table__cell">HBG {term.needGroup}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{formatNumber(term.persons.exact)}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">1 : {decimalText(term.personsPerFullTimeEquivalent.rounded)}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{decimalText(term.fullTimeEquivalents.rounded)}</td>
                  <td class="kern-table__cell">{term.source.clause}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}

function QuotaTable({ agreement }: { agreement: AgreementStaffing }) {
  if (agreement.quotas.length === 0) return null;
  return (
    <TableScroll label={`Quoten – ${agreement.agreementId}`}>
      <table class="kern-table kern-table--small">
        <caption class="kern-title">Quoten – {agreement.agreementId}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">Quote</th>
            <th scope="col" class="kern-table__header">Grenze</th>
            <th scope="col" class="kern-table__header">Ist</th>
            <th scope="col" class="kern-table__header">Stand</th>
            <th scope="col" class="kern-table__header">Regel · Fundstelle</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {agreement.quotas.map((quota) => (
            <tr class="kern-table__row" key={quota.quotaId}>
              <td class="kern-table__cell">
                {quota.label}
                {quota.status === "notMet" ? <div class="teilhabe-staff-note">{quota.finding.message}</div> : null}
              </td>
              <td class="kern-table__cell teilhabe-nowrap">{quota.limitPercent ? `${COMPARISON[quota.comparison]} ${decimalText(quota.limitPercent.rounded)} %` : "offen"}</td>
              <td class="kern-table__cell teilhabe-nowrap">{quota.sharePercent ? `${decimalText(quota.sharePercent.rounded)} %` : "–"}</td>
              <td class="kern-table__cell">
                <StatusBadge {...QUOTA_STATUS[quota.status]} />
              </td>
              <td class="kern-table__cell teilhabe-nowrap">{ruleText(quota.ruleId, quota.finding.explanation.source.clause)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Why the need or a quota is not (fully) computed: the engine's findings, folded away (they name every person). */
function OpenFindings({ agreement }: { agreement: AgreementStaffing }) {
  const findings = [...agreement.need.findings, ...agreement.quotas.filter((quota) => quota.status === "held").map((quota) => quota.finding)].filter((finding) => finding.severity !== "info");
  if (findings.length === 0) return null;
  return (
    <details class="kern-accordion">
      <summary class="kern-accordion__header">
        <span class="kern-title">Warum nicht vollständig geprüft ({findings.length.toLocaleString("de-DE")})</span>
      </summary>
      <div class="kern-accordion__body">
        <ul class="kern-list">
          {findings.map((finding, index) => (
            <li key={index}>
              {SEVERITY[finding.severity].label}: {finding.message} ({ruleText(finding.explanation.ruleId, finding.explanation.source.clause)})
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

export function StaffNeedSection({ agreements }: { agreements: AgreementStaffing[] }) {
  return (
    <section aria-labelledby="personal-bedarf" class="teilhabe-staff-section">
      <h2 id="personal-bedarf" class="kern-heading-medium">
        Personalbedarf und Quoten je Vereinbarung
      </h2>
      {agreements.map((agreement) => (
        <div class="teilhabe-staff-agreement" key={agreement.agreementId}>
          <h3 class="kern-heading-small">{agreement.title}</h3>
          <NeedFigures agreement={agreement} />
          <QuotaTable agreement={agreement} />
          <OpenFindings agreement={agreement} />
        </div>
      ))}
    </section>
  );
}
