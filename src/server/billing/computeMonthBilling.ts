/**
 * What the engine bills for a provider's month: every case active in the month loaded from the store
 * (loadCaseFiles), billed under its agreement (billCase, presentInvoiceDraft), as lines per payer in integer
 * cents and holds. A case whose agreement is unknown, or which names no payer, becomes a hold naming what is
 * missing; the run never invents a payer.
 */
import { billCase } from "../../domain/billing/billCase.ts";
import { presentInvoiceDraft } from "../../domain/billing/presentInvoiceDraft.ts";
import type { PolicyChoice, SourceReference } from "../../domain/results/explanation.ts";
import { loadCaseFiles } from "../../store/caseFiles.ts";
import { resolveMonthPeriod } from "./billingMonth.ts";
import { RUN_RULES } from "./billingRunRules.ts";
import type { BillingScope } from "./billingScope.ts";
import { composeLineKey } from "./lineKey.ts";
import { centsOfAmount } from "./money.ts";

export interface ComputedLine {
  payerId: string;
  lineKey: string;
  caseId: string;
  clientId: string;
  agreementId: string;
  label: string;
  periodFrom: string;
  periodTo: string;
  /** Exact quantity as decimal text ("19", "5.5"). */
  quantity: string;
  unit: string;
  unitPrice: string;
  amountCents: number;
  rateId: string;
  exampleValue: boolean;
  ruleId: string;
  source: SourceReference;
  policies: PolicyChoice[];
  evidence: Record<string, unknown>;
  costCoverageFileReference: string | null;
}

export interface ComputedHold {
  payerId: string | null;
  caseId: string;
  clientId: string;
  agreementId: string;
  kind: "hold" | "rejected";
  code: string;
  message: string;
  release: string;
  inputId: string | null;
  periodFrom: string;
  periodTo: string;
  quantity: string;
  unit: string;
  amountCents: number | null;
  ruleId: string;
  source: SourceReference;
  policies: PolicyChoice[];
  evidence: Record<string, unknown>;
}

export interface MonthBilling {
  caseCount: number;
  lines: ComputedLine[];
  holds: ComputedHold[];
}

export async function computeMonthBilling(scope: BillingScope, month: string): Promise<MonthBilling> {
  const period = resolveMonthPeriod(month);
  const stored = await loadCaseFiles(scope.tx, scope.catalogue, { organisationId: scope.organisationId, from: period.from, to: period.to });
  const lines: ComputedLine[] = [];
  const holds: ComputedHold[] = [];
  for (const item of stored) {
    const agreementName = typeof item.caseFile.agreement === "string" ? item.caseFile.agreement : item.caseFile.agreement.template;
    const caseHold = { caseId: item.caseId, clientId: item.clientId, agreementId: agreementName, kind: "hold" as const, inputId: null, periodFrom: period.from, periodTo: period.to, policies: [] };
    if (!item.agreement) {
      holds.push({
        ...caseHold,
        payerId: item.payerId ?? null,
        code: "agreementUnknown",
        message: `Vereinbarung „${agreementName}“ (Vereinbarung des Trägers „${item.agreementInstanceId}“) ist nicht bekannt; Fall ${item.caseId} wird nicht abgerechnet`,
        release: "die Vereinbarung im Katalog (agreements/) hinterlegen oder dem Fall eine bekannte Vereinbarung zuordnen",
        quantity: "1",
        unit: "case",
        amountCents: null,
        ...RUN_RULES.agreementUnknown,
        evidence: { agreementInstanceId: item.agreementInstanceId },
      });
      continue;
    }
    const view = presentInvoiceDraft(billCase(item.agreement, item.caseFile, period));
    const fileReferences = new Map(item.caseFile.costCoverages.map((coverage) => [coverage.id, coverage.fileReference]));
    for (const hold of view.holds) {
      holds.push({
        payerId: item.payerId ?? null,
        caseId: item.caseId,
        clientId: item.clientId,
        agreementId: view.agreementId,
        kind: hold.kind,
        code: hold.code,
        message: hold.message,
        release: hold.release,
        inputId: hold.inputId ?? null,
        periodFrom: hold.periodFrom,
        periodTo: hold.periodTo,
        quantity: hold.quantity,
        unit: hold.unit,
        amountCents: hold.amount === undefined ? null : centsOfAmount(hold.amount),
        ruleId: hold.ruleId,
        source: hold.source,
        policies: hold.policies,
        evidence: hold.evidence,
      });
    }
    if (view.lines.length === 0) continue;
    if (!item.payerId) {
      const billed = view.lines.reduce((sum, line) => sum + centsOfAmount(line.amount), 0);
      holds.push({
        ...caseHold,
        agreementId: view.agreementId,
        payerId: null,
        code: "payerMissing",
        message: `Fall ${item.caseId} nennt keinen Leistungsträger; ${view.lines.length} Position(en) werden nicht in Rechnung gestellt`,
        release: "den Leistungsträger im Fall erfassen (payerId)",
        quantity: String(view.lines.length),
        unit: "line",
        amountCents: billed,
        ...RUN_RULES.payerMissing,
        evidence: { lineLabels: view.lines.map((line) => line.label) },
      });
      continue;
    }
    for (const line of view.lines) {
      const coverageIds = (line.evidence.costCoverageIds ?? []) as string[];
      const references = coverageIds.map((id) => fileReferences.get(id)).filter((reference): reference is string => typeof reference === "string");
      lines.push({
        payerId: item.payerId,
        lineKey: composeLineKey({ caseId: item.caseId, rateId: line.rateId, unit: line.unit, unitPrice: line.unitPrice, label: line.label }),
        caseId: item.caseId,
        clientId: item.clientId,
        agreementId: view.agreementId,
        label: line.label,
        periodFrom: line.periodFrom,
        periodTo: line.periodTo,
        quantity: line.quantity,
        unit: line.unit,
        unitPrice: line.unitPrice,
        amountCents: centsOfAmount(line.amount),
        rateId: line.rateId,
        exampleValue: line.exampleValue,
        ruleId: line.ruleId,
        source: line.source,
        policies: line.policies,
        evidence: { ...line.evidence, ...(line.components ? { components: line.components } : {}) },
        costCoverageFileReference: references.length > 0 ? [...new Set(references)].join(", ") : null,
      });
    }
  }
  return { caseCount: stored.length, lines, holds };
}
