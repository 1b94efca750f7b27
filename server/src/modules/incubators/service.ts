import {
  type Incubator,
  type IncubatorCreate,
  type IncubatorListQuery,
  type IncubatorPatch,
  PROVINCES,
} from '@torch/shared';
import { requireIncubatorEditor } from '../../access';
import { valuesBefore, writeAudit } from '../../audit';
import type { Db } from '../../db/client';
import { iso } from '../../db/iso';
import { badRequest, conflict, notFound, staleVersion } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { hashPassword } from '../auth/passwords';
import { emailTaken, insertUser } from '../auth/queries';
import * as q from './queries';

type Row = NonNullable<Awaited<ReturnType<typeof q.findIncubator>>>;

export function toIncubator(row: Row): Incubator {
  return { ...row, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}

export async function list(db: Db, caller: Caller, query: IncubatorListQuery) {
  const { rows, total } = await q.listIncubators(db, caller, query);
  return {
    items: rows.map(({ total: _, ...row }) => toIncubator(row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function get(db: Db, caller: Caller, id: string): Promise<Incubator> {
  const row = await q.findIncubator(db, caller, id);
  if (!row) throw notFound('Incubator');
  return toIncubator(row);
}

const PROVINCE_CODES = new Set(PROVINCES.map((p) => p.code));

export async function create(db: Db, caller: Caller, body: IncubatorCreate): Promise<Incubator> {
  const { manager, ...fields } = body;
  // The schema checks the code's shape; an unknown province is invalid input too, not a data-rule clash.
  if (!PROVINCE_CODES.has(fields.provinceCode)) {
    throw badRequest('The request is not valid', [{ path: 'provinceCode', message: 'unknown_province' }]);
  }
  const passwordHash = manager ? await hashPassword(manager.password) : null;
  const id = await db.transaction(async (tx) => {
    const id = await q.insertIncubator(tx, { ...fields, field: fields.field ?? null });
    let managerId: string | null = null;
    if (manager && passwordHash) {
      if (await emailTaken(tx, manager.email)) {
        throw conflict('A user with this email already exists', [
          { path: 'manager.email', message: 'email_taken' },
        ]);
      }
      managerId = await insertUser(tx, {
        email: manager.email,
        name: manager.name,
        passwordHash,
        role: 'incubator_manager',
      });
      await q.addManager(tx, managerId, id);
    }
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'incubator.create',
      entity: 'incubator',
      entityId: id,
      incubatorId: id,
      after: { ...fields, managerId },
    });
    return id;
  });
  return get(db, caller, id);
}

export async function patch(db: Db, caller: Caller, id: string, body: IncubatorPatch): Promise<Incubator> {
  const { version, ...changes } = body;
  await db.transaction(async (tx) => {
    const before = await q.findIncubator(tx, caller, id);
    if (!before) throw notFound('Incubator');
    requireIncubatorEditor(caller, id, changes);
    const merged = { ...before, ...changes };
    if (merged.tenantArea > merged.totalArea) {
      throw badRequest('The request is not valid', [
        { path: 'tenantArea', message: 'tenant_area_exceeds_total' },
      ]);
    }
    if (merged.type === 'specialized' && !merged.field) {
      throw badRequest('The request is not valid', [{ path: 'field', message: 'specialized_needs_field' }]);
    }
    if (before.version !== version || !(await q.updateIncubator(tx, id, version, changes)))
      throw staleVersion();
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'incubator.update',
      entity: 'incubator',
      entityId: id,
      incubatorId: id,
      before: valuesBefore(before, changes),
      after: changes,
    });
  });
  return get(db, caller, id);
}
