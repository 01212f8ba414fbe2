/**
 * For a month with issued invoices, the difference only: per payer and line key (case, rate, unit, unit price,
 * label) what the month gives now minus what issued invoices (net of their cancellations) already billed.
 * A positive difference (a released hold, a retroactive cost coverage, a late entry) becomes a line of a new,
 * supplementary invoice. A negative one is never invented as a negative line: it becomes a hold "Korrektur
 * erforderlich" naming the original invoice, which only a correction (cancellation and new invoice) changes.
 */
import { Exact, ZERO } from "../../domain/money/amount.ts";
import { formatEuroGerman } from "../../domain/money/amount.ts";
import { RUN_RULES } from "./billingRunRules.ts";
import type { ComputedHold, ComputedLine } from "./computeMonthBilling.ts";

export interface IssuedLine {
  lineKey: string;
  caseId: string;
  clientId: string;
  agreementId: string;
  label: string;
  unit: string;
  quantity: string;
  amountCents: number;
  invoiceId: string;
  invoiceNumber: string;
  invoiceKind: "invoice" | "cancellation";
  /** True when a cancellation invoice cancels the invoice this line is on. */
  invoiceCancelled: boolean;
}

export interface PayerDifference {
  /** False when nothing stands billed for the payer: the lines are the month's lines as computed. */
  supplementary: boolean;
  lines: ComputedLine[];
  holds: ComputedHold[];
}

interface Billed {
  cents: number;
  quantity: Exact;
  sample: IssuedLine;
  /** Numbers of the standing (not cancelled) invoices that billed the key. */
  numbers: string[];
}

function sumBilled(issued: IssuedLine[]): Map<string, Billed> {
  const billed = new Map<string, Billed>();
  for (const line of issued) {
    let entry = billed.get(line.lineKey);
    if (!entry) billed.set(line.lineKey, (entry = { cents: 0, quantity: ZERO, sample: line, numbers: [] }));
    entry.cents += line.amountCents;
    entry.quantity = entry.quantity.plus(new Exact(line.quantity));
    if (line.invoiceKind === "invoice" && !line.invoiceCancelled && !entry.numbers.includes(line.invoiceNumber)) entry.numbers.push(line.invoiceNumber);
  }
  return billed;
}

function mergeTargetLines(lines: ComputedLine[], billed: Billed | undefined, cents: number, quantity: Exact): ComputedLine {
  const first = lines[0]!;
  return {
    ...first,
    periodFrom: lines.reduce((min, line) => (line.periodFrom < min ? line.periodFrom : min), first.periodFrom),
    periodTo: lines.reduce((max, line) => (line.periodTo > max ? line.periodTo : max), first.periodTo),
    quantity: quantity.toDecimalPlaces(6).toString(),
    amountCents: cents,
    evidence: {
      ...(lines.length === 1 ? first.evidence : { parts: lines.map((line) => line.evidence) }),
      ...(billed ? { billedBefore: { invoiceNumbers: [...billed.numbers].sort(), amountCents: billed.cents, quantity: billed.quantity.toDecimalPlaces(6).toString() } } : {}),
    },
  };
}

export function compareWithIssued(payerId: string, target: ComputedLine[], issued: IssuedLine[], period: { from: string; to: string }): PayerDifference {
  const billed = sumBilled(issued);
  const standing = [...billed.values()].some((entry) => entry.cents !== 0 || !entry.quantity.isZero());
  if (!standing) return { supplementary: false, lines: target, holds: [] };

  const targetByKey = new Map<string, ComputedLine[]>();
  for (const line of target) {
    const group = targetByKey.get(line.lineKey);
    if (group) group.push(line);
    else targetByKey.set(line.lineKey, [line]);
  }
  const lines: ComputedLine[] = [];
  const holds: ComputedHold[] = [];
  const keys = [...targetByKey.keys(), ...[...billed.keys()].filter((key) => !targetByKey.has(key))];
  for (const key of keys) {
    const group = targetByKey.get(key) ?? [];
    const before = billed.get(key);
    const targetCents = group.reduce((sum, line) => sum + line.amountCents, 0);
    const targetQuantity = group.reduce((sum, line) => sum.plus(new Exact(line.quantity)), ZERO);
    const difference = targetCents - (before?.cents ?? 0);
    if (difference > 0) {
      lines.push(mergeTargetLines(group, before, difference, targetQuantity.minus(before?.quantity ?? ZERO)));
    } else if (difference < 0) {
      const sample = before!.sample;
      const numbers = (before!.numbers.length > 0 ? [...before!.numbers] : [sample.invoiceNumber]).sort();
      const excess = -difference;
      holds.push({
        payerId,
        caseId: sample.caseId,
        clientId: sample.clientId,
        agreementId: sample.agreementId,
        kind: "hold",
        code: "correctionRequired",
        message: `Korrektur erforderlich: Rechnung ${numbers.join(", ")} hat für Fall ${sample.caseId} „${sample.label}“ ${formatEuroGerman(new Exact(excess).dividedBy(100))} mehr berechnet, als der Monat jetzt ergibt`,
        release: `Rechnung ${numbers.join(", ")} korrigieren (Stornorechnung und neue Rechnung: POST /api/v1/invoices/{id}/correction)`,
        inputId: null,
        periodFrom: group[0]?.periodFrom ?? period.from,
        periodTo: group[0]?.periodTo ?? period.to,
        quantity: (before?.quantity ?? ZERO).minus(targetQuantity).toDecimalPlaces(6).toString(),
        unit: sample.unit,
        amountCents: excess,
        ...RUN_RULES.correctionRequired,
        policies: [],
        evidence: { invoiceNumbers: numbers, billedCents: before!.cents, currentCents: targetCents },
      });
    }
  }
  return { supplementary: true, lines, holds };
}
