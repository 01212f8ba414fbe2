/**
 * The demo's contracts, background checks and tasks follow the demo's `today` (no clock): for any day the
 * checks are inspected before the contract starts from a certificate at most three months old (A2-R12, A4-R22),
 * demo-M-06's renewal falls due within the next 90 days (A3-R22: 3 years) and the tasks keep their mix of done,
 * overdue, due soon and later.
 */
import { describe, expect, it } from "vitest";
import { epochDayOfIso, isoOfEpochDay } from "../domain/calendar/calendarDate.ts";
import { DEMO_STAFF } from "./demoStaff.ts";
import { demoBackgroundChecks, demoStaffContracts, DEMO_STAFF_WITHOUT_BACKGROUND_CHECK } from "./demoStaffRecords.ts";
import { demoTasks } from "./demoTasks.ts";

const DAYS = ["2026-04-15", "2024-02-29", "2027-01-01", "2026-12-31"];
const rule = () => ({ ruleId: "X-R00", source: { file: "f.txt", clause: "§ 1", quote: "q" } });
const plusDays = (iso: string, days: number) => isoOfEpochDay(epochDayOfIso(iso) + days);
/** ISO date three calendar months before (day clamped to the month's end), as § 188 Abs. 3 BGB reads it back. */
function threeMonthsBefore(iso: string): string {
  const index = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 - 3;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(Number(iso.slice(8, 10)), lastDay)).padStart(2, "0")}`;
}

describe("demo staff records and tasks", () => {
  it("is the same for the same day and moves with the day", () => {
    expect(demoBackgroundChecks("2026-04-15")).toEqual(demoBackgroundChecks("2026-04-15"));
    expect(demoStaffContracts("2026-04-15").map((contract) => contract.from)[0]).toBe("2022-02-01");
    expect(demoStaffContracts("2027-04-15").map((contract) => contract.from)[0]).toBe("2023-02-01");
    expect(demoTasks("2026-04-15", rule)[0]!.dueDate).toBe("2026-01-20");
    expect(demoTasks("2026-04-16", rule)[0]!.dueDate).toBe("2026-01-21");
  });

  for (const today of DAYS)
    it(`on ${today}: every member has a contract, every check a fresh certificate before the start, one renewal due soon`, () => {
      const contracts = demoStaffContracts(today);
      expect(new Set(contracts.map((contract) => contract.staffId))).toEqual(new Set(DEMO_STAFF.map((member) => member.id)));
      const hours = new Map<string, number>();
      for (const contract of contracts) hours.set(contract.staffId, (hours.get(contract.staffId) ?? 0) + Number(contract.weeklyHours));
      expect([...hours.entries()].filter(([, total]) => total < 39).map(([staffId]) => staffId)).toEqual(["demo-M-02", "demo-M-04", "demo-M-06", "demo-M-09"]);
      const checks = demoBackgroundChecks(today);
      expect(new Set(checks.map((check) => check.staffId)).size).toBe(DEMO_STAFF.length - DEMO_STAFF_WITHOUT_BACKGROUND_CHECK.length);
      for (const check of checks) {
        expect(check.issuedOn <= check.inspectedOn, check.id).toBe(true);
        expect(check.issuedOn >= threeMonthsBefore(check.inspectedOn), check.id).toBe(true);
        expect(check.inspectedOn < today, check.id).toBe(true);
      }
      for (const contract of contracts)
        if (!DEMO_STAFF_WITHOUT_BACKGROUND_CHECK.includes(contract.staffId)) expect(checks.some((check) => check.staffId === contract.staffId && check.inspectedOn <= contract.from), contract.id).toBe(true);
      const renewal = checks.find((check) => check.id === "demo-FZ-06-2")!;
      const due = `${Number(renewal.inspectedOn.slice(0, 4)) + 3}${renewal.inspectedOn.slice(4)}`;
      expect(due > today && due <= plusDays(today, 90)).toBe(true);

      const tasks = demoTasks(today, rule);
      const open = tasks.filter((task) => task.status === "open");
      expect(tasks.filter((task) => task.status === "done").every((task) => task.completedOn! < today && !task.ruleId)).toBe(true);
      expect(open.filter((task) => task.dueDate < today)).toHaveLength(2);
      expect(open.filter((task) => task.dueDate >= today && task.dueDate <= plusDays(today, 14))).toHaveLength(2);
      expect(open.filter((task) => task.dueDate > plusDays(today, 14))).toHaveLength(2);
    });
});
