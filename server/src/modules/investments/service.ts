// Money into tenants: the parallel-investment cap and dates are checked by the shared rules.
import {
  checkInvestment,
  type FieldProblem,
  type IncubatorInvestmentTotals,
  type Investment,
  type InvestmentCreate,
  type InvestmentTotalsQuery,
  investmentTotals,
  type TenantInvestments,
} from '@torch/shared';
import { lockManagedTenant } from '../../access';
import type { Db } from '../../db/client';
import { iso } from '../../db/iso';
import { notFound, unprocessable } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { findIncubator } from '../incubators/queries';
import { insertUnderTenancy, requireRecordsKeptOn } from '../tenancy-records';
import * as q from './queries';

export function toInvestment(row: q.InvestmentRow): Investment {
  return { ...row, createdAt: iso(row.createdAt) };
}

export async function listOfTenant(db: Db, caller: Caller, tenantId: string): Promise<TenantInvestments> {
  const rows = await q.investmentsOfTenant(db, caller, tenantId);
  if (!rows) throw notFound('Tenant');
  return { items: rows.map(toInvestment), totals: investmentTotals(rows) };
}

export async function create(
  db: Db,
  caller: Caller,
  tenantId: string,
  body: InvestmentCreate,
): Promise<Investment> {
  const id = await db.transaction(async (tx) => {
    const tenant = await lockManagedTenant(tx, caller, tenantId);
    const problems: FieldProblem[] = checkInvestment(body, { coInvestingVcAmount: body.coInvestingVcAmount });
    if (body.investedOn < tenant.foundedOn)
      problems.push({ path: 'investedOn', message: 'invested_before_founded' });
    if (problems.length) throw unprocessable('The investment breaks an investment rule', problems);
    requireRecordsKeptOn(
      tenant,
      body.investedOn,
      'investedOn',
      'The tenant has exited; only investments dated up to its exit may be recorded',
    );
    return insertUnderTenancy(tx, caller, tenant, { entity: 'investment', body }, (values) =>
      q.insertInvestment(tx, values),
    );
  });
  return toInvestment((await q.findInvestment(db, id))!);
}

export async function totalsOfIncubator(
  db: Db,
  caller: Caller,
  incubatorId: string,
  query: InvestmentTotalsQuery,
): Promise<IncubatorInvestmentTotals> {
  if (!(await findIncubator(db, caller, incubatorId))) throw notFound('Incubator');
  const sums = await q.sumsByKindOfIncubator(db, incubatorId, query.year);
  return {
    incubatorId,
    year: query.year ?? null,
    count: sums.reduce((n, s) => n + s.count, 0),
    ...investmentTotals(sums),
  };
}
