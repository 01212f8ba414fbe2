/**
 * The shapes the agreement pages read from the API (src/server/routes/agreementRoutes.ts): the catalogue
 * (GET /agreements, /agreements/:id), the provider's agreement instances (GET /agreement-instances) and an
 * instance's resolved state (GET /agreement-instances/:id/state).
 */

export type AgreementState = "complete" | "inputsMissing" | "expired" | "template";
export type InputType = "money" | "decimal" | "integer" | "date" | "time" | "text" | "textList" | "boolean" | "choice";

export interface AgreementInputDescription {
  id: string;
  label: string;
  type: InputType | string;
  owner: string;
  perCase: boolean;
  clause: string;
  quote: string;
  file: string;
  /** Rule ids held while this input is missing. */
  blocks: string[];
  /** The possibilities of a choice input, with a German word where the code is not one. */
  choices?: { value: string; label?: string }[];
}

export interface Source {
  file: string;
  clause: string;
  quote: string;
}

/** One period of a rate: the printed amount, or the input that fills it (with its value once filled). */
export interface RatePeriod {
  validFrom: string;
  validTo?: string;
  printedAmount?: string;
  inputId?: string;
  /** The amount in force as decimal text; absent while its input is open. */
  amount?: string;
  amountCents?: number;
  example: boolean;
  components: { name: string; amount: string }[];
  source: Source;
  ruleId: string;
}

export interface AgreementRate {
  id: string;
  label: string;
  unit: string;
  ruleId: string;
  key?: Record<string, string | number>;
  periods: RatePeriod[];
}

/** A product decision (decisions.md) as this agreement uses it. */
export interface AgreementDecision {
  id: string;
  question: string;
  scope: "agreement" | "general";
  defaultOption: string;
  options: { option: string; text: string }[];
  chosen: string;
  origin: "default" | "agreement" | "instance";
}

export interface AgreementSummary {
  id: string;
  kind: "template" | "concrete";
  template?: string;
  title: string;
  land: string;
  serviceType: string;
  validFrom?: string;
  validTo?: string;
  state: AgreementState;
  openInputs: AgreementInputDescription[];
  exampleInputs: string[];
}

export interface AgreementDetail extends AgreementSummary {
  /** Every input; `value` is the filled value (catalogue or instance). */
  inputs: (AgreementInputDescription & { filled: boolean; example: boolean; value?: unknown })[];
  rates: AgreementRate[];
  /** Options chosen for this agreement (decisions.md): decision id → option. */
  policies: Record<string, string>;
  decisions: AgreementDecision[];
  notes: string[];
  origin: string;
}

export interface InstanceState extends AgreementDetail {
  instanceId: string;
}

/** One input value as an instance stores it (inputRegister.ts inputValueSchema). */
export interface InstanceInputValue {
  value: unknown;
  example?: boolean;
  note?: string;
  validFrom?: string;
  validTo?: string;
}

export interface AgreementInstance {
  id: string;
  agreementId: string;
  title?: string;
  payerId?: string;
  inputs?: Record<string, InstanceInputValue>;
  policies?: Record<string, string>;
  validFrom?: string;
  validTo?: string;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
}
