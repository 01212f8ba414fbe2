/** The names of the payers (GET /organisations?kind=payer), by id, for the agreement pages. */
import { useMemo } from "preact/hooks";
import { useApiResource } from "../../lib/useApiResource.ts";
import type { Organisation, Page } from "./agreementTypes.ts";

export function usePayerNames(): Map<string, string> {
  const payers = useApiResource<Page<Organisation>>("/organisations?kind=payer&limit=500");
  return useMemo(() => new Map((payers.data?.items ?? []).map((organisation) => [organisation.id, organisation.name])), [payers.data]);
}

/** A payer's name, or its id while the names are unknown; „–“ without a payer. */
export function payerText(names: Map<string, string>, payerId: string | undefined): string {
  if (!payerId) return "–";
  return names.get(payerId) ?? payerId;
}
