/**
 * The service entry form as data: its values (all text, as the inputs hold them), the defaults, and the three
 * bodies built from it: POST /service-entries (empty fields left out), PATCH (empty fields sent as null, so an
 * entry can switch from minutes to start and end) and the `entry` of POST /service-entries/check (the case
 * file's schema: no case, no note, no nulls). Nothing is checked here: the server says what is wrong, in German.
 */
import type { AssistanceType, Attribution, Mode, RemoteChannel, ServiceEntryRecord, Setting, TimeKind } from "./documentationTypes.ts";

export interface EntryFormValues {
  clientId: string;
  caseId: string;
  date: string;
  start: string;
  end: string;
  minutes: string;
  /** An entry stored in hours keeps them until a new duration is typed (the form offers minutes). */
  hours: string;
  timeKind: TimeKind;
  assistanceType: AssistanceType | "";
  setting: Setting;
  groupSize: string;
  mode: Mode;
  remoteChannel: RemoteChannel | "";
  remoteReason: string;
  goalId: string;
  staffId: string;
  category: string;
  place: string;
  attribution: Attribution | "";
  consent: boolean;
  withoutPersonPresent: boolean;
  note: string;
}

/** What the form remembers for the next entry in this browser session. */
export type RememberedValues = Partial<Pick<EntryFormValues, "clientId" | "timeKind" | "assistanceType" | "setting" | "mode" | "remoteChannel" | "staffId" | "category" | "place" | "attribution">>;

export function emptyValues(date: string): EntryFormValues {
  return {
    clientId: "",
    caseId: "",
    date,
    start: "",
    end: "",
    minutes: "",
    hours: "",
    timeKind: "direct",
    assistanceType: "",
    setting: "individual",
    groupSize: "",
    mode: "inPerson",
    remoteChannel: "",
    remoteReason: "",
    goalId: "",
    staffId: "",
    category: "",
    place: "",
    attribution: "",
    consent: false,
    withoutPersonPresent: false,
    note: "",
  };
}

/** The values of a stored entry, for editing it. */
export function valuesOfEntry(entry: ServiceEntryRecord, clientId: string): EntryFormValues {
  return {
    clientId,
    caseId: entry.caseId,
    date: entry.date,
    start: entry.start ?? "",
    end: entry.end ?? "",
    minutes: entry.minutes !== undefined ? String(entry.minutes) : "",
    hours: entry.hours ?? "",
    timeKind: entry.timeKind,
    assistanceType: entry.assistanceType ?? "",
    setting: entry.setting,
    groupSize: entry.groupSize !== undefined ? String(entry.groupSize) : "",
    mode: entry.mode,
    remoteChannel: entry.remoteChannel ?? "",
    remoteReason: entry.remoteReason ?? "",
    goalId: entry.goalId ?? "",
    staffId: entry.staffId ?? "",
    category: entry.category ?? "",
    place: entry.place ?? "",
    attribution: entry.attribution ?? "",
    consent: entry.consent === true,
    withoutPersonPresent: entry.withoutPersonPresent,
    note: entry.note ?? "",
  };
}

/** A whole number typed into a number field; other text goes to the server as typed, which refuses it in German. */
function wholeNumberOf(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function textOf(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** Every field of the entry; undefined where the form holds nothing. */
function entryFieldsOf(values: EntryFormValues): Record<string, unknown> {
  const timed = values.start !== "" || values.end !== "";
  const minutes = wholeNumberOf(values.minutes);
  const remote = values.mode === "remote";
  const group = values.setting === "group";
  return {
    date: values.date,
    start: textOf(values.start),
    end: textOf(values.end),
    minutes,
    hours: !timed && minutes === undefined ? textOf(values.hours) : undefined,
    timeKind: values.timeKind,
    assistanceType: values.assistanceType || undefined,
    mode: values.mode,
    remoteChannel: remote ? values.remoteChannel || undefined : undefined,
    remoteReason: remote ? textOf(values.remoteReason) : undefined,
    setting: values.setting,
    groupSize: group ? wholeNumberOf(values.groupSize) : undefined,
    consent: values.consent ? true : undefined,
    withoutPersonPresent: values.withoutPersonPresent,
    staffId: textOf(values.staffId),
    attribution: values.attribution || undefined,
    category: textOf(values.category),
    place: textOf(values.place),
    goalId: textOf(values.goalId),
  };
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** Body of POST /service-entries. */
export function createBodyOf(values: EntryFormValues): Record<string, unknown> {
  return withoutUndefined({ caseId: values.caseId, ...entryFieldsOf(values), note: textOf(values.note) });
}

/** Body of PATCH /service-entries/:id: every field, null where the form holds nothing (removes the stored value). */
export function patchBodyOf(values: EntryFormValues): Record<string, unknown> {
  const fields = { caseId: values.caseId, ...entryFieldsOf(values), note: textOf(values.note) };
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value === undefined ? null : value]));
}

/**
 * The `entry` of POST /service-entries/check, or undefined while the form cannot be checked yet (no case,
 * no valid date, no duration).
 */
export function checkEntryOf(values: EntryFormValues): Record<string, unknown> | undefined {
  if (values.caseId === "" || !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) return undefined;
  const fields = withoutUndefined(entryFieldsOf(values));
  const hasDuration = fields.minutes !== undefined || fields.hours !== undefined || (fields.start !== undefined && fields.end !== undefined);
  return hasDuration ? fields : undefined;
}

function minutesOfTime(time: string): number | undefined {
  const match = /^(\d{2}):(\d{2})/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Minutes of "1.25" hours without binary fractions: 75. Undefined when the hours are no whole number of minutes. */
function minutesOfHours(hours: string): number | undefined {
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(hours);
  if (!match) return undefined;
  const fraction = (match[2] ?? "").padEnd(4, "0");
  const tenThousandths = Number(match[1]) * 10_000 + Number(fraction);
  const minutesTimesTenThousand = tenThousandths * 60;
  return minutesTimesTenThousand % 10_000 === 0 ? minutesTimesTenThousand / 10_000 : undefined;
}

/** The duration of an entry in minutes (start and end, minutes or hours). */
export function durationOf(entry: { start?: string | undefined; end?: string | undefined; minutes?: number | undefined; hours?: string | undefined }): number | undefined {
  if (entry.minutes !== undefined) return entry.minutes;
  if (entry.start && entry.end) {
    const start = minutesOfTime(entry.start);
    const end = minutesOfTime(entry.end);
    return start !== undefined && end !== undefined && end > start ? end - start : undefined;
  }
  return entry.hours !== undefined ? minutesOfHours(entry.hours) : undefined;
}

export function minutesText(minutes: number): string {
  return minutes === 1 ? "1 Minute" : `${minutes} Minuten`;
}

/** The values kept for the next entry. */
export function rememberedOf(values: EntryFormValues): RememberedValues {
  const { clientId, timeKind, assistanceType, setting, mode, remoteChannel, staffId, category, place, attribution } = values;
  return { clientId, timeKind, assistanceType, setting, mode, remoteChannel, staffId, category, place, attribution };
}

/** After a save: the same person, day and kind of service; a new duration, note and reason. */
export function valuesAfterSave(values: EntryFormValues): EntryFormValues {
  return { ...values, start: "", end: "", minutes: "", hours: "", note: "", remoteReason: "", consent: false, withoutPersonPresent: false };
}
