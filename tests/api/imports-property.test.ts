// Random spreadsheets of tenants and yearly figures, written the ways managers write them (Chinese
// or English headers, date cells or text dates, 元 or 万元): imported, the statistics equal the
// independent oracle over the raw rows; exported and imported again, nothing changes.
import { FIELD_CODES, FIELDS, FOUNDER_TRAITS } from '@torch/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { incubatorBody, nextUscc, sqlRows, userWithToken } from '../helpers/fixtures';
import { type Cells, upload, xlsx } from './import-files';
import { expected, expectSummaryMatches, loadRaw } from './stats-oracle';

const RUNS = Number(process.env.IMPORTS_PROPERTY_RUNS ?? 6);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const FIRST = Date.UTC(2015, 0, 1);
const LAST = Date.UTC(2025, 5, 30);

const tenantArb = fc.record({
  admitted: fc.integer({ min: FIRST / DAY, max: LAST / DAY }),
  // Inside the 24-month admission window, so no row needs an exception reason.
  age: fc.integer({ min: 0, max: 700 }),
  field: fc.constantFrom(...FIELD_CODES),
  area: fc.integer({ min: 0, max: 5000 }),
  capitalWan: fc.integer({ min: 0, max: 100_000 }),
  traits: fc.subarray([...FOUNDER_TRAITS]),
  reports: fc.array(
    fc.record({
      yearsAfter: fc.nat(10),
      revenue: fc.integer({ min: 0, max: 50_000_000 }),
      employees: fc.integer({ min: 0, max: 300 }),
      phdShare: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { maxLength: 3 },
  ),
});

const fileArb = fc.record({
  tenants: fc.array(tenantArb, { minLength: 1, maxLength: 8 }),
  english: fc.boolean(),
  dateStyle: fc.constantFrom('cell', 'dash', 'slash', 'chinese'),
  wan: fc.boolean(),
});

type File = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

function dateCell(style: File['dateStyle'], ms: number): Date | string {
  const d = new Date(ms);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  if (style === 'cell') return d;
  if (style === 'slash') return `${y}/${m}/${day}`;
  if (style === 'chinese') return `${y}年${m}月${day}日`;
  return iso(ms);
}

describe('imports keep the records and the statistics exact (property)', () => {
  let t: TestApp;
  let national: string;
  let run = 0;

  beforeAll(async () => {
    t = await createTestApp();
    national = (await userWithToken(t, { email: 'imports.property@test.cn', role: 'national' })).token;
  });
  afterAll(() => t.close());

  async function incubatorWithManager() {
    run += 1;
    const inc = await t.request({
      method: 'POST',
      url: '/api/v1/incubators',
      token: national,
      payload: incubatorBody({ name: `属性孵化器${run}` }),
    });
    const manager = await userWithToken(t, {
      email: `imports.property.${run}@test.cn`,
      role: 'incubator_manager',
      incubatorIds: [inc.body.id],
    });
    return { id: inc.body.id as string, token: manager.token };
  }

  function sheets(file: File) {
    const h = file.english
      ? [
          'name',
          'uscc',
          'foundedOn',
          'admittedOn',
          'field',
          'areaOccupied',
          file.wan ? 'registeredCapital(万元)' : 'registeredCapital',
          'founderTraits',
        ]
      : [
          '企业名称',
          '统一社会信用代码',
          '成立日期',
          '入孵日期',
          '技术领域',
          '场地面积',
          file.wan ? '注册资本（万元）' : '注册资本（元）',
          '创业者特征',
        ];
    const tenants: Cells[] = [h];
    const reports: Cells[] = [['统一社会信用代码', '年度', '营业收入（元）', '从业人员', '其中：博士']];
    file.tenants.forEach((x, i) => {
      const uscc = nextUscc();
      const admitted = x.admitted * DAY;
      const field = FIELDS.find((f) => f.code === x.field)!;
      tenants.push([
        `属性测试${run}-${i}科技有限公司`,
        uscc,
        dateCell(file.dateStyle, admitted - x.age * DAY),
        dateCell(file.dateStyle, admitted),
        file.english ? field.nameEn : field.nameZh,
        x.area,
        file.wan ? x.capitalWan : x.capitalWan * 10_000,
        x.traits.join('、'),
      ]);
      const years = new Set<number>();
      for (const r of x.reports) {
        const year = Math.min(new Date(admitted).getUTCFullYear() + r.yearsAfter, 2025);
        if (years.has(year)) continue;
        years.add(year);
        reports.push([
          uscc,
          year,
          r.revenue.toLocaleString('en-US'),
          r.employees,
          Math.floor(r.employees * r.phdShare),
        ]);
      }
    });
    return { tenants, reports };
  }

  async function importOf(
    incubator: { id: string; token: string },
    kind: 'tenants' | 'reports',
    data: Buffer,
  ) {
    const res = await upload(t, incubator.token, incubator.id, kind, data);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.errors, kind).toEqual([]);
    const commit = await t.request({
      method: 'POST',
      url: `/api/v1/imports/${res.body.id}/commit`,
      token: incubator.token,
    });
    expect(commit.status, JSON.stringify(commit.body)).toBe(200);
    return { preview: res.body, commit: commit.body };
  }

  async function exported(incubator: { id: string; token: string }, what: 'tenants' | 'reports') {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/incubators/${incubator.id}/${what}/export`,
      headers: { authorization: `Bearer ${incubator.token}` },
    });
    expect(res.statusCode).toBe(200);
    return res.rawPayload;
  }

  const snapshot = async () => ({
    tenants: await sqlRows(
      t,
      'select t.*, c.* from tenants t join companies c on c.id = t.company_id order by t.id',
    ),
    reports: await sqlRows(t, 'select * from reports order by id'),
    cube: await sqlRows(t, 'select * from stats_cube order by 1, 2, 3, 4, 5, 6'),
    audit: await sqlRows(t, 'select count(*)::int as n from audit_log'),
  });

  it('import → statistics equal the oracle; export → import changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        const incubator = await incubatorWithManager();
        const { tenants, reports } = sheets(file);
        const first = await importOf(incubator, 'tenants', await xlsx(tenants));
        expect(first.commit).toMatchObject({ created: file.tenants.length, updated: 0 });
        // A file of headers alone is an empty file (400): a country without reports skips it.
        const withReports = reports.length > 1;
        if (withReports) {
          const second = await importOf(incubator, 'reports', await xlsx(reports));
          expect(second.commit).toMatchObject({ created: reports.length - 1, updated: 0 });
        }

        const raw = await loadRaw(t);
        for (const year of [2019, 2025]) {
          for (const groupBy of ['field', 'province'] as const) {
            const res = await t.request({
              method: 'GET',
              url: `/api/v1/stats/summary?year=${year}&groupBy=${groupBy}`,
              token: national,
            });
            expectSummaryMatches(
              res.body,
              expected(raw, { year, groupBy, province: null, incubatorIds: null }),
              `${year} ${groupBy}`,
            );
          }
        }

        const before = await snapshot();
        for (const what of withReports ? (['tenants', 'reports'] as const) : (['tenants'] as const)) {
          const again = await importOf(incubator, what, await exported(incubator, what));
          expect(again.preview).toMatchObject({ toCreate: 0, toUpdate: 0, unknownHeaders: [] });
          expect(again.commit).toMatchObject({ created: 0, updated: 0 });
        }
        expect(await snapshot()).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
