/**
 * Collects billed and held quantities into invoice lines and holds, grouped by rate period, month and the
 * reason they are billed or held, so that a line never crosses a rate-period or month boundary (M03).
 * Quantities are integer ticks (days, or milli-minutes for hours) divided exactly once per line.
 */
import { Exact, formatCents, roundHalfUp } from "../money/amount.ts";
import type { Explanation } from "../results/explanation.ts";
import type { Hold, HoldKind, InvoiceLine, LineComponent } from "./invoiceDraft.ts";
import type { RateUnit } from "./rateParameters.ts";

/** Ticks per unit: hours are counted in milli-minutes, everything else in whole units. */
export function ticksPerUnit(unit: RateUnit): number {
  return unit === "hour" ? 60_000 : 1;
}

interface Span {
  first: string;
  last: string;
  ticks: number;
  dates: string[];
  entryIds: string[];
}

interface LineDraft extends Span {
  key: LineKey;
  costCoverageIds: Set<string>;
}

interface HoldDraft extends Span {
  key: HoldKey;
}

export interface LineKey {
  key: string;
  label: string;
  rateId: string;
  unit: RateUnit;
  unitPrice: Exact;
  components?: { name: string; amount: Exact; cents?: number }[];
  exampleValue: boolean;
  explanation: Explanation;
}

export interface HoldKey {
  key: string;
  kind: HoldKind;
  code: string;
  message: string;
  release: string;
  inputId?: string;
  unit: RateUnit;
  unitPrice?: Exact;
  explanation: Explanation;
}

export interface Evidence {
  entryId?: string;
  costCoverageId?: string;
  /** Extends the line's period to this date (a monthly amount covers its whole month). */
  spanTo?: string;
}

function extend(span: Span, date: string, ticks: number, evidence: Evidence): void {
  if (date < span.first) span.first = date;
  if (date > span.last) span.last = date;
  if (evidence.spanTo && evidence.spanTo > span.last) span.last = evidence.spanTo;
  span.ticks += ticks;
  if (evidence.entryId) span.entryIds.push(evidence.entryId);
  else span.dates.push(date);
}

function quantityOf(span: Span, unit: RateUnit): Exact {
  const perUnit = ticksPerUnit(unit);
  return perUnit === 1 ? new Exact(span.ticks) : new Exact(span.ticks).div(perUnit);
}

export class BillingAccumulator {
  private readonly lines = new Map<string, LineDraft>();
  private readonly holds = new Map<string, HoldDraft>();

  /** Adds `ticks` (1 per day; milli-minutes for hours) to a line; the key may be built lazily (hot paths). */
  addToLine(key: LineKey | { key: string; build: () => LineKey }, date: string, ticks: number, evidence: Evidence = {}): void {
    let draft = this.lines.get(key.key);
    if (!draft) {
      const built = "build" in key ? key.build() : key;
      draft = { key: built, first: date, last: date, ticks: 0, dates: [], entryIds: [], costCoverageIds: new Set() };
      this.lines.set(key.key, draft);
    }
    extend(draft, date, ticks, evidence);
    if (evidence.costCoverageId) draft.costCoverageIds.add(evidence.costCoverageId);
  }

  /** Adds a run of consecutive days (or entries) with one outcome at once. */
  addRunToLine(key: LineKey | { key: string; build: () => LineKey }, first: string, last: string, ticks: number, dates: string[], evidence: { entryIds?: string[]; costCoverageId?: string } = {}): void {
    let draft = this.lines.get(key.key);
    if (!draft) {
      const built = "build" in key ? key.build() : key;
      draft = { key: built, first, last, ticks: 0, dates: [], entryIds: [], costCoverageIds: new Set() };
      this.lines.set(key.key, draft);
    }
    if (first < draft.first) draft.first = first;
    if (last > draft.last) draft.last = last;
    draft.ticks += ticks;
    for (const date of dates) draft.dates.push(date);
    if (evidence.entryIds) for (const entryId of evidence.entryIds) draft.entryIds.push(entryId);
    if (evidence.costCoverageId) draft.costCoverageIds.add(evidence.costCoverageId);
  }

  addToHold(key: HoldKey, date: string, ticks: number, evidence: Evidence = {}): void {
    let draft = this.holds.get(key.key);
    if (!draft) {
      draft = { key, first: date, last: date, ticks: 0, dates: [], entryIds: [] };
      this.holds.set(key.key, draft);
    }
    extend(draft, date, ticks, evidence);
  }

  listLines(): InvoiceLine[] {
    return [...this.lines.values()]
      .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.key.label.localeCompare(b.key.label)))
      .map((draft, index) => {
        const key = draft.key;
        const quantity = quantityOf(draft, key.unit);
        const components: LineComponent[] | undefined = key.components?.map((component) => {
          // Whole days × printed cents is exact in integers; anything else goes through Exact.
          const cents = ticksPerUnit(key.unit) === 1 ? component.cents : undefined;
          return {
            name: component.name,
            unitAmount: component.amount.toFixed(2),
            amount: cents !== undefined && Number.isSafeInteger(cents * draft.ticks) ? formatCents(cents * draft.ticks) : roundHalfUp(component.amount.times(quantity)).toFixed(2),
          };
        });
        const evidence: InvoiceLine["evidence"] = {};
        if (draft.dates.length > 0) evidence.dates = draft.dates;
        if (draft.entryIds.length > 0) evidence.entryIds = draft.entryIds;
        if (draft.costCoverageIds.size > 0) evidence.costCoverageIds = [...draft.costCoverageIds];
        return {
          id: `L${index + 1}`,
          label: key.label,
          periodFrom: draft.first,
          periodTo: draft.last,
          quantity,
          unit: key.unit,
          unitPrice: key.unitPrice,
          amount: quantity.times(key.unitPrice),
          ...(components ? { components } : {}),
          evidence,
          rateId: key.rateId,
          exampleValue: key.exampleValue,
          explanation: key.explanation,
        };
      });
  }

  listHolds(): Hold[] {
    return [...this.holds.values()]
      .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.key.code.localeCompare(b.key.code)))
      .map((draft) => {
        const key = draft.key;
        const quantity = quantityOf(draft, key.unit);
        const evidence: Hold["evidence"] = {};
        if (draft.dates.length > 0) evidence.dates = draft.dates;
        if (draft.entryIds.length > 0) evidence.entryIds = draft.entryIds;
        return {
          kind: key.kind,
          code: key.code,
          message: key.message,
          release: key.release,
          ...(key.inputId ? { inputId: key.inputId } : {}),
          periodFrom: draft.first,
          periodTo: draft.last,
          quantity,
          unit: key.unit,
          ...(key.unitPrice ? { amount: quantity.times(key.unitPrice) } : {}),
          evidence,
          explanation: key.explanation,
        };
      });
  }
}
