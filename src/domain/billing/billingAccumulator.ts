/**
 * Collects billed and held quantities into invoice lines and holds, grouped by rate period, month and the
 * reason they are billed or held, so that a line never crosses a rate-period or month boundary (M03).
 */
import { Exact, ZERO, roundHalfUp } from "../money/amount.ts";
import type { Explanation } from "../results/explanation.ts";
import type { Hold, HoldKind, InvoiceLine, LineComponent } from "./invoiceDraft.ts";
import type { RateUnit } from "./rateParameters.ts";

interface LineDraft {
  label: string;
  rateId: string;
  unit: RateUnit;
  unitPrice: Exact;
  components?: { name: string; amount: Exact }[];
  exampleValue: boolean;
  explanation: Explanation;
  first: string;
  last: string;
  quantity: Exact;
  dayCount: number;
  dates: string[];
  entryIds: string[];
  costCoverageIds: Set<string>;
}

interface HoldDraft {
  kind: HoldKind;
  code: string;
  message: string;
  release: string;
  inputId?: string;
  unit: RateUnit;
  unitPrice?: Exact;
  explanation: Explanation;
  first: string;
  last: string;
  quantity: Exact;
  dayCount: number;
  dates: string[];
  entryIds: string[];
}

export interface LineKey {
  key: string;
  label: string;
  rateId: string;
  unit: RateUnit;
  unitPrice: Exact;
  components?: { name: string; amount: Exact }[];
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

export class BillingAccumulator {
  private readonly lines = new Map<string, LineDraft>();
  private readonly holds = new Map<string, HoldDraft>();

  /** Adds one day (quantity 1) or an entry's hours to a line. */
  addToLine(key: LineKey, date: string, quantity: Exact | null, evidence: { entryId?: string; costCoverageId?: string; spanTo?: string } = {}): void {
    let draft = this.lines.get(key.key);
    if (!draft) {
      draft = { ...key, first: date, last: date, quantity: ZERO, dayCount: 0, dates: [], entryIds: [], costCoverageIds: new Set() };
      this.lines.set(key.key, draft);
    }
    if (date < draft.first) draft.first = date;
    if (date > draft.last) draft.last = date;
    if (quantity === null) {
      draft.dayCount += 1;
      draft.dates.push(date);
    } else {
      draft.quantity = draft.quantity.plus(quantity);
      if (evidence.entryId) draft.entryIds.push(evidence.entryId);
    }
    if (evidence.costCoverageId) draft.costCoverageIds.add(evidence.costCoverageId);
    if (evidence.spanTo && evidence.spanTo > draft.last) draft.last = evidence.spanTo;
  }

  addToHold(key: HoldKey, date: string, quantity: Exact | null, evidence: { entryId?: string } = {}): void {
    let draft = this.holds.get(key.key);
    if (!draft) {
      draft = { ...key, first: date, last: date, quantity: ZERO, dayCount: 0, dates: [], entryIds: [] };
      this.holds.set(key.key, draft);
    }
    if (date < draft.first) draft.first = date;
    if (date > draft.last) draft.last = date;
    if (quantity === null) {
      draft.dayCount += 1;
      draft.dates.push(date);
    } else {
      draft.quantity = draft.quantity.plus(quantity);
      if (evidence.entryId) draft.entryIds.push(evidence.entryId);
    }
  }

  listLines(): InvoiceLine[] {
    return [...this.lines.values()]
      .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.label.localeCompare(b.label)))
      .map((draft, index) => {
        const quantity = draft.dayCount > 0 ? new Exact(draft.dayCount).plus(draft.quantity) : draft.quantity;
        const components: LineComponent[] | undefined = draft.components?.map((component) => ({
          name: component.name,
          unitAmount: component.amount.toFixed(2),
          amount: roundHalfUp(component.amount.times(quantity)).toFixed(2),
        }));
        const evidence: InvoiceLine["evidence"] = {};
        if (draft.dates.length > 0) evidence.dates = draft.dates;
        if (draft.entryIds.length > 0) evidence.entryIds = draft.entryIds;
        if (draft.costCoverageIds.size > 0) evidence.costCoverageIds = [...draft.costCoverageIds];
        return {
          id: `L${index + 1}`,
          label: draft.label,
          periodFrom: draft.first,
          periodTo: draft.last,
          quantity,
          unit: draft.unit,
          unitPrice: draft.unitPrice,
          amount: quantity.times(draft.unitPrice),
          ...(components ? { components } : {}),
          evidence,
          rateId: draft.rateId,
          exampleValue: draft.exampleValue,
          explanation: draft.explanation,
        };
      });
  }

  listHolds(): Hold[] {
    return [...this.holds.values()]
      .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.code.localeCompare(b.code)))
      .map((draft) => {
        const quantity = draft.dayCount > 0 ? new Exact(draft.dayCount).plus(draft.quantity) : draft.quantity;
        const evidence: Hold["evidence"] = {};
        if (draft.dates.length > 0) evidence.dates = draft.dates;
        if (draft.entryIds.length > 0) evidence.entryIds = draft.entryIds;
        return {
          kind: draft.kind,
          code: draft.code,
          message: draft.message,
          release: draft.release,
          ...(draft.inputId ? { inputId: draft.inputId } : {}),
          periodFrom: draft.first,
          periodTo: draft.last,
          quantity,
          unit: draft.unit,
          ...(draft.unitPrice ? { amount: quantity.times(draft.unitPrice) } : {}),
          evidence,
          explanation: draft.explanation,
        };
      });
  }
}
