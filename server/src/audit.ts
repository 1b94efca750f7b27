// The audit row every write adds, in the same transaction as the write.

import type { Tx } from './db/client';
import { auditLog } from './db/schema/index';

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

/** Many audit rows in one statement (bulk writes: one row per record, as writeAudit would). */
export async function writeAudits(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await tx.insert(auditLog).values(
    entries.map((entry) => ({
      userId: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      incubatorId: entry.incubatorId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })),
  );
}

/** An update's audit `before`: the row's values of just the fields the update changes. */
export function valuesBefore(row: object, changes: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(changes).map((k) => [k, (row as Record<string, unknown>)[k]]));
}
