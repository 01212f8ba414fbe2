/**
 * `teilhabe agreements`: the agreements with their state (complete, inputs missing with their count, expired);
 * `teilhabe agreements check [PATH]`: validates agreement folders and prints every error with its path.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Agreement } from "../../domain/agreement/agreementSchema.ts";
import { createInputRegister } from "../../domain/agreement/resolveAgreement.ts";
import { isInputReference } from "../../domain/agreement/sourceSchema.ts";
import { formatIssue } from "../../domain/agreement/validationIssue.ts";
import { loadAgreementFolder, loadCatalogue, type Catalogue } from "../../catalogue/agreementCatalogue.ts";
import { formatDateGerman } from "../germanFormat.ts";
import { formatTable } from "../table.ts";

export interface AgreementState {
  id: string;
  kind: "template" | "concrete";
  template?: string;
  title: string;
  land: string;
  validFrom?: string;
  validTo?: string;
  state: "complete" | "inputsMissing" | "expired" | "template";
  missingInputs: string[];
  exampleInputs: string[];
  origin: string;
}

function resolveValidityDate(agreement: Agreement, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (isInputReference(value)) {
    const lookup = createInputRegister(agreement).lookup(value.input);
    return lookup.found ? String(lookup.value) : undefined;
  }
  return (value as { value: string }).value;
}

export function describeAgreementState(agreement: Agreement, origin: string, asOf: string): AgreementState {
  const register = createInputRegister(agreement);
  const missingInputs = register.listMissing().map((input) => input.id);
  const validFrom = resolveValidityDate(agreement, agreement.validity.from);
  const validTo = resolveValidityDate(agreement, agreement.validity.to);
  const state = agreement.kind === "template" ? "template" : validTo !== undefined && validTo < asOf ? "expired" : missingInputs.length > 0 ? "inputsMissing" : "complete";
  return {
    id: agreement.id,
    kind: agreement.kind,
    ...(agreement.template && agreement.template !== agreement.id ? { template: agreement.template } : {}),
    title: agreement.title,
    land: agreement.land,
    ...(validFrom ? { validFrom } : {}),
    ...(validTo ? { validTo } : {}),
    state,
    missingInputs,
    exampleInputs: register.listExamples(),
    origin,
  };
}

const STATE_LABELS: Record<AgreementState["state"], string> = {
  complete: "vollständig",
  inputsMissing: "Eingaben fehlen",
  expired: "abgelaufen",
  template: "Vorlage",
};

export function listAgreements(catalogue: Catalogue, asOf: string): AgreementState[] {
  return [...catalogue.agreements.values()].map((agreement) => describeAgreementState(agreement, catalogue.origins.get(agreement.id) ?? "", asOf));
}

export function renderAgreementList(states: AgreementState[]): string {
  return formatTable(
    ["ID", "Art", "Titel", "Land", "gültig", "Zustand", "offene Eingaben", "Beispielwerte"],
    states.map((state) => [
      state.id,
      state.kind === "template" ? "Vorlage" : state.template ? `konkret (zu ${state.template})` : "konkret",
      state.title,
      state.land,
      `${formatDateGerman(state.validFrom)} – ${state.validTo ? formatDateGerman(state.validTo) : "unbefristet"}`,
      STATE_LABELS[state.state],
      String(state.missingInputs.length),
      state.exampleInputs.length > 0 ? `${state.exampleInputs.length} (Beispielwert)` : "—",
    ]),
    [6, 7],
  );
}

/** Validates one agreement folder, or every folder below a catalogue directory. */
export function checkAgreementPath(path?: string): { issues: string[]; checked: string[] } {
  const target = resolve(path ?? "agreements");
  if (!existsSync(target)) return { issues: [`${path}: Pfad nicht gefunden`], checked: [] };
  const isFolderOfAgreement = readdirSync(target).some((name) => name.endsWith(".yaml"));
  if (isFolderOfAgreement) {
    const loaded = loadAgreementFolder(target);
    return { issues: loaded.issues.map(formatIssue), checked: [...loaded.agreements.keys()] };
  }
  const catalogue = loadCatalogue(target);
  const folders = readdirSync(target).filter((name) => statSync(join(target, name)).isDirectory());
  return { issues: catalogue.issues.map(formatIssue), checked: folders.length > 0 ? [...catalogue.agreements.keys()] : [] };
}
