// Random small countries, built through the API (incubators, admissions) and straight into the
// tables (lifecycle records, moves: the same triggers fire), then changed at random: every statistic
// must equal the plain-TypeScript oracle over the raw rows, for every grouping, year-ends and as-of
// dates, national, province and incubator scopes, and a rebuild must change nothing.
import { randomUUID } from 'node:crypto';
import { PARKS } from '@torch/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { incubatorBody, nextUscc, sessionToken, sqlRows, userWithToken } from '../helpers/fixtures';
import {
  type Country,
  countryArb,
  DAY,
  dayOf,
  iso,
  LAST_DAY,
  PROVINCE_CODES,
  pick,
  THIS_YEAR,
} from './stats-country';
import { expected, expectSummaryMatches, loadRaw } from './stats-oracle';

/** Modest by default (the suite stays fast); STATS_PROPERTY_RUNS=200 for a longer hunt. */
const RUNS = Number(process.env.STATS_PROPERTY_RUNS ?? 12);
const CUBE_KEYS = new Set([
  'year',
  'province_code',
  'park_number',
  'incubator_type',
  'incubator_level',
  'field',
]);
describe('statistics stay exact (property)', () => {
  let t: TestApp;
  let national: string;
  let ticker = 0;

  beforeAll(async () => {
    t = await createTestApp();
    national = (await userWithToken(t, { email: 'stats.property@test.cn', role: 'national' })).token;
  });
  afterAll(() => t.close());

  // A real manager of exactly these incubators: scope comes from the session, not the token.
  const managerOf = (incubatorIds: string[]) =>
    sessionToken(t, {
      email: `stats.manager.${randomUUID()}@test.cn`,
      role: 'incubator_manager',
      incubatorIds,
    });
  const parkIn = (province: string, n: number | null) => {
    const parks = PARKS.filter((p) => p.provinceCode === province);
    return n === null || !parks.length ? null : pick(parks, n).number;
  };

  async function build(country: Country) {
    const incubators: { id: string; province: string }[] = [];
    for (const spec of country.incubators) {
      const province = pick(PROVINCE_CODES, spec.province);
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/incubators',
        token: national,
        payload: incubatorBody({
          name: `随机孵化器${incubators.length}`,
          provinceCode: province,
          parkNumber: parkIn(province, spec.park),
          type: spec.type,
          level: spec.level,
          foundedOn: iso(spec.founded),
        }),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      incubators.push({ id: res.body.id, province });
    }
    const token = await managerOf(incubators.map((i) => i.id));
    const tenants: { id: string; companyId: string; incubatorId: string; admitted: string }[] = [];
    const admit = async (incubatorId: string, body: Record<string, unknown>) => {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/incubators/${incubatorId}/tenants`,
        token,
        payload: body,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      tenants.push({
        id: res.body.id,
        companyId: res.body.companyId,
        incubatorId,
        admitted: body.admittedOn as string,
      });
      return res.body as { id: string };
    };
    for (const spec of country.tenants) {
      const uscc = nextUscc();
      const admittedOn = iso(spec.admitted);
      const body = {
        name: `随机科技${tenants.length}有限公司`,
        uscc,
        field: spec.field,
        foundedOn: iso(spec.admitted - spec.foundedBefore),
        admittedOn,
      };
      const tenant = await admit(pick(incubators, spec.incubator).id, body);
      if (spec.end === 'none') continue;
      const endedOn = iso(spec.admitted + spec.endAfter);
      const status = spec.end === 'graduated' ? 'graduated' : 'exited';
      await sqlRows(
        t,
        `update tenants set status = '${status}', ${status}_on = '${endedOn}' where id = '${tenant.id}'`,
      );
      if (spec.end === 'moved' && dayOf(endedOn) < LAST_DAY) {
        // The company moves on: a new tenancy elsewhere after it left.
        await admit(pick(incubators, spec.movedTo).id, {
          ...body,
          admittedOn: iso(dayOf(endedOn) + 1),
          admissionExceptionReason: '迁入后再孵化的企业',
        });
      }
    }
    if (tenants.length) await lifecycle(country, tenants);
    return { incubators, tenants };
  }

  async function lifecycle(
    country: Country,
    tenants: { id: string; companyId: string; incubatorId: string; admitted: string }[],
  ) {
    for (const v of country.investments) {
      const tn = pick(tenants, v.tenant);
      await sqlRows(
        t,
        `insert into investments (company_id, tenant_id, incubator_id, investor_kind, instrument, amount, invested_on)
        values ('${tn.companyId}', '${tn.id}', '${tn.incubatorId}', '${v.kind}', 'equity', ${v.amount}, '${iso(dayOf(tn.admitted) + v.after)}')`,
      );
    }
    for (const l of country.listings) {
      const tn = pick(tenants, l.tenant);
      ticker += 1;
      await sqlRows(
        t,
        `insert into listings (company_id, tenant_id, incubator_id, exchange, ticker, listed_on)
        values ('${tn.companyId}', '${tn.id}', '${tn.incubatorId}', '${l.exchange}', 'T${process.pid}-${ticker}', '${iso(dayOf(tn.admitted) + l.after)}')`,
      );
    }
    for (const r of country.reports) {
      const tn = pick(tenants, r.tenant);
      const year = Math.min(Number(tn.admitted.slice(0, 4)) + r.yearAfter, THIS_YEAR);
      await sqlRows(
        t,
        `insert into reports (company_id, tenant_id, incubator_id, year, revenue, rd_spending, employees, ip_applications, ip_granted, invention_patents, status)
        values ('${tn.companyId}', '${tn.id}', '${tn.incubatorId}', ${year}, ${r.revenue}, ${Math.floor(r.revenue / 7)}, ${r.employees}, ${r.ip + 2}, ${r.ip}, ${Math.floor(r.ip / 2)}, '${r.status}')
        on conflict (company_id, year) do nothing`,
      );
    }
  }

  async function update(country: Country, built: Awaited<ReturnType<typeof build>>) {
    for (const u of country.updates) {
      switch (u.kind) {
        case 'graduate':
        case 'exit': {
          if (!built.tenants.length) break;
          const tn = pick(built.tenants, u.tenant);
          const status = u.kind === 'graduate' ? 'graduated' : 'exited';
          const on = `'${iso(dayOf(tn.admitted) + u.after)}'`;
          await sqlRows(
            t,
            `update tenants set status = '${status}', graduated_on = ${status === 'graduated' ? on : 'null'}, exited_on = ${status === 'exited' ? on : 'null'}
            where id = '${tn.id}' and not exists (select 1 from tenants o where o.company_id = tenants.company_id and o.admitted_on > tenants.admitted_on)`,
          );
          break;
        }
        case 'leftEarly': {
          if (!built.tenants.length) break;
          const tn = pick(built.tenants, u.tenant);
          await sqlRows(
            t,
            `update tenants set status = 'exited', graduated_on = null, exited_on = '${iso(dayOf(tn.admitted) - u.before)}'
            where id = '${tn.id}' and not exists (select 1 from tenants o where o.company_id = tenants.company_id and o.admitted_on > tenants.admitted_on)`,
          );
          break;
        }
        case 'field':
          if (built.tenants.length)
            await sqlRows(
              t,
              `update companies set field = '${u.field}' where id = '${pick(built.tenants, u.tenant).companyId}'`,
            );
          break;
        case 'province': {
          const province = pick(PROVINCE_CODES, u.province);
          await sqlRows(
            t,
            `update incubators set province_code = '${province}', park_number = null where id = '${pick(built.incubators, u.incubator).id}'`,
          );
          break;
        }
        case 'attributes': {
          const inc = pick(built.incubators, u.incubator);
          const [row] = await sqlRows<{ version: number; province_code: string }>(
            t,
            `select version, province_code from incubators where id = '${inc.id}'`,
          );
          const res = await t.request({
            method: 'PATCH',
            url: `/api/v1/incubators/${inc.id}`,
            token: national,
            payload: {
              version: row!.version,
              type: u.type,
              level: u.level,
              parkNumber: parkIn(row!.province_code, u.park),
            },
          });
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          break;
        }
        case 'founded':
          await sqlRows(
            t,
            `update incubators set founded_on = '${iso(u.founded)}' where id = '${pick(built.incubators, u.incubator).id}'`,
          );
          break;
        case 'report':
          await sqlRows(
            t,
            `update reports set status = '${u.status}' where id = (select id from reports order by id offset ${u.report} % greatest((select count(*) from reports), 1) limit 1)`,
          );
          break;
        case 'investment':
          await sqlRows(
            t,
            u.amount
              ? `update investments set amount = ${u.amount} where id = (select id from investments order by id offset ${u.investment} % greatest((select count(*) from investments), 1) limit 1)`
              : `delete from investments where id = (select id from investments order by id offset ${u.investment} % greatest((select count(*) from investments), 1) limit 1)`,
          );
          break;
        case 'unlist':
          await sqlRows(
            t,
            `delete from listings where id = (select id from listings order by id offset ${u.listing} % greatest((select count(*) from listings), 1) limit 1)`,
          );
          break;
      }
    }
  }

  async function checkAll(country: Country, built: Awaited<ReturnType<typeof build>>, phase: string) {
    const raw = await loadRaw(t);
    for (const c of country.checks) {
      const asOf =
        c.dayOfYear === null
          ? undefined
          : iso(Math.min(Date.UTC(c.year, 0, 1) / DAY + c.dayOfYear, Date.UTC(c.year, 11, 31) / DAY));
      const asOfParam = asOf && asOf.slice(0, 4) === String(c.year) ? asOf : undefined;
      const inc = pick(built.incubators, c.pick);
      const province = c.scope === 'province' ? inc.province : null;
      const incubatorIds =
        c.scope === 'manager'
          ? built.incubators.slice(0, 1 + (c.pick % built.incubators.length)).map((i) => i.id)
          : c.scope === 'drill'
            ? [inc.id]
            : null;
      const token = c.scope === 'manager' ? await managerOf(incubatorIds!) : national;
      const params = new URLSearchParams({ year: String(c.year), groupBy: c.groupBy });
      if (asOfParam) params.set('asOf', asOfParam);
      if (province) params.set('province', province);
      if (c.scope === 'drill') params.set('incubatorId', inc.id);
      const res = await t.request({ method: 'GET', url: `/api/v1/stats/summary?${params}`, token });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const want = expected(raw, {
        year: c.year,
        asOf: asOfParam,
        groupBy: c.groupBy,
        province,
        incubatorIds,
      });
      expectSummaryMatches(res.body, want, `${phase} ${params}`);
    }
  }

  it(
    'equals the oracle after building and after random changes; a rebuild changes nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(countryArb, async (country) => {
          const built = await build(country);
          await checkAll(country, built, 'built');
          await update(country, built);
          await checkAll(country, built, 'updated');
          const before = await sqlRows(t, 'select * from stats_cube order by 1, 2, 3, 4, 5, 6');
          await sqlRows(t, 'select rebuild_stats()');
          const after = await sqlRows(t, 'select * from stats_cube order by 1, 2, 3, 4, 5, 6');
          const nonZero = (rows: Record<string, unknown>[]) =>
            rows.filter((r) => Object.entries(r).some(([k, v]) => !CUBE_KEYS.has(k) && Number(v) !== 0));
          expect(nonZero(after)).toEqual(nonZero(before));
        }),
        {
          numRuns: RUNS,
          seed: process.env.STATS_PROPERTY_SEED ? Number(process.env.STATS_PROPERTY_SEED) : undefined,
        },
      );
    },
    60_000 + RUNS * 5_000,
  );
});
