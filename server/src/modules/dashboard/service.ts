// The incubator dashboard: KPI tiles and the tenants that need attention.
import { type IncubatorDashboard, investmentTotals, todayInChina, yearOf } from '@torch/shared';
import type { Db } from '../../db/client';
import { notFound } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { findIncubator } from '../incubators/queries';
import { sumsByKindOfIncubator } from '../investments/queries';
import * as q from './queries';

export async function dashboard(db: Db, caller: Caller, incubatorId: string): Promise<IncubatorDashboard> {
  if (!(await findIncubator(db, caller, incubatorId))) throw notFound('Incubator');
  const asOf = todayInChina();
  const year = yearOf(asOf);
  const [counts, listed, money, overdue, exceptions, pending] = await Promise.all([
    q.tenantCounts(db, incubatorId),
    q.listedCompanies(db, incubatorId),
    sumsByKindOfIncubator(db, incubatorId, year),
    q.overdueTenants(db, incubatorId, asOf),
    q.admissionExceptions(db, incubatorId),
    q.pendingReviews(db, incubatorId),
  ]);
  const totals = investmentTotals(money);
  return {
    incubatorId,
    asOf,
    year,
    kpis: {
      ...counts,
      listed,
      investmentThisYear: totals.total,
      incubatorInvestmentThisYear: totals.incubatorInvestment,
    },
    flags: {
      overdue: {
        count: overdue[0]?.total ?? 0,
        items: overdue.map(({ id, name, incubationEndsOn }) => ({ id, name, incubationEndsOn })),
      },
      admissionExceptions: {
        count: exceptions[0]?.total ?? 0,
        items: exceptions.map(({ id, name, admittedOn, reason }) => ({
          id,
          name,
          admittedOn,
          reason: reason ?? '',
        })),
      },
      pendingReviews: { count: pending },
    },
  };
}
