/** A billing month "JJJJ-MM" as its first and last day (ISO calendar dates). */
export interface MonthPeriod {
  month: string;
  from: string;
  to: string;
}

export function resolveMonthPeriod(month: string): MonthPeriod {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new Error(`Monat „${month}“: erwartet JJJJ-MM`);
  const year = Number(match[1]);
  const number = Number(match[2]);
  const lastDay = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { month, from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, "0")}` };
}
