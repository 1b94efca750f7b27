// Graduation and exit: the two ways a tenancy ends, and what the records prove about graduating.
import {
  checkExit,
  checkGraduation,
  type ExitBody,
  type GraduationBody,
  type GraduationCheck,
  type GraduationCriterion,
  type GraduationEligibilityOut,
  type GraduationEligibilityQuery,
  graduationEligibility,
  type Tenant,
  todayInChina,
} from '@torch/shared';
import { lockManagedTenant } from '../../access';
import { writeAudit } from '../../audit';
import type { Db } from '../../db/client';
import { badRequest, conflict, type HttpProblem, notFound, staleVersion, unprocessable } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { bumpTenant, findTenant } from '../tenants/queries';
import { get as getTenant } from '../tenants/service';
import * as q from './queries';

export async function eligibility(
  db: Db,
  caller: Caller,
  id: string,
  query: GraduationEligibilityQuery,
): Promise<GraduationEligibilityOut> {
  const tenant = await findTenant(db, caller, id);
  if (!tenant) throw notFound('Tenant');
  const asOf = query.asOf ?? todayInChina();
  const records = await q.graduationRecords(db, tenant.companyId);
  const recorded = await q.recordedGraduation(db, id);
  return {
    tenantId: id,
    asOf,
    criteria: graduationEligibility({ asOf, ...records }),
    graduation:
      recorded?.graduatedOn != null
        ? {
            graduatedOn: recorded.graduatedOn,
            criteria: recorded.criteria as GraduationCriterion[],
            unverifiedCriteria: recorded.unverifiedCriteria as GraduationCriterion[],
            evidence: recorded.evidence,
          }
        : null,
  };
}

const notIncubating = (status: string) =>
  conflict(`The tenant has already ${status === 'exited' ? 'exited' : 'graduated'}`, [
    { path: 'status', message: 'not_incubating' },
  ]);

function graduationRefused(
  check: Exclude<GraduationCheck, { ok: true }>,
  status: string,
  body: GraduationBody,
): HttpProblem {
  switch (check.code) {
    case 'not_incubating':
      return notIncubating(status);
    case 'in_future':
      return badRequest('The request is not valid', [{ path: 'graduatedOn', message: 'date_in_future' }]);
    case 'before_admission':
      return unprocessable('A tenant cannot graduate before it was admitted', [
        { path: 'graduatedOn', message: 'before_admission' },
      ]);
    case 'no_criteria':
      return badRequest('The request is not valid', [{ path: 'criteria', message: 'no_criteria' }]);
    case 'evidence_required':
      return unprocessable(
        `The records do not prove ${check.unproven.join(', ')}; give evidence to claim it anyway`,
        [
          { path: 'evidence', message: 'evidence_required' },
          ...check.unproven.map((c) => ({
            path: `criteria.${body.criteria.indexOf(c)}`,
            message: 'not_proven',
          })),
        ],
      );
  }
}

export async function graduate(db: Db, caller: Caller, id: string, body: GraduationBody): Promise<Tenant> {
  await db.transaction(async (tx) => {
    const tenant = await lockManagedTenant(tx, caller, id);
    const records = await q.graduationRecords(tx, tenant.companyId);
    const check = checkGraduation({
      admittedOn: tenant.admittedOn,
      status: tenant.status,
      graduatedOn: body.graduatedOn,
      claimed: body.criteria,
      evidence: body.evidence,
      eligibility: graduationEligibility({ asOf: body.graduatedOn, ...records }),
    });
    if (!check.ok) throw graduationRefused(check, tenant.status, body);
    const values = {
      status: 'graduated' as const,
      graduatedOn: body.graduatedOn,
      graduationCriteria: body.criteria,
      unverifiedCriteria: check.unverified,
      graduationEvidence: body.evidence ?? null,
    };
    if (!(await bumpTenant(tx, id, tenant.version, values))) throw staleVersion();
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'tenant.graduate',
      entity: 'tenant',
      entityId: id,
      incubatorId: tenant.incubatorId,
      before: { status: tenant.status },
      after: { ...values, verifiedCriteria: check.verified },
    });
  });
  return getTenant(db, caller, id);
}

export async function exit(db: Db, caller: Caller, id: string, body: ExitBody): Promise<Tenant> {
  await db.transaction(async (tx) => {
    const tenant = await lockManagedTenant(tx, caller, id);
    const check = checkExit(tenant, body.exitedOn);
    if (!check.ok) {
      if (check.code === 'not_incubating') throw notIncubating(tenant.status);
      if (check.code === 'in_future') {
        throw badRequest('The request is not valid', [{ path: 'exitedOn', message: 'date_in_future' }]);
      }
      throw unprocessable('A tenant cannot leave before it was admitted', [
        { path: 'exitedOn', message: 'before_admission' },
      ]);
    }
    const values = {
      status: 'exited' as const,
      exitedOn: body.exitedOn,
      exitReason: body.reason,
      exitNote: body.note ?? null,
    };
    if (!(await bumpTenant(tx, id, tenant.version, values))) throw staleVersion();
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'tenant.exit',
      entity: 'tenant',
      entityId: id,
      incubatorId: tenant.incubatorId,
      before: { status: tenant.status },
      after: values,
    });
  });
  return getTenant(db, caller, id);
}
