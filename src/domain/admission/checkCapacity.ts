/**
 * M07 Capacity and occupancy: persons with an active case on a date, plus those being admitted, against the
 * agreed places. A4-R04: 10 places, the 11th admission is BLOCKED. A0-R03: „bis zu xx Leistungsberechtigte“
 * (P-A0-04), persons served at the same time (D22); beyond it a WARN that needs the payer's confirmation.
 * A3-R01: agreed places (P-A3-07); occupancy above them only WARNs. A missing places input holds the check.
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import { createInputRegister } from "../agreement/resolveAgreement.ts";
import { compareDates, formatGermanDate, parseDate, type CalendarDate } from "../calendar/calendarDate.ts";
import type { PolicySettings } from "../policy/decisions.ts";
import type { Finding } from "../results/explanation.ts";
import { toCalendarDate } from "./admissionContext.ts";
import { buildFailureFinding, buildFinding, buildHoldFinding, buildPassFinding, type PolicyContext } from "./criterionFinding.ts";
import { readPositiveInteger } from "./inputValueReaders.ts";

export interface CapacityCheckOptions {
  /** Persons with an active case on the date, not counting those being admitted. */
  activeCases: number;
  date: CalendarDate | string;
  /** Persons being admitted on the date (default 1; 0 checks the current occupancy). */
  admitting?: number;
  /** Date of the payer's consent to exceed the capacity (payerConsents kind capacityExceeded). */
  payerConsentDate?: string;
  casePolicies?: PolicySettings;
}

export type CapacityStatus = "within" | "exceeded" | "unknown";

export interface CapacityResult {
  status: CapacityStatus;
  places?: number;
  occupancy: number;
  findings: Finding[];
}

export function checkCapacity(agreement: Agreement, options: CapacityCheckOptions): CapacityResult {
  const admitting = options.admitting ?? 1;
  if (!Number.isInteger(options.activeCases) || options.activeCases < 0 || !Number.isInteger(admitting) || admitting < 0) {
    throw new RangeError("activeCases und admitting müssen ganze Zahlen ≥ 0 sein");
  }
  const occupancy = options.activeCases + admitting;
  const criterion = agreement.admission?.capacity;
  if (criterion === undefined) return { status: "unknown", occupancy, findings: [] };
  const date: CalendarDate = toCalendarDate(options.date);
  const policy: PolicyContext = { agreementPolicies: agreement.policies, casePolicies: options.casePolicies ?? {} };
  const placesValue = criterion.places ?? agreement.capacity?.places;
  if (placesValue === undefined) {
    return { status: "unknown", occupancy, findings: [buildHoldFinding({ criterion, code: "capacityPlacesMissing", message: "Platzzahl nicht hinterlegt: Kapazität nicht prüfbar." }, policy)] };
  }
  const places = readPositiveInteger(createInputRegister(agreement), placesValue);
  if (!places.found) {
    return {
      status: "unknown",
      occupancy,
      findings: [buildHoldFinding({ criterion, code: "capacityPlacesMissing", message: `Kapazität nicht prüfbar: ${places.message}`, details: { input: places.inputId } }, policy)],
    };
  }
  const details = { places: places.value, occupancy, activeCases: options.activeCases, admitting, ...(places.example ? { exampleValue: true } : {}) };
  const dateText = formatGermanDate(date);
  if (occupancy <= places.value) {
    return {
      status: "within",
      places: places.value,
      occupancy,
      findings: [buildPassFinding({ criterion, code: "capacityWithin", message: `Belegung am ${dateText}: ${occupancy} von ${places.value} Plätzen.`, date: date.toString(), details }, policy)],
    };
  }
  const exceeded = `Belegung am ${dateText} wäre ${occupancy} bei ${places.value} vereinbarten Plätzen.`;
  const consent = options.payerConsentDate;
  if (criterion.onExceeded === "review" && criterion.payerConsentResolves && consent !== undefined && compareDates(parseDate(consent), date) <= 0) {
    const finding = buildFinding(
      { criterion, severity: "warn", code: "capacityExceededWithConsent", message: `${exceeded} Der Träger hat am ${formatGermanDate(parseDate(consent))} zugestimmt.`, date: date.toString(), details },
      policy,
    );
    return { status: "exceeded", places: places.value, occupancy, findings: [finding] };
  }
  const hint = criterion.onExceeded === "refuse" ? " Keine weitere Aufnahme." : criterion.payerConsentResolves ? " Bestätigung des Trägers erforderlich." : "";
  const finding = buildFailureFinding(criterion.onExceeded, { criterion, code: "capacityExceeded", message: exceeded + hint, date: date.toString(), details }, policy);
  return { status: "exceeded", places: places.value, occupancy, findings: [finding] };
}
