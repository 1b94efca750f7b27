// The benchmark's baseline: each benchmarked read answered by hand-written SQL, the way a skilled
// engineer would write it against the same schema and indexes — one statement per request (page,
// total and the parent's existence together), prepared, national scope. It is deliberately NOT the
// product's own SQL: the benchmark must be able to see when ours is worse than it could be.
// tests/api/bench-baseline.test.ts checks every read answers the same rows, order and totals.
import { investmentTotals } from '@torch/shared';

export interface Statement {
  text: string;
  params: unknown[];
}

export interface BenchIds {
  incubatorId: string;
  /** A tenancy with reports and investments. */
  tenantId: string;
  /** The first characters of a USCC in the incubator. */
  usccPrefix: string;
  /** Four characters from the middle of a company's name: a search the trigram index answers. */
  nameFragment: string;
  /** Two of those characters: no whole trigram, a search the bigram index answers. */
  nameBigram: string;
  /** The civil date in China (what "overdue" is measured against). */
  today: string;
}

/** How a read's rows become the answer: a page `{ items, total }` or the investments `{ items }`. */
export type Shape = 'page' | 'items';

export interface BenchRead {
  name: string;
  /** The product's endpoint, under /api/v1. */
  path: string;
  statement: Statement;
  shape: Shape;
}

const PAGE_SIZE = 50;

// The company as this incubator recorded it is the tenancy's own (docs/company-identity.md); only the
// USCC is the national record's.
const TENANT_COLUMNS = `t.id, t.company_id as "companyId", t.incubator_id as "incubatorId", c.uscc, t.name,
  t.name_en as "nameEn", t.field, t.integrated_circuit as "integratedCircuit",
  t.registered_capital::float8 as "registeredCapital", t.founder_traits as "founderTraits",
  t.legal_representative as "legalRepresentative", t.contact_phone as "contactPhone", t.website,
  t.founded_on::text as "foundedOn", t.high_tech_certified_on::text as "highTechCertifiedOn",
  t.admitted_on::text as "admittedOn", t.area_occupied::float8 as "areaOccupied",
  t.admission_exception_reason as "admissionExceptionReason", t.incubation_ends_on::text as "incubationEndsOn",
  t.status, t.graduated_on::text as "graduatedOn", t.exited_on::text as "exitedOn", t.exit_reason as "exitReason",
  t.graduation_criteria as "graduationCriteria", t.version, t.created_at as "createdAt", t.updated_at as "updatedAt"`;

interface TenantFilter {
  sql: string;
  order: string;
  params: unknown[];
  /**
   * The page's ids picked from an index that holds what the filter reads (a name search:
   * tenants_incubator_admitted_idx), then only those tenancies read.
   */
  idsFirst?: boolean;
}

/**
 * An incubator's tenants: the incubator row (no row = 404), the count (of tenants alone: the names
 * are the tenancy's own) and the page, read in the order of the index where the sort has one.
 * `$1` incubator, `$2` today, `$3` page size; `filter` may use `$4`.
 */
function tenantsOf(filter: TenantFilter): string {
  // On $1, not i.id: a count correlated to the outer row would run once per row of the page.
  const where = `t.incubator_id = $1${filter.sql ? ` and ${filter.sql}` : ''}`;
  const pageOf = filter.idsFirst
    ? `where t.id in (select t.id from tenants t where ${where} order by ${filter.order} limit $3)`
    : `where ${where} order by ${filter.order} limit $3`;
  return `select i.name as "incubatorName", (select count(*)::int from tenants t where ${where}) as total, p.*
    from incubators i
    left join (
      select ${TENANT_COLUMNS}, (t.status = 'incubating' and t.incubation_ends_on < $2::date) as overdue
      from tenants t join companies c on c.id = t.company_id
      ${pageOf}
    ) p on true
    where i.id = $1
    order by ${filter.order.replaceAll(/\b[tc]\./g, 'p.').replaceAll('p.admitted_on', 'p."admittedOn"')}`;
}

const BY_ADMISSION = 't.admitted_on desc nulls last, t.id';
const BY_NAME = 't.name, t.id';

export function benchReads(ids: BenchIds): BenchRead[] {
  const inc = ids.incubatorId;
  const tenantRead = (name: string, query: string, filter: TenantFilter): BenchRead => ({
    name,
    path: `/incubators/${inc}/tenants${query}`,
    statement: { text: tenantsOf(filter), params: [inc, ids.today, PAGE_SIZE, ...filter.params] },
    shape: 'page',
  });
  // Both searches' q have no letter with case (科技, a USCC's digits), so LIKE finds what ILIKE would,
  // without lower()ing every name.
  const nameLike = `(t.name like $4 or t.name_en like $4)`;
  // A two-character q without a letter with case (a Chinese name's) is found as it is, as ILIKE
  // would find it, without lower()ing the names the bigram index picks.
  const bigram = ids.nameBigram;
  const containsBigram =
    bigram.toLowerCase() !== bigram || bigram.toUpperCase() !== bigram
      ? (column: string) => `strpos(lower(${column}), lower($1)) > 0`
      : (column: string) => `strpos(${column}, $1) > 0`;
  return [
    tenantRead('tenants (default sort)', '', { sql: '', order: BY_ADMISSION, params: [] }),
    tenantRead('tenants sort=name', '?sort=name', { sql: '', order: BY_NAME, params: [] }),
    tenantRead('tenants status=incubating&sort=name', '?status=incubating&sort=name', {
      sql: `t.status = 'incubating'`,

      order: BY_NAME,
      params: [],
    }),
    tenantRead('tenants overdue=true', '?overdue=true', {
      sql: `t.status = 'incubating' and t.incubation_ends_on < $2::date`,

      order: BY_ADMISSION,
      params: [],
    }),
    tenantRead(`tenants q=科技`, `?q=${encodeURIComponent('科技')}`, {
      sql: nameLike,
      order: BY_ADMISSION,
      idsFirst: true,
      params: ['%科技%'],
    }),
    tenantRead(`tenants q=USCC prefix`, `?q=${ids.usccPrefix}`, {
      // The few companies with the prefix, found once by companies_uscc_prefix_idx; an OR across the
      // join to companies would probe the company of every tenancy.
      sql: `(${nameLike.slice(1, -1)} or t.company_id in (select id from companies where uscc like $5))`,
      order: BY_ADMISSION,
      idsFirst: true,
      params: [`%${ids.usccPrefix}%`, `${ids.usccPrefix}%`],
    }),
    {
      name: 'incubators (national)',
      path: '/incubators',
      statement: {
        text: `select i.id, i.name, i.name_en as "nameEn", i.province_code as "provinceCode", i.city,
            i.park_number as "parkNumber", i.type, i.field, i.level, i.legal_nature as "legalNature",
            i.founded_on::text as "foundedOn", i.total_area::float8 as "totalArea", i.tenant_area::float8 as "tenantArea",
            i.public_service_area::float8 as "publicServiceArea", i.fund_size::float8 as "fundSize",
            i.staff_count as "staffCount", i.mentor_count as "mentorCount", i.version,
            i.created_at as "createdAt", i.updated_at as "updatedAt",
            (select count(*)::int from tenants t where t.incubator_id = i.id and t.status = 'incubating') as "tenantsIncubating",
            count(*) over ()::int as total
          from incubators i order by i.name, i.id limit $1`,
        params: [PAGE_SIZE],
      },
      shape: 'page',
    },
    {
      name: 'companies q=<4 characters of a name> (national)',
      path: `/companies?q=${encodeURIComponent(ids.nameFragment)}`,
      statement: {
        text: `select n.total, p.*
          from (select count(*)::int as total from companies c where c.name like $1 or c.name_en like $1) n
          left join lateral (
            select c.id, c.uscc, c.name, c.name_en as "nameEn", c.field, c.founded_on::text as "foundedOn"
            from companies c where c.name like $1 or c.name_en like $1
            order by c.name, c.id limit $2
          ) p on true
          order by p.name, p.id`,
        params: [`%${ids.nameFragment}%`, PAGE_SIZE],
      },
      shape: 'page',
    },
    // Two characters have no whole trigram: the names' bigram index (migration 0016) narrows them,
    // and the test is written so that no trigram index can take it (a generic plan would scan them).
    {
      name: 'companies q=<2 characters of a name> (national)',
      path: `/companies?q=${encodeURIComponent(ids.nameBigram)}`,
      statement: {
        text: `with m as materialized (
            select c.id, c.uscc, c.name, c.name_en as "nameEn", c.field, c.founded_on::text as "foundedOn"
            from companies c
            where name_bigrams(c.name || ' ' || coalesce(c.name_en, '')) @> name_bigrams($1)
              and (${containsBigram('c.name')} or ${containsBigram('c.name_en')})
          )
          select n.total, p.*
          from (select count(*)::int as total from m) n
          left join lateral (select * from m order by m.name, m.id limit $2) p on true
          order by p.name, p.id`,
        params: [ids.nameBigram, PAGE_SIZE],
      },
      shape: 'page',
    },
    {
      name: "a tenant's reports",
      path: `/tenants/${ids.tenantId}/reports`,
      // Reports of a tenancy are its company's reports filed under it: (company_id, year) is indexed.
      statement: {
        // The total rides on each row of the page (a window, counted before the limit): the bench
        // reads the first page, where that is the whole answer (no row: 0, as answer() reads it).
        text: `select p.*
          from tenants t
          left join lateral (
            select r.id, r.tenant_id as "tenantId", r.company_id as "companyId", r.incubator_id as "incubatorId",
              t.name as "companyName", r.year, r.revenue::float8 as revenue, r.net_profit::float8 as "netProfit",
              r.rd_spending::float8 as "rdSpending", r.taxes_paid::float8 as "taxesPaid", r.exports::float8 as exports,
              r.employees, r.phd_employees as "phdEmployees", r.college_employees as "collegeEmployees",
              r.returned_scholar_employees as "returnedScholarEmployees", r.fresh_graduates_hired as "freshGraduatesHired",
              r.ip_applications as "ipApplications", r.ip_granted as "ipGranted", r.invention_patents as "inventionPatents",
              r.software_copyrights as "softwareCopyrights", r.other_ip as "otherIp",
              r.financing_received::float8 as "financingReceived", r.status, r.review_comment as "reviewComment",
              r.flags, r.submitted_at as "submittedAt", r.reviewed_at as "reviewedAt", r.version,
              r.created_at as "createdAt", r.updated_at as "updatedAt", count(*) over ()::int as total
            from reports r
            where r.company_id = t.company_id and r.tenant_id = t.id
            order by r.year desc limit $2
          ) p on true
          where t.id = $1
          order by p.year desc`,
        params: [ids.tenantId, PAGE_SIZE],
      },
      shape: 'page',
    },
    {
      name: "a tenant's investments",
      path: `/tenants/${ids.tenantId}/investments`,
      statement: {
        text: `select p.*
          from tenants t
          left join lateral (
            select v.id, v.tenant_id as "tenantId", v.company_id as "companyId", v.incubator_id as "incubatorId",
              v.investor_kind as "investorKind", v.investor_name as "investorName", v.amount::float8 as amount,
              v.invested_on::text as "investedOn", v.round, v.equity_share::float8 as "equityShare", v.instrument,
              v.co_investing_vc_amount::float8 as "coInvestingVcAmount", v.version, v.created_at as "createdAt"
            from investments v where v.tenant_id = t.id
          ) p on true
          where t.id = $1
          order by p."investedOn", p."createdAt", p.id`,
        params: [ids.tenantId],
      },
      shape: 'items',
    },
  ];
}

type Row = Record<string, unknown> & { id: unknown; total?: number };

/**
 * The answer from the statement's rows: no row means the parent (incubator, tenant) was not found;
 * a row with a null id is the parent with an empty page. Investments' totals come from the shared
 * rule the product uses too; the lists carry their total.
 */
export function answer(shape: Shape, rows: Row[]) {
  if (!rows.length) return undefined;
  const items = rows.filter((r) => r.id !== null).map(({ total: _, ...item }) => item);
  if (shape === 'items') return { items, totals: investmentTotals(items as never[]) };
  return { items, total: rows[0]!.total ?? 0, page: 1, pageSize: PAGE_SIZE };
}

/**
 * A driver-neutral way to run one statement prepared: postgres.js, or on PGlite a `query()` — the
 * product's named statements (baseline-server.ts), or the bare client's (planned per call).
 */
export type Runner = (statement: Statement) => Promise<Row[]>;

interface PostgresLike {
  unsafe(text: string, params: never[], options: { prepare: boolean }): Promise<unknown>;
}
interface PgliteLike {
  query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

export function runnerFor(client: PostgresLike | PgliteLike): Runner {
  if ('unsafe' in client)
    return async ({ text, params }) =>
      (await client.unsafe(text, params as never[], { prepare: true })) as Row[];
  return async ({ text, params }) => (await client.query(text, params)).rows as Row[];
}
