import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { investments, tenants } from '../../db/schema/index';
import type { Caller } from '../../plugins/auth';
import { scopeKey } from '../../scope';
import { recordsOf, visibleTenancy } from '../visible-tenancy';

export const investmentColumns = {
  id: investments.id,
  tenantId: investments.tenantId,
  companyId: investments.companyId,
  incubatorId: investments.incubatorId,
  investorKind: investments.investorKind,
  investorName: investments.investorName,
  amount: investments.amount,
  investedOn: investments.investedOn,
  round: investments.round,
  equityShare: investments.equityShare,
  instrument: investments.instrument,
  coInvestingVcAmount: investments.coInvestingVcAmount,
  version: investments.version,
  createdAt: investments.createdAt,
};

export type InvestmentRow = Awaited<ReturnType<typeof findInvestment>> & {};

/**
 * The investments recorded under a tenancy, oldest first, and the tenancy's visibility in one
 * prepared statement (visible-tenancy.ts): undefined means the tenancy is not the caller's to see
 * (404).
 */
export async function investmentsOfTenant(db: DbOrTx, caller: Caller, tenantId: string) {
  const statement = preparedOnce(db, `investments:${scopeKey(caller)}`, () => {
    const list = db
      .select(investmentColumns)
      .from(investments)
      .where(eq(investments.tenantId, tenants.id))
      .as('list');
    const tenancy = db
      .select({ item: { ...list._.selectedFields } })
      .from(tenants)
      .$dynamic();
    return visibleTenancy(tenancy, caller)
      .leftJoinLateral(list, sql`true`)
      .orderBy(asc(list.investedOn), asc(list.createdAt), asc(list.id))
      .prepare('investments_of_tenant');
  });
  const rows = await statement.execute({ tenantId });
  if (!rows.length) return undefined;
  return recordsOf(rows, 'item');
}

export async function findInvestment(db: DbOrTx, id: string) {
  const [row] = await db.select(investmentColumns).from(investments).where(eq(investments.id, id));
  return row;
}

export async function insertInvestment(db: DbOrTx, values: typeof investments.$inferInsert) {
  const [row] = await db.insert(investments).values(values).returning({ id: investments.id });
  return row!.id;
}

/**
 * Sums per investor kind of the investments recorded under an incubator's tenancies, optionally
 * for one calendar year. The shared investmentTotals() turns them into the totals.
 */
export async function sumsByKindOfIncubator(db: DbOrTx, incubatorId: string, year?: number) {
  return db
    .select({
      investorKind: investments.investorKind,
      amount: sql<number>`coalesce(sum(${investments.amount}), 0)`.mapWith(Number),
      count: sql<number>`count(*)::int`,
    })
    .from(investments)
    .where(
      and(
        eq(investments.incubatorId, incubatorId),
        year === undefined
          ? undefined
          : sql`${investments.investedOn} between ${`${year}-01-01`} and ${`${year}-12-31`}`,
      ),
    )
    .groupBy(investments.investorKind);
}
