// The rows of an incubator's exports, scoped like its lists.
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { companies, incubators, investments, reports } from '../../db/schema/index';
import type { Caller } from '../../plugins/auth';
import { companyRecordVisible } from '../../scope';
import { figureColumns, reportVisible } from '../reports/queries';

export function reportsForExport(
  db: DbOrTx,
  caller: Caller,
  incubatorId: string,
  filter: { status?: string; year?: number },
) {
  return db
    .select({
      uscc: companies.uscc,
      name: companies.name,
      year: reports.year,
      status: reports.status,
      ...figureColumns,
    })
    .from(reports)
    .innerJoin(companies, eq(companies.id, reports.companyId))
    .innerJoin(incubators, eq(incubators.id, reports.incubatorId))
    .where(
      and(
        eq(reports.incubatorId, incubatorId),
        reportVisible(caller),
        filter.status ? eq(reports.status, filter.status as 'approved') : undefined,
        filter.year ? eq(reports.year, filter.year) : undefined,
      ),
    )
    .orderBy(asc(companies.uscc), asc(reports.year));
}

export function investmentsForExport(db: DbOrTx, caller: Caller, incubatorId: string, year?: number) {
  return db
    .select({
      uscc: companies.uscc,
      name: companies.name,
      investorKind: investments.investorKind,
      investorName: investments.investorName,
      instrument: investments.instrument,
      amount: investments.amount,
      investedOn: investments.investedOn,
      round: investments.round,
      equityShare: investments.equityShare,
    })
    .from(investments)
    .innerJoin(companies, eq(companies.id, investments.companyId))
    .innerJoin(incubators, eq(incubators.id, investments.incubatorId))
    .where(
      and(
        eq(investments.incubatorId, incubatorId),
        companyRecordVisible(caller, investments),
        year ? gte(investments.investedOn, `${year}-01-01`) : undefined,
        year ? lt(investments.investedOn, `${year + 1}-01-01`) : undefined,
      ),
    )
    .orderBy(asc(companies.uscc), asc(investments.investedOn), asc(investments.id));
}
