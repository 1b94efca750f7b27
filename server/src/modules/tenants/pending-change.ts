// Managed deadlines stay managed: a company user's edit that would move its incubation deadline
// (field, integrated circuit) is held on the tenancy until its incubator's manager confirms or
// rejects it; the company's other profile fields apply at once (SPEC "Managed deadlines").
import { incubationEndsOn, type Tenant, type TenantPatch } from '@torch/shared';
import { lockManagedTenant } from '../../access';
import { writeAudit } from '../../audit';
import type { Db, Tx } from '../../db/client';
import { iso } from '../../db/iso';
import { conflict, staleVersion } from '../../errors';
import type { Caller } from '../../plugins/auth';
import * as q from './queries';

export type PendingProfile = { field: Tenant['field']; integratedCircuit: boolean };
type Changes = Omit<TenantPatch, 'version'>;

const deadlineOf = (admittedOn: string, profile: PendingProfile) => incubationEndsOn(admittedOn, profile);

/**
 * Splits a PATCH into what applies now and the pending change it leaves: `undefined` keeps the
 * pending change as it is (the edit names neither field), `null` clears it (the new values are
 * applied: a manager's edit, or a company's that leaves the deadline where it is), a value replaces it.
 */
export function holdDeadlineFields(
  caller: Caller,
  before: q.TenantRow,
  changes: Changes,
): { applied: Changes; pending: PendingProfile | null | undefined } {
  if (changes.field === undefined && changes.integratedCircuit === undefined)
    return { applied: changes, pending: undefined };
  const asked: PendingProfile = {
    field: changes.field ?? (before.field as Tenant['field']),
    integratedCircuit: changes.integratedCircuit ?? before.integratedCircuit,
  };
  const today = deadlineOf(before.admittedOn, before as unknown as PendingProfile);
  if (caller.role !== 'tenant' || deadlineOf(before.admittedOn, asked) === today)
    return { applied: changes, pending: null };
  const { field: _field, integratedCircuit: _ic, ...applied } = changes;
  return { applied, pending: asked };
}

/** The tenancy columns that store `pending` (see holdDeadlineFields), for the PATCH's own update. */
export function pendingColumns(pending: PendingProfile | null | undefined) {
  if (pending === undefined) return {};
  return pending
    ? { pendingProfile: pending, pendingSince: new Date().toISOString() }
    : { pendingProfile: null, pendingSince: null };
}

/** The Tenant answer's view of the stored pending change, with the deadline it would give. */
export function pendingChangeOf(row: {
  admittedOn: string;
  pendingProfile: unknown;
  pendingSince: string | null;
}): Tenant['pendingChange'] {
  const pending = row.pendingProfile as PendingProfile | null;
  if (!pending || !row.pendingSince) return null;
  return {
    field: pending.field,
    integratedCircuit: pending.integratedCircuit,
    incubationEndsOn: deadlineOf(row.admittedOn, pending),
    since: iso(row.pendingSince),
  };
}

/**
 * The manager's decision, in one transaction with its audit row: confirming applies the fields to
 * the tenancy and its company and moves the deadline; rejecting only clears the pending change. Outside the
 * caller's scope 404 (lockManagedTenant); nothing waiting is 409.
 */
export async function decide(db: Db, caller: Caller, id: string, confirm: boolean): Promise<void> {
  await db.transaction(async (tx: Tx) => {
    const row = await lockManagedTenant(tx, caller, id);
    const pending = row.pendingProfile as PendingProfile | null;
    if (!pending) {
      throw conflict('No profile change awaits confirmation', [
        { path: 'pendingChange', message: 'nothing_pending' },
      ]);
    }
    const was = {
      field: row.field,
      integratedCircuit: row.integratedCircuit,
      incubationEndsOn: row.incubationEndsOn,
    };
    const next = { ...pending, incubationEndsOn: deadlineOf(row.admittedOn, pending) };
    if (confirm && (await q.hasLaterTenancy(tx, row.companyId, id, row.admittedOn))) {
      throw conflict('The company has moved on; edit it through its current tenancy', [
        { path: 'companyId', message: 'not_current_tenancy' },
      ]);
    }
    // Confirmed, the fields apply to this tenancy's snapshot and to the national record alike.
    const moved = confirm ? { ...pending, incubationEndsOn: next.incubationEndsOn } : {};
    if (!(await q.bumpTenant(tx, id, row.version, { ...moved, ...pendingColumns(null) })))
      throw staleVersion();
    if (confirm) await q.updateCompany(tx, row.companyId, pending);
    await writeAudit(tx, {
      userId: caller.userId,
      action: confirm ? 'tenant.pending_change.confirm' : 'tenant.pending_change.reject',
      entity: 'tenant',
      entityId: id,
      incubatorId: row.incubatorId,
      before: { ...was, pendingChange: next },
      after: confirm ? next : was,
    });
  });
}
