/**
 * Obligation to admit (M06): under A1-R04 (§ 1.3, § 123 Abs. 4 SGB IX), A3-R09 (§ 2.3) and A4-R03 (§ 2.6) a
 * provider may reject a person only for a reason the agreement allows: not in the target group, a listed
 * exclusion (A3-R08, inputs P-A1-03 and P-A3-10), a configured narrowing (P-A1-04), capacity. Any other
 * reason is BLOCKED unless an explicit override with a justification is given. A1-R03: the severity of the
 * disability is never a reason, not even with a justification.
 */
import type { Agreement } from "../agreement/agreementSchema.ts";
import { createInputRegister } from "../agreement/resolveAgreement.ts";
import type { PolicySettings } from "../policy/decisions.ts";
import type { Finding } from "../results/explanation.ts";
import { buildFinding, type PolicyContext } from "./criterionFinding.ts";
import { includesName, normalizeName, readTextList } from "./inputValueReaders.ts";

export interface RejectionReasonOptions {
  /** Justification for a reason that is not in the allowed list (recorded as an override). */
  justification?: string;
  casePolicies?: PolicySettings;
}

export interface RejectionCheck {
  allowed: boolean;
  finding: Finding;
}

export function checkRejectionReason(agreement: Agreement, reasonCode: string, options: RejectionReasonOptions = {}): RejectionCheck {
  const policy: PolicyContext = { agreementPolicies: agreement.policies, casePolicies: options.casePolicies ?? {} };
  const obligation = agreement.admission?.obligationToAdmit;
  const details = { reason: reasonCode };
  if (obligation === undefined) {
    const finding: Finding = {
      severity: "info",
      code: "noObligationToAdmit",
      message: "Diese Vereinbarung regelt keine Aufnahmeverpflichtung; die Ablehnung wird nur protokolliert.",
      explanation: { ruleId: "M06", source: { file: agreement.document.file, clause: "(keine Regelung)" } },
      details,
    };
    return { allowed: true, finding };
  }
  const wanted = normalizeName(reasonCode);
  const forbidden = obligation.forbiddenReasons.find((reason) => normalizeName(reason.code) === wanted);
  if (forbidden) {
    const criterion = { ruleId: forbidden.ruleId, source: forbidden.source, policies: obligation.policies };
    return {
      allowed: false,
      finding: buildFinding({ criterion, severity: "block", code: "rejectionReasonForbidden", message: `Ablehnungsgrund „${forbidden.label}“ ist ausgeschlossen, auch mit Begründung.`, details }, policy),
    };
  }
  const inputs = createInputRegister(agreement);
  const listed = obligation.allowedReasons.find((reason) => normalizeName(reason.code) === wanted);
  if (listed) {
    if (listed.requiresInput !== undefined && !inputs.lookup(listed.requiresInput).found) {
      return {
        allowed: false,
        finding: buildFinding(
          { criterion: obligation, severity: "hold", code: "rejectionReasonNeedsInput", message: `Ablehnungsgrund „${listed.label}“ setzt eine Vereinbarung voraus: ${inputs.describeMissing(listed.requiresInput)}`, details },
          policy,
        ),
      };
    }
    return {
      allowed: true,
      finding: buildFinding({ criterion: obligation, severity: "info", code: "rejectionReasonAllowed", message: `Zulässiger Ablehnungsgrund: ${listed.label} (${listed.ruleId}).`, details: { ...details, reasonRuleId: listed.ruleId } }, policy),
    };
  }
  for (const reference of obligation.reasonLists) {
    const list = readTextList(inputs, reference);
    if (list.found && includesName(list.value, reasonCode)) {
      return {
        allowed: true,
        finding: buildFinding({ criterion: obligation, severity: "info", code: "rejectionReasonAllowed", message: `Zulässiger Ablehnungsgrund aus der Vereinbarung (${reference.input}): ${reasonCode}.`, details }, policy),
      };
    }
  }
  const justification = options.justification?.trim();
  if (justification) {
    return {
      allowed: true,
      finding: buildFinding(
        { criterion: obligation, severity: "warn", code: "rejectionOverride", message: `Ablehnung trotz Aufnahmeverpflichtung mit Begründung: „${justification}“ (Grund „${reasonCode}“ ist nicht vereinbart).`, details: { ...details, justification } },
        policy,
      ),
    };
  }
  const allowedText = obligation.allowedReasons.map((reason) => reason.label).join("; ");
  return {
    allowed: false,
    finding: buildFinding(
      { criterion: obligation, severity: "block", code: "rejectionReasonNotAllowed", message: `Aufnahmeverpflichtung: „${reasonCode}“ ist kein vereinbarter Ablehnungsgrund (zulässig: ${allowedText}). Nur mit Begründung als Abweichung.`, details },
      policy,
    ),
  };
}
