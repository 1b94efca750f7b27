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
import { badRequest, notFound, staleVersion } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { deliver, inviteFirstManager, type LinkContext } from '../invitations/service';
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

/** The first manager is invited (a one-time link in the answer), never given a password. */
export async function create(db: Db, caller: Caller, body: IncubatorCreate, ctx: LinkContext) {
  const { manager, ...fields } = body;
  // The schema checks the code's shape; an unknown province is invalid input too, not a data-rule clash.
  if (!PROVINCE_CODES.has(fields.provinceCode)) {
    throw badRequest('The request is not valid', [{ path: 'provinceCode', message: 'unknown_province' }]);
  }
  const { id, link } = await db.transaction(async (tx) => {
    const id = await q.insertIncubator(tx, { ...fields, field: fields.field ?? null });
    const link = manager ? await inviteFirstManager(tx, caller, id, manager) : null;
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'incubator.create',
      entity: 'incubator',
      entityId: id,
      incubatorId: id,
      after: { ...fields, managerInvitationId: link?.id ?? null },
    });
    return { id, link };
  });
  const incubator = await get(db, caller, id);
  return link ? { ...incubator, managerInvitation: await deliver(db, ctx, link) } : incubator;
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
