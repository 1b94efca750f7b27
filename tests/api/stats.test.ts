import { STATS_GROUPINGS, todayInChina } from '@torch/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { admit, BEIJING, HUBEI, nextUscc, sqlRows, twoProvinceWorld } from '../helpers/fixtures';
import { expected, expectSummaryMatches, loadRaw } from './stats-oracle';

const THIS_YEAR = Number(todayInChina().slice(0, 4));

/** The cube without its all-zero rows (which a rebuild does not recreate). */
async function nonZeroCube(t: TestApp) {
  const keys = ['year', 'province_code', 'park_number', 'incubator_type', 'incubator_level', 'field'];
  return sqlRows(
    t,
    `select * from stats_cube where (to_jsonb(stats_cube) - ${keys.map((k) => `'${k}'`).join(' - ')})::text ~ '[1-9]'
      order by ${keys.join(', ')}`,
  );
}

type World = Awaited<ReturnType<typeof twoProvinceWorld>>;

/** Lifecycle records straight into the tables (the same triggers fire as for the endpoints). */
async function lifecycle(t: TestApp, w: World) {
  const { a, b } = w.incubators;
  const { tenantA, otherTenantA, tenantB } = w.tenants;
  const more = await admit(t, w.users.managerA.token, a.id, {
    name: '光谷丙生物有限公司',
    field: 'biomedicine',
    foundedOn: '2021-02-01',
    admittedOn: '2021-09-01',
  });
  await sqlRows(
    t,
    `update tenants set status = 'graduated', graduated_on = '2024-10-08' where id = '${more.id}'`,
  );
  await sqlRows(
    t,
    `update tenants set status = 'exited', exited_on = '2025-01-15', exit_reason = 'failed' where id = '${otherTenantA.id}'`,
  );
  await sqlRows(
    t,
    `insert into investments (company_id, tenant_id, incubator_id, investor_kind, instrument, amount, invested_on) values
       ('${tenantA.companyId}', '${tenantA.id}', '${a.id}', 'incubator_fund', 'equity', 1234567, '2024-07-01'),
       ('${tenantA.companyId}', '${tenantA.id}', '${a.id}', 'vc', 'equity', 5000000, '2024-12-31'),
       ('${more.companyId}', '${more.id}', '${a.id}', 'angel', 'equity', 800000, '2023-03-03'),
       ('${tenantB.companyId}', '${tenantB.id}', '${b.id}', 'government_grant', 'grant', 300499, '2024-02-02')`,
  );
  await sqlRows(
    t,
    `insert into listings (company_id, tenant_id, incubator_id, exchange, ticker, listed_on) values
       ('${more.companyId}', '${more.id}', '${a.id}', 'neeq', '870001', '2024-11-11'),
       ('${more.companyId}', '${more.id}', '${a.id}', 'szse_chinext', '300999', '2025-05-05')`,
  );
  await sqlRows(
    t,
    `insert into reports (company_id, tenant_id, incubator_id, year, revenue, rd_spending, employees, ip_granted, status) values
       ('${tenantA.companyId}', '${tenantA.id}', '${a.id}', 2024, 2500000, 400000, 23, 3, 'approved'),
       ('${tenantB.companyId}', '${tenantB.id}', '${b.id}', 2024, 900000, 100000, 9, 1, 'approved'),
       ('${more.companyId}', '${more.id}', '${a.id}', 2024, 7000000, 900000, 40, 5, 'submitted')`,
  );
  return { more };
}

describe('/stats', () => {
  let t: TestApp;
  let w: World;
  const get = (url: string, token: string) =>
    t.request({ method: 'GET', url: `/api/v1/stats/${url}`, token });

  beforeAll(async () => {
    t = await createTestApp();
    w = await twoProvinceWorld(t, 'stats');
    // Give the incubators different parks, types and levels (national-only fields).
    const patch = await t.request({
      method: 'PATCH',
      url: `/api/v1/incubators/${w.incubators.a.id}`,
      token: w.users.national.token,
      payload: { version: w.incubators.a.version, parkNumber: 31, type: 'university_science_park' },
    });
    expect(patch.status).toBe(200);
    await sqlRows(
      t,
      `update incubators set level = 'provincial', founded_on = '2025-03-01' where id = '${w.incubators.a2.id}'`,
    );
    await lifecycle(t, w);
  });
  afterAll(() => t.close());

  it('answers the national summary exactly, for every grouping, year-end and as-of', async () => {
    const raw = await loadRaw(t);
    for (const groupBy of STATS_GROUPINGS) {
      for (const [year, asOf] of [
        [2024, undefined],
        [2025, undefined],
        [THIS_YEAR, undefined],
        [2024, '2024-07-01'],
        [2025, '2025-01-15'],
      ] as const) {
        const res = await get(
          `summary?year=${year}&groupBy=${groupBy}${asOf ? `&asOf=${asOf}` : ''}`,
          w.users.national.token,
        );
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          year,
          asOf: asOf ?? `${year}-12-31`,
          source: 'live',
          groupBy,
          available: true,
        });
        expectSummaryMatches(res.body, expected(raw, { year, asOf, groupBy }), `${groupBy} ${asOf ?? year}`);
      }
    }
  });

  it('has the shape of API.md, labels in Chinese and English, and every province for the country', async () => {
    const res = await get('summary?year=2024', w.users.national.token);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.body.groupBy).toBe('province');
    expect(res.body.rows).toHaveLength(31);
    const hubei = res.body.rows.find((r: { key: string }) => r.key === HUBEI);
    expect(hubei).toMatchObject({ label: '湖北省', labelEn: 'Hubei' });
    for (const name of [
      'incubators',
      'tenantsIncubating',
      'tenantsAdmitted',
      'tenantsGraduated',
      'graduatesCumulative',
      'listingsCumulative',
      'investmentTotal',
      'incubatorInvestmentTotal',
      'tenantRevenue',
      'tenantRdSpending',
      'tenantEmployees',
    ]) {
      expect(typeof hubei[name], name).toBe('number');
      expect(typeof res.body.total[name], name).toBe('number');
    }
    expect(res.body.total).toMatchObject({
      investmentTotal: 6535066,
      incubatorInvestmentTotal: 1234567,
      listingsCumulative: 1,
    });
    const parks = await get('summary?year=2024&groupBy=park', w.users.national.token);
    expect(parks.body.rows.at(-1)).toMatchObject({ key: 'none', label: '国家高新区外' });
    const fields = await get('summary?year=2024&groupBy=field', w.users.national.token);
    expect(fields.body.rows.every((r: { incubators: unknown }) => r.incubators === null)).toBe(true);
    expect(fields.body.total.incubators).toBe(2);
  });

  it('keeps a province user to its province and a manager to its incubators', async () => {
    const raw = await loadRaw(t);
    const hubei = await get('summary?year=2025&groupBy=park', w.users.provinceHubei.token);
    expect(hubei.status).toBe(200);
    expectSummaryMatches(
      hubei.body,
      expected(raw, { year: 2025, groupBy: 'park', province: HUBEI }),
      'hubei',
    );
    const provinces = await get('summary?year=2025', w.users.provinceHubei.token);
    expect(provinces.body.rows.map((r: { key: string }) => r.key)).toEqual([HUBEI]);
    expect((await get(`summary?province=${BEIJING}`, w.users.provinceHubei.token)).status).toBe(404);
    expect((await get(`summary?incubatorId=${w.incubators.b.id}`, w.users.provinceHubei.token)).status).toBe(
      404,
    );
    const one = await get(
      `summary?year=2024&groupBy=field&incubatorId=${w.incubators.a.id}`,
      w.users.provinceHubei.token,
    );
    expectSummaryMatches(
      one.body,
      expected(raw, { year: 2024, groupBy: 'field', incubatorIds: [w.incubators.a.id] }),
      'drill',
    );

    const manager = await get('summary?year=2024&groupBy=type&asOf=2024-11-30', w.users.managerA.token);
    expect(manager.status).toBe(200);
    expectSummaryMatches(
      manager.body,
      expected(raw, { year: 2024, asOf: '2024-11-30', groupBy: 'type', incubatorIds: [w.incubators.a.id] }),
      'manager',
    );
    expect(manager.body.rows.map((r: { key: string }) => r.key)).toEqual(['university_science_park']);
    expect((await get(`summary?incubatorId=${w.incubators.b.id}`, w.users.managerA.token)).status).toBe(404);
    const national = await get(`summary?year=2024&province=${BEIJING}`, w.users.national.token);
    expectSummaryMatches(
      national.body,
      expected(raw, { year: 2024, groupBy: 'province', province: BEIJING }),
      'filter',
    );
  });

  it('refuses tenant users (403) and bad parameters (400)', async () => {
    for (const url of ['summary', 'timeseries', 'export?format=csv']) {
      expect((await get(url, w.users.tenantUser.token)).status, url).toBe(403);
    }
    for (const query of [
      'year=1900',
      'year=abc',
      `year=${THIS_YEAR + 1}`,
      'groupBy=city',
      'source=guess',
      'asOf=2024-13-01',
      'asOf=2099-01-01',
      'year=2023&asOf=2024-03-01',
      'province=4200',
      'incubatorId=42',
      'colour=red',
    ]) {
      const res = await get(`summary?${query}`, w.users.national.token);
      expect(res.status, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await get('timeseries?from=2020&to=2019', w.users.national.token)).status).toBe(400);
    expect((await get('timeseries?indicator=happiness', w.users.national.token)).status).toBe(400);
    expect((await get('export?format=pdf', w.users.national.token)).status).toBe(400);
    expect((await t.request({ method: 'GET', url: '/api/v1/stats/summary' })).status).toBe(401);
  });

  it('says plainly that official statistics are not available while no return is accepted', async () => {
    const res = await get('summary?year=2024&source=official', w.users.national.token);
    const [founded] = await sqlRows<{ n: number }>(
      t,
      `select count(*)::int as n from incubators where founded_on <= '2024-12-31'`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      year: 2024,
      asOf: '2024-12-31',
      source: 'official',
      groupBy: 'province',
      available: false,
      reason: 'no_accepted_returns',
      coverage: { expected: founded!.n, accepted: 0 },
      rows: [],
      total: null,
    });
    const series = await get('timeseries?source=official', w.users.national.token);
    expect(series.body).toMatchObject({
      available: false,
      reason: 'no_accepted_returns',
      total: [],
      series: [],
    });
    expect((await get('export?format=csv&source=official', w.users.national.token)).status).toBe(409);
  });

  it('documents the official source in the OpenAPI document', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).body;
    for (const path of ['summary', 'timeseries', 'export'])
      expect(doc.paths[`/api/v1/stats/${path}`]?.get).toBeDefined();
    expect(doc.paths['/api/v1/stats/summary'].get.description).toContain('no_accepted_returns');
    expect(doc.paths['/api/v1/stats/export'].get.responses['409']).toBeDefined();
  });

  it('gives per-year series whose groups add up to the total', async () => {
    const raw = await loadRaw(t);
    const res = await get(
      'timeseries?from=2020&to=2026&indicator=tenantsIncubating&groupBy=province',
      w.users.national.token,
    );
    expect(res.status).toBe(200);
    expect(res.body.total.map((p: { year: number }) => p.year)).toEqual([
      2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    for (const point of res.body.total) {
      expect(point.value, String(point.year)).toBe(
        expected(raw, { year: point.year, groupBy: 'province' }).total.tenantsIncubating,
      );
      const sum = res.body.series.reduce(
        (s: number, g: { points: { year: number; value: number }[] }) =>
          s + g.points.find((p) => p.year === point.year)!.value,
        0,
      );
      expect(sum).toBe(point.value);
    }
    const byField = await get(
      'timeseries?from=2024&to=2024&indicator=incubators&groupBy=field',
      w.users.national.token,
    );
    expect(byField.body.total).toEqual([{ year: 2024, value: 2 }]);
    expect(
      byField.body.series.every((s: { points: { value: unknown }[] }) => s.points[0]!.value === null),
    ).toBe(true);
  });

  it('exports a yearbook CSV with a BOM, Chinese headers, 千元 and a 合计 row', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/stats/export?year=2024&format=csv&groupBy=region',
      headers: { authorization: `Bearer ${w.users.national.token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(
      'attachment; filename="torch-stats-2024-region.csv"',
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 3)).toEqual(['区域', '孵化器数量', '在孵企业数']);
    const total = lines.at(-1)!.split(',');
    expect(total[0]).toBe('合计');
    const summary = (await get('summary?year=2024&groupBy=region', w.users.national.token)).body;
    expect(Number(total[1])).toBe(summary.total.incubators);
    expect(Number(total[header.indexOf('当年获投资总额（千元）')])).toBe(
      Math.round(summary.total.investmentTotal / 1000),
    );
    expect(lines).toHaveLength(1 + 4 + 1);
    expect((await get('export?format=csv', w.users.managerA.token)).status).toBe(403);
  });

  it('exports an XLSX workbook with a sheet per grouping, each ending in 合计', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/stats/export?year=2024&format=xlsx',
      headers: { authorization: `Bearer ${w.users.provinceHubei.token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`torch-stats-2024-${HUBEI}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '按地区',
      '按区域',
      '按国家高新区',
      '按孵化器类型',
      '按孵化器级别',
      '按技术领域',
    ]);
    const summary = (await get('summary?year=2024&groupBy=park', w.users.provinceHubei.token)).body;
    const sheet = workbook.getWorksheet('按国家高新区')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(String(values(1)[0])).toContain('2024年湖北省');
    const header = values(3) as string[];
    expect(header[0]).toBe('国家高新区');
    const totalRow = values(sheet.rowCount);
    expect(totalRow[0]).toBe('合计');
    expect(totalRow[header.indexOf('孵化器数量')]).toBe(summary.total.incubators);
    expect(totalRow[header.indexOf('在孵企业数')]).toBe(summary.total.tenantsIncubating);
    expect(totalRow[header.indexOf('当年获投资总额（千元）')]).toBe(
      Math.round(summary.total.investmentTotal / 1000),
    );
    expect(sheet.rowCount).toBe(3 + summary.rows.length + 1);
  });

  it('sees a write at once: the cache follows the statistics version', async () => {
    const before = (await get(`summary?year=${THIS_YEAR}`, w.users.national.token)).body.total
      .tenantsIncubating;
    await admit(t, w.users.managerB.token, w.incubators.b.id, {
      uscc: nextUscc('110108'),
      foundedOn: `${THIS_YEAR}-01-02`,
      admittedOn: `${THIS_YEAR}-02-03`,
    });
    const after = (await get(`summary?year=${THIS_YEAR}`, w.users.national.token)).body.total
      .tenantsIncubating;
    expect(after).toBe(before + 1);
  });

  it('rebuilds to exactly what the triggers maintained', async () => {
    const before = await nonZeroCube(t);
    await sqlRows(t, 'select rebuild_stats()');
    expect(await nonZeroCube(t)).toEqual(before);
  });
});

describe('/stats in a new year', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('carries year-end stocks into years nothing was written in yet', async () => {
    t = await createTestApp();
    const w = await twoProvinceWorld(t, 'rollover');
    // As if the database was last written in 2024: stocks materialised through 2024 only.
    await sqlRows(t, `delete from stats_cube where year > 2024`);
    await sqlRows(t, `update stats_state set horizon = 2024`);
    const raw = await loadRaw(t);
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/stats/summary?year=${THIS_YEAR}`,
      token: w.users.national.token,
    });
    expectSummaryMatches(res.body, expected(raw, { year: THIS_YEAR, groupBy: 'province' }), 'rollover');
    expect(res.body.total.tenantsIncubating).toBe(4);
    expect((await sqlRows<{ horizon: number }>(t, 'select horizon from stats_state'))[0]!.horizon).toBe(
      THIS_YEAR,
    );
  });
});
