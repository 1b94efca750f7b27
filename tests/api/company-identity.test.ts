// One national company identity, many tenancies (SPEC "Company identity across incubators"): a
// company that graduated from a Wuhan incubator is admitted by a Zhongguancun one under a new name
// and field. Wuhan's records stay as Wuhan recorded them; Zhongguancun sees its own; the national
// record is the current one; the national company page shows both stays as each incubator recorded
// them; what Zhongguancun learns of the Wuhan stay is a verdict and totals, never Wuhan's records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { admit, BEIJING, HUBEI, nextUscc, sqlRows, userWithToken, world } from '../helpers/fixtures';
import { upload, xlsx } from './import-files';
import { api } from './lifecycle-helpers';
import { expectProblem } from './problem';

const WUHAN_PROFILE = {
  name: '东湖光电科技有限公司',
  nameEn: 'East Lake Photonics',
  field: 'electronic_information',
  registeredCapital: 3_000_000,
  founderTraits: ['returned_scholar'],
  legalRepresentative: '李东湖',
  contactPhone: '027-87654321',
  website: 'https://donghu.example.cn',
  foundedOn: '2021-01-10',
  highTechCertifiedOn: null,
};
const ZGC_PROFILE = {
  name: '中关村光电科技（北京）有限公司',
  field: 'new_materials',
  registeredCapital: 8_000_000,
  website: 'https://zgc-photonics.example.cn',
  foundedOn: '2021-01-10',
};

describe('company identity across incubators', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let wuhan: string;
  let zgc: string;
  const users = {} as Record<
    'national' | 'hubei' | 'beijing' | 'managerWuhan' | 'managerZgc' | 'company',
    { token: string }
  >;
  let companyId: string;
  let uscc: string;
  let wuhanTenancy: string;
  let zgcTenancy: string;
  /** Wuhan's tenant as Wuhan's manager read it before Zhongguancun admitted the company. */
  let wuhanView: Record<string, unknown>;
  let wuhanInvestment: string;
  let wuhanReport: string;
  let auditUnderWuhan: number;

  const auditRows = (where: string) =>
    sqlRows<{ action: string; entity: string; incubator_id: string | null; before: unknown; after: unknown }>(
      t,
      `select action, entity, incubator_id, before, after from audit_log where ${where} order by id`,
    );

  beforeAll(async () => {
    t = await createTestApp();
    call = api(t);
    const w = await world(t, 'ident');
    users.national = w.national;
    wuhan = (await w.incubator('武汉东湖创新中心', { provinceCode: HUBEI, city: '武汉' })).id;
    zgc = (await w.incubator('中关村创业孵化器', { provinceCode: BEIJING, city: '北京', parkNumber: 1 })).id;
    users.managerWuhan = await userWithToken(t, {
      email: 'ident.wuhan@test.cn',
      role: 'incubator_manager',
      incubatorIds: [wuhan],
    });
    users.managerZgc = await userWithToken(t, {
      email: 'ident.zgc@test.cn',
      role: 'incubator_manager',
      incubatorIds: [zgc],
    });
    users.hubei = await userWithToken(t, {
      email: 'ident.hubei@test.cn',
      role: 'province',
      provinceCode: HUBEI,
    });
    users.beijing = await userWithToken(t, {
      email: 'ident.beijing@test.cn',
      role: 'province',
      provinceCode: BEIJING,
    });

    // Wuhan: admitted, financed (6,000,000 yuan of angel money), a report approved, graduated.
    const first = await admit(t, users.managerWuhan.token, wuhan, {
      ...WUHAN_PROFILE,
      uscc: nextUscc(),
      admittedOn: '2021-03-01',
    });
    companyId = first.companyId;
    uscc = first.uscc;
    wuhanTenancy = first.id;
    users.company = await userWithToken(t, { email: 'ident.company@test.cn', role: 'tenant', companyId });
    const money = await call.post(`/tenants/${wuhanTenancy}/investments`, users.managerWuhan.token, {
      investorKind: 'angel',
      investorName: '东湖天使基金',
      amount: 6_000_000,
      investedOn: '2022-05-01',
    });
    expect(money.status, JSON.stringify(money.body)).toBe(201);
    wuhanInvestment = money.body.id;
    const report = await call.post(`/tenants/${wuhanTenancy}/reports`, users.company.token, {
      year: 2023,
      revenue: 1_000_000,
      employees: 8,
    });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    wuhanReport = report.body.id;
    expect((await call.post(`/reports/${wuhanReport}/submit`, users.company.token)).status).toBe(200);
    expect((await call.post(`/reports/${wuhanReport}/approve`, users.managerWuhan.token, {})).status).toBe(
      200,
    );
    const graduated = await call.post(`/tenants/${wuhanTenancy}/graduation`, users.managerWuhan.token, {
      graduatedOn: '2024-06-30',
      criteria: ['investment_over_5m'],
    });
    expect(graduated.status, JSON.stringify(graduated.body)).toBe(200);
    wuhanView = (await call.get(`/tenants/${wuhanTenancy}`, users.managerWuhan.token)).body;
    auditUnderWuhan = (await auditRows(`incubator_id = '${wuhan}'`)).length;

    // Zhongguancun admits the graduate under a new name, in another field, without some fields.
    const second = await call.post(`/incubators/${zgc}/tenants`, users.managerZgc.token, {
      ...ZGC_PROFILE,
      uscc: first.uscc,
      admittedOn: '2024-09-01',
      admissionExceptionReason: '东湖毕业后迁入北京继续孵化',
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    zgcTenancy = second.body.id;
  }, 60_000);
  afterAll(() => t?.close());

  it("leaves Wuhan's tenant exactly as Wuhan recorded it: profile, version, list, search, field filter", async () => {
    const now = await call.get(`/tenants/${wuhanTenancy}`, users.managerWuhan.token);
    expect(now.status).toBe(200);
    expect(now.body).toEqual(wuhanView);
    expect(now.body).toMatchObject({ ...WUHAN_PROFILE, status: 'graduated' });
    const listed = (query: string) =>
      call
        .get(`/incubators/${wuhan}/tenants${query}`, users.managerWuhan.token)
        .then((r) => r.body.items.map((x: { id: string; name: string }) => [x.id, x.name]));
    expect(await listed('')).toEqual([[wuhanTenancy, WUHAN_PROFILE.name]]);
    expect(await listed(`?q=${encodeURIComponent('东湖光电')}`)).toEqual([
      [wuhanTenancy, WUHAN_PROFILE.name],
    ]);
    expect(await listed(`?q=${encodeURIComponent('中关村光电')}`)).toEqual([]);
    expect(await listed('?field=electronic_information')).toEqual([[wuhanTenancy, WUHAN_PROFILE.name]]);
    expect(await listed('?field=new_materials')).toEqual([]);
    // Its report and investment stay as filed, under the name Wuhan knew.
    const reports = await call.get(`/tenants/${wuhanTenancy}/reports`, users.managerWuhan.token);
    expect(reports.body.items).toEqual([
      expect.objectContaining({ id: wuhanReport, companyName: WUHAN_PROFILE.name, revenue: 1_000_000 }),
    ]);
    expect((await call.get(`/reports/${wuhanReport}`, users.managerWuhan.token)).body.companyName).toBe(
      WUHAN_PROFILE.name,
    );
    const money = await call.get(`/tenants/${wuhanTenancy}/investments`, users.managerWuhan.token);
    expect(money.body.items.map((i: { id: string; amount: number }) => [i.id, i.amount])).toEqual([
      [wuhanInvestment, 6_000_000],
    ]);
  });

  it('shows Zhongguancun its own record: the new name and field, nothing Wuhan recorded that it did not say', async () => {
    const res = await call.get(`/tenants/${zgcTenancy}`, users.managerZgc.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ...ZGC_PROFILE,
      companyId,
      incubatorId: zgc,
      status: 'incubating',
      nameEn: null,
      legalRepresentative: null,
      contactPhone: null,
      founderTraits: [],
      version: 1,
    });
    const listed = await call.get(
      `/incubators/${zgc}/tenants?q=${encodeURIComponent('中关村光电')}`,
      users.managerZgc.token,
    );
    expect(listed.body.items.map((x: { id: string }) => x.id)).toEqual([zgcTenancy]);
  });

  it('keeps one national identity whose record is the current one', async () => {
    const companies = await sqlRows<{ n: number }>(
      t,
      `select count(*)::int as n from companies where id = '${companyId}'`,
    );
    expect(companies).toEqual([{ n: 1 }]);
    const [national] = await sqlRows<Record<string, unknown>>(
      t,
      `select name, field, registered_capital::int as "registeredCapital", website, legal_representative as "legalRepresentative" from companies where id = '${companyId}'`,
    );
    // The admission's fields replace the national record's; what it left out stays as it was.
    expect(national).toEqual({
      name: ZGC_PROFILE.name,
      field: ZGC_PROFILE.field,
      registeredCapital: ZGC_PROFILE.registeredCapital,
      website: ZGC_PROFILE.website,
      legalRepresentative: WUHAN_PROFILE.legalRepresentative,
    });
  });

  it('shows the national user both stays, each as its incubator recorded the company', async () => {
    const res = await call.get(`/companies/${companyId}`, users.national.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: companyId, name: ZGC_PROFILE.name, field: ZGC_PROFILE.field });
    expect(res.body.tenancies).toEqual([
      expect.objectContaining({
        id: zgcTenancy,
        incubatorId: zgc,
        provinceCode: BEIJING,
        name: ZGC_PROFILE.name,
        nameEn: null,
        field: 'new_materials',
        status: 'incubating',
      }),
      expect.objectContaining({
        id: wuhanTenancy,
        incubatorId: wuhan,
        provinceCode: HUBEI,
        name: WUHAN_PROFILE.name,
        nameEn: WUHAN_PROFILE.nameEn,
        field: 'electronic_information',
        status: 'graduated',
        graduatedOn: '2024-06-30',
      }),
    ]);
    // Found by its new name, by its USCC; a province sees its own stay only, as it was recorded.
    const found = await call.get(`/companies?q=${encodeURIComponent('中关村光电')}`, users.national.token);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([companyId]);
    const hubei = await call.get(`/companies/${companyId}`, users.hubei.token);
    expect(hubei.body.tenancies.map((x: { id: string; name: string }) => [x.id, x.name])).toEqual([
      [wuhanTenancy, WUHAN_PROFILE.name],
    ]);
    const beijing = await call.get(`/companies/${companyId}`, users.beijing.token);
    expect(beijing.body.tenancies.map((x: { id: string; name: string }) => [x.id, x.name])).toEqual([
      [zgcTenancy, ZGC_PROFILE.name],
    ]);
  });

  it('files the admission under Zhongguancun, the national record change under no incubator, nothing under Wuhan', async () => {
    expect(await auditRows(`incubator_id = '${wuhan}'`)).toHaveLength(auditUnderWuhan);
    expect(await auditRows(`entity_id = '${zgcTenancy}'`)).toEqual([
      expect.objectContaining({ action: 'tenant.admit', incubator_id: zgc }),
    ]);
    const [change] = await auditRows(`entity_id = '${companyId}'`);
    expect(change).toMatchObject({
      action: 'company.update',
      incubator_id: null,
      before: { name: WUHAN_PROFILE.name, field: WUHAN_PROFILE.field },
      after: { name: ZGC_PROFILE.name, field: ZGC_PROFILE.field },
    });
    // Zhongguancun's manager reads its audit log without what Wuhan had recorded.
    const zgcLog = await call.get(`/audit?incubatorId=${zgc}&pageSize=100`, users.managerZgc.token);
    expect(zgcLog.status).toBe(200);
    expect(JSON.stringify(zgcLog.body)).not.toContain(WUHAN_PROFILE.name);
    const companyLog = await call.get(`/audit?entity=company&id=${companyId}`, users.managerZgc.token);
    expect(companyLog.body.items ?? []).toEqual([]);
  });

  it("gives Zhongguancun a verdict and totals of the Wuhan stay, never Wuhan's records", async () => {
    const zgcToken = users.managerZgc.token;
    for (const url of [
      `/tenants/${wuhanTenancy}`,
      `/tenants/${wuhanTenancy}/investments`,
      `/tenants/${wuhanTenancy}/reports`,
      `/tenants/${wuhanTenancy}/timeline`,
      `/tenants/${wuhanTenancy}/graduation-eligibility`,
      `/reports/${wuhanReport}`,
    ]) {
      expectProblem(await call.get(url, zgcToken), 404);
    }
    expect((await call.get(`/companies/${companyId}`, zgcToken)).status).toBe(403);
    // Its own tenancy shows no Wuhan record.
    expect((await call.get(`/tenants/${zgcTenancy}/investments`, zgcToken)).body.items).toEqual([]);
    expect((await call.get(`/tenants/${zgcTenancy}/reports`, zgcToken)).body.items).toEqual([]);
    // Eligibility counts the company's money from every stay: the total, not the investments.
    const eligibility = await call.get(
      `/tenants/${zgcTenancy}/graduation-eligibility?asOf=2024-12-31`,
      zgcToken,
    );
    expect(eligibility.status).toBe(200);
    const investment = eligibility.body.criteria.find(
      (c: { criterion: string }) => c.criterion === 'investment_over_5m',
    );
    expect(investment).toEqual({
      criterion: 'investment_over_5m',
      proven: true,
      reason: 'investment_total_6000000',
      detail: { total: 6_000_000, threshold: 5_000_000 },
    });
    const text = JSON.stringify(eligibility.body);
    for (const secret of [wuhanInvestment, '东湖天使基金', wuhanReport, wuhanTenancy]) {
      expect(text).not.toContain(secret);
    }
  });

  it("judges an imported report as the form does: no jump against Wuhan's figures, Wuhan's year refused", async () => {
    const file = await xlsx([
      ['统一社会信用代码', '年度', '营业收入（万元）', '从业人员'],
      [uscc, 2024, 5_000, 30], // 50× Wuhan's approved 2023 revenue: no flag carries Wuhan's figure
      [uscc, 2023, 100, 8], // Wuhan's year: one report per company and year, Wuhan's record
    ]);
    const res = await upload(t, users.managerZgc.token, zgc, 'reports', file);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const problems = (list: { row: number; message: string }[]) => list.map((p) => `${p.row} ${p.message}`);
    expect(problems(res.body.warnings)).toEqual([]);
    expect(problems(res.body.errors)).toEqual(['3 duplicate_report']);
    // Validation writes nothing: Wuhan's report is as it was.
    const [wuhans] = await sqlRows<{ revenue: number }>(
      t,
      `select revenue from reports where id = '${wuhanReport}'`,
    );
    expect(Number(wuhans!.revenue)).toBe(1_000_000);
  });

  it("judges a report's jump against Zhongguancun's own last year, not Wuhan's report", async () => {
    // Wuhan approved 1,000,000 yuan of revenue for 2023; 50× that at Zhongguancun is not flagged
    // with Wuhan's figure (the flag would show it), there is no baseline here yet.
    const draft = await call.post(`/tenants/${zgcTenancy}/reports`, users.company.token, {
      year: 2024,
      revenue: 50_000_000,
      employees: 30,
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const submitted = await call.post(`/reports/${draft.body.id}/submit`, users.company.token);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.flags).toEqual([]);
    // The company's own year is still one report nationally (the year was Wuhan's: 409 names only that).
    expectProblem(
      await call.post(`/tenants/${zgcTenancy}/reports`, users.company.token, { year: 2023 }),
      409,
      ['year'],
    );
  });

  it("the company edits its current tenancy's view; Wuhan's stays; the earlier stay is history", async () => {
    const current = (await call.get(`/tenants/${zgcTenancy}`, users.company.token)).body;
    const edited = await call.patch(`/tenants/${zgcTenancy}`, users.company.token, {
      version: current.version,
      name: '中关村光电科技集团有限公司',
      contactPhone: '010-12345678',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ name: '中关村光电科技集团有限公司', contactPhone: '010-12345678' });
    const [national] = await sqlRows<{ name: string }>(
      t,
      `select name from companies where id = '${companyId}'`,
    );
    expect(national!.name).toBe('中关村光电科技集团有限公司');
    expect((await call.get(`/tenants/${wuhanTenancy}`, users.managerWuhan.token)).body).toEqual(wuhanView);
    // Through the Wuhan tenancy neither the company nor Wuhan's manager rewrites the company.
    for (const token of [users.company.token, users.managerWuhan.token]) {
      expectProblem(
        await call.patch(`/tenants/${wuhanTenancy}`, token, {
          version: wuhanView.version,
          name: '改名有限公司',
        }),
        409,
        ['companyId'],
      );
    }
  });

  it("holds the company's deadline-moving edit for Zhongguancun's manager; confirmed, it applies here only", async () => {
    const current = (await call.get(`/tenants/${zgcTenancy}`, users.company.token)).body;
    const asked = await call.patch(`/tenants/${zgcTenancy}`, users.company.token, {
      version: current.version,
      field: 'biomedicine',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body).toMatchObject({ field: 'new_materials', pendingChange: { field: 'biomedicine' } });
    const confirmed = await call.post(
      `/tenants/${zgcTenancy}/pending-change/confirm`,
      users.managerZgc.token,
    );
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ field: 'biomedicine', pendingChange: null });
    const [national] = await sqlRows<{ field: string }>(
      t,
      `select field from companies where id = '${companyId}'`,
    );
    expect(national!.field).toBe('biomedicine');
    expect((await call.get(`/tenants/${wuhanTenancy}`, users.managerWuhan.token)).body).toEqual(wuhanView);
  });

  it('counts the company once nationally, under its national record’s field', async () => {
    const res = await call.get('/stats/summary?year=2024&groupBy=field', users.national.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const byField = Object.fromEntries(
      res.body.rows.map((r: { key: string; tenantsIncubating: number; graduatesCumulative: number }) => [
        r.key,
        [r.tenantsIncubating, r.graduatesCumulative],
      ]),
    );
    // Incubating at Zhongguancun and graduated from Wuhan: both under the current field.
    expect(byField.biomedicine).toEqual([1, 1]);
    expect(byField.electronic_information).toEqual([0, 0]);
    expect(res.body.total).toMatchObject({ tenantsIncubating: 1, graduatesCumulative: 1 });
  });
});
