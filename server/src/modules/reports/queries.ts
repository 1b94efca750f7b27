import type { ReportListQuery, ReportStatus } from '@torch/shared';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { incubators, reports, tenants } from '../../db/schema/index';
import { acrossScopes } from '../../db/scoped-client';
import type { Caller } from '../../plugins/auth';
import { companyRecordVisible, scopeKey } from '../../scope';
import { recordsOf, visibleTenancy } from '../visible-tenancy';

/**
 * Reports the caller may read: a company its own, a manager its incubators' (the tenancy the report
 * was filed under decides), a province its incubators'. Needs `incubators` joined.
 */
export function reportVisible(caller: Caller): SQL | undefined {
  return companyRecordVisible(caller, reports);
}

export const figureColumns = {
  revenue: reports.revenue,
  netProfit: reports.netProfit,
  rdSpending: reports.rdSpending,
  taxesPaid: reports.taxesPaid,
  exports: reports.exports,
  employees: reports.employees,
  phdEmployees: reports.phdEmployees,
  collegeEmployees: reports.collegeEmployees,
  returnedScholarEmployees: reports.returnedScholarEmployees,
  freshGraduatesHired: reports.freshGraduatesHired,
  ipApplications: reports.ipApplications,
  ipGranted: reports.ipGranted,
  inventionPatents: reports.inventionPatents,
  softwareCopyrights: reports.softwareCopyrights,
  otherIp: reports.otherIp,
  financingReceived: reports.financingReceived,
};

const reportColumns = {
  id: reports.id,
  tenantId: reports.tenantId,
  companyId: reports.companyId,
  incubatorId: reports.incubatorId,
  /** The company's name as the report's incubator recorded it (its tenancy). */
  companyName: tenants.name,
  year: reports.year,
  ...figureColumns,
  status: reports.status,
  reviewComment: reports.reviewComment,
  flags: reports.flags,
  submittedAt: reports.submittedAt,
  reviewedAt: reports.reviewedAt,
  version: reports.version,
  createdAt: reports.createdAt,
  updatedAt: reports.updatedAt,
};

export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

function selectReports<Extra extends Record<string, SQL | SQL.Aliased>>(db: DbOrTx, extra?: Extra) {
  return db
    .select({ ...reportColumns, ...(extra as Extra) })
    .from(reports)
    .innerJoin(tenants, eq(tenants.id, reports.tenantId))
    .innerJoin(incubators, eq(incubators.id, reports.incubatorId));
}

export async function findReport(db: DbOrTx, caller: Caller, id: string) {
  const [row] = await selectReports(db).where(and(eq(reports.id, id), reportVisible(caller)));
  return row;
}

async function paged(db: DbOrTx, where: SQL | undefined, order: SQL[], page: number, pageSize: number) {
  const rows = await selectReports(db, { total: sql<number>`count(*) over()::int` })
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  let total = rows[0]?.total;
  if (total === undefined) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(reports)
      .innerJoin(incubators, eq(incubators.id, reports.incubatorId))
      .where(where);
    total = row?.n ?? 0;
  }
  return { rows: rows.map(({ total: _, ...row }) => row), total };
}

/**
 * One page of the reports filed under a tenancy, newest year first, with their total and the
 * tenancy's visibility in one prepared statement (visible-tenancy.ts): no row means the tenancy is
 * not the caller's to see (404). They are found by company and tenancy: `(company_id, year)` is
 * indexed and gives the order.
 */
export async function reportsOfTenant(
  db: DbOrTx,
  caller: Caller,
  tenantId: string,
  page: number,
  pageSize: number,
) {
  const statement = preparedOnce(db, `reports:${scopeKey(caller)}`, () => {
    const underTenancy = and(eq(reports.companyId, tenants.companyId), eq(reports.tenantId, tenants.id));
    // The tenancy is the lateral's outer row: its recorded name needs no join. Spelt out with its
    // table, as drizzle leaves a one-table select's columns unqualified (and incubators has a name).
    const recordedName = sql<string>`${sql.identifier('tenants')}.${sql.identifier('name')}`;
    // The total rides on every row of the page: a window over the tenancy's reports is counted
    // before the limit applies, so reports is read once (and policed once) rather than by a page
    // and a separate count.
    const list = db
      .select({
        ...reportColumns,
        companyName: recordedName.as('company_name'),
        total: sql<number>`count(*) over ()::int`.as('total'),
      })
      .from(reports)
      .where(underTenancy)
      .orderBy(desc(reports.year))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .as('page');
    const { total, ...pageFields } = list._.selectedFields;
    const tenancy = db.select({ total, page: pageFields }).from(tenants).$dynamic();
    return visibleTenancy(tenancy, caller)
      .leftJoinLateral(list, sql`true`)
      .orderBy(desc(list.year))
      .prepare('reports_of_tenant');
  });
  const rows = await statement.execute({ tenantId, limit: pageSize, offset: (page - 1) * pageSize });
  const first = rows[0];
  if (!first) return undefined;
  // An empty page has no row to carry the total: none at all on the first page, else counted (a
  // page past the last, which clients rarely ask for).
  const total = first.total ?? (page === 1 ? 0 : await countReportsOfTenant(db, tenantId));
  return { total, rows: recordsOf(rows, 'page') };
}

/** The reports filed under a tenancy the caller may see (its company's, through the unique index). */
async function countReportsOfTenant(db: DbOrTx, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(reports)
    .innerJoin(tenants, and(eq(reports.companyId, tenants.companyId), eq(reports.tenantId, tenants.id)))
    .where(eq(tenants.id, tenantId));
  return row?.total ?? 0;
}

/** An incubator's reports: the review queue puts the longest-waiting submission first. */
export function reportsOfIncubator(db: DbOrTx, caller: Caller, incubatorId: string, query: ReportListQuery) {
  const where = and(
    eq(reports.incubatorId, incubatorId),
    reportVisible(caller),
    query.status ? eq(reports.status, query.status) : undefined,
    query.year ? eq(reports.year, query.year) : undefined,
  );
  const order = [
    sql`${reports.submittedAt} asc nulls last`,
    desc(reports.year),
    asc(tenants.name),
    asc(reports.id),
  ];
  return paged(db, where, order, query.page, query.pageSize);
}

/** The company's report for a year, in any state: there is one per company and year. */
export async function reportOfYear(db: DbOrTx, companyId: string, year: number) {
  const [row] = await acrossScopes(async () =>
    db
      .select({ id: reports.id, status: reports.status, incubatorId: reports.incubatorId, ...figureColumns })
      .from(reports)
      .where(and(eq(reports.companyId, companyId), eq(reports.year, year))),
  );
  return row;
}

export async function insertReport(db: DbOrTx, values: typeof reports.$inferInsert) {
  const [row] = await db.insert(reports).values(values).returning({ id: reports.id });
  return row!.id;
}

/**
 * Moves a report on only from the states given (and only at the version read, when given), so two
 * racing transitions cannot both succeed; undefined means the report was no longer there to move.
 */
export async function updateReport(
  db: DbOrTx,
  id: string,
  from: readonly ReportStatus[],
  values: PgUpdateSetSource<typeof reports>,
  version?: number,
) {
  const [row] = await db
    .update(reports)
    .set({ ...values, version: sql`${reports.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(reports.id, id),
        inArray(reports.status, [...from]),
        version === undefined ? undefined : eq(reports.version, version),
      ),
    )
    .returning({ id: reports.id });
  return row;
}
