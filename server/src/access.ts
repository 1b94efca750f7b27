// The write guards, in one place. Scope first: a record outside what the caller may see does not
// exist for them (404); one they see but may not write is 403 (docs/architecture.md). Which
// roles may call a route at all is declared on the route (`config.roles`), not here.
import { INCUBATOR_NATIONAL_ONLY_FIELDS } from '@torch/shared';
import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from './db/client';
import { tenants } from './db/schema/index';
import { forbidden, notFound } from './errors';
import { findIncubator } from './modules/incubators/queries';
import { findMentor } from './modules/mentors/queries';
import { findTenant } from './modules/tenants/queries';
import type { Caller } from './plugins/auth';
import { manages } from './scope';

const NOT_MANAGER = "Only the incubator's manager may do this";

/** The incubator must be visible (else 404) and managed by the caller (else 403). */
export async function requireManagedIncubator(db: DbOrTx, caller: Caller, incubatorId: string) {
  const incubator = await findIncubator(db, caller, incubatorId);
  if (!incubator) throw notFound('Incubator');
  if (!manages(caller, incubatorId)) throw forbidden(NOT_MANAGER);
  return incubator;
}

/** The tenant must be visible (else 404) and in an incubator the caller manages (else 403). */
export async function requireManagedTenant(db: DbOrTx, caller: Caller, tenantId: string) {
  const tenant = await findTenant(db, caller, tenantId);
  if (!tenant) throw notFound('Tenant');
  if (!manages(caller, tenant.incubatorId)) throw forbidden(NOT_MANAGER);
  return tenant;
}

/**
 * requireManagedTenant, then the tenancy row locked until the transaction ends, so that a
 * graduation, an exit and the records added under the tenancy cannot interleave. The lock is taken
 * only after the scope check (a caller cannot hold rows it may not see), and the tenant is read
 * again under it: what it answers is what the write must judge.
 */
export async function lockManagedTenant(tx: Tx, caller: Caller, tenantId: string) {
  await requireManagedTenant(tx, caller, tenantId);
  await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId)).for('update');
  return requireManagedTenant(tx, caller, tenantId);
}

/** The mentor must be visible (else 404) and its incubator managed by the caller (else 403). */
export async function requireManagedMentor(db: DbOrTx, caller: Caller, id: string) {
  const mentor = await findMentor(db, caller, id);
  if (!mentor) throw notFound('Mentor');
  if (!manages(caller, mentor.incubatorId)) throw forbidden(NOT_MANAGER);
  return mentor;
}

// The two edits below are open to several roles, and a role that may not edit still gets 404 for
// what it cannot see (tests/api/scope-matrix.test.ts): so the role is judged here, after the scope
// check, not on the route.

/**
 * An incubator visible to the caller: its manager or the Torch Center may edit it (else 403), and
 * its registration facts are the Torch Center's alone (403 naming the fields).
 */
export function requireIncubatorEditor(caller: Caller, incubatorId: string, changes: object) {
  if (caller.role !== 'national' && !manages(caller, incubatorId))
    throw forbidden('Only its manager or the Torch Center may edit an incubator');
  if (caller.role === 'national') return;
  const refused = INCUBATOR_NATIONAL_ONLY_FIELDS.filter((f) => f in changes);
  if (refused.length) {
    throw forbidden(
      'Only the Torch Center may change these fields',
      refused.map((path) => ({ path, message: 'national_only' })),
    );
  }
}

/** A tenant visible to the caller: the company's own users or its incubator's manager may edit it. */
export function requireTenantEditor(caller: Caller, incubatorId: string) {
  if (caller.role !== 'tenant' && !manages(caller, incubatorId))
    throw forbidden("Only the incubator's manager or the company itself may edit a tenant");
}
