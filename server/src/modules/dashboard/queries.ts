// The incubator dashboard's lists and review count. Its tiles' counts are the statistics' (service.ts)
// and its money sums the investments module's: one source each.
import { DASHBOARD_FLAG_ITEMS } from '@torch/shared';
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { reports, tenants } from '../../db/schema/index';
import { overdueCondition } from '../tenants/queries';

export async function pendingReviews(db: DbOrTx, incubatorId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reports)
    .where(and(eq(reports.incubatorId, incubatorId), eq(reports.status, 'submitted')));
  return row?.n ?? 0;
}

const flaggedColumns = {
  id: tenants.id,
  name: tenants.name,
  incubationEndsOn: tenants.incubationEndsOn,
  admittedOn: tenants.admittedOn,
  reason: tenants.admissionExceptionReason,
  total: sql<number>`count(*) over()::int`,
};

/** Incubating past the incubation limit: the tenant list's `overdue=true` condition. */
export async function overdueTenants(db: DbOrTx, incubatorId: string, today: string) {
  return db
    .select(flaggedColumns)
    .from(tenants)
    .where(and(eq(tenants.incubatorId, incubatorId), overdueCondition(today)))
    .orderBy(asc(tenants.incubationEndsOn), asc(tenants.id))
    .limit(DASHBOARD_FLAG_ITEMS);
}

/** Incubating tenants admitted outside the admission window, with the reason given. */
export async function admissionExceptions(db: DbOrTx, incubatorId: string) {
  return db
    .select(flaggedColumns)
    .from(tenants)
    .where(
      and(
        eq(tenants.incubatorId, incubatorId),
        eq(tenants.status, 'incubating'),
        isNotNull(tenants.admissionExceptionReason),
      ),
    )
    .orderBy(desc(tenants.admittedOn), asc(tenants.id))
    .limit(DASHBOARD_FLAG_ITEMS);
}

/** Tenancies with a company's deadline-moving edit waiting for the manager, oldest first. */
export async function pendingChanges(db: DbOrTx, incubatorId: string) {
  return db
    .select({
      id: tenants.id,
      name: tenants.name,
      since: tenants.pendingSince,
      total: sql<number>`count(*) over()::int`,
    })
    .from(tenants)
    .where(and(eq(tenants.incubatorId, incubatorId), isNotNull(tenants.pendingProfile)))
    .orderBy(asc(tenants.pendingSince), asc(tenants.id))
    .limit(DASHBOARD_FLAG_ITEMS);
}
