import type { CompanyListQuery } from '@torch/shared';
import { and, asc, eq, exists, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { companies, incubators, tenants } from '../../db/schema/index';
import type { Caller } from '../../plugins/auth';
import { scopeKey, tenantVisible } from '../../scope';
import { companyMatches, searchPatterns } from '../../search';

const companyColumns = {
  id: companies.id,
  uscc: companies.uscc,
  name: companies.name,
  nameEn: companies.nameEn,
  field: companies.field,
  foundedOn: companies.foundedOn,
};

/**
 * A company is in the caller's scope when one of its tenancies is: the national user sees every
 * company, a province those with a stay in one of its incubators.
 */
function companyInScope(db: DbOrTx, caller: Caller): SQL | undefined {
  const visible = tenantVisible(caller);
  if (!visible) return undefined;
  return exists(
    db
      .select({ one: sql`1` })
      .from(tenants)
      .innerJoin(incubators, eq(incubators.id, tenants.incubatorId))
      .where(and(eq(tenants.companyId, companies.id), visible)),
  );
}

/**
 * One page of the companies matching q, by name, and their total: one prepared statement. A short
 * q (two characters) matches many companies (~1,000 at scale 10), each a visit to the table the
 * bigram index cannot spare: they are found once, and the count and the page both read them.
 * Longer ones match few, found by the trigram indexes for the count and again for the page.
 */
export async function searchCompanies(db: DbOrTx, caller: Caller, query: CompanyListQuery) {
  const patterns = searchPatterns(query.q);
  const key = `companies:${patterns.uscc ? 'name+uscc' : 'name'}:${patterns.cased}:${patterns.short}:${scopeKey(caller)}`;
  const statement = preparedOnce(db, key, () => {
    const matches = companyMatches({
      name: sql.placeholder('name'),
      uscc: patterns.uscc ? sql.placeholder('uscc') : undefined,
      cased: patterns.cased,
      shortText: patterns.short ? sql.placeholder('text') : undefined,
    });
    const where = and(matches, companyInScope(db, caller));
    return (patterns.short ? matchedOnce : matchedTwice)(db, where).prepare('companies_search');
  });
  const rows = await statement.execute({
    text: patterns.text,
    name: patterns.name,
    uscc: patterns.uscc,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.flatMap((r) => (r.page ? [r.page] : [])),
  };
}

/** Two passes over the table: the matches counted, then found again for the page. */
function matchedTwice(db: DbOrTx, where: SQL | undefined) {
  const count = db
    .select({ total: sql<number>`count(*)::int`.as('total') })
    .from(companies)
    .where(where)
    .as('count');
  const page = db
    .select(companyColumns)
    .from(companies)
    .where(where)
    .orderBy(asc(companies.name), asc(companies.id))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .as('page');
  return db
    .select({ total: count.total, page: { ...page._.selectedFields } })
    .from(count)
    .leftJoin(page, sql`true`)
    .orderBy(asc(page.name), asc(page.id));
}

/**
 * One pass: the matches found once into a CTE that the count and the page both read (PostgreSQL
 * materialises a CTE referenced twice: the matches are kept, not found again for each).
 */
function matchedOnce(db: DbOrTx, where: SQL | undefined) {
  const matched = db.$with('matched').as(db.select(companyColumns).from(companies).where(where));
  const count = db
    .select({ total: sql<number>`count(*)::int`.as('total') })
    .from(matched)
    .as('count');
  const page = db
    .select()
    .from(matched)
    .orderBy(asc(matched.name), asc(matched.id))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .as('page');
  return db
    .with(matched)
    .select({ total: count.total, page: { ...page._.selectedFields } })
    .from(count)
    .leftJoin(page, sql`true`)
    .orderBy(asc(page.name), asc(page.id));
}

/**
 * The company (its national record) with its tenancies in the caller's scope, latest admission
 * first, each with the company as that incubator recorded it.
 */
export async function companyWithTenancies(db: DbOrTx, caller: Caller, id: string) {
  return db
    .select({
      company: companyColumns,
      tenancy: {
        id: tenants.id,
        incubatorId: tenants.incubatorId,
        incubatorName: incubators.name,
        provinceCode: incubators.provinceCode,
        name: tenants.name,
        nameEn: tenants.nameEn,
        field: tenants.field,
        foundedOn: tenants.foundedOn,
        admittedOn: tenants.admittedOn,
        status: tenants.status,
        graduatedOn: tenants.graduatedOn,
        exitedOn: tenants.exitedOn,
      },
    })
    .from(companies)
    .leftJoin(tenants, eq(tenants.companyId, companies.id))
    .leftJoin(incubators, eq(incubators.id, tenants.incubatorId))
    .where(and(eq(companies.id, id), tenantVisible(caller)))
    .orderBy(sql`${tenants.admittedOn} desc nulls last`, asc(tenants.id))
    .prepare('company_with_tenancies')
    .execute();
}
