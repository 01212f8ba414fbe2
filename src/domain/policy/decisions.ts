/**
 * The product's answers to the open questions D01–D32 (shared/spec/decisions.md): each has a default option
 * and the alternatives that must stay selectable. Options are resolved case → agreement → product default,
 * and the chosen option is recorded on every result it shapes.
 */
import type { PolicyChoice } from "../results/explanation.ts";

export interface DecisionDefinition {
  id: string;
  question: string;
  defaultOption: string;
  options: Record<string, string>;
}

const d = (id: string, question: string, defaultOption: string, options: Record<string, string>): DecisionDefinition => ({
  id,
  question,
  defaultOption,
  options,
});

export const DECISIONS: Record<string, DecisionDefinition> = Object.fromEntries(
  [
    d("D01", "A4 Krankenhaus/Kur: Zusammenspiel § 5.2 (30 Tage) und § 5.3 (> 4 Wochen)", "A", {
      A: "Tage 1–30 voller Tagessatz, ab Tag 31 Abwesenheitssatz",
      B: "gesamter Aufenthalt zum Abwesenheitssatz, sobald er 28 Tage übersteigt (Korrekturrechnung)",
      C: "Tage 1–28 voller Tagessatz, ab Tag 29 Abwesenheitssatz",
    }),
    d("D02", "A4 Zusatzbetrag Mietaufwendungen: Monats- oder Tagesbetrag", "M1", {
      M1: "661,40 € je voll belegtem Kalendermonat, 21,73 € je Belegungstag in Teilmonaten; Abwesenheitstage zählen als Belegungstage",
      M2: "immer 21,73 € je Belegungstag",
      M3: "21,73 € nur je Anwesenheitstag",
    }),
    d("D03", "Tagesstatus: keine Vermutung; Abwesenheit als ganze Tage erfasst", "explicit", { explicit: "nur erfasste ganze Abwesenheitstage" }),
    d("D04", "Urlaub unmittelbar gefolgt von Krankheit", "one", { one: "eine Unterbrechung (ein 30-Tage-Zähler)", two: "zwei getrennte Unterbrechungen" }),
    d("D05", "Einigung mit dem Träger über Tag 30 hinaus", "day30", { day30: "Einigung spätestens am Tag 30 datiert; Erinnerung an Tag 20" }),
    d("D06", "A2 Koordination 1:45", "included", { included: "in der HBG-Summe enthalten", added: "zusätzlich aufgeschlagen" }),
    d("D07", "Rundung", "exactThenHalfUp", { exactThenHalfUp: "exakt rechnen, nur das Endergebnis kaufmännisch auf 2 Stellen runden" }),
    d("D08", "HBG-Korridorgrenzen", "inclusive", { inclusive: "beide Grenzen gehören zum Korridor; keine HBG aus Stunden ableiten" }),
    d("D09", "A2 Plausibilitätsfenster der Korridore", "quarter", { quarter: "Kalendervierteljahr", month: "Kalendermonat" }),
    d("D10", "Bezugsgröße der Fachkraftquoten", "contractedFte", {
      contractedFte: "vertragliche VZÄ der genannten Personalgruppe ohne Leitung",
      headcount: "Köpfe",
      deliveredHours: "geleistete Stunden",
    }),
    d("D11", "A3 Wochendurchschnitt: Nenner", "calendarDays", {
      calendarDays: "Tage im Monat (bzw. Teilnahmetage) ÷ 7",
      workingDaysWithoutHolidays: "Arbeitstage ohne Feiertage des Landes ÷ 5",
      workingDaysWithHolidays: "Arbeitstage Mo–Fr einschließlich Feiertage ÷ 5",
    }),
    d("D12", "A3 Monat, der das Ende der ersten drei Monate überspannt", "strict", { strict: "nicht entschuldigt", generous: "entschuldigt" }),
    d("D13", "A3 welche Unterschreitungsmonate zählen", "allButIntroduction", {
      allButIntroduction: "alle außer Einführungsmonaten; Mitteilung beim 3., Warnung bei jedem weiteren",
      crisisOnly: "nur Krisenmonate",
    }),
    d("D14", "A3 wöchentlicher Betreuungskontakt: Woche", "isoWeek", { isoWeek: "ISO-Woche Mo–So", rolling7: "gleitende 7-Tage-Fenster" }),
    d("D15", "A3 Anker der 8 Wochen und des vorläufigen Hilfeplans", "firstProvisionalDay", {
      firstProvisionalDay: "erster Tag der vorläufigen Nutzung",
      application: "Antragsdatum",
      payerConfirmation: "verbindliche Rückmeldung des Trägers",
    }),
    d("D16", "A3 Fortschreibung alle 24 Monate", "earlier", { earlier: "früheres Datum aus gleitender und fester Rechnung", rolling: "gleitend", anchored: "festes Raster ab Aufnahme" }),
    d("D17", "A3 Bezugsgröße 1,0 : 10", "agreedPlaces", { agreedPlaces: "vereinbarte Plätze", actualParticipants: "tatsächliche Teilnehmende" }),
    d("D18", "Fortschreibung nach Gesamtplanänderung", "noDueDate", { noDueDate: "offene Aufgabe ohne Frist", payerInput: "Frist aus Eingabe des Trägers" }),
    d("D19", "„2 Monate vor“", "clamp", { clamp: "gleicher Tag zwei Monate früher, auf Monatsende begrenzt" }),
    d("D20", "Fristende an Wochenende/Feiertag", "nextWorkingDayDrives", {
      nextWorkingDayDrives: "Nenndatum und nächster Werktag; der Werktag steuert die Eskalation (§ 193 BGB)",
      nominalDrives: "das Nenndatum steuert die Eskalation",
    }),
    d("D21", "A0 Fachleistungsstunde", "exactMinutes", {
      exactMinutes: "exakte Minuten ÷ 60",
      unit5: "Takt 5 Minuten",
      unit15: "Takt 15 Minuten",
      unit60: "Takt 60 Minuten",
    }),
    d("D22", "A0 Leipzig, Kapazität, parallele SGB-IX-Fälle", "warnOnly", { warnOnly: "Warnungen, gleichzeitig betreute Personen" }),
    d("D23", "SGB IX / SGB VIII Zuordnung", "perEntry", { perEntry: "je Leistungseintrag durch die Nutzerin" }),
    d("D24", "A1 Führungszeugnis-Intervall", "input", { input: "Eingabe; nichts aus A2/A3 übernommen" }),
    d("D25", "Kündigungsfristen bei Befristung", "storeOnly", { storeOnly: "gespeichert, keine Kündigungsaufgaben bei automatischem Ablauf" }),
    d("D26", "A4 Fachkraftquoten", "separate", { separate: "Mindestquote Tagdienst und 90 %-Höchstquote getrennt" }),
    d("D27", "A4 ein Tagessatz", "singleRate", { singleRate: "ein Tagessatz für alle" }),
    d("D28", "A2 Land", "toBeConfirmed", { toBeConfirmed: "Bremen, „Land zu bestätigen“" }),
    d("D29", "Löschung", "blockThenReview", { blockThenReview: "bis Ende + 5 Jahre gesperrt, danach Prüfaufgabe" }),
    d("D30", "A4 Abweichung Interventionsdienst", "reportOnly", { reportOnly: "nur Bericht (Tage × 340,11 mit Vorzeichen)" }),
    d("D31", "A3 Abwesenheit", "noReduction", { noReduction: "Nenner nicht verringert; Grund erfassbar" }),
    d("D32", "A4 Begleitung im Krankenhaus: Teilstunden", "exactMinutes", { exactMinutes: "exakte Minuten ÷ 60", wholeHours: "nur volle Stunden" }),
  ].map((decision) => [decision.id, decision]),
);

export type PolicySettings = Record<string, string>;

/** Resolves one decision: the case's choice, else the agreement's, else the product default. */
export function resolvePolicy(decisionId: string, agreementPolicies: PolicySettings = {}, casePolicies: PolicySettings = {}): PolicyChoice {
  const decision = DECISIONS[decisionId];
  if (!decision) throw new Error(`unknown decision ${decisionId}`);
  const fromCase = casePolicies[decisionId];
  if (fromCase !== undefined) return { decision: decisionId, option: fromCase, origin: "case" };
  const fromAgreement = agreementPolicies[decisionId];
  if (fromAgreement !== undefined) return { decision: decisionId, option: fromAgreement, origin: "agreement" };
  return { decision: decisionId, option: decision.defaultOption, origin: "default" };
}

/** Lists every invalid policy setting as "D01: X" messages (unknown decision or option). */
export function validatePolicySettings(settings: PolicySettings): string[] {
  const problems: string[] = [];
  for (const [id, option] of Object.entries(settings)) {
    const decision = DECISIONS[id];
    if (!decision) problems.push(`unbekannte Entscheidung ${id}`);
    else if (!(option in decision.options)) problems.push(`${id}: Option „${option}“ unbekannt (erlaubt: ${Object.keys(decision.options).join(", ")})`);
  }
  return problems;
}
