/**
 * Dokumentation (/dokumentation, issue 5): record a service (M14) in a few seconds, by keyboard alone or on a
 * phone. The person comes preselected from `?klient=<id>` (the client page links here) or from the last entry
 * of this session, else is found by a part of the name (the client directory, searched on the server, so any
 * number of people); the date is today in Germany. Staff are chosen by name (GET /staff-directory). While typing, the engine checks the entry
 * (POST /service-entries/check) and its warnings appear next to the save button; saving is never blocked by
 * them, only by the server's refusal, shown at each field. After a save the focus returns to the first field
 * and the day's entries below show the new one, each with edit and delete.
 */
import "./documentation.css";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { ApiError, queryOf, sendJson } from "../../lib/apiClient.ts";
import { formatDate } from "../../lib/germanFormat.ts";
import { useApiResource } from "../../lib/useApiResource.ts";
import { LoadingNote, ProblemMessage } from "../../shell/ProblemMessage.tsx";
import { useSession, type Role } from "../../shell/sessionContext.ts";
import { usePageTitle } from "../../shell/usePageTitle.ts";
import { todayInBerlin } from "./berlinDate.ts";
import { DayEntries, timeText } from "./DayEntries.tsx";
import type { CaseSummary, DirectoryCase, Page, ServiceEntryRecord, StaffMember } from "./documentationTypes.ts";
import { EntryForm, FIELD_IDS, FIRST_FIELD_ID } from "./EntryForm.tsx";
import { checkEntryOf, createBodyOf, durationOf, emptyValues, minutesText, patchBodyOf, rememberedOf, valuesAfterSave, valuesOfEntry, type EntryFormValues, type RememberedValues } from "./entryForm.ts";
import { FURTHER_DETAIL_FIELDS } from "./FurtherDetails.tsx";
import { readRemembered, remember } from "./sessionMemory.ts";
import { useCaseChoices } from "./useCaseChoices.ts";
import { useClientChooser } from "./useClientChooser.ts";
import { useEntryCheck } from "./useEntryCheck.ts";

const DOCUMENTING_ROLES: readonly Role[] = ["leitung", "fachkraft"];

/** The case to document on: the client's case running on the date, else their first. */
function defaultCaseOf(own: readonly DirectoryCase[], date: string): string {
  const running = own.find((candidate) => candidate.start <= date && (!candidate.end || candidate.end >= date));
  return (running ?? own[0])?.id ?? "";
}

function initialValues(remembered: RememberedValues, requestedClientId: string | undefined): EntryFormValues {
  const { clientId, ...kind } = remembered;
  const definedKind = Object.fromEntries(Object.entries(kind).filter(([, value]) => value !== undefined)) as Partial<EntryFormValues>;
  return { ...emptyValues(todayInBerlin()), ...definedKind, clientId: requestedClientId ?? clientId ?? "" };
}

/** Focuses a control after the next render; a radio group ("doku-assistenz") by its checked or first radio. */
function focusById(id: string): void {
  window.setTimeout(() => {
    const control = document.getElementById(id) ?? document.querySelector<HTMLInputElement>(`input[name="${id}"]:checked`) ?? document.querySelector<HTMLInputElement>(`input[name="${id}"]`);
    control?.focus();
  }, 0);
}

function asError(caught: unknown): Error {
  return caught instanceof Error ? caught : new Error(String(caught));
}

export function DocumentationPage() {
  usePageTitle("Dokumentation");
  const session = useSession();
  const location = useLocation();
  const requestedClientId = typeof location.query.klient === "string" && location.query.klient !== "" ? location.query.klient : undefined;
  const allowed = DOCUMENTING_ROLES.includes(session.role);

  const remembered = useMemo(() => readRemembered(), []);
  const [values, setValues] = useState<EntryFormValues>(() => initialValues(remembered, requestedClientId));
  const [editingId, setEditingId] = useState<string | undefined>(undefined);
  const [moreOpen, setMoreOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<Error | undefined>(undefined);
  const [formNotice, setFormNotice] = useState("");
  const [listNotice, setListNotice] = useState("");
  const [deleteError, setDeleteError] = useState<Error | undefined>(undefined);
  const [clientNotice, setClientNotice] = useState("");
  const staffDefaultedFor = useRef<string | undefined>(undefined);
  const onlyChosenOnce = useRef(false);

  const chooser = useClientChooser(allowed, values.clientId);
  const known = chooser.known;
  const casesOf = (clientId: string): DirectoryCase[] => known.get(clientId)?.cases ?? [];
  const clientOfCase = useMemo(() => new Map([...known.values()].flatMap((client) => client.cases.map((candidate) => [candidate.id, client.id] as const))), [known]);
  const casesOfClient = chooser.chosen?.cases ?? [];
  // The chosen person's cases as stored, for the approved kinds of assistance (the directory does not give them).
  const caseDetails = useApiResource<Page<CaseSummary>>(allowed && chooser.chosen ? `/cases${queryOf({ clientId: chooser.chosen.id, limit: 100 })}` : null);
  const staffList = useApiResource<Page<StaffMember>>(allowed ? "/staff-directory?limit=500" : null);
  const staffNames = useMemo(() => new Map((staffList.data?.items ?? []).map((member) => [member.id, member.name])), [staffList.data]);
  const choices = useCaseChoices(values.caseId, values.date, staffList, remembered.staffId);
  const check = useEntryCheck(values.caseId, checkEntryOf(values), editingId);
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(values.date);
  const day = useApiResource<Page<ServiceEntryRecord>>(allowed && validDate ? `/service-entries${queryOf({ from: values.date, to: values.date, limit: 500 })}` : null);

  // A client from the link or the session that is not visible is dropped (saying so); a chosen client gets
  // their case once known; the only person one may document for is chosen.
  useEffect(() => {
    if (chooser.chosenMissing && values.clientId) {
      if (values.clientId === requestedClientId) setClientNotice(`Die Person „${requestedClientId}“ aus dem Link ist Ihnen nicht zugeordnet oder nicht vorhanden: bitte wählen.`);
      setValues((current) => ({ ...current, clientId: "", caseId: "" }));
    }
  }, [chooser.chosenMissing]);
  useEffect(() => {
    if (chooser.chosen && !values.caseId) {
      const caseId = defaultCaseOf(chooser.chosen.cases, values.date);
      if (caseId) setValues((current) => (current.clientId === chooser.chosen?.id && !current.caseId ? { ...current, caseId } : current));
    }
  }, [chooser.chosen, values.caseId]);
  useEffect(() => {
    if (onlyChosenOnce.current || !chooser.matches || chooser.search !== "") return;
    onlyChosenOnce.current = true;
    const only = chooser.matches.length === 1 && chooser.total === 1 ? chooser.matches[0] : undefined;
    if (only && !values.clientId) setValues((current) => ({ ...current, clientId: only.id, caseId: defaultCaseOf(only.cases, current.date) }));
  }, [chooser.matches]);

  // The staff member and the kind of assistance default once per case: remembered, else the case's usual
  // staff member and its only approved assistance type.
  useEffect(() => {
    if (!values.caseId || !choices.ready || caseDetails.loading || (!caseDetails.data && !caseDetails.error) || staffDefaultedFor.current === values.caseId) return;
    staffDefaultedFor.current = values.caseId;
    const approved = caseDetails.data?.items.find((candidate) => candidate.id === values.caseId)?.details?.approvedAssistanceTypes ?? [];
    setValues((current) => {
      if (current.caseId !== values.caseId) return current;
      const staffId = current.staffId || (remembered.staffId && choices.staff.some((option) => option.value === remembered.staffId) ? remembered.staffId : (choices.usualStaffId ?? ""));
      const onlyApproved = approved.length === 1 && (approved[0] === "simple" || approved[0] === "qualified") ? approved[0] : "";
      const assistanceType = current.assistanceType || onlyApproved;
      return staffId === current.staffId && assistanceType === current.assistanceType ? current : { ...current, staffId, assistanceType };
    });
  }, [values.caseId, choices.ready, choices.staff, choices.usualStaffId, caseDetails.data, caseDetails.error, caseDetails.loading, remembered.staffId]);

  const set = (patch: Partial<EntryFormValues>) => {
    setSaveError(undefined);
    if (patch.clientId !== undefined && patch.clientId !== values.clientId) setClientNotice("");
    setValues((current) => {
      const next = { ...current, ...patch };
      if (patch.clientId !== undefined && patch.clientId !== current.clientId) {
        next.caseId = defaultCaseOf(casesOf(patch.clientId), next.date);
        next.goalId = "";
      } else if (patch.caseId !== undefined && patch.caseId !== current.caseId) {
        next.goalId = "";
      }
      return next;
    });
  };

  const nameOfClient = (clientId: string | undefined) => (clientId ? (known.get(clientId)?.name ?? clientId) : "unbekannt");
  const nameOfCase = (caseId: string) => (clientOfCase.has(caseId) ? nameOfClient(clientOfCase.get(caseId)) : `Fall ${caseId}`);

  const save = async () => {
    setSaving(true);
    setSaveError(undefined);
    setFormNotice("");
    try {
      const saved = editingId
        ? await sendJson<ServiceEntryRecord>("PATCH", `/service-entries/${encodeURIComponent(editingId)}`, patchBodyOf(values))
        : await sendJson<ServiceEntryRecord>("POST", "/service-entries", createBodyOf(values));
      const minutes = durationOf(saved);
      setFormNotice(`Gespeichert: ${minutes !== undefined ? minutesText(minutes) : timeText(saved)} für ${nameOfCase(saved.caseId)} am ${formatDate(saved.date)}`);
      remember(rememberedOf(values));
      setEditingId(undefined);
      setValues(valuesAfterSave(values));
      day.reload();
      focusById(FIRST_FIELD_ID);
    } catch (caught) {
      const error = asError(caught);
      setSaveError(error);
      const refused = error instanceof ApiError ? FIELD_IDS.find(([path]) => error.messageFor(path) !== undefined) : undefined;
      if (refused) {
        if ((FURTHER_DETAIL_FIELDS as readonly string[]).includes(refused[0])) setMoreOpen(true);
        focusById(refused[1]);
      }
    } finally {
      setSaving(false);
    }
  };

  const startEditing = (entry: ServiceEntryRecord) => {
    const clientId = clientOfCase.get(entry.caseId) ?? "";
    setSaveError(undefined);
    setFormNotice(`Eintrag ${timeText(entry)} für ${nameOfCase(entry.caseId)} am ${formatDate(entry.date)} wird bearbeitet.`);
    setEditingId(entry.id);
    staffDefaultedFor.current = entry.caseId;
    setValues(valuesOfEntry(entry, clientId));
    setMoreOpen(FURTHER_DETAIL_FIELDS.some((field) => entry[field] !== undefined && entry[field] !== false && entry[field] !== ""));
    focusById(FIRST_FIELD_ID);
  };

  const stopEditing = () => {
    setEditingId(undefined);
    setSaveError(undefined);
    setFormNotice("");
    setValues((current) => valuesAfterSave({ ...initialValues(readRemembered(), undefined), clientId: current.clientId, caseId: current.caseId, date: current.date, staffId: current.staffId }));
    focusById(FIRST_FIELD_ID);
  };

  /** A finding names a missing field: open „Weitere Angaben“ if it is there, and go to the field. */
  const completeField = (field: string) => {
    const target = FIELD_IDS.find(([path]) => path === field);
    if (!target) return;
    if ((FURTHER_DETAIL_FIELDS as readonly string[]).includes(field)) setMoreOpen(true);
    focusById(target[1]);
  };

  const deleteEntry = async (entry: ServiceEntryRecord): Promise<boolean> => {
    setDeleteError(undefined);
    setListNotice("");
    try {
      await sendJson("DELETE", `/service-entries/${encodeURIComponent(entry.id)}`);
      setListNotice(`Gelöscht: ${timeText(entry)} für ${nameOfCase(entry.caseId)} am ${formatDate(entry.date)}`);
      if (editingId === entry.id) stopEditing();
      day.reload();
      focusById("doku-tag");
      return true;
    } catch (caught) {
      setDeleteError(asError(caught));
      return false;
    }
  };

  if (!allowed)
    return (
      <>
        <h1 class="kern-heading-large">Dokumentation</h1>
        <p class="kern-body">Leistungen dokumentieren Fachkräfte und die Leitung. Ihre Rolle hat hier keinen Zugriff.</p>
      </>
    );

  const loadError = chooser.error;
  return (
    <>
      <h1 class="kern-heading-large">Dokumentation</h1>
      <p class="kern-body teilhabe-doc-intro">Eine Leistung erfassen: mit Tab von Feld zu Feld, mit den Pfeiltasten in einer Auswahl, Enter speichert.</p>
      {loadError ? (
        <ProblemMessage error={loadError} title="Klient:innen konnten nicht geladen werden" />
      ) : !chooser.matches ? (
        <LoadingNote />
      ) : (
        <div class="teilhabe-doc-layout">
          <section class="teilhabe-doc-record" aria-labelledby="doku-erfassen">
            <h2 class="kern-heading-medium" id="doku-erfassen">
              {editingId ? "Eintrag ändern" : "Leistung erfassen"}
            </h2>
            <div role="status" aria-live="polite" class="teilhabe-doc-notice">
              {formNotice ? (
                <div class={`kern-alert ${editingId ? "kern-alert--info" : "kern-alert--success"}`}>
                  <div class="kern-alert__body">
                    <p class="kern-body">{formNotice}</p>
                  </div>
                </div>
              ) : null}
              {clientNotice ? <p class="kern-body">{clientNotice}</p> : null}
            </div>
            <EntryForm
              values={values}
              set={set}
              chooser={chooser}
              casesOfClient={casesOfClient}
              choices={choices}
              check={check}
              error={saveError}
              busy={saving}
              editing={editingId !== undefined}
              moreOpen={moreOpen}
              onMoreToggle={setMoreOpen}
              onSubmit={() => void save()}
              onCancelEdit={stopEditing}
              onCompleteField={completeField}
            />
          </section>
          <DayEntries
            date={values.date}
            entries={day.data?.items}
            loading={day.loading}
            notice={listNotice}
            error={deleteError}
            editingId={editingId}
            clientNameOf={nameOfCase}
            staffNameOf={(staffId) => staffNames.get(staffId)}
            goalTitleOf={(goalId) => choices.goalTitles.get(goalId)}
            onEdit={startEditing}
            onDelete={deleteEntry}
          />
        </div>
      )}
    </>
  );
}
