/**
 * Checks between records that the generic resource routes cannot express: a payer id must name a payer
 * organisation (a global reference table, no tenant column), a record must belong to the same parent as the
 * record it names, and a record still named by others cannot be deleted (409, nothing changed).
 */
import { and, eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { RequestScope } from "../appContext.ts";
import { organisations } from "../../store/schema/index.ts";
import { conflict, invalidInput } from "../problem.ts";

/** Refuses a `payerId` that does not name a payer organisation (400, path `body.<field>`). */
export async function checkPayerReference(scope: RequestScope, payerId: unknown, field = "payerId"): Promise<void> {
  if (payerId === undefined || payerId === null) return;
  const rows = await scope.tx.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, String(payerId))).limit(1);
  if (rows[0]?.kind === "payer") return;
  const message = rows.length === 0 ? `Leistungsträger „${String(payerId)}“ nicht gefunden` : `„${String(payerId)}“ ist kein Leistungsträger, sondern ein Leistungserbringer`;
  throw invalidInput([{ path: `body.${field}`, message, value: payerId }]);
}

export interface Dependant {
  table: PgTable & { organisationId: PgColumn };
  /** The column holding the id of the record to be deleted. */
  column: PgColumn;
  /** German plural for the message: "Leistungseinträge". */
  label: string;
}

/** Refuses to delete a record that other records of the tenant still name (409, naming each kind of dependant). */
export async function refuseDeleteWhileReferenced(scope: RequestScope, id: string, what: string, dependants: Dependant[]): Promise<void> {
  const found: string[] = [];
  for (const dependant of dependants) {
    const rows = await scope.tx
      .select({ id: dependant.column })
      .from(dependant.table)
      .where(and(eq(dependant.table.organisationId, scope.actor.organisationId), eq(dependant.column, id)))
      .limit(1);
    if (rows.length > 0) found.push(dependant.label);
  }
  if (found.length > 0) throw conflict(`${what} „${id}“ wird noch verwendet (${found.join(", ")}); erst diese löschen`, { dependants: found });
}

/**
 * Refuses a record whose `field` names a row of `table` that does not exist for the tenant or belongs to another
 * parent (a Teilziel under a Förderziel of another Hilfeplan): the row's `parentKey` must equal `parentId`.
 */
export async function checkSameParent(
  scope: RequestScope,
  reference: { field: string; value: unknown; table: PgTable & { organisationId: PgColumn; id: PgColumn }; parentKey: string; parentId: unknown; label: string; parentLabel: string },
): Promise<Record<string, unknown>> {
  const { field, value, table, parentKey, parentId, label, parentLabel } = reference;
  if (value === undefined || value === null) return {};
  const rows = await scope.tx
    .select()
    .from(table)
    .where(and(eq(table.organisationId, scope.actor.organisationId), eq(table.id, String(value))))
    .limit(1);
  const row = rows[0] as Record<string, unknown> | undefined;
  if (!row) throw invalidInput([{ path: `body.${field}`, message: `${label} „${String(value)}“ nicht gefunden`, value }]);
  const rowParent = row[parentKey];
  if (rowParent !== parentId)
    throw invalidInput([{ path: `body.${field}`, message: `${label} „${String(value)}“ gehört zu ${parentLabel} „${String(rowParent)}“, nicht zu „${String(parentId)}“`, value }]);
  return row;
}

