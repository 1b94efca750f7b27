// Admitting tenants and editing them: the company identity is national (one per USCC),
// the tenancy belongs to one incubator.
import {
  type FieldProblem,
  incubationEndsOn,
  isAdmissionException,
  TENANT_MANAGED_FIELDS,
  TENANT_PROFILE_FIELDS,
  TENANT_READONLY_FIELDS,
  type Tenant,
  type TenantCreate,
  type TenantCreate as TenantCreateSchema,
  type TenantListQuery,
  type TenantPatch,
  todayInChina,
} from '@torch/shared';
import type { z } from 'zod';
import { requireManagedIncubator, requireTenantEditor } from '../../access';
import { valuesBefore, writeAudit } from '../../audit';
import type { Db, Tx } from '../../db/client';
import { iso } from '../../db/iso';
import { conflict, forbidden, notFound, staleVersion, unprocessable } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { holdDeadlineFields, pendingChangeOf, pendingColumns } from './pending-change';
import * as q from './queries';

type AdmitBody = z.output<typeof TenantCreateSchema>;

// Field by field rather than by spreading the row: for a page of 50 the spread copies were a tenth
// of the request's CPU (measured), and the literal keeps one object shape for the serializer.
export function toTenant(t: q.TenantRow, today = todayInChina()): Tenant {
  return {
    id: t.id,
    companyId: t.companyId,
    incubatorId: t.incubatorId,
    incubatorName: t.incubatorName,
    uscc: t.uscc,
    name: t.name,
    nameEn: t.nameEn,
    field: t.field as Tenant['field'],
    integratedCircuit: t.integratedCircuit,
    registeredCapital: t.registeredCapital,
    founderTraits: t.founderTraits as Tenant['founderTraits'],
    legalRepresentative: t.legalRepresentative,
    contactPhone: t.contactPhone,
    website: t.website,
    foundedOn: t.foundedOn,
    admittedOn: t.admittedOn,
    areaOccupied: t.areaOccupied,
    highTechCertifiedOn: t.highTechCertifiedOn,
    admissionExceptionReason: t.admissionExceptionReason,
    status: t.status,
    graduatedOn: t.graduatedOn,
    exitedOn: t.exitedOn,
    exitReason: t.exitReason ?? null,
    graduationCriteria: t.graduationCriteria as Tenant['graduationCriteria'],
    incubationEndsOn: t.incubationEndsOn,
    overdue: t.status === 'incubating' && t.incubationEndsOn < today,
    pendingChange: pendingChangeOf(t),
    version: t.version,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
  };
}

export async function listOfIncubator(db: Db, caller: Caller, incubatorId: string, query: TenantListQuery) {
  const today = todayInChina();
  const found =
    caller.role === 'tenant'
      ? undefined
      : await q.listTenantsOfIncubator(db, caller, incubatorId, query, today);
  if (!found) throw notFound('Incubator');
  return {
    items: found.rows.map((row) => toTenant(row, today)),
    total: found.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function get(db: Db | Tx, caller: Caller, id: string): Promise<Tenant> {
  const row = await q.findTenant(db, caller, id);
  if (!row) throw notFound('Tenant');
  return toTenant(row);
}

export function admissionProblems(
  foundedOn: string,
  admittedOn: string,
  reason: string | null | undefined,
): FieldProblem[] {
  return isAdmissionException(foundedOn, admittedOn) && !reason
    ? [{ path: 'admissionExceptionReason', message: 'admission_window_exceeded' }]
    : [];
}

export async function admit(db: Db, caller: Caller, incubatorId: string, body: AdmitBody): Promise<Tenant> {
  const tenantId = await db.transaction(async (tx) => {
    // Scope first: for an incubator outside it the answer is 404 whatever the body says.
    await requireManagedIncubator(tx, caller, incubatorId);
    return admitInTx(tx, caller, incubatorId, body);
  });
  return get(db, caller, tenantId);
}

/** The admission itself, in the caller's transaction, once the incubator was checked to be the caller's. */
export async function admitInTx(
  tx: Tx,
  caller: Caller,
  incubatorId: string,
  body: AdmitBody,
): Promise<string> {
  const { uscc, admittedOn, areaOccupied, admissionExceptionReason, ...company } = body;
  const problems = admissionProblems(body.foundedOn, body.admittedOn, body.admissionExceptionReason);
  if (problems.length) {
    throw unprocessable(
      'The company was founded more than 24 months before admission; give a reason to admit it anyway',
      problems,
    );
  }
  const existing = await q.findCompanyByUsccForUpdate(tx, uscc);
  let companyId: string;
  if (existing) {
    const stays = await q.tenanciesOfCompany(tx, existing.id);
    if (stays.some((s) => s.status === 'incubating')) {
      throw conflict('This company is already incubating in an incubator', [
        { path: 'uscc', message: 'company_incubating' },
      ]);
    }
    const lastEnd = stays
      .map((s) => s.endedOn ?? s.admittedOn)
      .sort()
      .at(-1);
    if (lastEnd && admittedOn < lastEnd) {
      throw unprocessable('Admission must come after the company left its previous incubator', [
        { path: 'admittedOn', message: 'before_previous_tenancy_ended' },
      ]);
    }
    companyId = existing.id;
    // The national record takes what this admission says; the earlier tenancies keep their own
    // snapshot. Its audit row is the national record's (no incubator): filed under this incubator,
    // its `before` would show this manager what the earlier incubator had recorded.
    await q.updateCompany(tx, companyId, company);
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'company.update',
      entity: 'company',
      entityId: companyId,
      incubatorId: null,
      before: valuesBefore(existing, company),
      after: company,
    });
  } else {
    companyId = await q.insertCompany(tx, { uscc, ...company, nameEn: company.nameEn ?? null });
  }
  const id = await q.insertTenant(tx, {
    companyId,
    incubatorId,
    ...admittedProfile(company),
    admittedOn,
    areaOccupied,
    admissionExceptionReason: admissionExceptionReason ?? null,
    incubationEndsOn: incubationEndsOn(admittedOn, company),
  });
  await writeAudit(tx, {
    userId: caller.userId,
    action: 'tenant.admit',
    entity: 'tenant',
    entityId: id,
    incubatorId,
    after: body,
  });
  return id;
}

/**
 * The company as the admitting incubator records it: what its admission says, a field it left
 * out empty (never another incubator's value of it).
 */
export function admittedProfile(company: Omit<AdmitBody, 'uscc' | 'admittedOn' | 'areaOccupied'>) {
  return {
    name: company.name,
    nameEn: company.nameEn ?? null,
    foundedOn: company.foundedOn,
    field: company.field,
    integratedCircuit: company.integratedCircuit,
    registeredCapital: company.registeredCapital,
    founderTraits: company.founderTraits,
    highTechCertifiedOn: company.highTechCertifiedOn ?? null,
    legalRepresentative: company.legalRepresentative ?? null,
    contactPhone: company.contactPhone ?? null,
    website: company.website ?? null,
  };
}

const PROFILE = new Set<string>(TENANT_PROFILE_FIELDS);
const MANAGED = new Set<string>(TENANT_MANAGED_FIELDS);
const READONLY = new Set<string>(TENANT_READONLY_FIELDS);

/** Which fields of a PATCH this caller may not write: 403, before anything is read or written. */
function refusedFields(caller: Caller, changes: Record<string, unknown>): FieldProblem[] {
  return Object.keys(changes)
    .filter(
      (k) =>
        READONLY.has(k) || (caller.role === 'tenant' ? !PROFILE.has(k) : !PROFILE.has(k) && !MANAGED.has(k)),
    )
    .map((path) => ({ path, message: READONLY.has(path) ? 'read_only' : 'not_writable_by_role' }));
}

export async function patch(db: Db, caller: Caller, id: string, body: TenantPatch): Promise<Tenant> {
  await db.transaction((tx) => patchInTx(tx, caller, id, body));
  return get(db, caller, id);
}

/** A PATCH in the caller's transaction: every rule of patch(), for imports as for the form. */
export async function patchInTx(tx: Tx, caller: Caller, id: string, body: TenantPatch): Promise<void> {
  const { version, ...changes } = body;
  const before = await q.findTenant(tx, caller, id);
  if (!before) throw notFound('Tenant');
  requireTenantEditor(caller, before.incubatorId);
  const refused = refusedFields(caller, changes);
  if (refused.length) throw forbidden('These fields may not be changed by you', refused);

  // A company user's edit that would move the deadline waits for the manager (pending-change.ts).
  const { applied, pending } = holdDeadlineFields(caller, before, changes);
  const after = { ...before, ...applied } as q.TenantRow;
  const problems = [
    ...admissionProblems(after.foundedOn, after.admittedOn, after.admissionExceptionReason),
    ...(after.admittedOn < after.foundedOn
      ? [{ path: 'admittedOn', message: 'admitted_before_founded' }]
      : []),
    ...((after.graduatedOn ?? after.exitedOn ?? '9999') < after.admittedOn
      ? [{ path: 'admittedOn', message: 'admitted_after_leaving' }]
      : []),
  ];
  if (problems.length) throw unprocessable('The change breaks a date rule', problems);

  // The company's fields change in this tenancy's snapshot and, as this is its current tenancy,
  // in the national record; an earlier tenancy is history (409), never rewritten through a later one.
  const companyChanges = Object.fromEntries(
    Object.entries(applied).filter(
      ([k]) => PROFILE.has(k) || k === 'foundedOn' || k === 'highTechCertifiedOn',
    ),
  );
  if (
    (Object.keys(companyChanges).length || pending) &&
    (await q.hasLaterTenancy(tx, before.companyId, id, before.admittedOn))
  ) {
    throw conflict('The company has moved on; edit it through its current tenancy', [
      { path: 'companyId', message: 'not_current_tenancy' },
    ]);
  }
  const tenancyChanges = {
    ...companyChanges,
    ...(changes.admittedOn !== undefined ? { admittedOn: changes.admittedOn } : {}),
    ...(changes.areaOccupied !== undefined ? { areaOccupied: changes.areaOccupied } : {}),
    ...(changes.admissionExceptionReason !== undefined
      ? { admissionExceptionReason: changes.admissionExceptionReason }
      : {}),
    incubationEndsOn: incubationEndsOn(
      after.admittedOn,
      after as { field: Tenant['field']; integratedCircuit: boolean },
    ),
    ...pendingColumns(pending),
  };
  if (before.version !== version || !(await q.bumpTenant(tx, id, version, tenancyChanges)))
    throw staleVersion();
  await q.updateCompany(tx, before.companyId, companyChanges);
  await writeAudit(tx, {
    userId: caller.userId,
    action: 'tenant.update',
    entity: 'tenant',
    entityId: id,
    incubatorId: before.incubatorId,
    before: {
      ...valuesBefore(before, applied),
      ...(pending === undefined ? {} : { pendingChange: pendingChangeOf(before) }),
    },
    after: { ...applied, ...(pending === undefined ? {} : { pendingChange: pending }) },
  });
}

export type { TenantCreate };
