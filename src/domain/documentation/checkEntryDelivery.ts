/**
 * M14 how an entry was delivered: remote delivery (A1-R10 „Grundsätzlich … in örtlicher Präsenz“: a remote
 * entry needs a reason → WARN; A2-R06 phone, mail, messenger count as direct contact; X-R03), entries „für“
 * the person without the person present need consent (A1-R12 → WARN), group entries need the person's
 * agreement or a listed mandatory group offer (A2-R07, P-A2-07 → WARN), counselling and accompaniment only as
 * individual entries (A3-R11 → WARN), the SGB IX / SGB VIII attribution of
 * each entry (A0-R09, D23 → HOLD when missing), and fields a continuous log must record (A0-R12, A2-R10, A3-R10).
 */
import type { Finding } from "../results/explanation.ts";
import { includesName, readTextList } from "../admission/inputValueReaders.ts";
import type { Attribution, ConsentWithoutPerson, GroupEntries, IndividualOnlyCategory, RemoteDelivery, RequiredFields } from "./documentationParameters.ts";
import { entryFinding, matchTerm, type EntryContext } from "./entryContext.ts";

const CHANNEL_LABELS: Record<string, string> = { phone: "Telefon", video: "Video", mail: "E-Mail", messenger: "Messenger" };

export function checkRemoteDelivery(rule: RemoteDelivery, context: EntryContext): Finding[] {
  const { mode, remoteChannel, remoteReason } = context.entry;
  if (mode !== "remote" || rule.rule === "countsAsDirect") return [];
  if (remoteReason !== undefined && remoteReason.trim().length > 0) return [];
  const channel = remoteChannel ? ` per ${CHANNEL_LABELS[remoteChannel] ?? remoteChannel}` : "";
  return [
    entryFinding(
      context,
      rule,
      rule.onMissingReason,
      "remoteWithoutReason",
      `Leistung${channel} ohne Begründung: grundsätzlich in örtlicher Präsenz; elektronisch nur, wenn es nicht anders möglich oder situativ geboten ist. Grund erfassen.`,
    ),
  ];
}

export function checkConsentWithoutPerson(rule: ConsentWithoutPerson, context: EntryContext): Finding[] {
  if (!context.entry.withoutPersonPresent || context.entry.consent === true) return [];
  return [entryFinding(context, rule, rule.onMissing, "consentMissingForEntryWithoutPerson", "Leistung für die Person ohne deren Anwesenheit: Zustimmung der Person ist nicht erfasst (in der Regel erforderlich).")];
}

export function checkGroupEntry(rule: GroupEntries, context: EntryContext): Finding[] {
  const { setting, consent, category } = context.entry;
  if (setting !== "group" || consent === true) return [];
  let offersNote = "";
  if (rule.mandatoryOffers !== undefined) {
    const offers = readTextList(context.inputs, rule.mandatoryOffers);
    if (offers.found) {
      if (category !== undefined && (includesName(offers.value, category) || matchTerm(category, offers.value) !== undefined)) return [];
      offersNote = ` Vereinbarte verpflichtende Gruppenangebote: ${offers.value.join(", ")}.`;
    } else {
      offersNote = ` ${offers.message}`;
    }
  }
  return [entryFinding(context, rule, rule.onMissing, "groupEntryWithoutConsent", `Gruppenleistung ohne erfasste Absprache mit der Person und ohne vereinbartes verpflichtendes Gruppenangebot.${offersNote}`)];
}

/** A3-R11: counselling and accompaniment „Grundsätzlich … als Einzelleistung“; a group entry of that kind → WARN. */
export function checkIndividualOnlyCategory(rule: IndividualOnlyCategory, context: EntryContext): Finding[] {
  const { setting, category } = context.entry;
  if (setting !== "group") return [];
  const term = matchTerm(category, rule.terms);
  if (term === undefined) return [];
  return [
    entryFinding(
      context,
      rule,
      rule.onGroup,
      "individualOnlyCategoryAsGroup",
      `„${category}“ als Gruppenleistung: ${term} wird grundsätzlich als Einzelleistung erbracht. Einzeln dokumentieren oder die Ausnahme begründen.`,
      { term },
    ),
  ];
}

export function checkAttribution(rule: Attribution, context: EntryContext): Finding[] {
  const attribution = context.entry.attribution;
  if (attribution === undefined || !includesName(rule.allowed, attribution)) {
    const shown = attribution === undefined ? "fehlt" : `„${attribution}“ ist nicht vorgesehen`;
    return [entryFinding(context, rule, rule.onMissing, "attributionMissing", `Zuordnung zum Leistungsträger (${rule.allowed.join(" / ")}) ${shown}: der Eintrag wird erst nach Zuordnung abgerechnet.`)];
  }
  if (!includesName(rule.billable, attribution)) {
    return [entryFinding(context, rule, "info", "attributionNotBillable", `Eintrag ist ${attribution} zugeordnet und wird nicht über diese Vereinbarung abgerechnet.`, { attribution })];
  }
  return [];
}

const FIELD_LABELS: Record<RequiredFields["fields"][number], string> = {
  staffId: "Mitarbeiter:in",
  category: "Leistungsinhalt",
  place: "Ort der Leistung",
  assistanceType: "Assistenzart",
  goalId: "Ziel",
};

export function checkRequiredFields(rule: RequiredFields, context: EntryContext): Finding[] {
  const { entry } = context;
  if (rule.appliesTo === "inPerson" && entry.mode === "remote") return [];
  if (rule.appliesTo === "direct" && entry.timeKind !== "direct") return [];
  const missing = rule.fields.filter((field) => {
    const value = entry[field];
    return value === undefined || (typeof value === "string" && value.trim().length === 0);
  });
  if (missing.length === 0) return [];
  return [entryFinding(context, rule, rule.onMissing, "entryFieldMissing", `Dokumentation unvollständig, es fehlt: ${missing.map((field) => FIELD_LABELS[field]).join(", ")}.`, { missing })];
}
