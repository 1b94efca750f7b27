// Issue 11, costs: an as-of summary for a province reads only that province's records, and the
// statistics cache is dropped only by writes that can change a statistic.
// The server's drizzle (tests have no dependency of their own on it), as tests/bench does.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/node_modules/drizzle-orm/index.js';
import { rollupSql } from '../../server/src/modules/stats/queries';
import { EVENT_STATEMENTS } from '../../server/src/modules/stats/sql/events';
import { createTestApp, type TestApp } from '../helpers/app';
import { admit, BEIJING, HUBEI, sqlRows, twoProvinceWorld } from '../helpers/fixtures';
import { expected, expectSummaryMatches, loadRaw } from './stats-oracle';

const YEAR = 2024;
const AS_OF = '2024-09-30';

type World = Awaited<ReturnType<typeof twoProvinceWorld>>;

/** The year's records in both provinces: tenancies, investments, approved reports. */
async function recordsOfTheYear(t: TestApp, w: World) {
  const { a, b } = w.incubators;
  const admitted = [];
  const places: [string, string][] = [
    [a.id, w.users.managerA.token],
    [b.id, w.users.managerB.token],
    [b.id, w.users.managerB.token],
  ];
  for (const [n, [incubator, token]] of places.entries()) {
    admitted.push({
      incubator,
      ...(await admit(t, token, incubator, {
        name: `年度${n}科技有限公司`,
        foundedOn: '2023-01-10',
        admittedOn: `2024-0${n + 2}-01`,
      })),
    });
  }
  const values = admitted
    .map(
      (x, n) =>
        `('${x.companyId}', '${x.id}', '${x.incubator}', 'vc', 'equity', ${100_000 * (n + 1)}, '2024-0${n + 4}-15')`,
    )
    .join(', ');
  await sqlRows(
    t,
    `insert into investments (company_id, tenant_id, incubator_id, investor_kind, instrument, amount, invested_on) values ${values}`,
  );
  await sqlRows(
    t,
    `insert into reports (company_id, tenant_id, incubator_id, year, status, revenue, rd_spending, employees,
       ip_applications, ip_granted, invention_patents)
     select t.company_id, t.id, t.incubator_id, ${YEAR}, 'approved', 1000, 100, 10, 1, 1, 0 from tenants t`,
  );
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** Rows each table's scans read (returned or thrown away by a filter), from EXPLAIN ANALYZE. */
function rowsRead(plan: PlanNode, into = new Map<string, number>()) {
  const table = plan['Relation Name'];
  if (table) {
    const read =
      (plan['Actual Rows'] +
        (plan['Rows Removed by Filter'] ?? 0) +
        (plan['Rows Removed by Index Recheck'] ?? 0)) *
      plan['Actual Loops'];
    into.set(table, (into.get(table) ?? 0) + read);
  }
  for (const child of plan.Plans ?? []) rowsRead(child, into);
  return into;
}

describe('statistics costs', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await twoProvinceWorld(t, 'costs');
    await recordsOfTheYear(t, w);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a province's as-of summary reads only that province's tenancies, investments and reports", async () => {
    const counts = await sqlRows<{ table: string; province: string; n: number }>(
      t,
      `select 'tenants' as table, i.province_code as province, count(*)::int as n from tenants x join incubators i on i.id = x.incubator_id group by 2
       union all select 'investments', i.province_code, count(*)::int from investments x join incubators i on i.id = x.incubator_id group by 2
       union all select 'reports', i.province_code, count(*)::int from reports x join incubators i on i.id = x.incubator_id group by 2`,
    );
    const count = (table: string, province: string) =>
      counts.find((c) => c.table === table && c.province === province)?.n ?? 0;
    const cells = {
      fromYear: YEAR,
      toYear: YEAR,
      asOf: AS_OF,
      scope: { province: HUBEI, incubatorIds: null },
    };
    const plan = await t.db.transaction(async (tx) => {
      // The test's tables are tiny, where a sequential scan is always cheapest: forbid it, so that
      // the plan shows what the predicates allow. A predicate no index can serve still scans the
      // whole table (sequentially, at a penalty) and reads the other province's rows.
      await tx.execute(sql`set local enable_seqscan = off`);
      const explained: unknown = await tx.execute(
        sql`explain (analyze, format json) ${await rollupSql(tx, cells, 'field')}`,
      );
      // postgres.js answers the rows, PGlite an object with them.
      const rows = (Array.isArray(explained) ? explained : (explained as { rows: unknown[] }).rows) as Record<
        string,
        unknown
      >[];
      const [row] = rows;
      const json = Object.values(row!)[0];
      return (typeof json === 'string' ? JSON.parse(json) : json)[0].Plan as PlanNode;
    });
    const read = rowsRead(plan);
    for (const table of ['tenants', 'investments', 'reports']) {
      // The other province has records of each kind, so reading them would show.
      expect(count(table, BEIJING), `${table} in Beijing`).toBeGreaterThan(0);
      expect(read.get(table), `${table} read`).toBeGreaterThan(0);
      expect(read.get(table), `${table} read`).toBeLessThanOrEqual(count(table, HUBEI));
    }

    // And the answer is the definitions' (the oracle over the raw rows).
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/stats/summary?asOf=${AS_OF}&groupBy=field`,
      token: w.users.provinceHubei.token,
    });
    expect(res.status).toBe(200);
    const raw = await loadRaw(t);
    expectSummaryMatches(
      res.body,
      expected(raw, { year: YEAR, asOf: AS_OF, groupBy: 'field', province: HUBEI }),
      'Hubei as of',
    );
  });

  it("every column the events read is watched by its table's row trigger (which alone bumps the version)", async () => {
    const triggers = await sqlRows<{ table: string; columns: string[] | string }>(
      t,
      `select c.relname as table, coalesce(array_agg(a.attname::text) filter (where a.attname is not null), '{}') as columns
       from pg_trigger g join pg_class c on c.oid = g.tgrelid
       left join lateral unnest(g.tgattr::int2[]) k(n) on true
       left join pg_attribute a on a.attrelid = g.tgrelid and a.attnum = k.n
       where not g.tgisinternal and g.tgname like 'stats\\_%' and (g.tgtype & 1) = 1 and (g.tgtype & 16) = 16
       group by g.oid, c.relname`,
    );
    const watched = new Map<string, Set<string> | 'all'>();
    for (const row of triggers) {
      const columns = Array.isArray(row.columns)
        ? row.columns
        : row.columns.replace(/[{}]/g, '').split(',').filter(Boolean);
      watched.set(row.table, columns.length ? new Set(columns) : 'all');
    }
    // The aliases the event definitions give each table's rows (sql/events.ts).
    const aliases: Record<string, string> = {
      i: 'incubators',
      t: 'tenants',
      v: 'investments',
      r: 'reports',
      c: 'companies',
    };
    const read = new Set<string>();
    for (const statement of EVENT_STATEMENTS)
      for (const [, alias, column] of statement.matchAll(/\b([itvrc])\.([a-z_]+)\b/g))
        if (column !== 'id') read.add(`${aliases[alias!]}.${column}`);
    // The cube's cells are by the incubator's attributes (sql/cube.ts), not read through an alias.
    for (const column of ['province_code', 'park_number', 'type', 'level']) read.add(`incubators.${column}`);
    expect(read.size).toBeGreaterThan(20);
    for (const entry of read) {
      const [table, column] = entry.split('.') as [string, string];
      const set = watched.get(table);
      expect(set, `a row update trigger on ${table}`).toBeDefined();
      if (set !== 'all') expect(set!.has(column), `${entry} watched`).toBe(true);
    }
  });

  describe('the cache', () => {
    const summaries = () => [
      `/api/v1/stats/summary?year=${YEAR}&groupBy=province`,
      `/api/v1/stats/summary?asOf=${AS_OF}&groupBy=field`,
      `/api/v1/stats/timeseries?indicator=tenantsIncubating&from=${YEAR - 1}&to=${YEAR}`,
    ];
    const read = async () =>
      Promise.all(
        summaries().map(async (url) => {
          const res = await t.request({ method: 'GET', url, token: w.national.token });
          expect(res.status, url).toBe(200);
          return { url, cache: res.headers['x-stats-cache'], body: res.body };
        }),
      );
    const tenantVersion = async (id: string) =>
      (await t.request({ method: 'GET', url: `/api/v1/tenants/${id}`, token: w.users.managerA.token })).body
        .version as number;

    it('a website or contact edit, or an incubator name or area edit, leaves cached answers cached', async () => {
      await read();
      expect((await read()).map((r) => r.cache)).toEqual(['hit', 'hit', 'hit']);
      const { tenantA } = w.tenants;
      const edit = await t.request({
        method: 'PATCH',
        url: `/api/v1/tenants/${tenantA.id}`,
        token: w.users.managerA.token,
        payload: {
          version: await tenantVersion(tenantA.id),
          website: 'https://example.cn',
          contactPhone: '027-87654321',
        },
      });
      expect(edit.status, JSON.stringify(edit.body)).toBe(200);
      const { a } = w.incubators;
      const incubator = await t.request({
        method: 'GET',
        url: `/api/v1/incubators/${a.id}`,
        token: w.national.token,
      });
      const renamed = await t.request({
        method: 'PATCH',
        url: `/api/v1/incubators/${a.id}`,
        token: w.national.token,
        payload: {
          version: incubator.body.version,
          name: '武汉甲孵化器（新）',
          totalArea: incubator.body.totalArea + 10,
        },
      });
      expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
      expect((await read()).map((r) => r.cache)).toEqual(['hit', 'hit', 'hit']);
    });

    it('identical as-of summaries asked together are computed once', async () => {
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          t.request({
            method: 'GET',
            url: `/api/v1/stats/summary?asOf=2024-05-05&groupBy=level`,
            token: w.users.provinceHubei.token,
          }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      expect(answers.map((a) => a.headers['x-stats-cache']).sort()).toEqual([
        'hit',
        'hit',
        'hit',
        'hit',
        'miss',
      ]);
      for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
    });

    it('an edit that can change a statistic drops them, and the next answers are exact', async () => {
      await read();
      // Moved within the year: the year-end figures stay, the as-of ones (Sept 30) change.
      const { tenantA } = w.tenants;
      const moved = await t.request({
        method: 'PATCH',
        url: `/api/v1/tenants/${tenantA.id}`,
        token: w.users.managerA.token,
        payload: { version: await tenantVersion(tenantA.id), admittedOn: '2024-11-02' },
      });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      const after = await read();
      expect(after.map((r) => r.cache)).toEqual(['miss', 'miss', 'miss']);
      const raw = await loadRaw(t);
      expectSummaryMatches(after[0]!.body, expected(raw, { year: YEAR, groupBy: 'province' }), 'year-end');
      expectSummaryMatches(
        after[1]!.body,
        expected(raw, { year: YEAR, asOf: AS_OF, groupBy: 'field' }),
        'as of',
      );
      expect((await read()).map((r) => r.cache)).toEqual(['hit', 'hit', 'hit']);
    });
  });
});
