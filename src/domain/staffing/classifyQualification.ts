/**
 * X-R02 / M13: "Fachkraft" is defined per agreement. A qualification is stored as a fact (name, kind,
 * duration, completed, payer consent) and classified against the agreement's catalogue:
 * - A1 § 3.1.2 list („Als Fachkräfte werden insbesondere … eingesetzt“) plus comparable qualifications;
 * - A2 § 7.2 („mindestens dreijährig ausgebildete Fachkräfte wie z.B. …“) plus comparable qualifications;
 * - A3 § 5.1.2 pedagogical skilled list incl. SPZQ (tag for the 50 % sub-quota), „Vergleichbare
 *   Qualifikationen“, and other professions only with a recorded payer consent („Einvernehmen“);
 * - A4 § 4.3 / Anl. 1 § 5.2 („eine dreijährige Ausbildung oder ein Studium … abgeschlossen“);
 * - A0: the catalogue is input P-A0-15, held until filled.
 * Never a single global "is skilled" flag.
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import { createInputRegister } from "../agreement/resolveAgreement.ts";
import { explain, type Explanation } from "../results/explanation.ts";
import type { Source } from "../agreement/sourceSchema.ts";
import type { CatalogueEntry, QualificationCatalogue } from "./staffingParameters.ts";
import type { QualificationFactInput, StaffMember } from "./teamFileSchema.ts";
import { memberLabel, namesAgreement } from "./staffMembership.ts";

export type SkillStatus = "skilled" | "nonSkilled" | "held";

export type ClassificationBasis =
  | "listed"
  | "comparable"
  | "payerConsent"
  | "notListed"
  | "notCompleted"
  | "excluded"
  | "comparableNotAccepted"
  | "comparableFactsMissing"
  | "noQualification"
  | "catalogueMissing";

export interface QualificationClassification {
  agreementId: string;
  qualification: string;
  status: SkillStatus;
  basis: ClassificationBasis;
  /** German label under this agreement, e.g. "pädagogische Fachkraft" or "Nichtfachkraft". */
  label: string;
  entryId?: string;
  tags: string[];
  message: string;
  explanation: Explanation;
}

export interface MemberClassification {
  agreementId: string;
  staffId: string;
  status: SkillStatus;
  basis: ClassificationBasis;
  label: string;
  tags: string[];
  /** The qualification that decided the status. */
  decisive?: QualificationClassification;
  qualifications: QualificationClassification[];
  message: string;
  explanation: Explanation;
}

export interface ClassificationOptions {
  /** Consents dated after this day do not count yet. */
  asOf?: string;
}

interface NormalisedFact {
  name: string;
  kind?: string;
  durationYears?: number;
  completed: boolean;
  comparable: boolean;
  payerConsents: { agreement: string; date: string }[];
}

function normaliseFact(qualification: QualificationFactInput): NormalisedFact {
  if (typeof qualification === "string") return { name: qualification, completed: true, comparable: false, payerConsents: [] };
  return {
    name: qualification.name,
    kind: qualification.kind,
    durationYears: qualification.durationYears,
    completed: qualification.completed ?? true,
    comparable: qualification.comparable ?? false,
    payerConsents: qualification.payerConsents ?? [],
  };
}

/** Lower case, separators (":", "/", brackets, commas) as spaces: "Sozialpädagog:in (B.A.)" → "sozialpädagog in b.a.". */
export function normaliseQualificationName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[:/()[\],;*]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A term matches where a word (or a hyphenated word part) starts with it. */
export function matchesTerm(normalisedName: string, term: string): boolean {
  const wanted = term.toLowerCase();
  let index = normalisedName.indexOf(wanted);
  while (index >= 0) {
    if (index === 0 || normalisedName[index - 1] === " " || normalisedName[index - 1] === "-") return true;
    index = normalisedName.indexOf(wanted, index + 1);
  }
  return false;
}

interface ResolvedCatalogue {
  catalogue: QualificationCatalogue;
  entries?: CatalogueEntry[];
  missingMessage?: string;
}

function resolveCatalogue(agreement: Agreement): ResolvedCatalogue | undefined {
  const catalogue = agreement.staffing?.qualificationCatalogue;
  if (!catalogue) return undefined;
  if (Array.isArray(catalogue.entries)) return { catalogue, entries: catalogue.entries };
  const register = createInputRegister(agreement);
  const inputId = catalogue.entries.input;
  const lookup = register.lookup(inputId);
  if (!lookup.found) return { catalogue, missingMessage: register.describeMissing(inputId) };
  const names = (Array.isArray(lookup.value) ? lookup.value : String(lookup.value).split(/[;\n,]/))
    .map((name) => String(name).trim())
    .filter((name) => name.length > 0);
  if (names.length === 0) return { catalogue, missingMessage: register.describeMissing(inputId) };
  const source: Source = lookup.definition?.source ?? catalogue.source;
  return { catalogue, entries: names.map((name) => ({ id: name, label: name, terms: termsFromName(name), tags: [], source })) };
}

/**
 * Terms for a qualification named in an input list: "Sozialpädagogin/Sozialpädagoge" → ["sozialpädagog",
 * "sozialpädagoge"]; the female suffix "-in"/"-innen" is dropped so that every spelling matches.
 */
export function termsFromName(name: string): string[] {
  const terms = name
    .split(/\/|,| oder | und /)
    .map((part) => normaliseQualificationName(part))
    .filter((part) => part.length >= 2)
    .map((part) => {
      const stripped = part.replace(/(innen|in)$/, "");
      return stripped.length >= 5 ? stripped : part;
    });
  return [...new Set(terms)];
}

function ruleIdOf(agreement: Agreement): string {
  return agreement.staffing?.qualificationCatalogue?.ruleId ?? "X-R02";
}

/** Classifies one qualification fact under one agreement (X-R02). */
export function classifyQualification(agreement: Agreement, qualification: QualificationFactInput, options: ClassificationOptions = {}): QualificationClassification {
  const fact = normaliseFact(qualification);
  const resolved = resolveCatalogue(agreement);
  const base = { agreementId: agreement.id, qualification: fact.name };
  if (!resolved) {
    return {
      ...base,
      status: "held",
      basis: "catalogueMissing",
      label: "nicht einstufbar",
      tags: [],
      message: `Vereinbarung ${agreement.id} enthält keinen Qualifikationskatalog; „${fact.name}“ ist nicht einstufbar`,
      explanation: explain("X-R02", { file: agreement.document.file, clause: "—" }),
    };
  }
  const { catalogue } = resolved;
  const result = (status: SkillStatus, basis: ClassificationBasis, message: string, source: Source, entry?: CatalogueEntry): QualificationClassification => ({
    ...base,
    status,
    basis,
    label: status === "skilled" ? catalogue.skilledLabel : status === "nonSkilled" ? catalogue.nonSkilledLabel : "nicht einstufbar",
    ...(entry ? { entryId: entry.id } : {}),
    tags: status === "skilled" && entry ? [...entry.tags] : [],
    message,
    explanation: explain(catalogue.ruleId, source),
  });
  if (!resolved.entries) return result("held", "catalogueMissing", `„${fact.name}“ nicht einstufbar: ${resolved.missingMessage}`, catalogue.source);

  const name = normaliseQualificationName(fact.name);
  const excluded = catalogue.excludedTerms.find((term) => name.includes(term.toLowerCase()));
  const entry = excluded ? undefined : resolved.entries.find((candidate) => candidate.terms.some((term) => matchesTerm(name, term)));
  if (entry) {
    if (catalogue.requireCompleted && !fact.completed) {
      return result("nonSkilled", "notCompleted", `„${fact.name}“ ist nicht abgeschlossen: ${catalogue.nonSkilledLabel} unter ${agreement.id}`, entry.source, entry);
    }
    const tagNote = entry.tags.length > 0 ? ` (Merkmal: ${entry.tags.join(", ")})` : "";
    return result("skilled", "listed", `„${fact.name}“ entspricht „${entry.label}“: ${catalogue.skilledLabel} unter ${agreement.id}${tagNote}`, entry.source, entry);
  }

  const consent = fact.payerConsents.find((item) => namesAgreement(agreement, item.agreement) && (options.asOf === undefined || item.date <= options.asOf));
  if (consent && catalogue.otherProfessionsWithPayerConsent && fact.completed) {
    return result(
      "skilled",
      "payerConsent",
      `„${fact.name}“ gilt mit Einvernehmen des Leistungsträgers vom ${consent.date} als ${catalogue.skilledLabel} unter ${agreement.id}`,
      catalogue.otherProfessionsWithPayerConsent.source,
    );
  }

  if (fact.comparable) {
    const rule = catalogue.comparable;
    if (!rule) return result("nonSkilled", "comparableNotAccepted", `${agreement.id} sieht keine vergleichbaren Qualifikationen vor: „${fact.name}“ zählt als ${catalogue.nonSkilledLabel}`, catalogue.source);
    if (catalogue.requireCompleted && !fact.completed) {
      return result("nonSkilled", "notCompleted", `„${fact.name}“ ist nicht abgeschlossen: ${catalogue.nonSkilledLabel} unter ${agreement.id}`, rule.source);
    }
    if (rule.minimumTrainingYears !== undefined) {
      const degreeCounts = rule.degreeAccepted && fact.kind === "degree";
      if (!degreeCounts) {
        if (fact.durationYears === undefined) {
          return result("held", "comparableFactsMissing", `„${fact.name}“: für die Vergleichbarkeit unter ${agreement.id} fehlt die Ausbildungsdauer bzw. die Angabe „Studium“`, rule.source);
        }
        if (fact.durationYears < rule.minimumTrainingYears) {
          return result(
            "nonSkilled",
            "comparableNotAccepted",
            `„${fact.name}“: Ausbildung von ${fact.durationYears} Jahren, verlangt sind ${rule.minimumTrainingYears} Jahre: ${catalogue.nonSkilledLabel} unter ${agreement.id}`,
            rule.source,
          );
        }
      }
    }
    return result("skilled", "comparable", `„${fact.name}“ als vergleichbare Qualifikation: ${catalogue.skilledLabel} unter ${agreement.id}`, rule.source);
  }

  if (excluded) return result("nonSkilled", "excluded", `„${fact.name}“ ist keine Fachkraftausbildung im Sinne von ${agreement.id}: ${catalogue.nonSkilledLabel}`, catalogue.source);
  return result("nonSkilled", "notListed", `„${fact.name}“ steht nicht im Katalog von ${agreement.id}: ${catalogue.nonSkilledLabel}`, catalogue.source);
}

/** Rank of a skilled classification: plain listed entries beat tagged ones (SPZQ), which beat comparable or consent. */
function skilledRank(classification: QualificationClassification): number {
  if (classification.basis === "listed") return classification.tags.length === 0 ? 0 : 1;
  return classification.basis === "comparable" ? 2 : 3;
}

/** Classifies a staff member under one agreement by their best qualification. */
export function classifyStaffMember(agreement: Agreement, member: StaffMember, options: ClassificationOptions = {}): MemberClassification {
  const qualifications = member.qualifications.map((qualification) => classifyQualification(agreement, qualification, options));
  const skilled = qualifications.filter((item) => item.status === "skilled").sort((a, b) => skilledRank(a) - skilledRank(b));
  const held = qualifications.filter((item) => item.status === "held");
  const decisive = skilled[0] ?? held[0] ?? qualifications[0];
  const base = { agreementId: agreement.id, staffId: member.id, qualifications };
  if (!decisive) {
    const resolved = resolveCatalogue(agreement);
    if (!resolved?.entries) {
      const message = resolved ? `${memberLabel(member)}: nicht einstufbar: ${resolved.missingMessage}` : `${memberLabel(member)}: kein Qualifikationskatalog in ${agreement.id}`;
      return { ...base, status: "held", basis: "catalogueMissing", label: "nicht einstufbar", tags: [], message, explanation: explain(ruleIdOf(agreement), resolved?.catalogue.source ?? { file: agreement.document.file, clause: "—" }) };
    }
    return {
      ...base,
      status: "nonSkilled",
      basis: "noQualification",
      label: resolved.catalogue.nonSkilledLabel,
      tags: [],
      message: `${memberLabel(member)}: keine Qualifikation erfasst: ${resolved.catalogue.nonSkilledLabel} unter ${agreement.id}`,
      explanation: explain(resolved.catalogue.ruleId, resolved.catalogue.source),
    };
  }
  return {
    ...base,
    status: decisive.status,
    basis: decisive.basis,
    label: decisive.label,
    tags: decisive.tags,
    decisive,
    message: `${memberLabel(member)}: ${decisive.message}`,
    explanation: decisive.explanation,
  };
}
