/**
 * The demo team's contracts and background checks (erweitertes Führungszeugnis, § 124 Abs. 2 SGB IX: only the
 * inspection date, the issue date and the result), all dated back from the demo's `today` (no clock).
 *
 * Contracts: every staff member has one contract per agreement instance they work for, four of them part-time;
 * demo-M-09 (Interventionsdienst) works for A4 and A2, so the strictest rule across agreements (X-R01) applies.
 *
 * Background checks, read against the agreements' rules (A2-R12, A4-R22: at hiring, then at the latest every
 * 5 years, certificate not older than 3 months; A3-R22: before hiring, then at the latest every 3 years; A1-R24:
 * interval and maximum age are open inputs; A0 regulates none):
 * - each is inspected 12 days before the contract starts and was issued 30 days before that inspection;
 * - demo-M-06 (A3) presented a renewal 3 years less 40 days before today, so the next one is due soon;
 * - demo-M-08 (A4, hired 7 years ago) presented a renewal 800 days before today;
 * - demo-M-05 (A2) has none: the engine blocks contact work until one is recorded (A2-R12).
 */
import { epochDayOfIso, isoOfEpochDay } from "../domain/calendar/calendarDate.ts";

export interface DemoStaffContract {
  id: string;
  staffId: string;
  from: string;
  weeklyHours: string;
  function: string;
  agreementInstanceId: string;
}

export interface DemoBackgroundCheck {
  id: string;
  staffId: string;
  inspectedOn: string;
  issuedOn: string;
  result: "noEntries";
}

/** Staff member, months before today's month the contract starts (on the 1st), weekly hours, function, instance. */
const CONTRACTS: Array<[staffId: string, monthsBack: number, weeklyHours: string, jobFunction: string, agreementInstanceId: string]> = [
  ["demo-M-01", 50, "39.00", "Fachkraft Betreuung", "demo-A0"],
  ["demo-M-02", 20, "19.50", "Fachkraft Betreuung", "demo-A0"],
  ["demo-M-03", 38, "39.00", "Fachkraft Betreuung", "demo-A1"],
  ["demo-M-04", 9, "25.00", "Assistenz Hauswirtschaft", "demo-A1"],
  ["demo-M-05", 14, "39.00", "Fachkraft Betreuung", "demo-A2"],
  ["demo-M-06", 66, "30.00", "Fachkraft Betreuung", "demo-A3"],
  ["demo-M-07", 25, "39.00", "Betätigungsanleitung Holzwerkstatt", "demo-A3"],
  ["demo-M-08", 84, "39.00", "Fachkraft Betreuung", "demo-A4"],
  ["demo-M-09", 31, "20.00", "Interventionsdienst Betreuung", "demo-A4"],
  ["demo-M-09", 31, "10.00", "Interventionsdienst Betreuung", "demo-A2"],
];

/** Staff without a recorded background check (the warning the demo keeps on purpose). */
export const DEMO_STAFF_WITHOUT_BACKGROUND_CHECK = ["demo-M-05"];

/** Renewals: staff member, days before today the certificate was inspected (issued 16 days before that). */
const RENEWALS: Array<[staffId: string, daysBack: number]> = [
  ["demo-M-06", 3 * 365 - 40],
  ["demo-M-08", 800],
];

/** The 1st of the month `monthsBack` months before today's month (ISO). */
function firstOfMonthBefore(today: string, monthsBack: number): string {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - monthsBack;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

const daysBefore = (iso: string, days: number) => isoOfEpochDay(epochDayOfIso(iso) - days);

export function demoStaffContracts(today: string): DemoStaffContract[] {
  return CONTRACTS.map(([staffId, monthsBack, weeklyHours, jobFunction, agreementInstanceId]) => ({
    id: `demo-V-${staffId.slice(-2)}-${agreementInstanceId.slice(-2)}`,
    staffId,
    from: firstOfMonthBefore(today, monthsBack),
    weeklyHours,
    function: jobFunction,
    agreementInstanceId,
  }));
}

export function demoBackgroundChecks(today: string): DemoBackgroundCheck[] {
  const starts = new Map<string, string>();
  for (const contract of demoStaffContracts(today)) if (!starts.has(contract.staffId) || contract.from < starts.get(contract.staffId)!) starts.set(contract.staffId, contract.from);
  const atHiring = [...starts.entries()]
    .filter(([staffId]) => !DEMO_STAFF_WITHOUT_BACKGROUND_CHECK.includes(staffId))
    .map(([staffId, start]) => {
      const inspectedOn = daysBefore(start, 12);
      return { id: `demo-FZ-${staffId.slice(-2)}-1`, staffId, inspectedOn, issuedOn: daysBefore(inspectedOn, 30), result: "noEntries" as const };
    });
  const renewals = RENEWALS.map(([staffId, daysBack]) => {
    const inspectedOn = daysBefore(today, daysBack);
    return { id: `demo-FZ-${staffId.slice(-2)}-2`, staffId, inspectedOn, issuedOn: daysBefore(inspectedOn, 16), result: "noEntries" as const };
  });
  return [...atHiring, ...renewals].sort((a, b) => (a.id < b.id ? -1 : 1));
}
