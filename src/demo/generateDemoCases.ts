/**
 * The demo's case files: about 50 invented clients („Beispiel-Person …“) spread over the five agreements, each
 * with a case, cost coverages, Gesamtplan and Hilfeplan dates and three months of documentation (service
 * entries for the hourly agreements, absences for the daily rate of A4) ending with the month before `today`.
 * Pure and deterministic: the same options give the same case files (seeded random numbers, no clock).
 */
import { countDaysInMonth, epochDayOfIso, isoOfEpochDay, toEpochDay, weekdayOfEpochDay } from "../domain/calendar/calendarDate.ts";
import { listPublicHolidays, type Land } from "../domain/calendar/publicHolidays.ts";
import { caseFileSchema, type CaseFile, type CaseFileInput } from "../domain/case/caseFileSchema.ts";
import { DEMO_PAYER_IDS } from "./demoOrganisations.ts";
import { DEMO_STAFF, DEMO_STAFF_BY_AGREEMENT } from "./demoStaff.ts";
import { createSeededRandom, type SeededRandom } from "./seededRandom.ts";

export type DemoAgreementFamily = "A0" | "A1" | "A2" | "A3" | "A4";

export interface DemoAgreementInstance {
  /** The provider's agreement instance id. */
  id: string;
  family: DemoAgreementFamily;
  /** The concrete catalogue agreement (A4, or the example instances of the templates A0–A3). */
  agreementId: string;
  payerId: string;
}

/** One instance per agreement; A0–A3 use the catalogue's example instances, whose inputs are all Beispielwerte. */
export const DEMO_AGREEMENT_INSTANCES: DemoAgreementInstance[] = [
  { id: "demo-A0", family: "A0", agreementId: "A0-beispiel-leipzig", payerId: DEMO_PAYER_IDS.sachsen },
  { id: "demo-A1", family: "A1", agreementId: "A1-beispiel", payerId: DEMO_PAYER_IDS.niedersachsen },
  { id: "demo-A2", family: "A2", agreementId: "A2-beispiel-bremen", payerId: DEMO_PAYER_IDS.bremen },
  { id: "demo-A3", family: "A3", agreementId: "A3-beispiel", payerId: DEMO_PAYER_IDS.niedersachsen },
  { id: "demo-A4", family: "A4", agreementId: "A4", payerId: DEMO_PAYER_IDS.bremen },
];

export interface DemoCase {
  agreementInstanceId: string;
  caseFile: CaseFile;
}

export interface DemoOptions {
  /** Today's date (ISO); the documentation covers the three calendar months before this date's month. */
  today: string;
  clientCount?: number;
  seed?: number;
  /**
   * Validity of the agreements by catalogue id. Cases start no earlier than their agreement; under an agreement
   * that ended before the documented months, the documentation covers its last three months instead and the
   * cases end with it (A4 ends on 30.06.2026, A4-R26).
   */
  agreementValidity?: Record<string, { from?: string; to?: string }>;
}

export const DEMO_CLIENT_COUNT = 50;
export const DEMO_SEED = 20_260_301;

const FIRST_NAMES = [
  "Anna", "Ben", "Clara", "David", "Elif", "Finn", "Greta", "Hannes", "Ida", "Jonas",
  "Karla", "Lukas", "Mia", "Noah", "Olga", "Paul", "Rieke", "Samir", "Tilda", "Umut",
  "Vera", "Wim", "Xenia", "Yusuf", "Zoe", "Arne", "Bente", "Cem", "Dana", "Emil",
  "Frieda", "Gustav", "Hanna", "Ilias", "Jule", "Kai", "Lea", "Malte", "Nele", "Ole",
  "Pia", "Rasmus", "Sina", "Timo", "Ulla", "Valentin", "Wiebke", "Yara", "Zeynep", "Mattis",
];
const INITIALS = "ABCDEFGHIJKLMNOPRSTUVWZ";

/** The three months documented for `today`: the three calendar months before today's month ("JJJJ-MM"). */
export function demoMonths(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return [3, 2, 1].map((back) => {
    const index = year * 12 + (month - 1) - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
}

/** The documented months of one agreement: the three before today's month, or its last three if it ended earlier. */
export function documentedMonths(today: string, validTo?: string): string[] {
  const months = demoMonths(today);
  if (!validTo || epochDayOfIso(validTo) >= monthBounds(months[2]!).to) return months;
  return demoMonths(isoOfEpochDay(epochDayOfIso(validTo) + 1));
}

function monthBounds(month: string): { from: number; to: number } {
  const from = epochDayOfIso(`${month}-01`);
  return { from, to: from + countDaysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))) - 1 };
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

interface Window {
  from: number;
  to: number;
  months: string[];
}

interface CaseFrame {
  index: number;
  number: string;
  random: SeededRandom;
  window: Window;
  start: number;
  /** The case ends with its agreement when that ends within the documented months. */
  end?: number;
  instance: DemoAgreementInstance;
  /** About one case in seven has a coverage that ends in the middle of the last month: its later days or hours are held (X-R05). */
  coverageEndsEarly: boolean;
}

const holidayDays = new Map<string, Set<number>>();

function isHoliday(land: Land, day: number): boolean {
  const key = `${land}:${isoOfEpochDay(day).slice(0, 4)}`;
  let days = holidayDays.get(key);
  if (!days) holidayDays.set(key, (days = new Set(listPublicHolidays(land, Number(key.slice(3))).map((holiday) => toEpochDay(holiday.date)))));
  return days.has(day);
}

/** The last working day (Mon–Fri, no public holiday of the Land) of [from, to]. */
function lastWorkingDay(land: Land, from: number, to: number): number {
  let day = to;
  while (day > from && (weekdayOfEpochDay(day) > 5 || isHoliday(land, day))) day--;
  return day;
}

/** Working days (Mon–Fri without the Land's public holidays) of each ISO week of [from, to], `perWeek` of them at random, in date order. */
function sessionDays(random: SeededRandom, land: Land, from: number, to: number, perWeek: [number, number], skip: (day: number) => boolean = () => false): number[] {
  const days: number[] = [];
  let monday = from - (weekdayOfEpochDay(from) - 1);
  for (; monday <= to; monday += 7) {
    const candidates = [0, 1, 2, 3, 4].map((offset) => monday + offset).filter((day) => day >= from && day <= to && !isHoliday(land, day) && !skip(day));
    const count = Math.min(candidates.length, random.integer(perWeek[0], perWeek[1]));
    for (let chosen = 0; chosen < count; chosen++) {
      const position = random.integer(0, candidates.length - 1);
      days.push(candidates.splice(position, 1)[0]!);
    }
  }
  return days.sort((a, b) => a - b);
}

type EntryInput = NonNullable<CaseFileInput["entries"]>[number];

/** An entry with start and end on a day, starting between `earliest` and `latest` (minutes after midnight). */
function timedEntry(random: SeededRandom, day: number, sequence: number, duration: number, earliest: number, latest: number, fields: Partial<EntryInput>): EntryInput {
  const begin = earliest + 15 * random.integer(0, Math.max(0, Math.floor((latest - earliest) / 15)));
  return { id: `E-${isoOfEpochDay(day)}-${sequence}`, date: isoOfEpochDay(day), start: clock(begin), end: clock(begin + duration), ...fields };
}

function commonPlans(frame: CaseFrame): Pick<CaseFileInput, "gesamtplans" | "hilfeplans" | "costCoverages"> {
  const { random, start, window, number, instance } = frame;
  const gesamtplanDate = start - random.integer(5, 20);
  const firstHilfeplan = start + random.integer(20, 35);
  const hilfeplans: NonNullable<CaseFileInput["hilfeplans"]> = [{ date: isoOfEpochDay(firstHilfeplan), kind: "initial" }];
  for (let update = firstHilfeplan + 365; update <= window.to; update += 365) hilfeplans.push({ date: isoOfEpochDay(update), kind: "update" });
  const coverageTo = frame.coverageEndsEarly ? window.to - 15 : Math.min(frame.end ?? Infinity, window.to + random.integer(60, 240));
  return {
    gesamtplans: [{ date: isoOfEpochDay(gesamtplanDate), plannedUpdate: isoOfEpochDay(gesamtplanDate + 365) }],
    hilfeplans: hilfeplans.filter((plan) => epochDayOfIso(plan.date) <= window.to),
    costCoverages: [
      {
        id: `KUE-${number}`,
        kind: instance.family === "A4" ? "costCoverageDeclaration" : "gesamtplanWithVolume",
        from: isoOfEpochDay(start),
        to: isoOfEpochDay(coverageTo),
        decidedOn: isoOfEpochDay(gesamtplanDate + 2),
        fileReference: `${instance.family}-${number}/${isoOfEpochDay(start).slice(0, 4)} (Beispiel)`,
      },
    ],
  };
}

function documentedFrom(frame: CaseFrame): number {
  return Math.max(frame.start, frame.window.from);
}

function buildA0(frame: CaseFrame): Partial<CaseFileInput> {
  const { random, window } = frame;
  const staff = DEMO_STAFF_BY_AGREEMENT.A0;
  const entries: EntryInput[] = [];
  sessionDays(random, "SN", documentedFrom(frame), window.to, [2, 3]).forEach((day, sequence) => {
    const roll = random.next();
    const duration = 30 * random.integer(3, 5);
    if (roll < 0.12)
      entries.push(timedEntry(random, day, sequence, 90, 9 * 60, 15 * 60, { attribution: "SGB VIII", staffId: staff.youthWelfare, category: "Hilfe zur Erziehung: Entwicklungsförderung des Kindes", place: "Wohnung der Familie" }));
    else if (roll < 0.15) entries.push(timedEntry(random, day, sequence, 60, 10 * 60, 14 * 60, { mode: "remote", remoteChannel: "phone", staffId: staff.specialist, category: "Abstimmung mit dem Jugendamt" }));
    else
      entries.push(
        timedEntry(random, day, sequence, duration, 8 * 60, 15 * 60, {
          attribution: "SGB IX",
          staffId: staff.specialist,
          category: random.pick(["Säuglingspflege anleiten", "Elternassistenz im Alltag", "Haushaltsorganisation mit Kind", "Kinderarzttermin begleiten", "Behördenpost besprechen"]),
          place: "Wohnung der Familie",
        }),
      );
  });
  for (const month of window.months) entries.push({ id: `E-${month}-team`, date: isoOfEpochDay(lastWorkingDay("SN", monthBounds(month).from, monthBounds(month).to)), hours: "1.00", timeKind: "indirect", attribution: "SGB IX", staffId: staff.specialist, category: "Fallberatung im Fachteam" });
  const plans = commonPlans(frame);
  plans.costCoverages![0]!.approvedVolume = { hours: String(random.pick([15, 20, 25, 30])), per: "month" };
  return {
    client: {
      id: "",
      birthDate: isoOfEpochDay(epochDayOfIso("1990-01-01") + random.integer(0, 13 * 365)),
      disabilities: ["intellectual"],
      primaryDisability: "intellectual",
      substantialDisability: true,
      livingSituation: "ownFlat",
      residence: { municipality: "Leipzig", district: random.pick(["Leipzig-Grünau", "Leipzig-Connewitz", "Leipzig-Paunsdorf", "Leipzig-Gohlis"]), land: "SN" },
      children: [{ birthDate: isoOfEpochDay(frame.start - random.integer(30, 500)) }],
      pregnancy: false,
      assessments: { supportNeed: true },
    },
    ...plans,
    entries,
    events: [{ kind: "gesamtplanConference", date: plans.gesamtplans![0]!.date, note: "Teilhabe-/Gesamtplankonferenz mit Jugendamt (Beispiel)" }],
    caseInputs: { "P-A0-13": { value: isoOfEpochDay(frame.start + 180), note: "Frist des Leistungsträgers für den Sozial- und Entwicklungsbericht (Beispiel)" } },
  };
}

function buildA1(frame: CaseFrame): Partial<CaseFileInput> {
  const { random, window } = frame;
  const staff = DEMO_STAFF_BY_AGREEMENT.A1;
  const entries: EntryInput[] = sessionDays(random, "NI", documentedFrom(frame), window.to, [1, 3]).map((day, sequence) => {
    const qualified = random.chance(0.5);
    if (random.chance(0.08))
      return timedEntry(random, day, sequence, 30, 9 * 60, 16 * 60, {
        assistanceType: "qualified",
        staffId: staff.qualified,
        mode: "remote",
        remoteChannel: "phone",
        remoteReason: "situativ geboten: kurzfristige Terminabsprache",
        category: "Terminabsprache",
      });
    return timedEntry(random, day, sequence, 30 * random.integer(2, 4), 8 * 60, 16 * 60, {
      assistanceType: qualified ? "qualified" : "simple",
      staffId: qualified ? staff.qualified : staff.simple,
      category: qualified ? random.pick(["Tagesstruktur erarbeiten (Befähigung)", "Umgang mit Geld üben (Befähigung)", "Anleitung zur Postbearbeitung"]) : random.pick(["Einkauf und Wäsche (Übernahme)", "Wohnung reinigen (Übernahme)"]),
      place: "Wohnung",
    });
  });
  const plans = commonPlans(frame);
  plans.costCoverages![0]!.approvedVolume = { hours: String(random.pick([4, 5, 6, 8])), per: "week" };
  return {
    client: {
      id: "",
      birthDate: isoOfEpochDay(epochDayOfIso("1965-01-01") + random.integer(0, 35 * 365)),
      disabilities: [random.pick(["mental", "intellectual"])],
      substantialDisability: true,
      livingSituation: random.pick(["ownFlat", "sharedFlat"]),
      residence: { municipality: random.pick(["Hannover", "Garbsen", "Laatzen"]), district: "Region Hannover", land: "NI" },
      assessments: { openContactOfferInsufficient: true, specialHousingNotAppropriate: true, supportNeeded: true, voluntaryParticipation: true },
    },
    case: { id: "", start: "", approvedAssistanceTypes: ["simple", "qualified"] },
    ...plans,
    entries,
  };
}

function buildA2(frame: CaseFrame): Partial<CaseFileInput> {
  const { random, window } = frame;
  const staffId = DEMO_STAFF_BY_AGREEMENT.A2.specialist;
  const group = random.pick([1, 2, 2, 3, 3, 3, 4, 5]);
  const sessionsPerWeek: Record<number, [number, number]> = { 1: [1, 1], 2: [1, 2], 3: [3, 4], 4: [5, 5], 5: [5, 5] };
  const duration: Record<number, number> = { 1: 120, 2: 150, 3: 150, 4: 180, 5: 270 };
  const entries: EntryInput[] = [];
  sessionDays(random, "HB", documentedFrom(frame), window.to, sessionsPerWeek[group]!).forEach((day, sequence) => {
    if (weekdayOfEpochDay(day) === 3 && random.chance(0.5))
      entries.push(timedEntry(random, day, sequence, 120, 16 * 60, 16 * 60, { staffId, category: "Kochgruppe mittwochs", place: "Räume des Leistungserbringers", setting: "group", groupSize: 5, consent: true }));
    else if (random.chance(0.1)) entries.push({ id: `E-${isoOfEpochDay(day)}-${sequence}`, date: isoOfEpochDay(day), minutes: 30, mode: "remote", remoteChannel: "messenger", staffId, category: "Tagesplanung per Messenger" });
    else entries.push(timedEntry(random, day, sequence, duration[group]!, 8 * 60, 15 * 60, { staffId, category: random.pick(["Haushaltsführung anleiten", "Behördenpost sortieren und beantworten", "Einkauf planen und üben", "Begleitung zur Ärztin"]), place: "Wohnung" }));
  });
  return {
    client: {
      id: "",
      birthDate: isoOfEpochDay(epochDayOfIso("1960-01-01") + random.integer(0, 40 * 365)),
      disabilities: ["cognitive"],
      primaryDisability: "cognitive",
      substantialDisability: true,
      livingSituation: "ownFlat",
      residence: { municipality: "Bremen", district: random.pick(["Bremen-Vegesack", "Bremen-Findorff", "Bremen-Huchting", "Bremen-Osterholz"]), land: "HB" },
    },
    case: { id: "", start: "", needGroups: [{ from: isoOfEpochDay(frame.start), group, source: "gesamtplan" }] },
    ...commonPlans(frame),
    entries,
  };
}

function buildA3(frame: CaseFrame): Partial<CaseFileInput> {
  const { random, window } = frame;
  const staff = DEMO_STAFF_BY_AGREEMENT.A3;
  const entries: EntryInput[] = sessionDays(random, "NI", documentedFrom(frame), window.to, [2, 3]).map((day, sequence) =>
    random.chance(0.15)
      ? timedEntry(random, day, sequence, 60, 10 * 60, 14 * 60, { staffId: staff.counsellor, category: "psychosoziale Beratung", place: "Betriebsstätte" })
      : timedEntry(random, day, sequence, 30 * random.integer(4, 6), 8 * 60, 13 * 60, { staffId: staff.workshop, category: random.pick(["Teilnahme Holzwerkstatt", "Teilnahme Fahrradwerkstatt"]), place: "Betriebsstätte" }),
  );
  const plans = commonPlans(frame);
  plans.costCoverages![0]!.approvedVolume = { hours: "15", per: "week" };
  return {
    client: {
      id: "",
      birthDate: isoOfEpochDay(epochDayOfIso("1970-01-01") + random.integer(0, 30 * 365)),
      disabilities: ["mental"],
      primaryDisability: "mental",
      substantialDisability: true,
      livingSituation: "ownFlat",
      residence: { municipality: random.pick(["Hannover", "Langenhagen", "Burgdorf"]), district: "Region Hannover", land: "NI" },
      assessments: { dayStructuringNeed: true, notEmployable: true, distinctOfferNeeded: true },
    },
    ...plans,
    entries,
  };
}

function buildA4(frame: CaseFrame): Partial<CaseFileInput> {
  const { random, window, start } = frame;
  const staff = DEMO_STAFF_BY_AGREEMENT.A4;
  const absences: NonNullable<CaseFileInput["absences"]> = [];
  let cursor = Math.max(start, window.from) + random.integer(3, 20);
  while (cursor < window.to) {
    const roll = random.next();
    const reason = roll < 0.55 ? "holiday" : roll < 0.9 ? "illness" : "hospital";
    const length = reason === "holiday" ? random.integer(3, 10) : reason === "illness" ? random.integer(2, 6) : random.integer(5, 25);
    const note = { holiday: "Urlaub bei der Familie (Beispiel)", illness: "erkrankt, in der Wohngruppe (Beispiel)", hospital: "stationäre Aufnahme (Beispiel)" }[reason];
    absences.push({ from: isoOfEpochDay(cursor), to: isoOfEpochDay(Math.min(cursor + length - 1, window.to)), reason, note });
    cursor += length + random.integer(15, 50);
  }
  const absent = (day: number) => absences.some((absence) => day >= epochDayOfIso(absence.from) && day <= epochDayOfIso(absence.to) && absence.reason !== "illness");
  const entries: EntryInput[] = sessionDays(random, "HB", documentedFrom(frame), window.to, [1, 1], absent).map((day, sequence) =>
    timedEntry(random, day, sequence, 45, 10 * 60, 16 * 60, { staffId: staff.keyWorker, category: "Bezugsbetreuungsgespräch und Tagesstruktur", place: "Wohngruppe" }),
  );
  const plans = commonPlans(frame);
  plans.costCoverages![0]!.components = ["5.1", "5.3", "5.5"];
  return {
    client: {
      id: "",
      birthDate: isoOfEpochDay(epochDayOfIso("1975-01-01") + random.integer(0, 28 * 365)),
      disabilities: ["intellectual", "multiple"],
      primaryDisability: "intellectual",
      substantialDisability: true,
      livingSituation: "specialHousing",
      residence: { municipality: "Bremen", land: "HB" },
      assessments: { massiveEndangerment: true, massiveChallengingBehaviour: true, notYetAbleToLiveLessStructured: true, dailyLifeNeedsIntensiveSupport: true, needsSupportDayAndNight: true },
    },
    case: { id: "", start: "", payerApproval: isoOfEpochDay(start - random.integer(10, 20)), careContractDate: isoOfEpochDay(start - random.integer(2, 9)), rentExcess: random.chance(0.3) },
    ...plans,
    absences,
    entries,
  };
}

const BUILDERS: Record<DemoAgreementFamily, (frame: CaseFrame) => Partial<CaseFileInput>> = { A0: buildA0, A1: buildA1, A2: buildA2, A3: buildA3, A4: buildA4 };

/** The demo's case files, in client order, validated by the case-file schema. */
export function generateDemoCases(options: DemoOptions): DemoCase[] {
  const windows = new Map(
    DEMO_AGREEMENT_INSTANCES.map((instance) => {
      const validity = options.agreementValidity?.[instance.agreementId] ?? {};
      const months = documentedMonths(options.today, validity.to);
      const window: Window = { from: monthBounds(months[0]!).from, to: Math.min(monthBounds(months[2]!).to, validity.to ? epochDayOfIso(validity.to) : Infinity), months };
      return [instance.id, { window, validity }];
    }),
  );
  const count = options.clientCount ?? DEMO_CLIENT_COUNT;
  const random = createSeededRandom(options.seed ?? DEMO_SEED);
  const result: DemoCase[] = [];
  for (let index = 0; index < count; index++) {
    const instance = DEMO_AGREEMENT_INSTANCES[index % DEMO_AGREEMENT_INSTANCES.length]!;
    const number = String(index + 1).padStart(3, "0");
    const { window, validity } = windows.get(instance.id)!;
    // Most cases run since before the documented months; about one in seven starts in the first of them.
    const drawn = random.chance(0.15) ? window.from + random.integer(0, 20) : window.from - random.integer(30, 540);
    const start = validity.from ? Math.max(drawn, epochDayOfIso(validity.from)) : drawn;
    const end = validity.to && epochDayOfIso(validity.to) <= window.to ? epochDayOfIso(validity.to) : undefined;
    const frame: CaseFrame = { index, number, random, window, start, ...(end !== undefined ? { end } : {}), instance, coverageEndsEarly: index % 7 === 3 };
    const built = BUILDERS[instance.family](frame);
    const usedStaff = new Set((built.entries ?? []).map((entry) => entry.staffId));
    const input: CaseFileInput = {
      ...built,
      agreement: instance.agreementId,
      client: {
        ...built.client!,
        id: `demo-K-${number}`,
        name: `Beispiel-Person ${FIRST_NAMES[index % FIRST_NAMES.length]} ${random.pick([...INITIALS])}.`,
      },
      case: {
        ...built.case,
        id: `demo-F-${number}`,
        start: isoOfEpochDay(start),
        ...(end !== undefined ? { end: isoOfEpochDay(end) } : {}),
        payer: { id: instance.payerId },
      },
      staff: DEMO_STAFF.filter((member) => usedStaff.has(member.id)),
    };
    result.push({ agreementInstanceId: instance.id, caseFile: caseFileSchema.parse(input) });
  }
  return result;
}
