/**
 * M04 Absence and interruption calendar (A4-R08, A4-R09, A4-R33, D03, D04): absences are recorded as whole
 * absent days (D03: the system never guesses a day status). Absences that follow each other without a
 * service day in between form one interruption under D04 "one", each with its own counter under "two".
 * Every absent day knows its day number within the interruption and within its hospital/Kur stay.
 */
import { epochDayOfIso } from "../calendar/calendarDate.ts";
import type { Absence } from "../case/caseFileSchema.ts";

export type AbsenceReason = Absence["reason"];

export interface AbsentDay {
  reason: AbsenceReason;
  /** 1-based day number within the interruption. */
  dayNumber: number;
  interruptionStart: number;
  /** Epoch day of the interruption's day 30 (or any other number), computed on demand. */
  interruptionLength: number;
  /** 1-based day number within the consecutive run of the same stay kind (hospital/Kur), and its length. */
  stayDayNumber: number;
  stayLength: number;
}

export interface InterruptionCalendar {
  days: Map<number, AbsentDay>;
  interruptions: { start: number; end: number; reasons: AbsenceReason[] }[];
}

/** Builds the calendar; `mergeAcrossReasons` is D04 "one" (default) or false for "two". */
export function buildInterruptionCalendar(absences: Absence[], mergeAcrossReasons: boolean, stayReasons: readonly AbsenceReason[] = ["hospital", "kur"]): InterruptionCalendar {
  const records = absences
    .map((absence) => ({ start: epochDayOfIso(absence.from), end: epochDayOfIso(absence.to), reason: absence.reason }))
    .sort((a, b) => a.start - b.start);
  const interruptions: { start: number; end: number; reasons: AbsenceReason[]; records: typeof records }[] = [];
  for (const record of records) {
    const last = interruptions[interruptions.length - 1];
    const adjacent = last !== undefined && record.start <= last.end + 1;
    const sameReason = last !== undefined && last.reasons[last.reasons.length - 1] === record.reason;
    if (last && adjacent && (mergeAcrossReasons || sameReason)) {
      last.end = Math.max(last.end, record.end);
      if (!last.reasons.includes(record.reason)) last.reasons.push(record.reason);
      last.records.push(record);
    } else {
      interruptions.push({ start: record.start, end: record.end, reasons: [record.reason], records: [record] });
    }
  }
  const days = new Map<number, AbsentDay>();
  for (const interruption of interruptions) {
    const reasonOf = new Map<number, AbsenceReason>();
    for (const record of interruption.records) for (let day = record.start; day <= record.end; day++) reasonOf.set(day, record.reason);
    const length = interruption.end - interruption.start + 1;
    // Runs of hospital/Kur days inside the interruption (a stay "lasting more than 4 weeks", § 5.3).
    let runStart = -1;
    const runOf = new Map<number, { start: number; end: number }>();
    for (let day = interruption.start; day <= interruption.end + 1; day++) {
      const isStay = day <= interruption.end && stayReasons.includes(reasonOf.get(day)!);
      if (isStay && runStart < 0) runStart = day;
      if (!isStay && runStart >= 0) {
        for (let member = runStart; member < day; member++) runOf.set(member, { start: runStart, end: day - 1 });
        runStart = -1;
      }
    }
    for (let day = interruption.start; day <= interruption.end; day++) {
      const run = runOf.get(day);
      days.set(day, {
        reason: reasonOf.get(day)!,
        dayNumber: day - interruption.start + 1,
        interruptionStart: interruption.start,
        interruptionLength: length,
        stayDayNumber: run ? day - run.start + 1 : 0,
        stayLength: run ? run.end - run.start + 1 : 0,
      });
    }
  }
  return { days, interruptions: interruptions.map(({ start, end, reasons }) => ({ start, end, reasons })) };
}
