import type { TenantListQuery } from '@torch/shared';
import {
  type AnyColumn,
  and,
  asc,
  desc,
  eq,
  inArray,
  lt,
  ne,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { companies, incubators, tenants } from '../../db/schema/index';
import { acrossScopes } from '../../db/scoped-client';
import type { Caller } from '../../plugins/auth';
import { incubatorVisible, scopeKey, tenantVisible } from '../../scope';
import { companyMatches, searchPatterns } from '../../search';

/** The tenant resource: the tenancy with the company as its incubator recorded it (its snapshot). */
export const tenantColumns = {
  id: tenants.id,
  companyId: tenants.companyId,
  incubatorId: tenants.incubatorId,
  incubatorName: incubators.name,
  uscc: companies.uscc,
  name: tenants.name,
  nameEn: tenants.nameEn,
  field: tenants.field,
  integratedCircuit: tenants.integratedCircuit,
  registeredCapital: tenants.registeredCapital,
  founderTraits: tenants.founderTraits,
  legalRepresentative: tenants.legalRepresentative,
  contactPhone: tenants.contactPhone,
  website: tenants.website,
  foundedOn: tenants.foundedOn,
  highTechCertifiedOn: tenants.highTechCertifiedOn,
  admittedOn: tenants.admittedOn,
  areaOccupied: tenants.areaOccupied,
  admissionExceptionReason: tenants.admissionExceptionReason,
  incubationEndsOn: tenants.incubationEndsOn,
  pendingProfile: tenants.pendingProfile,
  pendingSince: tenants.pendingSince,
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

type SortColumns = Record<'id' | 'name' | 'admittedOn' | 'foundedOn', AnyColumn>;

// The default order spelt as its index is (`admitted_on DESC NULLS LAST`): drizzle's desc() is
// DESC NULLS FIRST, which that index cannot serve, so a page of 50 would sort every tenancy.
const sortBy = (c: SortColumns): Record<TenantListQuery['sort'], SQL[]> => ({
  name: [asc(c.name), asc(c.id)],
  '-name': [desc(c.name), asc(c.id)],
  admittedOn: [asc(c.admittedOn), asc(c.id)],
  '-admittedOn': [sql`${c.admittedOn} desc nulls last`, asc(c.id)],
  foundedOn: [asc(c.foundedOn), asc(c.id)],
  '-foundedOn': [desc(c.foundedOn), asc(c.id)],
});

function selectTenants(db: DbOrTx) {
  return db
    .select(tenantColumns)
    .from(tenants)
    .innerJoin(companies, eq(companies.id, tenants.companyId))
    .innerJoin(incubators, eq(incubators.id, tenants.incubatorId));
}

/**
 * Still incubating after the incubation limit. `today` is the civil date in China: a tenant is
 * overdue the day after its incubation ends. The one definition the list filter and the
 * dashboard flag share.
 */
export function overdueCondition(today: string | SQLWrapper) {
  return and(eq(tenants.status, 'incubating'), lt(tenants.incubationEndsOn, today));
}

const p = {
  incubatorId: sql.placeholder('incubatorId'),
  status: sql.placeholder('status'),
  field: sql.placeholder('field'),
  today: sql.placeholder('today'),
  name: sql.placeholder('name'),
  uscc: sql.placeholder('uscc'),
  limit: sql.placeholder('limit'),
  offset: sql.placeholder('offset'),
};

interface ListShape {
  status: boolean;
  field: boolean;
  overdue: boolean | undefined;
  /** A name search, whether it also matches USCC prefixes, and whether q has case (ILIKE). */
  q: 'none' | 'name' | 'name+uscc';
  cased: boolean;
  sort: TenantListQuery['sort'];
}

/**
 * One page of an incubator's tenants and their total, in one statement that also checks the
 * incubator is visible to the caller: no row means 404. Once the incubator is visible every tenancy
 * in it is, so the tenancies need no scope filter of their own. Names and fields are the tenancy's
 * own (as this incubator recorded them), so the count reads only tenants_incubator_admitted_idx, which
 * carries the names (a USCC prefix adds the few companies it picks); the page reads its rows in index
 * order where the sort allows.
 */
function listStatement(db: DbOrTx, caller: Caller, shape: ListShape) {
  const overdue = overdueCondition(p.today);
  const where = and(
    eq(tenants.incubatorId, p.incubatorId),
    shape.status ? eq(tenants.status, p.status) : undefined,
    shape.field ? eq(tenants.field, p.field) : undefined,
    shape.overdue === true ? overdue : undefined,
    shape.overdue === false ? sql`not (${overdue})` : undefined,
    shape.q === 'none'
      ? undefined
      : companyMatches(
          { name: p.name, uscc: shape.q === 'name+uscc' ? p.uscc : undefined, cased: shape.cased },
          { name: tenants.name, nameEn: tenants.nameEn, companyId: tenants.companyId },
        ),
  );
  const count = db.select({ n: sql<number>`count(*)::int` }).from(tenants);
  const { incubatorName: _, ...pageColumns } = tenantColumns;
  const order = sortBy(tenants)[shape.sort];
  const rows = db.select(pageColumns).from(tenants).innerJoin(companies, eq(companies.id, tenants.companyId));
  // A search picks the page's ids from tenants_incubator_admitted_idx alone (it holds the names), then
  // reads just those tenancies: filtered as it is read, the page visited the heap row of every
  // tenancy before its 50th match (2,768 for a USCC prefix whose companies came late).
  const page = (
    shape.q === 'none'
      ? rows
          .where(where)
          .orderBy(...order)
          .limit(p.limit)
          .offset(p.offset)
      : rows.where(
          inArray(
            tenants.id,
            db
              .select({ id: tenants.id })
              .from(tenants)
              .where(where)
              .orderBy(...order)
              .limit(p.limit)
              .offset(p.offset),
          ),
        )
  ).as('page');
  return (
    db
      .select({
        incubatorName: incubators.name,
        total: sql<number>`(${count.where(where)})`,
        page: { ...page._.selectedFields },
      })
      .from(incubators)
      .leftJoin(page, sql`true`)
      .where(and(eq(incubators.id, p.incubatorId), incubatorVisible(caller)))
      // The join keeps the page's order in practice; the statement says so rather than rely on it.
      .orderBy(...sortBy(page)[shape.sort])
      .prepare('tenants_of_incubator')
  );
}

export async function listTenantsOfIncubator(
  db: DbOrTx,
  caller: Caller,
  incubatorId: string,
  query: TenantListQuery,
  today: string,
) {
  const patterns = query.q ? searchPatterns(query.q) : undefined;
  const shape: ListShape = {
    status: Boolean(query.status),
    field: Boolean(query.field),
    overdue: query.overdue,
    q: !patterns ? 'none' : patterns.uscc ? 'name+uscc' : 'name',
    cased: patterns?.cased ?? false,
    sort: query.sort,
  };
  // The caller's scope is written into the statement, so it is part of the shape.
  const statement = preparedOnce(db, `tenants:${JSON.stringify(shape)}:${scopeKey(caller)}`, () =>
    listStatement(db, caller, shape),
  );
  const rows = await statement.execute({
    incubatorId,
    status: query.status,
    field: query.field,
    today,
    name: patterns?.name,
    uscc: patterns?.uscc,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const first = rows[0];
  if (!first) return undefined;
  return {
    total: first.total,
    // The mapper's objects are this call's own: completed in place rather than copied.
    rows: rows.flatMap((r) => (r.page ? [Object.assign(r.page, { incubatorName: r.incubatorName })] : [])),
  };
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
  return acrossScopes(async () =>
    db
      .select({
        id: tenants.id,
        incubatorId: tenants.incubatorId,
        status: tenants.status,
        admittedOn: tenants.admittedOn,
        endedOn: sql<string | null>`coalesce(${tenants.graduatedOn}, ${tenants.exitedOn})`,
      })
      .from(tenants)
      .where(eq(tenants.companyId, companyId))
      .orderBy(desc(tenants.admittedOn)),
  );
}

/** Another tenancy of the company admitted later than this one: then this one is history. */
export async function hasLaterTenancy(db: DbOrTx, companyId: string, tenantId: string, admittedOn: string) {
  const [row] = await acrossScopes(async () =>
    db
      .select({ id: tenants.id })
      .from(tenants)
      .where(
        and(
          eq(tenants.companyId, companyId),
          ne(tenants.id, tenantId),
          sql`${tenants.admittedOn} >= ${admittedOn}`,
        ),
      )
      .limit(1),
  );
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
