/**
 * Agreements: the catalogue loaded from `agreements/` (read only: id, kind, title, validity, state and the open
 * inputs with their clause) and the provider's agreement instances with the inputs and policy options they fill.
 * An instance names a catalogue agreement; it may fill only inputs that agreement defines (input register, M17),
 * and choose only options of decisions.md.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { describeAgreementState } from "../../cli/commands/agreementsCommand.ts";
import type { Agreement } from "../../domain/agreement/agreementSchema.ts";
import { inputValueSchema } from "../../domain/agreement/inputRegister.ts";
import { createInputRegister } from "../../domain/agreement/resolveAgreement.ts";
import { isInputReference } from "../../domain/agreement/sourceSchema.ts";
import type { Rate } from "../../domain/billing/rateParameters.ts";
import { parseAmount, toIntegerCents } from "../../domain/money/amount.ts";
import { DECISIONS, validatePolicySettings, type DecisionDefinition } from "../../domain/policy/decisions.ts";
import { resolveInstanceAgreement } from "../../store/instanceAgreement.ts";
import { agreementInstances, cases, staffContracts } from "../../store/schema/index.ts";
import { runInTransaction, type AppContext } from "../appContext.ts";
import { isoDateField } from "../fieldSchemas.ts";
import { createPage, decodeCursor, pageSchema, paginationQuerySchema } from "../pagination.ts";
import { notFound } from "../problem.ts";
import { findOwnRow, idParamsSchema, registerResourceRoutes } from "../resourceRoutes.ts";
import { checkInstanceInputs } from "./agreementInputCheck.ts";
import { checkDateOrder, objectCheckedBy, optionalField, referenceField } from "./recordFields.ts";
import { checkPayerReference, refuseDeleteWhileReferenced } from "./referenceChecks.ts";

const STATES = ["complete", "inputsMissing", "expired", "template"] as const;

const choiceSchema = z.object({ value: z.string(), label: z.string().optional().describe("deutsche Bezeichnung, wo der Code sie nicht selbst ist") });

const openInputSchema = z.object({
  id: z.string(),
  label: z.string(),
  type: z.string(),
  owner: z.string(),
  perCase: z.boolean(),
  clause: z.string(),
  quote: z.string(),
  file: z.string(),
  blocks: z.array(z.string()),
  choices: z.array(choiceSchema).optional().describe("die Möglichkeiten einer Auswahl (type: choice)"),
});

const sourceResponseSchema = z.object({ file: z.string(), clause: z.string(), quote: z.string() }).describe("Fundstelle");

const ratePeriodResponseSchema = z
  .object({
    validFrom: z.string(),
    validTo: z.string().optional(),
    printedAmount: z.string().optional().describe("im Vertrag gedruckter Betrag (bei Bestandteilen das gedruckte Gesamtentgelt), Dezimaltext"),
    inputId: z.string().optional().describe("die Eingabe, die den Betrag füllt (Lücke „xx €“ im Vertrag)"),
    amount: z.string().optional().describe("der geltende Betrag als Dezimaltext: gedruckt oder aus der gefüllten Eingabe; fehlt, solange die Eingabe offen ist"),
    amountCents: z.number().int().optional(),
    example: z.boolean().describe("Betrag ist ein Beispielwert"),
    components: z.array(z.object({ name: z.string(), amount: z.string() })).describe("gedruckte Bestandteile (leer, wenn der Vertrag nur einen Betrag nennt)"),
    source: sourceResponseSchema,
    ruleId: z.string(),
  })
  .describe("Zeitraum eines Satzes");

const rateResponseSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    unit: z.string().describe("hour, serviceDay, absenceDay, occupancyDay, month, lumpSum, agreedUnit"),
    ruleId: z.string(),
    key: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe("z. B. { needGroup: 1 } oder { qualification: \"skilled\" }"),
    periods: z.array(ratePeriodResponseSchema),
  })
  .describe("Satz der Vereinbarung");

const decisionResponseSchema = z
  .object({
    id: z.string(),
    question: z.string(),
    scope: z.enum(["agreement", "general"]).describe("agreement: Entscheidung für diese Vereinbarung; general: für alle Vereinbarungen"),
    defaultOption: z.string(),
    options: z.array(z.object({ option: z.string(), text: z.string() })),
    chosen: z.string(),
    origin: z.enum(["default", "agreement", "instance"]).describe("default: Standard; agreement: in der Vereinbarung des Katalogs gewählt; instance: beim Träger gewählt"),
  })
  .describe("Produktentscheidung aus decisions.md, wie sie für diese Vereinbarung gilt");

const agreementSummarySchema = z
  .object({
    id: z.string(),
    kind: z.enum(["template", "concrete"]),
    template: z.string().optional(),
    title: z.string(),
    land: z.string(),
    serviceType: z.string(),
    validFrom: z.string().optional(),
    validTo: z.string().optional(),
    state: z.enum(STATES).describe("complete: vollständig; inputsMissing: Eingaben fehlen; expired: abgelaufen; template: Vorlage"),
    openInputs: z.array(openInputSchema).describe("offene Eingaben (ohne Eingaben je Fall) mit Fundstelle"),
    exampleInputs: z.array(z.string()).describe("Eingaben mit Beispielwert"),
  })
  .describe("Vereinbarung");

const agreementDetailSchema = agreementSummarySchema
  .extend({
    inputs: z
      .array(openInputSchema.extend({ filled: z.boolean(), example: z.boolean(), value: z.unknown().optional().describe("der gefüllte Wert (Katalog oder Träger)") }))
      .describe("alle Eingaben der Vereinbarung"),
    rates: z.array(rateResponseSchema).describe("Sätze mit ihren Zeiträumen, Beträgen und Fundstellen"),
    policies: z.record(z.string(), z.string()).describe("gewählte Optionen aus decisions.md"),
    decisions: z.array(decisionResponseSchema).describe("die Produktentscheidungen, die diese Vereinbarung verwendet"),
    notes: z.array(z.string()),
    origin: z.string(),
  })
  .describe("Vereinbarung mit allen Eingaben");

type OpenInput = z.infer<typeof openInputSchema>;

function describeInput(agreement: Agreement, id: string): OpenInput {
  const definition = createInputRegister(agreement).definition(id)!;
  return {
    id,
    label: definition.label,
    type: definition.type,
    owner: definition.owner,
    perCase: definition.perCase,
    clause: definition.source.clause,
    quote: definition.source.quote,
    file: definition.source.file,
    blocks: definition.blocks,
    ...(definition.choices ? { choices: definition.choices.map((value) => ({ value, ...(definition.choiceLabels?.[value] ? { label: definition.choiceLabels[value] } : {}) })) } : {}),
  };
}

type RateResponse = z.infer<typeof rateResponseSchema>;

/** The agreement's rates as printed, each open amount resolved through the filled inputs as the engine does (rateSchedule.ts). */
function describeRates(agreement: Agreement): RateResponse[] {
  const register = createInputRegister(agreement);
  return agreement.rates.map((rate: Rate) => ({
    id: rate.id,
    label: rate.label,
    unit: rate.unit,
    ruleId: rate.ruleId,
    ...(rate.key ? { key: rate.key } : {}),
    periods: rate.periods.map((period) => {
      let printedAmount: string | undefined;
      let inputId: string | undefined;
      let amount: string | undefined;
      let example = false;
      if (period.components) printedAmount = period.total;
      else if (isInputReference(period.amount)) {
        inputId = period.amount.input;
        const lookup = register.lookup(inputId);
        if (lookup.found) {
          amount = String(lookup.value);
          example = lookup.example;
        }
      } else printedAmount = period.amount;
      amount ??= printedAmount;
      const cents = amount !== undefined && /^-?\d+(\.\d+)?$/.test(amount) ? toIntegerCents(parseAmount(amount)) : undefined;
      return {
        validFrom: period.validFrom,
        ...(period.validTo ? { validTo: period.validTo } : {}),
        ...(printedAmount !== undefined ? { printedAmount } : {}),
        ...(inputId ? { inputId } : {}),
        ...(amount !== undefined ? { amount } : {}),
        ...(cents !== undefined ? { amountCents: cents } : {}),
        example,
        components: (period.components ?? []).map((component) => ({ name: component.name, amount: component.amount })),
        source: { file: period.source.file, clause: period.source.clause, quote: period.source.quote },
        ruleId: rate.ruleId,
      };
    }),
  }));
}

const AGREEMENT_PREFIX = /^(A\d+)\s/;

/**
 * The decisions an agreement uses: those whose question names its code (A4 …) or that it sets, and the general
 * ones (questions without an agreement code); not those of other agreements. Each with the option in force and
 * where it comes from: the instance, the catalogue agreement, or the product default.
 */
function describeDecisions(agreement: Agreement, cataloguePolicies: Record<string, string>, instancePolicies: Record<string, string>): z.infer<typeof decisionResponseSchema>[] {
  const code = /^A\d+/.exec(agreement.template ?? agreement.id)?.[0];
  const prefixOf = (decision: DecisionDefinition) => AGREEMENT_PREFIX.exec(decision.question)?.[1];
  const used = Object.values(DECISIONS).filter((decision) => {
    const prefix = prefixOf(decision);
    return prefix === undefined || prefix === code || agreement.policies[decision.id] !== undefined;
  });
  return used.map((decision) => {
    const fromInstance = instancePolicies[decision.id];
    const fromAgreement = cataloguePolicies[decision.id];
    return {
      id: decision.id,
      question: decision.question,
      scope: prefixOf(decision) === undefined ? "general" : "agreement",
      defaultOption: decision.defaultOption,
      options: Object.entries(decision.options).map(([option, text]) => ({ option, text })),
      chosen: fromInstance ?? fromAgreement ?? decision.defaultOption,
      origin: fromInstance !== undefined ? "instance" : fromAgreement !== undefined ? "agreement" : "default",
    };
  });
}

function summariseAgreement(agreement: Agreement, origin: string, asOf: string): z.infer<typeof agreementSummarySchema> {
  const state = describeAgreementState(agreement, origin, asOf);
  return {
    id: agreement.id,
    kind: agreement.kind,
    ...(state.template ? { template: state.template } : {}),
    title: agreement.title,
    land: agreement.land,
    serviceType: agreement.serviceType,
    ...(state.validFrom ? { validFrom: state.validFrom } : {}),
    ...(state.validTo ? { validTo: state.validTo } : {}),
    state: state.state,
    openInputs: state.missingInputs.map((id) => describeInput(agreement, id)),
    exampleInputs: state.exampleInputs,
  };
}

/**
 * The agreement with all its inputs, rates and decisions. For an instance, `agreement` is the resolved one,
 * `cataloguePolicies` the options of its catalogue agreement and `instancePolicies` those the instance chose.
 */
function detailAgreement(agreement: Agreement, origin: string, asOf: string, cataloguePolicies: Record<string, string> = agreement.policies, instancePolicies: Record<string, string> = {}): z.infer<typeof agreementDetailSchema> {
  const register = createInputRegister(agreement);
  return {
    ...summariseAgreement(agreement, origin, asOf),
    inputs: agreement.inputs.map((input) => {
      const lookup = register.lookup(input.id);
      return { ...describeInput(agreement, input.id), filled: lookup.found, example: lookup.found && lookup.example === true, ...(lookup.found ? { value: lookup.value } : {}) };
    }),
    rates: describeRates(agreement),
    policies: agreement.policies,
    decisions: describeDecisions(agreement, cataloguePolicies, instancePolicies),
    notes: agreement.notes,
    origin,
  };
}

const instanceInputsSchema = z.record(z.string(), inputValueSchema);

export function registerAgreementRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { catalogue } = context;
  const tag = "Vereinbarungen";

  routes.get(
    "/api/v1/agreements",
    {
      schema: {
        tags: [tag],
        summary: "Vereinbarungen: Katalog mit Zustand und offenen Eingaben",
        querystring: paginationQuerySchema.extend({ kind: z.enum(["template", "concrete"]).optional(), state: z.enum(STATES).optional(), land: z.string().max(2).optional() }),
        response: { 200: pageSchema(agreementSummarySchema) },
      },
    },
    async (request) => {
      const query = request.query;
      const after = decodeCursor(query.cursor);
      const today = context.today();
      const items = [...catalogue.agreements.values()]
        .filter((agreement) => (after === undefined || agreement.id > after) && (!query.kind || agreement.kind === query.kind) && (!query.land || agreement.land === query.land))
        .sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0))
        .map((agreement) => summariseAgreement(agreement, catalogue.origins.get(agreement.id) ?? "", today))
        .filter((summary) => !query.state || summary.state === query.state);
      return createPage(items.slice(0, query.limit + 1), query.limit);
    },
  );

  routes.get(
    "/api/v1/agreements/:id",
    { schema: { tags: [tag], summary: "Vereinbarung: lesen, mit allen Eingaben", params: idParamsSchema, response: { 200: agreementDetailSchema } } },
    async (request) => {
      const agreement = catalogue.agreements.get(request.params.id);
      if (!agreement) throw notFound("Vereinbarung", request.params.id);
      return detailAgreement(agreement, catalogue.origins.get(agreement.id) ?? "", context.today());
    },
  );

  registerResourceRoutes(app, context, {
    path: "agreement-instances",
    tag,
    label: "Vereinbarung des Trägers",
    table: agreementInstances,
    description: "Eine Vereinbarung des Katalogs mit den Eingaben und Optionen, die dieser Träger füllt.",
    fields: {
      agreementId: referenceField("Vereinbarung im Katalog (GET /api/v1/agreements)"),
      title: optionalField(z.string().min(1).max(300)),
      payerId: optionalField(referenceField("Leistungsträger (Organisation mit kind: payer)")),
      inputs: objectCheckedBy(instanceInputsSchema)
        .optional()
        .describe("gefüllte Eingaben: { \"P-A4-09\": { value, example?, note?, validFrom?, validTo? } }; nur Eingaben der Vereinbarung"),
      policies: z
        .record(z.string(), z.string().min(1).max(40))
        .optional()
        .describe("gewählte Optionen aus decisions.md, z. B. { \"D01\": \"C\" }"),
      validFrom: optionalField(isoDateField),
      validTo: optionalField(isoDateField),
    },
    refine: (record, refinement) => {
      checkDateOrder(record, refinement, "validFrom", "validTo", (from, to) => `Ende ${to} liegt vor dem Beginn ${from}`);
      for (const [id, option] of Object.entries((record.policies ?? {}) as Record<string, string>))
        for (const problem of validatePolicySettings({ [id]: option })) refinement.addIssue({ code: "custom", path: ["policies", id], message: problem });
      const agreement = catalogue.agreements.get(record.agreementId);
      if (!agreement) {
        refinement.addIssue({ code: "custom", path: ["agreementId"], message: `Vereinbarung „${record.agreementId}“ ist im Katalog nicht bekannt (bekannt: ${[...catalogue.agreements.keys()].join(", ")})` });
        return;
      }
      const inputs = instanceInputsSchema.safeParse(record.inputs ?? {});
      if (inputs.success) for (const problem of checkInstanceInputs(agreement, inputs.data)) refinement.addIssue({ code: "custom", ...problem });
    },
    filters: { agreementId: { column: agreementInstances.agreementId }, payerId: { column: agreementInstances.payerId } },
    periodColumn: agreementInstances.validFrom,
    afterWrite: async (scope, record, operation) => {
      if (operation !== "delete") await checkPayerReference(scope, record.payerId);
    },
    beforeDelete: (scope, id) =>
      refuseDeleteWhileReferenced(scope, id, "Die Vereinbarung des Trägers", [
        { table: cases, column: cases.agreementInstanceId, label: "Fälle" },
        { table: staffContracts, column: staffContracts.agreementInstanceId, label: "Arbeitsverträge" },
      ]),
  });

  routes.get(
    "/api/v1/agreement-instances/:id/state",
    {
      schema: {
        tags: [tag],
        summary: "Vereinbarung des Trägers: Zustand mit den gefüllten Eingaben und Optionen",
        params: idParamsSchema,
        response: { 200: agreementDetailSchema.extend({ instanceId: z.string() }) },
      },
    },
    async (request) =>
      runInTransaction(context, request.actor, async (scope) => {
        const row = await findOwnRow(scope, agreementInstances, request.params.id, "Vereinbarung des Trägers");
        const agreement = resolveInstanceAgreement(catalogue, row as never);
        if (!agreement) throw notFound("Vereinbarung", row.agreementId as string);
        const cataloguePolicies = catalogue.agreements.get(row.agreementId as string)?.policies ?? {};
        return {
          instanceId: row.id as string,
          ...detailAgreement(agreement, catalogue.origins.get(row.agreementId as string) ?? "", context.today(), cataloguePolicies, (row.policies ?? {}) as Record<string, string>),
        };
      }),
  );
}
