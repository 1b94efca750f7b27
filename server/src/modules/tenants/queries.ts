import type { TenantListQuery } from '@torch/shared';
import { and, asc, desc, eq, ilike, inArray, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { companies, incubators, tenants } from '../../db/schema/index';
import type { Caller } from '../../plugins/auth';
import { likePattern, tenantVisible } from '../../scope';

export const tenantColumns = {
  id: tenants.id,
  companyId: tenants.companyId,
  incubatorId: tenants.incubatorId,
  incubatorName: incubators.name,
  uscc: companies.uscc,
  name: companies.name,
  nameEn: companies.nameEn,
  field: companies.field,
  integratedCircuit: companies.integratedCircuit,
  registeredCapital: companies.registeredCapital,
  founderTraits: companies.founderTraits,
  legalRepresentative: companies.legalRepresentative,
  contactPhone: companies.contactPhone,
  website: companies.website,
  foundedOn: companies.foundedOn,
  highTechCertifiedOn: companies.highTechCertifiedOn,
  admittedOn: tenants.admittedOn,
  areaOccupied: tenants.areaOccupied,
  admissionExceptionReason: tenants.admissionExceptionReason,
  incubationEndsOn: tenants.incubationEndsOn,
  status: tenants.status,
  graduatedOn: tenants.graduatedOn,
  exitedOn: tenants.exitedOn,
  exitReason: tenants.exitReason,
  graduationCriteria: tenants.graduationCriteria,
  version: tenants.version,
  createdAt: tenants.createdAt,
  updatedAt: tenants.updatedAt,
};

export type TenantRow = NonNullable<Awaited<ReturnType<typeof findTenant>>>;

const SORTS: Record<TenantListQuery['sort'], SQL[]> = {
  name: [asc(companies.name), asc(tenants.id)],
  '-name': [desc(companies.name), asc(tenants.id)],
  admittedOn: [asc(tenants.admittedOn), asc(tenants.id)],
  '-admittedOn': [desc(tenants.admittedOn), asc(tenants.id)],
  foundedOn: [asc(companies.foundedOn), asc(tenants.id)],
  '-foundedOn': [desc(companies.foundedOn), asc(tenants.id)],
};

const COMPANY_SORTS = new Set<TenantListQuery['sort']>(['name', '-name', 'foundedOn', '-foundedOn']);

function selectTenants(db: DbOrTx) {
  return db
    .select(tenantColumns)
    .from(tenants)
    .innerJoin(companies, eq(companies.id, tenants.companyId))
    .innerJoin(incubators, eq(incubators.id, tenants.incubatorId));
}

/** A USCC prefix search; `%` and `_` are escaped, so a query of only those matches no code. */
function usccPrefixPattern(q: string): string {
  return `${q.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Still incubating after the incubation limit. `today` is the civil date in China: a tenant is
 * overdue the day after its incubation ends. The one definition the list filter and the
 * dashboard flag share.
 */
export function overdueCondition(today: string) {
  return and(eq(tenants.status, 'incubating'), lt(tenants.incubationEndsOn, today));
}

export async function listTenantsOfIncubator(
  db: DbOrTx,
  caller: Caller,
  incubatorId: string,
  query: TenantListQuery,
  today: string,
) {
  const overdue = overdueCondition(today);
  const where = and(
    eq(tenants.incubatorId, incubatorId),
    tenantVisible(caller),
    query.status ? eq(tenants.status, query.status) : undefined,
    query.field ? eq(companies.field, query.field) : undefined,
    query.overdue === true ? overdue : undefined,
    query.overdue === false ? sql`not (${overdue})` : undefined,
    query.q
      ? or(
          ilike(companies.name, likePattern(query.q)),
          ilike(companies.nameEn, likePattern(query.q)),
          ilike(companies.uscc, usccPrefixPattern(query.q)),
        )
      : undefined,
  );
  // A page is chosen on the tenants table alone (joining companies only when a filter or the sort
  // needs them), then joined for its columns; the count is its own statement. A window count, or
  // a join before the limit, would touch every tenancy's company for one page.
  const needsCompanies = Boolean(query.q || query.field || COMPANY_SORTS.has(query.sort));
  const narrowed = <T extends PgSelect>(select: T) => {
    let q = select;
    if (needsCompanies) q = q.innerJoin(companies, eq(companies.id, tenants.companyId)) as unknown as T;
    if (caller.role === 'province')
      q = q.innerJoin(incubators, eq(incubators.id, tenants.incubatorId)) as unknown as T;
    return q.where(where);
  };
  const pageIds = narrowed(db.select({ id: tenants.id }).from(tenants).$dynamic())
    .orderBy(...SORTS[query.sort])
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const rows = await selectTenants(db)
    .where(inArray(tenants.id, pageIds))
    .orderBy(...SORTS[query.sort]);
  const [count] = await narrowed(db.select({ n: sql<number>`count(*)::int` }).from(tenants).$dynamic());
  return { rows, total: count?.n ?? 0 };
}

export async function findTenant(db: DbOrTx, caller: Caller, id: string) {
  const [row] = await selectTenants(db).where(and(eq(tenants.id, id), tenantVisible(caller)));
  return row;
}

/** The company with this USCC, locked so two admissions cannot race past the checks. */
export async function findCompanyByUsccForUpdate(db: DbOrTx, uscc: string) {
  const [row] = await db.select().from(companies).where(eq(companies.uscc, uscc)).for('update');
  return row;
}

export async function tenanciesOfCompany(db: DbOrTx, companyId: string) {
  return db
    .select({
      id: tenants.id,
      incubatorId: tenants.incubatorId,
      status: tenants.status,
      admittedOn: tenants.admittedOn,
      endedOn: sql<string | null>`coalesce(${tenants.graduatedOn}, ${tenants.exitedOn})`,
    })
    .from(tenants)
    .where(eq(tenants.companyId, companyId))
    .orderBy(desc(tenants.admittedOn));
}

/** Another tenancy of the company admitted later than this one: then this one is history. */
export async function hasLaterTenancy(db: DbOrTx, companyId: string, tenantId: string, admittedOn: string) {
  const [row] = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(
      and(
        eq(tenants.companyId, companyId),
        ne(tenants.id, tenantId),
        sql`${tenants.admittedOn} >= ${admittedOn}`,
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function insertCompany(db: DbOrTx, values: typeof companies.$inferInsert) {
  const [row] = await db.insert(companies).values(values).returning({ id: companies.id });
  return row!.id;
}

export async function updateCompany(db: DbOrTx, id: string, values: Partial<typeof companies.$inferInsert>) {
  if (!Object.keys(values).length) return;
  await db
    .update(companies)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(companies.id, id));
}

export async function insertTenant(db: DbOrTx, values: typeof tenants.$inferInsert) {
  const [row] = await db.insert(tenants).values(values).returning({ id: tenants.id });
  return row!.id;
}

/** Bumps the version whenever the tenancy or its company changed; undefined means stale. */
export async function bumpTenant(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<typeof tenants.$inferInsert>,
) {
  const [row] = await db
    .update(tenants)
    .set({ ...values, version: sql`${tenants.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(tenants.id, id), eq(tenants.version, version)))
    .returning({ id: tenants.id });
  return row;
}

/** The companies with these USCCs, locked (many admissions at once: see admit-many.ts). */
export async function companiesByUsccForUpdate(db: DbOrTx, usccs: string[]) {
  return db.select().from(companies).where(inArray(companies.uscc, usccs)).for('update');
}

export async function insertCompanies(db: DbOrTx, values: (typeof companies.$inferInsert)[]) {
  return db.insert(companies).values(values).returning({ id: companies.id, uscc: companies.uscc });
}

export async function insertTenants(db: DbOrTx, values: (typeof tenants.$inferInsert)[]) {
  return db.insert(tenants).values(values).returning({ id: tenants.id, companyId: tenants.companyId });
}
