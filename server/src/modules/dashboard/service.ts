// The incubator dashboard: KPI tiles and the tenants that need attention.
import { type IncubatorDashboard, investmentTotals, todayInChina, yearOf } from '@torch/shared';
import type { Db } from '../../db/client';
import { iso } from '../../db/iso';
import { notFound } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { findIncubator } from '../incubators/queries';
import { sumsByKindOfIncubator } from '../investments/queries';
import { rollup } from '../stats/queries';
import * as q from './queries';

/**
 * Incubating, graduated and listed are the statistics' definitions (docs/statistics.md), not
 * counted again here: the incubator's indicators as of today. A company listed under two
 * incubators counts under its first listing's, as in every statistic.
 */
async function countsToday(db: Db, incubatorId: string, asOf: string) {
  const year = yearOf(asOf);
  const cells = {
    fromYear: year,
    toYear: year,
    asOf: asOf === `${year}-12-31` ? null : asOf,
    scope: { province: null, incubatorIds: [incubatorId] },
  };
  const [row] = await rollup(db, cells, null);
  return {
    incubating: row?.values.tenantsIncubating ?? 0,
    graduated: row?.values.graduatesCumulative ?? 0,
    listed: row?.values.listingsCumulative ?? 0,
  };
}

export async function dashboard(db: Db, caller: Caller, incubatorId: string): Promise<IncubatorDashboard> {
  if (!(await findIncubator(db, caller, incubatorId))) throw notFound('Incubator');
  const asOf = todayInChina();
  const year = yearOf(asOf);
  const [counts, money, overdue, exceptions, pending, changes] = await Promise.all([
    countsToday(db, incubatorId, asOf),
    sumsByKindOfIncubator(db, incubatorId, year),
    q.overdueTenants(db, incubatorId, asOf),
    q.admissionExceptions(db, incubatorId),
    q.pendingReviews(db, incubatorId),
    q.pendingChanges(db, incubatorId),
  ]);
  const totals = investmentTotals(money);
  return {
    incubatorId,
    asOf,
    year,
    kpis: {
      ...counts,
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
      pendingChanges: {
        count: changes[0]?.total ?? 0,
        items: changes.map(({ id, name, since }) => ({ id, name, since: iso(since!) })),
      },
    },
  };
}
