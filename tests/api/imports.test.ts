// Bulk imports (API.md "Imports"): reading what Chinese users save, validating with the forms'
// rules, committing all or nothing, idempotently; limits and scope.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { markExited, nextUscc, rowCounts, sqlRows, twoProvinceWorld } from '../helpers/fixtures';
import { csv, readXlsx, upload, xlsx } from './import-files';
import { expectProblem } from './problem';
import { expected, expectSummaryMatches, loadRaw } from './stats-oracle';

let t: TestApp;
let w: Awaited<ReturnType<typeof twoProvinceWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoProvinceWorld(t, 'imp');
});
afterAll(() => t.close());

const HEADERS_ZH = [
  '企业名称',
  '统一社会信用代码',
  '成立日期',
  '入孵日期',
  '技术领域',
  '场地面积（平方米）',
  '注册资本（万元）',
];

describe('reading files', () => {
  it('reads an XLSX with date cells, Chinese headers, a title row and 万元', async () => {
    const uscc = nextUscc();
    const file = await xlsx([
      ['2025 年在孵企业名单'],
      HEADERS_ZH,
      [
        '光谷导入甲科技有限公司',
        uscc,
        new Date(Date.UTC(2024, 2, 5)),
        '2025年6月1日',
        '电子信息',
        '1,200',
        12.34,
      ],
    ]);
    const res = await upload(t, w.users.managerA.token, w.incubators.a.id, 'tenants', file);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'tenants',
      status: 'validated',
      rows: 1,
      valid: 1,
      headerRow: 2,
      errors: [],
      toCreate: 1,
    });
    const commit = await t.request({
      method: 'POST',
      url: `/api/v1/imports/${res.body.id}/commit`,
      token: w.users.managerA.token,
    });
    expect(commit.status, JSON.stringify(commit.body)).toBe(200);
    expect(commit.body).toMatchObject({ status: 'committed', created: 1, updated: 0 });
    const [row] = await sqlRows<Record<string, unknown>>(
      t,
      `select c.founded_on::text, t.admitted_on::text, c.field, t.area_occupied::float as area, c.registered_capital::float as capital
         from companies c join tenants t on t.company_id = c.id where c.uscc = '${uscc}'`,
    );
    expect(row).toEqual({
      founded_on: '2024-03-05',
      admitted_on: '2025-06-01',
      field: 'electronic_information',
      area: 1200,
      capital: 123400,
    });
  });

  for (const encoding of ['gb18030', 'utf8bom', 'utf8'] as const) {
    it(`reads a ${encoding} CSV with English headers and Chinese labels`, async () => {
      const file = csv(
        [
          ['name', 'uscc', 'foundedOn', 'admittedOn', 'field', 'integratedCircuit', 'founderTraits'],
          [
            '光谷编码测试有限公司',
            nextUscc(),
            '2024/1/9',
            '2025-02-01',
            '生物与新医药',
            '是',
            '大学生、科技人员',
          ],
        ],
        encoding,
      );
      const res = await upload(t, w.users.managerA.token, w.incubators.a.id, 'tenants', file, 'tenants.csv');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ status: 'validated', rows: 1, valid: 1, headerRow: 1 });
    });
  }
});

describe('row problems', () => {
  it('names the spreadsheet row and column of each problem and writes nothing', async () => {
    const before = await rowCounts(t);
    const dup = nextUscc();
    const file = await xlsx([
      ['标题：2025 年新入孵企业'],
      [],
      HEADERS_ZH,
      ['好企业科技有限公司', nextUscc(), '2024-01-01', '2025-01-01', '电子信息', 10, 1], // row 4
      ['坏代码科技有限公司', '91420100MA4K00000A', '2024-01-01', '2025-01-01', '电子信息', 10, 1], // 5
      ['坏日期科技有限公司', nextUscc(), '2024-13-40', '2025-01-01', '电子信息', 10, 1], // 6
      ['坏领域科技有限公司', nextUscc(), '2024-01-01', '2025-01-01', '造船', 'abc', 1], // 7
      ['顺序科技有限公司', nextUscc(), '2025-03-01', '2025-01-01', '新材料', 10, 1], // 8
      ['重复一科技有限公司', dup, '2024-01-01', '2025-01-01', '新材料', 10, 1], // 9
      ['重复二科技有限公司', dup, '2024-01-01', '2025-01-01', '新材料', 10, 1], // 10
      ['老企业科技有限公司', nextUscc(), '2020-01-01', '2025-01-01', '新材料', 10, 1], // 11
    ]);
    const res = await upload(t, w.users.managerA.token, w.incubators.a.id, 'tenants', file);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'invalid', rows: 8, valid: 2, headerRow: 3 });
    const problems = res.body.errors.map(
      (e: { row: number; column: string; message: string }) => `${e.row} ${e.column} ${e.message}`,
    );
    expect(problems.sort()).toEqual(
      [
        '5 统一社会信用代码 uscc_check_digit',
        '6 成立日期 date_format',
        '7 技术领域 unknown_field',
        '7 场地面积（平方米） not_a_number',
        '8 入孵日期 admitted_before_founded',
        '10 统一社会信用代码 duplicate_in_file',
        '11 例外入孵理由 admission_window_exceeded',
      ].sort(),
    );
    const commit = await t.request({
      method: 'POST',
      url: `/api/v1/imports/${res.body.id}/commit`,
      token: w.users.managerA.token,
    });
    expectProblem(commit, 422);
    expect(await rowCounts(t)).toEqual(before);
  });
});

describe('bad files and limits', () => {
  it('refuses a broken file, an empty one and one without headers with 400', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')]);
    expectProblem(await upload(t, w.users.managerA.token, w.incubators.a.id, 'tenants', broken), 400);
    expectProblem(
      await upload(t, w.users.managerA.token, w.incubators.a.id, 'tenants', Buffer.alloc(0), 'empty.csv'),
      400,
    );
    expectProblem(
      await upload(
        t,
        w.users.managerA.token,
        w.incubators.a.id,
        'tenants',
        Buffer.from('%PDF-1.4\n\0\0binary'),
        'x.pdf',
      ),
      400,
    );
    expectProblem(
      await upload(
        t,
        w.users.managerA.token,
        w.incubators.a.id,
        'tenants',
        csv(
          [
            ['a', 'b'],
            ['1', '2'],
          ],
          'utf8',
        ),
        'x.csv',
      ),
      400,
    );
  });

  it('answers 413 for a file over the size limit', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 'a');
    expectProblem(await upload(t, w.users.managerA.token, w.incubators.a.id, 'tenants', big, 'big.csv'), 413);
  });

  it('answers 422 naming the limit for more rows than it', async () => {
    const rows = [['企业名称', '统一社会信用代码']];
    for (let i = 0; i < 50_001; i++) rows.push([`企业${i}`, 'x']);
    const res = await upload(
      t,
      w.users.managerA.token,
      w.incubators.a.id,
      'tenants',
      csv(rows, 'utf8'),
      'many.csv',
    );
    expectProblem(res, 422);
    expect(res.body.detail).toContain('50000');
  });
});

describe('scope', () => {
  it('another manager gets 404, a tenant user 403', async () => {
    const file = await xlsx([
      HEADERS_ZH,
      ['范围科技有限公司', nextUscc(), '2024-01-01', '2025-01-01', '电子信息', 1, 1],
    ]);
    expectProblem(await upload(t, w.users.managerB.token, w.incubators.a.id, 'tenants', file), 404);
    expectProblem(await upload(t, w.users.tenantUser.token, w.incubators.a.id, 'tenants', file), 403);
    const mine = await upload(t, w.users.managerA.token, w.incubators.a.id, 'tenants', file);
    expect(mine.status).toBe(201);
    expectProblem(
      await t.request({
        method: 'GET',
        url: `/api/v1/imports/${mine.body.id}`,
        token: w.users.managerB.token,
      }),
      404,
    );
    expectProblem(
      await t.request({
        method: 'POST',
        url: `/api/v1/imports/${mine.body.id}/commit`,
        token: w.users.managerB.token,
      }),
      404,
    );
  });
});

async function commitOf(id: string) {
  return t.request({ method: 'POST', url: `/api/v1/imports/${id}/commit`, token: w.users.managerA.token });
}

async function download(url: string, token = w.users.managerA.token) {
  const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return res.rawPayload;
}

describe('commit', () => {
  it('importing the same file twice changes nothing the second time', async () => {
    const file = await xlsx([
      HEADERS_ZH,
      ['幂等甲科技有限公司', nextUscc(), '2024-01-01', '2025-01-01', '电子信息', 10, 100],
      ['幂等乙科技有限公司', nextUscc(), '2024-02-01', '2025-02-01', '新材料', 20, 200],
    ]);
    const first = await upload(t, w.users.managerA.token, w.incubators.a.id, 'tenants', file);
    expect((await commitOf(first.body.id)).body).toMatchObject({ created: 2, updated: 0 });
    const before = await rowCounts(t);
    const again = await upload(t, w.users.managerA.token, w.incubators.a.id, 'tenants', file);
    expect(again.body).toMatchObject({ status: 'validated', toCreate: 0, toUpdate: 0 });
    expect((await commitOf(again.body.id)).body).toMatchObject({ created: 0, updated: 0 });
    expect(await rowCounts(t)).toEqual(before);
    // A second commit of the same import is the first one's answer.
    expect((await commitOf(first.body.id)).body).toMatchObject({ created: 2, updated: 0 });
  });

  it('updates a tenant of the incubator by USCC and refuses one incubating elsewhere', async () => {
    const mine = w.tenants.otherTenantA;
    const elsewhere = w.tenants.tenantB;
    const file = await xlsx([
      ['统一社会信用代码', '企业名称', '成立日期', '入孵日期', '技术领域', '联系电话'],
      [mine.uscc, mine.name, '2024-01-10', '2024-06-01', '电子信息', '027-8888 1234'],
      [elsewhere.uscc, '中关村丙科技有限公司', '2024-01-10', '2025-06-01', '电子信息', null],
    ]);
    const res = await upload(t, w.users.managerA.token, w.incubators.a.id, 'tenants', file);
    expect(res.body.errors).toEqual([{ row: 3, column: '统一社会信用代码', message: 'company_incubating' }]);
    const fixed = await upload(
      t,
      w.users.managerA.token,
      w.incubators.a.id,
      'tenants',
      await xlsx([
        ['统一社会信用代码', '企业名称', '成立日期', '入孵日期', '技术领域', '联系电话'],
        [mine.uscc, mine.name, '2024-01-10', '2024-06-01', '电子信息', '027-8888 1234'],
      ]),
    );
    expect(fixed.body).toMatchObject({ status: 'validated', toCreate: 0, toUpdate: 1 });
    expect((await commitOf(fixed.body.id)).body).toMatchObject({ created: 0, updated: 1 });
    const tenant = await t.request({
      method: 'GET',
      url: `/api/v1/tenants/${mine.id}`,
      token: w.users.managerA.token,
    });
    expect(tenant.body).toMatchObject({ contactPhone: '027-8888 1234', version: mine.version + 1 });
    const audit = await sqlRows(
      t,
      `select action from audit_log where entity_id = '${mine.id}' and action = 'tenant.update'`,
    );
    expect(audit).toHaveLength(1);
  });

  it('maps unknown headers, keeps the mapping for the next import, and gives the file back with errors', async () => {
    const rows = [
      ['公司全称', '统一社会信用代码', '成立日期', '入孵日期', '技术领域', '备注'],
      ['映射甲科技有限公司', nextUscc(), '2024-01-01', '2025-01-01', '电子信息', '无'],
      ['映射乙科技有限公司', 'bad', '2024-01-01', '2025-01-01', '电子信息', '无'],
    ];
    const res = await upload(t, w.users.managerA.token, w.incubators.a.id, 'tenants', await xlsx(rows));
    expect(res.body.unknownHeaders).toEqual(['公司全称', '备注']);
    const mapped = await t.request({
      method: 'PUT',
      url: `/api/v1/imports/${res.body.id}/mapping`,
      token: w.users.managerA.token,
      payload: { mapping: { 公司全称: 'name', 备注: '' } },
    });
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(200);
    expect(mapped.body.unknownHeaders).toEqual([]);
    expect(mapped.body.errors).toEqual([{ row: 3, column: '统一社会信用代码', message: 'uscc_length' }]);
    const next = await upload(t, w.users.managerA.token, w.incubators.a.id, 'tenants', await xlsx(rows));
    expect(next.body.unknownHeaders).toEqual([]);
    expect(next.body.columns[0]).toEqual({ header: '公司全称', key: 'name' });
    const back = await readXlsx(await download(`/api/v1/imports/${next.body.id}/file`));
    expect(back[0]).toEqual([...rows[0]!, '错误', '提示']);
    expect(back[1]![6] ?? null).toBeNull();
    expect(back[2]![6]).toBe('统一社会信用代码：统一社会信用代码应为 18 位');
  });
});

describe('statistics', () => {
  it('re-admitting a company that left another incubator, in another field, keeps every count exact', async () => {
    const { tenantB } = w.tenants;
    await markExited(t, tenantB.id, '2025-01-31');
    const file = await xlsx([
      ['统一社会信用代码', '企业名称', '成立日期', '入孵日期', '技术领域'],
      [tenantB.uscc, tenantB.name, '2024-01-10', '2025-03-01', '航空航天'],
    ]);
    const res = await upload(t, w.users.managerA.token, w.incubators.a.id, 'tenants', file);
    expect(res.body).toMatchObject({ status: 'validated', toCreate: 1 });
    expect((await commitOf(res.body.id)).body).toMatchObject({ created: 1 });
    const raw = await loadRaw(t);
    for (const groupBy of ['field', 'province'] as const) {
      for (const year of [2024, 2025]) {
        const summary = await t.request({
          method: 'GET',
          url: `/api/v1/stats/summary?year=${year}&groupBy=${groupBy}`,
          token: w.users.national.token,
        });
        expectSummaryMatches(
          summary.body,
          expected(raw, { year, groupBy, province: null, incubatorIds: null }),
          `${year} ${groupBy}`,
        );
      }
    }
    const cube = await sqlRows(t, 'select * from stats_cube order by 1, 2, 3, 4, 5, 6');
    await sqlRows(t, 'select rebuild_stats()');
    const rebuilt = await sqlRows(t, 'select * from stats_cube order by 1, 2, 3, 4, 5, 6');
    const keys = new Set([
      'year',
      'province_code',
      'park_number',
      'incubator_type',
      'incubator_level',
      'field',
    ]);
    const nonZero = (rows: Record<string, unknown>[]) =>
      rows.filter((r) => Object.entries(r).some(([k, v]) => !keys.has(k) && Number(v) !== 0));
    expect(nonZero(cube)).toEqual(nonZero(rebuilt));
  });
});

describe('exports and templates', () => {
  it('an export of tenants and of yearly figures imports back as a no-op', async () => {
    const tenants = await download(`/api/v1/incubators/${w.incubators.a.id}/tenants/export`);
    const header = (await readXlsx(tenants))[0];
    expect(header).toContain('注册资本（元）');
    const res = await upload(t, w.users.managerA.token, w.incubators.a.id, 'tenants', tenants);
    expect(res.body).toMatchObject({ status: 'validated', toCreate: 0, toUpdate: 0, unknownHeaders: [] });
    expect(res.body.rows).toBeGreaterThan(3);
  });

  it('honours the list filters', async () => {
    const rows = await readXlsx(
      await download(`/api/v1/incubators/${w.incubators.a.id}/tenants/export?field=new_materials`),
    );
    const field = rows[0]!.indexOf('技术领域');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((r) => r[field] === '新材料')).toBe(true);
  });

  it('templates carry headers, an example row and drop-down lists', async () => {
    const data = await download(`/api/v1/incubators/${w.incubators.a.id}/imports/template?kind=tenants`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    const field = headers.indexOf('技术领域') + 1;
    expect(sheet.getCell(2, field).value).toBe('电子信息');
    expect(sheet.getCell(3, field).dataValidation).toMatchObject({ type: 'list' });
    // The template read back is a valid file of one row.
    const res = await upload(t, w.users.managerA.token, w.incubators.a.id, 'tenants', data);
    expect(res.body).toMatchObject({ status: 'validated', rows: 1 });
  });
});

describe('yearly figures', () => {
  it('imports reports as approved, counted by the statistics at once, and again as a no-op', async () => {
    const { tenantA } = w.tenants;
    const summary = async () =>
      (
        await t.request({
          method: 'GET',
          url: '/api/v1/stats/summary?year=2025&groupBy=province',
          token: w.users.national.token,
        })
      ).body.total;
    const before = await summary();
    const file = await xlsx([
      ['统一社会信用代码', '年度', '营业收入（万元）', '从业人员', '其中：博士'],
      [tenantA.uscc, 2025, '1,250.5', 30, 2],
    ]);
    const res = await upload(t, w.users.managerA.token, w.incubators.a.id, 'reports', file);
    expect(res.body, JSON.stringify(res.body)).toMatchObject({ status: 'validated', toCreate: 1 });
    expect((await commitOf(res.body.id)).body).toMatchObject({ created: 1 });
    const after = await summary();
    expect(after.tenantRevenue - before.tenantRevenue).toBe(12_505_000);
    expect(after.tenantEmployees - before.tenantEmployees).toBe(30);
    const [report] = await sqlRows(
      t,
      `select status, reviewed_by from reports where tenant_id = '${tenantA.id}' and year = 2025`,
    );
    expect(report).toEqual({ status: 'approved', reviewed_by: w.users.managerA.id });
    const exported = await download(`/api/v1/incubators/${w.incubators.a.id}/reports/export?year=2025`);
    const again = await upload(t, w.users.managerA.token, w.incubators.a.id, 'reports', exported);
    expect(again.body).toMatchObject({ status: 'validated', toCreate: 0, toUpdate: 0 });
  });

  it('overwrites a draft with the columns the file has and approves it, with audit rows, in one transaction', async () => {
    const { tenantA, otherTenantA } = w.tenants;
    const draftOf = async (tenantId: string, year: number) => {
      const [row] = await sqlRows<{ id: string }>(
        t,
        `insert into reports (company_id, tenant_id, incubator_id, year, employees, revenue, status)
           select company_id, id, incubator_id, ${year}, 12, 5000, 'draft' from tenants where id = '${tenantId}'
         returning id`,
      );
      return row!.id;
    };
    const draft = await draftOf(otherTenantA.id, 2024);
    const file = await xlsx([
      ['统一社会信用代码', '年度', '营业收入（元）'],
      [otherTenantA.uscc, 2024, 800_000],
      [tenantA.uscc, 2024, 900_000],
    ]);
    const res = await upload(t, w.users.managerA.token, w.incubators.a.id, 'reports', file);
    expect(res.body, JSON.stringify(res.body)).toMatchObject({
      status: 'validated',
      toCreate: 1,
      toUpdate: 1,
    });

    // The draft is submitted after the check: the commit judges again and writes neither row.
    await sqlRows(t, `update reports set status = 'submitted' where id = '${draft}'`);
    const refused = await commitOf(res.body.id);
    expect(refused.status).toBe(422);
    const count2024 = `select count(*)::int as n from reports r join tenants t on t.id = r.tenant_id
      where r.year = 2024 and t.id in ('${tenantA.id}', '${otherTenantA.id}')`;
    expect(await sqlRows(t, count2024)).toEqual([{ n: 1 }]);

    await sqlRows(t, `update reports set status = 'draft' where id = '${draft}'`);
    const commit = await commitOf(res.body.id);
    expect(commit.body, JSON.stringify(commit.body)).toMatchObject({ created: 1, updated: 1 });
    const [overwritten] = await sqlRows(
      t,
      `select status, revenue::float as revenue, employees, version, reviewed_by from reports where id = '${draft}'`,
    );
    // Revenue from the file; employees, a column the file does not have, kept.
    expect(overwritten).toEqual({
      status: 'approved',
      revenue: 800_000,
      employees: 12,
      version: 2,
      reviewed_by: w.users.managerA.id,
    });
    const audits = await sqlRows(
      t,
      `select a.entity_id, (a.after->>'revenue')::float as revenue from audit_log a
         join reports r on r.id::text = a.entity_id
        where a.action = 'report.import' and r.year = 2024 order by revenue`,
    );
    expect(audits.map((a) => a.revenue)).toEqual([800_000, 900_000]);
    expect(await sqlRows(t, count2024)).toEqual([{ n: 2 }]);
  });

  it('refuses figures that do not add up and companies that are not its tenants', async () => {
    const file = await xlsx([
      ['统一社会信用代码', '年度', '从业人员', '其中：博士'],
      [w.tenants.otherTenantA.uscc, 2025, 3, 5],
      [w.tenants.tenantA2.uscc, 2025, 3, 1],
    ]);
    const res = await upload(t, w.users.managerA.token, w.incubators.a.id, 'reports', file);
    expect(res.body.errors).toEqual([
      { row: 2, column: '其中：博士', message: 'exceeds_employees' },
      { row: 3, column: '统一社会信用代码', message: 'unknown_company' },
    ]);
  });
});
