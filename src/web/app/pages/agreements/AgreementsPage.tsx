/**
 * Vereinbarungen: the provider's agreement instances (each leads to its page with clauses, inputs and options)
 * and the catalogue the instances are built on. Roles without access to the instances (Fachkraft) see the
 * catalogue only; the server decides (403), the page says so.
 */
import { ApiError } from "../../lib/apiClient.ts";
import { useApiResource } from "../../lib/useApiResource.ts";
import { LoadingNote, ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { usePageTitle } from "../../shell/usePageTitle.ts";
import type { AgreementInstance, AgreementSummary, Page } from "./agreementTypes.ts";
import { CatalogueTable } from "./CatalogueTable.tsx";
import { InstanceTable } from "./InstanceTable.tsx";
import { usePayerNames } from "./usePayerNames.ts";
import "./agreements.css";

function InstancesSection() {
  const instances = useApiResource<Page<AgreementInstance>>("/agreement-instances?limit=100");
  const payerNames = usePayerNames();
  if (instances.error instanceof ApiError && instances.error.status === 403)
    return <p class="kern-body">Die Vereinbarungen des Trägers mit ihren Eingaben sehen Administration, Leitung und Verwaltung.</p>;
  if (instances.error) return <ProblemMessage error={instances.error} title="Die Vereinbarungen des Trägers konnten nicht geladen werden" />;
  if (!instances.data) return <LoadingNote />;
  if (instances.data.items.length === 0) return <p class="kern-body">Der Träger hat noch keine Vereinbarung angelegt.</p>;
  return (
    <>
      <InstanceTable instances={instances.data.items} payerNames={payerNames} />
      {instances.data.nextCursor ? <p class="kern-body">Es gibt weitere Vereinbarungen; gezeigt sind die ersten 100.</p> : null}
    </>
  );
}

export function AgreementsPage() {
  usePageTitle("Vereinbarungen");
  const catalogue = useApiResource<Page<AgreementSummary>>("/agreements?limit=100");
  return (
    <>
      <h1 class="kern-heading-large">Vereinbarungen</h1>
      <p class="kern-body">
        Jede Vereinbarung mit Land, Leistungsträger, Zustand, Geltungszeitraum und der Zahl der offenen Eingaben. Offene Eingaben halten die Abrechnung oder Fristen an, bis die
        Administration sie füllt.
      </p>
      <section aria-labelledby="agreements-instances">
        <h2 class="kern-heading-medium" id="agreements-instances">
          Vereinbarungen des Trägers
        </h2>
        <InstancesSection />
      </section>
      <section aria-labelledby="agreements-catalogue">
        <h2 class="kern-heading-medium" id="agreements-catalogue">
          Katalog
        </h2>
        {catalogue.error ? <ProblemMessage error={catalogue.error} title="Der Katalog konnte nicht geladen werden" /> : null}
        {catalogue.data ? <CatalogueTable agreements={catalogue.data.items} /> : catalogue.error ? null : <LoadingNote />}
      </section>
    </>
  );
}
