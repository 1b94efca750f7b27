// The incubator dashboard (KPI tiles, flags) and a tenant's timeline.
import { todayInChina } from '@torch/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { admit, sqlRows, userWithToken } from '../helpers/fixtures';
import { type Answer, admitVeteran, api, type LifecycleWorld, lifecycleWorld } from './lifecycle-helpers';

const thisYear = () => Number(todayInChina().slice(0, 4));

describe('incubator dashboard', () => {
  let t: TestApp;
  let w: LifecycleWorld;
  let call: ReturnType<typeof api>;
  let incubatorId: string;
  let manager: string;
  beforeAll(async () => {
    t = await createTestApp();
    w = await lifecycleWorld(t, 'dash');
    call = api(t);
    incubatorId = (await w.incubator('仪表盘孵化器', { provinceCode: '420000' })).id;
    manager = (
      await userWithToken(t, {
        email: 'dash.manager@test.cn',
        role: 'incubator_manager',
        incubatorIds: [incubatorId],
      })
    ).token;
  });
  afterAll(() => t.close());

  const post = async (url: string, token: string, body?: unknown) => {
    const res = await call.post(url, token, body);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  };

  it('counts tiles and flags from the records, and lists at most ten tenants per flag', async () => {
    const empty = await call.get(`/incubators/${incubatorId}/dashboard`, manager);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      incubatorId,
      asOf: todayInChina(),
      year: thisYear(),
      kpis: { incubating: 0, graduated: 0, listed: 0, investmentThisYear: 0, incubatorInvestmentThisYear: 0 },
      flags: {
        overdue: { count: 0, items: [] },
        admissionExceptions: { count: 0, items: [] },
        pendingReviews: { count: 0 },
        pendingChanges: { count: 0, items: [] },
      },
    });

    // Eleven overdue tenants (admitted in 2016–2019, 48 months long past), admitted oldest last.
    const overdue = [];
    for (let i = 0; i < 11; i += 1) {
      const year = 2019 - Math.floor(i / 3);
      overdue.push(
        await admit(t, manager, incubatorId, {
          name: `超期公司${i}`,
          foundedOn: `${year - 1}-06-01`,
          admittedOn: `${year}-0${(i % 3) + 1}-15`,
        }),
      );
    }
    const exception = await admit(t, manager, incubatorId, {
      name: '例外入孵公司',
      foundedOn: '2015-01-01',
      admittedOn: '2024-03-01',
      admissionExceptionReason: '省重点人才项目',
    });
    const normal = await admitVeteran(t, manager, incubatorId, {
      name: '正常公司',
      highTechCertifiedOn: '2023-01-01',
      admittedOn: '2023-06-01',
      foundedOn: '2022-01-01',
    });
    const graduate = await admitVeteran(t, manager, incubatorId, {
      name: '毕业公司',
      highTechCertifiedOn: '2022-01-01',
      admittedOn: '2023-06-01',
      foundedOn: '2022-01-01',
    });
    await post(`/tenants/${graduate.id}/graduation`, manager, {
      graduatedOn: '2024-12-31',
      criteria: ['high_tech_enterprise'],
    });
    const leaver = await admitVeteran(t, manager, incubatorId, {
      name: '退出公司',
      admittedOn: '2023-06-01',
      foundedOn: '2022-01-01',
      admissionExceptionReason: '退出前的例外',
    });
    await post(`/tenants/${leaver.id}/exit`, manager, { exitedOn: '2024-01-01', reason: 'failed' });

    // Two listings of one company and one of another: two companies listed.
    await post(`/tenants/${graduate.id}/listings`, manager, {
      exchange: 'neeq',
      ticker: '870001',
      listedOn: '2025-01-10',
      amountRaised: 0,
    });
    await post(`/tenants/${graduate.id}/listings`, manager, {
      exchange: 'bse',
      ticker: '920001',
      listedOn: '2025-09-10',
      amountRaised: 50_000_000,
    });
    await post(`/tenants/${normal.id}/listings`, manager, {
      exchange: 'neeq',
      ticker: '870002',
      listedOn: '2024-05-10',
      amountRaised: 0,
    });

    const year = thisYear();
    await post(`/tenants/${normal.id}/investments`, manager, {
      investorKind: 'incubator_fund',
      instrument: 'equity',
      amount: 300_000,
      investedOn: `${year}-01-01`,
    });
    await post(`/tenants/${graduate.id}/investments`, manager, {
      investorKind: 'angel',
      instrument: 'equity',
      amount: 700_000,
      investedOn: `${year}-01-02`,
    });
    await post(`/tenants/${normal.id}/investments`, manager, {
      investorKind: 'vc',
      instrument: 'equity',
      amount: 9_000_000,
      investedOn: `${year - 1}-12-31`,
    });
    // Money into another incubator's tenants is not this incubator's.
    await post(`/tenants/${w.tenants.tenantA.id}/investments`, w.users.managerA.token, {
      investorKind: 'incubator_fund',
      instrument: 'equity',
      amount: 1,
      investedOn: `${year}-01-01`,
    });

    const company = await userWithToken(t, {
      email: 'dash.company@test.cn',
      role: 'tenant',
      companyId: normal.companyId,
    });
    const submitted = await post(`/tenants/${normal.id}/reports`, company.token, { year: 2024 });
    await post(`/reports/${submitted.id}/submit`, company.token);
    await post(`/tenants/${normal.id}/reports`, company.token, { year: 2023 });
    const approved = await post(`/tenants/${normal.id}/reports`, company.token, { year: 2025 });
    await post(`/reports/${approved.id}/submit`, company.token);
    await post(`/reports/${approved.id}/approve`, manager);

    const res = await call.get(`/incubators/${incubatorId}/dashboard`, w.users.provinceHubei.token);
    expect(res.status).toBe(200);
    expect(res.body.kpis).toEqual({
      incubating: 13,
      graduated: 1,
      listed: 2,
      investmentThisYear: 1_000_000,
      incubatorInvestmentThisYear: 300_000,
    });
    expect(res.body.flags.overdue.count).toBe(11);
    expect(res.body.flags.overdue.items).toHaveLength(10);
    // Longest overdue first: the last admitted above (2016) leads.
    expect(res.body.flags.overdue.items[0]).toEqual({
      id: overdue[9]!.id,
      name: '超期公司9',
      incubationEndsOn: '2020-01-15',
    });
    expect(res.body.flags.overdue.items.map((x: { id: string }) => x.id)).not.toContain(overdue[2]!.id);
    expect(res.body.flags.admissionExceptions).toEqual({
      count: 1,
      items: [{ id: exception.id, name: '例外入孵公司', admittedOn: '2024-03-01', reason: '省重点人才项目' }],
    });
    expect(res.body.flags.pendingReviews).toEqual({ count: 1 });
  });

  it('is shown to those who see the incubator only', async () => {
    for (const token of [w.users.national.token, w.users.provinceHubei.token, manager]) {
      expect((await call.get(`/incubators/${incubatorId}/dashboard`, token)).status).toBe(200);
    }
    for (const token of [w.users.provinceBeijing.token, w.users.managerA.token, w.users.tenantUser.token]) {
      expect((await call.get(`/incubators/${incubatorId}/dashboard`, token)).status).toBe(404);
    }
    expect((await call.get(`/incubators/${incubatorId}/dashboard`)).status).toBe(401);
  });
});

describe('tenant timeline', () => {
  let t: TestApp;
  let w: LifecycleWorld;
  let call: ReturnType<typeof api>;
  beforeAll(async () => {
    t = await createTestApp();
    w = await lifecycleWorld(t, 'time');
    call = api(t);
  });
  afterAll(() => t.close());

  it('tells a tenancy’s story in date order, report rounds in the order they happened', async () => {
    const manager = w.users.managerA.token;
    const ok = async (res: Promise<Answer>) => {
      const answer = await res;
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
      return answer.body;
    };
    const tenant = await admitVeteran(t, manager, w.incubators.a.id, { name: '时间线公司' });
    const mentor = await ok(
      call.post(`/incubators/${w.incubators.a.id}/mentors`, manager, { name: '周导师' }),
    );
    await ok(
      call.post(`/mentors/${mentor.id}/tenants`, manager, { tenantId: tenant.id, startedOn: '2022-07-01' }),
    );
    const investment = await ok(
      call.post(`/tenants/${tenant.id}/investments`, manager, {
        investorKind: 'angel',
        instrument: 'equity',
        amount: 800_000,
        investedOn: '2023-03-01',
        round: '天使轮',
      }),
    );
    const listing = await ok(
      call.post(`/tenants/${tenant.id}/listings`, manager, {
        exchange: 'neeq',
        ticker: '874001',
        listedOn: '2024-03-01',
        amountRaised: 0,
      }),
    );
    await ok(
      call.post(`/tenants/${tenant.id}/graduation`, manager, {
        graduatedOn: '2024-06-30',
        criteria: ['listed'],
      }),
    );

    const company = await userWithToken(t, {
      email: 'time.company@test.cn',
      role: 'tenant',
      companyId: tenant.companyId,
    });
    const report = await ok(
      call.post(`/tenants/${tenant.id}/reports`, company.token, { year: 2023, revenue: 100 }),
    );
    await ok(call.post(`/reports/${report.id}/submit`, company.token));
    await ok(call.post(`/reports/${report.id}/return`, manager, { comment: '请补充研发投入' }));
    await ok(call.post(`/reports/${report.id}/submit`, company.token));
    await ok(call.post(`/reports/${report.id}/approve`, manager));

    const res = await call.get(`/tenants/${tenant.id}/timeline`, company.token);
    expect(res.status).toBe(200);
    const today = todayInChina();
    expect(res.body).toEqual({
      tenantId: tenant.id,
      events: [
        {
          date: '2022-06-01',
          kind: 'admitted',
          incubatorId: w.incubators.a.id,
          incubatorName: '武汉甲孵化器',
        },
        { date: '2022-07-01', kind: 'mentoring_started', mentorId: mentor.id, mentorName: '周导师' },
        {
          date: '2023-03-01',
          kind: 'investment',
          investmentId: investment.id,
          investorKind: 'angel',
          investorName: null,
          amount: 800_000,
          round: '天使轮',
        },
        {
          date: '2024-03-01',
          kind: 'listing',
          listingId: listing.id,
          exchange: 'neeq',
          ticker: '874001',
          amountRaised: 0,
        },
        { date: '2024-06-30', kind: 'graduated', criteria: ['listed'] },
        { date: today, kind: 'report_submitted', reportId: report.id, year: 2023 },
        { date: today, kind: 'report_returned', reportId: report.id, year: 2023, comment: '请补充研发投入' },
        { date: today, kind: 'report_submitted', reportId: report.id, year: 2023 },
        { date: today, kind: 'report_approved', reportId: report.id, year: 2023 },
      ],
    });
  });

  it('ends with the exit, and falls back to the report’s own dates when it has no audit trail', async () => {
    const manager = w.users.managerA.token;
    const tenant = await admitVeteran(t, manager, w.incubators.a.id, { name: '导入报告公司' });
    // A report loaded in bulk (as the demo dataset does) has its dates but no audit rows.
    await sqlRows(
      t,
      `insert into reports (company_id, tenant_id, incubator_id, year, status, submitted_at, reviewed_at, review_comment)
       values ('${tenant.companyId}', '${tenant.id}', '${w.incubators.a.id}', 2022, 'returned', '2023-02-01T02:00:00Z', '2023-02-10T02:00:00Z', '数据不全')`,
    );
    expect(
      (
        await call.post(`/tenants/${tenant.id}/exit`, manager, {
          exitedOn: '2024-01-31',
          reason: 'moved_out',
        })
      ).status,
    ).toBe(200);
    const res = await call.get(`/tenants/${tenant.id}/timeline`, w.users.national.token);
    expect(res.body.events.map((e: { kind: string; date: string }) => `${e.date} ${e.kind}`)).toEqual([
      '2022-06-01 admitted',
      '2023-02-01 report_submitted',
      '2023-02-10 report_returned',
      '2024-01-31 exited',
    ]);
    expect(res.body.events[2].comment).toBe('数据不全');
    expect(res.body.events[3].reason).toBe('moved_out');
  });

  it('is scoped like the tenant', async () => {
    const url = `/tenants/${w.tenants.tenantA.id}/timeline`;
    for (const token of [
      w.users.national.token,
      w.users.provinceHubei.token,
      w.users.managerA.token,
      w.users.tenantUser.token,
    ]) {
      expect((await call.get(url, token)).status).toBe(200);
    }
    for (const token of [
      w.users.provinceBeijing.token,
      w.users.managerB.token,
      w.users.otherTenantUser.token,
    ]) {
      expect((await call.get(url, token)).status).toBe(404);
    }
  });
});
