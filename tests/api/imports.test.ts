// Bulk imports (API.md "Imports"): reading what Chinese users save, validating with the forms'
// rules, committing all or nothing, idempotently; limits and scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { nextUscc, rowCounts, sqlRows, twoProvinceWorld } from '../helpers/fixtures';
import { csv, upload, xlsx } from './import-files';
import { expectProblem } from './problem';

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
