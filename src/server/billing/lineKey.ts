/**
 * The key under which a month's lines are compared with what issued invoices already billed: case, rate,
 * unit, unit price and label. Two lines with the same key bill the same thing; only their quantity may differ.
 */
export interface KeyedLine {
  caseId: string;
  rateId: string;
  unit: string;
  unitPrice: string;
  label: string;
}

export function composeLineKey(line: KeyedLine): string {
  return JSON.stringify([line.caseId, line.rateId, line.unit, line.unitPrice, line.label]);
}
