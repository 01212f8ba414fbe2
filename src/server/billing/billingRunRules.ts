/**
 * The product's own reasons for holding a case or a difference in a billing run. They come from the run, not
 * from an agreement, so their rule ids name the run ("RUN-R1" …) and their source is the product's billing-run
 * rules (issue 3, section "Billing runs"), clause and quote included, like every other result.
 */
import type { Explanation } from "../../domain/results/explanation.ts";

const SOURCE_FILE = "Teilhabe: Abrechnungslauf (Issue 3, Abschnitt Billing runs)";

export const RUN_RULES = {
  /** The case's agreement instance names an agreement the catalogue does not know. */
  agreementUnknown: {
    ruleId: "RUN-R1",
    source: { file: SOURCE_FILE, clause: "Abrechnungslauf: Vereinbarung", quote: "Ein Fall wird nur nach einer bekannten Vereinbarung abgerechnet." },
  },
  /** The case names no payer: an invoice needs its addressee, and the run never invents one. */
  payerMissing: {
    ruleId: "RUN-R2",
    source: { file: SOURCE_FILE, clause: "Abrechnungslauf: Leistungsträger", quote: "Ohne Leistungsträger im Fall entsteht keine Rechnung; der Betrag wird angehalten." },
  },
  /** An issued invoice billed more than the month now gives: only a correction (cancellation and new invoice) changes it. */
  correctionRequired: {
    ruleId: "RUN-R3",
    source: { file: SOURCE_FILE, clause: "Abrechnungslauf: Korrektur", quote: "Eine ausgestellte Rechnung wird nie geändert; zu viel Berechnetes wird durch Stornorechnung und neue Rechnung korrigiert." },
  },
} satisfies Record<string, Explanation>;
