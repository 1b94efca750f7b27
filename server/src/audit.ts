// The audit row every write adds, in the same transaction as the write.

import { sql } from 'drizzle-orm';
import type { Tx } from './db/client';

export interface AuditEntry {
  userId: string | null;
  action: string;
  entity: string;
  entityId: string;
  incubatorId?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await writeAudits(tx, [entry]);
}

/**
 * Many audit rows in one statement (bulk writes: one row per record, as writeAudit would), passed
 * as one jsonb parameter: a drizzle multi-row insert binds every cell and costs more JavaScript
 * than the insert itself. Absent keys (no before/after) are SQL nulls.
 */
export async function writeAudits(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const rows = entries.map((e) => ({
    userId: e.userId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    incubatorId: e.incubatorId ?? null,
    before: e.before ?? undefined,
    after: e.after ?? undefined,
  }));
  await tx.execute(sql`
    insert into audit_log (user_id, action, entity, entity_id, incubator_id, before, after)
    select "userId", action, entity, "entityId", "incubatorId", before, after
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("userId" uuid, action text, entity text,
      "entityId" text, "incubatorId" uuid, before jsonb, after jsonb)`);
}

/** An update's audit `before`: the row's values of just the fields the update changes. */
export function valuesBefore(row: object, changes: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(changes).map((k) => [k, (row as Record<string, unknown>)[k]]));
}
