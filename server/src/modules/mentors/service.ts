// Mentors of an incubator (Torch Entrepreneur Mentors Action) and whom they mentor.
import {
  type Mentor,
  type MentorCreate,
  type Mentoring,
  type MentoringCreate,
  type MentorPatch,
  type MentorWithTenants,
  tenancyEndsOn,
} from '@torch/shared';
import { requireManagedIncubator, requireManagedMentor } from '../../access';
import { valuesBefore, writeAudit } from '../../audit';
import type { Db } from '../../db/client';
import { iso } from '../../db/iso';
import { conflict, notFound, staleVersion, unprocessable } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { findIncubator } from '../incubators/queries';
import { findTenant } from '../tenants/queries';
import * as q from './queries';

const toMentor = (row: q.MentorRow): Mentor => ({ ...row, createdAt: iso(row.createdAt) });

export async function listOfIncubator(
  db: Db,
  caller: Caller,
  incubatorId: string,
  page: number,
  pageSize: number,
) {
  if (!(await findIncubator(db, caller, incubatorId))) throw notFound('Incubator');
  const { rows, total } = await q.mentorsOfIncubator(db, incubatorId, page, pageSize);
  const mentorings = await q.mentoringsOf(
    db,
    rows.map((r) => r.id),
  );
  const items: MentorWithTenants[] = rows.map((row) => ({
    ...toMentor(row),
    tenants: mentorings.filter((m) => m.mentorId === row.id).map(({ mentorId: _, ...m }) => m),
  }));
  return { items, total, page, pageSize };
}

export async function create(
  db: Db,
  caller: Caller,
  incubatorId: string,
  body: MentorCreate,
): Promise<Mentor> {
  const id = await db.transaction(async (tx) => {
    await requireManagedIncubator(tx, caller, incubatorId);
    const id = await q.insertMentor(tx, { ...body, incubatorId });
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'mentor.create',
      entity: 'mentor',
      entityId: id,
      incubatorId,
      after: body,
    });
    return id;
  });
  return toMentor((await q.findMentor(db, caller, id))!);
}

export async function patch(db: Db, caller: Caller, id: string, body: MentorPatch): Promise<Mentor> {
  const { version, ...changes } = body;
  await db.transaction(async (tx) => {
    const before = await requireManagedMentor(tx, caller, id);
    if (before.version !== version || !(await q.updateMentor(tx, id, version, changes))) throw staleVersion();
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'mentor.update',
      entity: 'mentor',
      entityId: id,
      incubatorId: before.incubatorId,
      before: valuesBefore(before, changes),
      after: changes,
    });
  });
  return toMentor((await q.findMentor(db, caller, id))!);
}

export async function addTenant(
  db: Db,
  caller: Caller,
  mentorId: string,
  body: MentoringCreate,
): Promise<Mentoring> {
  return db.transaction(async (tx) => {
    const mentor = await requireManagedMentor(tx, caller, mentorId);
    const tenant = await findTenant(tx, caller, body.tenantId);
    if (!tenant) throw notFound('Tenant');
    if (tenant.incubatorId !== mentor.incubatorId) {
      throw unprocessable('A mentor mentors tenants of its own incubator', [
        { path: 'tenantId', message: 'tenant_in_other_incubator' },
      ]);
    }
    if (body.startedOn < tenant.admittedOn) {
      throw unprocessable('Mentoring cannot start before the tenant was admitted', [
        { path: 'startedOn', message: 'before_admission' },
      ]);
    }
    if (body.startedOn > tenancyEndsOn(tenant)) {
      throw unprocessable('Mentoring must start while the tenant is in the incubator', [
        { path: 'startedOn', message: 'after_tenancy_ended' },
      ]);
    }
    if (await q.findMentoring(tx, mentorId, body.tenantId)) {
      throw conflict('This mentor already mentors this tenant', [
        { path: 'tenantId', message: 'already_mentoring' },
      ]);
    }
    await q.insertMentoring(tx, {
      mentorId,
      tenantId: body.tenantId,
      incubatorId: mentor.incubatorId,
      startedOn: body.startedOn,
    });
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'mentoring.create',
      entity: 'mentor',
      entityId: mentorId,
      incubatorId: mentor.incubatorId,
      after: body,
    });
    return { mentorId, tenantId: body.tenantId, tenantName: tenant.name, startedOn: body.startedOn };
  });
}

export async function removeTenant(
  db: Db,
  caller: Caller,
  mentorId: string,
  tenantId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const mentor = await requireManagedMentor(tx, caller, mentorId);
    const existing = await q.findMentoring(tx, mentorId, tenantId);
    if (!existing || !(await q.deleteMentoring(tx, mentorId, tenantId))) throw notFound('Mentoring');
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'mentoring.delete',
      entity: 'mentor',
      entityId: mentorId,
      incubatorId: mentor.incubatorId,
      before: { tenantId, startedOn: existing.startedOn },
    });
  });
}
