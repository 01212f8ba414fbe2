/**
 * Eligibility and admission of one case (M06) with capacity (M07): the outcome (eligible, review, refused) and
 * every finding with rule id, clause and policy options. Where the agreement limits places, the occupancy on
 * the admission day is counted from the store: the other cases of the same agreement instance active that day.
 */
import { and, eq, gte, isNull, lte, ne, or, count } from "drizzle-orm";
import { checkAdmission, type AdmissionResult } from "../../domain/admission/checkAdmission.ts";
import { cases } from "../../store/schema/index.ts";
import type { RequestScope } from "../appContext.ts";
import type { ResolvedCase } from "./loadStoredCase.ts";

async function countOtherActiveCases(scope: RequestScope, stored: ResolvedCase, day: string): Promise<number> {
  const rows = await scope.tx
    .select({ value: count() })
    .from(cases)
    .where(
      and(
        eq(cases.organisationId, scope.actor.organisationId),
        eq(cases.agreementInstanceId, stored.agreementInstanceId),
        ne(cases.id, stored.caseId),
        lte(cases.start, day),
        or(isNull(cases.end), gte(cases.end, day)),
      ),
    );
  return Number(rows[0]?.value ?? 0);
}

export async function computeCaseAdmission(scope: RequestScope, stored: ResolvedCase, asOf: string): Promise<AdmissionResult & { activeCaseCount?: number }> {
  const capacity = stored.agreement.admission?.capacity;
  const activeCaseCount = capacity ? await countOtherActiveCases(scope, stored, stored.caseFile.case.start) : undefined;
  const result = checkAdmission(stored.agreement, stored.caseFile, { asOf, ...(activeCaseCount !== undefined ? { activeCaseCount } : {}) });
  return { ...result, ...(activeCaseCount !== undefined ? { activeCaseCount } : {}) };
}
