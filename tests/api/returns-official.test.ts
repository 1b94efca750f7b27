// Official statistics come from accepted annual returns only: on random small countries the
// official summary equals the sum of what each accepted return showed when it was accepted, for
// every grouping; groups add up to the total; later edits of the records leave it unchanged.
import { randomUUID } from 'node:crypto';
import {
  FIELD_CODES,
  INCUBATOR_LEVELS,
  INCUBATOR_TYPES,
  PARKS,
  STATS_GROUPINGS,
  STATS_INDICATORS,
  type StatsGrouping,
} from '@torch/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { incubatorBody, nextUscc, sqlRows, userWithToken } from '../helpers/fixtures';

const RUNS = Number(process.env.STATS_PROPERTY_RUNS ?? 8);
const PROVINCE_CODES = ['420000', '110000', '440000'];
const MOVED_TO = '510000';
type Values = Record<string, number>;

/** What an accepted return contributed, recorded from the live statistics when it was accepted. */
interface Accepted {
  year: number;
  keys: Record<Exclude<StatsGrouping, 'field'>, string>;
  total: Values;
  byField: Record<string, Values>;
}

const countryArb = fc.record({
  year: fc.integer({ min: 2016, max: 2025 }),
  incubators: fc.array(
    fc.record({
      province: fc.nat(),
      park: fc.boolean(),
      type: fc.constantFrom(...INCUBATOR_TYPES.filter((t) => t !== 'specialized')),
      level: fc.constantFrom(...INCUBATOR_LEVELS),
      foundedYear: fc.integer({ min: 2000, max: 2026 }),
      accept: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  tenants: fc.array(
    fc.record({
      incubator: fc.nat(),
      field: fc.constantFrom(...FIELD_CODES),
      admittedYear: fc.integer({ min: 2012, max: 2025 }),
      graduatedAfterDays: fc.option(fc.integer({ min: 30, max: 3000 }), { nil: null }),
      investment: fc.option(fc.integer({ min: 1, max: 5_000_000 }), { nil: null }),
    }),
    { maxLength: 8 },
  ),
  edits: fc.array(
    fc.record({
      kind: fc.constantFrom('admit', 'graduate', 'field', 'move', 'invest'),
      pick: fc.nat(),
      field: fc.constantFrom(...FIELD_CODES),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});
type Country = typeof countryArb extends fc.Arbitrary<infer T> ? T : never;

const add = (into: Values, from: Values) => {
  for (const k of STATS_INDICATORS) into[k] = (into[k] ?? 0) + (from[k] ?? 0);
};
const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;

describe('official statistics (property)', () => {
  let t: TestApp;
  let national: string;
  const accepted: Accepted[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    national = (await userWithToken(t, { email: 'official.property@test.cn', role: 'national' })).token;
    for (const code of [...PROVINCE_CODES, MOVED_TO]) {
      const user = { email: `official.${code}@test.cn`, role: 'province' as const, provinceCode: code };
      provinceTokens[code] = (await userWithToken(t, user)).token;
    }
  });
  afterAll(() => t.close());

  const provinceTokens: Record<string, string> = {};
  let runs = 0;
  const get = async (url: string, token = national) => {
    const res = await t.request({ method: 'GET', url: `/api/v1${url}`, token });
    expect(res.status, `${url} ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  };
  const post = async (url: string, token: string) => {
    const res = await t.request({ method: 'POST', url: `/api/v1${url}`, token });
    expect(res.status, `${url} ${JSON.stringify(res.body)}`).toBe(200);
  };

  async function build(c: Country) {
    const incubators: { id: string; province: string; accept: boolean; founded: number }[] = [];
    for (const spec of c.incubators) {
      const province = pick(PROVINCE_CODES, spec.province);
      const park = spec.park ? (PARKS.find((p) => p.provinceCode === province)?.number ?? null) : null;
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/incubators',
        token: national,
        payload: incubatorBody({
          name: `官方孵化器${randomUUID().slice(0, 6)}`,
          provinceCode: province,
          parkNumber: park,
          type: spec.type,
          level: spec.level,
          foundedOn: `${Math.min(spec.foundedYear, 2025)}-03-01`,
        }),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      incubators.push({ id: res.body.id, province, accept: spec.accept, founded: spec.foundedYear });
    }
    runs += 1;
    const user = { email: `official.manager.${runs}@test.cn`, role: 'incubator_manager' as const };
    const manager = (await userWithToken(t, { ...user, incubatorIds: incubators.map((i) => i.id) })).token;
    const tenants: { id: string; companyId: string; incubatorId: string }[] = [];
    for (const spec of c.tenants) {
      const incubator = pick(incubators, spec.incubator);
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/incubators/${incubator.id}/tenants`,
        token: manager,
        payload: {
          name: `官方科技${randomUUID().slice(0, 6)}有限公司`,
          uscc: nextUscc(),
          field: spec.field,
          foundedOn: `${spec.admittedYear}-01-05`,
          admittedOn: `${spec.admittedYear}-04-01`,
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      tenants.push({ id: res.body.id, companyId: res.body.companyId, incubatorId: incubator.id });
      if (spec.graduatedAfterDays !== null) {
        await sqlRows(
          t,
          `update tenants set status = 'graduated', graduated_on = least(date '${spec.admittedYear}-04-01' + ${spec.graduatedAfterDays}, current_date - 1) where id = '${res.body.id}'`,
        );
      }
      if (spec.investment !== null) {
        await sqlRows(
          t,
          `insert into investments (company_id, tenant_id, incubator_id, investor_kind, instrument, amount, invested_on)
          values ('${res.body.companyId}', '${res.body.id}', '${incubator.id}', 'vc', 'equity', ${spec.investment}, '${spec.admittedYear}-09-01')`,
        );
      }
    }
    return { incubators, tenants, manager };
  }

  /** File and accept the chosen returns, recording what the live statistics said of each then. */
  async function acceptReturns(c: Country, built: Awaited<ReturnType<typeof build>>) {
    for (const inc of built.incubators.filter((i) => i.accept && i.founded <= c.year)) {
      const base = `/incubators/${inc.id}/returns/${c.year}`;
      await post(`${base}/submit`, built.manager);
      await post(`${base}/approve`, provinceTokens[inc.province]!);
      await post(`${base}/accept`, national);
      const live = await get(`/stats/summary?year=${c.year}&groupBy=field&incubatorId=${inc.id}`);
      const [attrs] = await sqlRows<Record<string, string>>(
        t,
        `select i.province_code as province, p.region, coalesce(i.park_number::text, 'none') as park, i.type, i.level
          from incubators i join provinces p on p.code = i.province_code where i.id = '${inc.id}'`,
      );
      accepted.push({
        year: c.year,
        keys: {
          province: attrs!.province!,
          region: attrs!.region!,
          park: attrs!.park!,
          type: attrs!.type!,
          level: attrs!.level!,
        },
        total: live.total,
        byField: Object.fromEntries(live.rows.map((r: Values & { key: string }) => [r.key, r])),
      });
    }
  }

  async function edit(c: Country, built: Awaited<ReturnType<typeof build>>) {
    for (const e of c.edits) {
      const inc = pick(built.incubators, e.pick);
      const tn = built.tenants.length ? pick(built.tenants, e.pick) : null;
      if (e.kind === 'admit') {
        await t.request({
          method: 'POST',
          url: `/api/v1/incubators/${inc.id}/tenants`,
          token: built.manager,
          payload: {
            name: `后补科技${randomUUID().slice(0, 6)}有限公司`,
            uscc: nextUscc(),
            field: e.field,
            foundedOn: `${c.year}-01-02`,
            admittedOn: `${c.year}-02-01`,
          },
        });
      } else if (e.kind === 'move') {
        await sqlRows(
          t,
          `update incubators set province_code = '${MOVED_TO}', park_number = null where id = '${inc.id}'`,
        );
      } else if (tn && e.kind === 'graduate') {
        await sqlRows(
          t,
          `update tenants set status = 'graduated', graduated_on = greatest(admitted_on, date '${c.year}-06-30'), exited_on = null where id = '${tn.id}' and status = 'incubating'`,
        );
      } else if (tn && e.kind === 'field') {
        await sqlRows(t, `update companies set field = '${e.field}' where id = '${tn.companyId}'`);
      } else if (tn && e.kind === 'invest') {
        await sqlRows(
          t,
          `insert into investments (company_id, tenant_id, incubator_id, investor_kind, instrument, amount, invested_on)
          values ('${tn.companyId}', '${tn.id}', '${tn.incubatorId}', 'angel', 'equity', 777, '${c.year}-07-01')`,
        );
      }
    }
  }

  async function officialOf(year: number) {
    const out: Record<string, unknown> = {};
    for (const g of STATS_GROUPINGS)
      out[g] = await get(`/stats/summary?year=${year}&source=official&groupBy=${g}`);
    return out;
  }

  async function check(year: number) {
    const mine = accepted.filter((a) => a.year === year);
    const [{ expected }] = (await sqlRows<{ expected: number }>(
      t,
      `select count(*)::int as expected from incubators where founded_on <= '${year}-12-31'`,
    )) as [{ expected: number }];
    for (const groupBy of STATS_GROUPINGS) {
      const body = await get(`/stats/summary?year=${year}&source=official&groupBy=${groupBy}`);
      expect(body.coverage).toEqual({ expected, accepted: mine.length });
      if (!mine.length) {
        expect(body).toMatchObject({ available: false, total: null, rows: [] });
        continue;
      }
      const total: Values = {};
      const groups: Record<string, Values> = {};
      for (const a of mine) {
        add(total, a.total);
        const parts = groupBy === 'field' ? Object.entries(a.byField) : [[a.keys[groupBy], a.total] as const];
        for (const [key, values] of parts) {
          groups[key] ??= {};
          add(groups[key], values);
        }
      }
      expect(body.total).toEqual(Object.fromEntries(STATS_INDICATORS.map((k) => [k, total[k] ?? 0])));
      for (const row of body.rows as (Values & { key: string; incubators: number | null })[]) {
        const want = groups[row.key] ?? {};
        for (const k of STATS_INDICATORS) {
          if (k === 'incubators' && groupBy === 'field') expect(row.incubators).toBeNull();
          else expect(row[k], `${groupBy} ${row.key} ${k}`).toBe(want[k] ?? 0);
        }
      }
      // Groups add up to the total (incubators by field only in the total).
      for (const k of STATS_INDICATORS) {
        if (k === 'incubators' && groupBy === 'field') continue;
        const sum = (body.rows as Values[]).reduce((s, r) => s + r[k]!, 0);
        expect(sum, `${groupBy} ${k}`).toBe(body.total[k]);
      }
    }
  }

  it(
    'equals the sum of the accepted returns for every grouping, and later edits leave it unchanged',
    async () => {
      await fc.assert(
        fc.asyncProperty(countryArb, async (country) => {
          const built = await build(country);
          await acceptReturns(country, built);
          await check(country.year);
          const before = await officialOf(country.year);
          await edit(country, built);
          expect(await officialOf(country.year)).toEqual(before);
          await check(country.year);
        }),
        { numRuns: RUNS },
      );
    },
    60_000 + RUNS * 10_000,
  );

  it('answers province and incubator scopes from their accepted returns only', async () => {
    const [one] = accepted;
    expect(one).toBeDefined();
    const province = one!.keys.province;
    const body = await get(
      `/stats/summary?year=${one!.year}&source=official&groupBy=type`,
      provinceTokens[province],
    );
    const mine = accepted.filter((a) => a.year === one!.year && a.keys.province === province);
    const want: Values = {};
    for (const a of mine) add(want, a.total);
    expect(body.total.tenantsIncubating).toBe(want.tenantsIncubating);
    expect(body.coverage.accepted).toBe(mine.length);
  });
});
