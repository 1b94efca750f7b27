// Investments into tenants: the VC Introductory Fund's parallel cap through the API, the other
// investment rules, totals per tenant and per incubator, and who may record them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { userWithToken } from '../helpers/fixtures';
import {
  admitVeteran,
  api,
  auditOf,
  expectRefused,
  type LifecycleWorld,
  lifecycleWorld,
} from './lifecycle-helpers';

const parallel = (amount: number, coInvestingVcAmount: number) => ({
  investorKind: 'government_grant',
  instrument: 'parallel_investment',
  amount,
  coInvestingVcAmount,
  investedOn: '2024-04-01',
});

describe('investments', () => {
  let t: TestApp;
  let w: LifecycleWorld;
  let call: ReturnType<typeof api>;
  let manager: string;
  beforeAll(async () => {
    t = await createTestApp();
    w = await lifecycleWorld(t, 'inv');
    call = api(t);
    manager = w.users.managerA.token;
  });
  afterAll(() => t.close());

  const veteran = (overrides: Record<string, unknown> = {}) =>
    admitVeteran(t, manager, w.incubators.a.id, overrides);
  const post = (tenantId: string, body: unknown, token = manager) =>
    call.post(`/tenants/${tenantId}/investments`, token, body);

  it('gives an investment without an instrument the default of its investor kind (API.md); other must say', async () => {
    const tenant = await veteran();
    const defaults = {
      vc: 'equity',
      angel: 'equity',
      incubator_fund: 'equity',
      government_grant: 'grant',
      bank_loan: 'loan',
    };
    for (const [investorKind, instrument] of Object.entries(defaults)) {
      const res = await post(tenant.id, {
        investorKind,
        amount: 100_000,
        investedOn: '2024-05-01',
        round: 'A',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ investorKind, instrument });
    }
    // Given, it is kept.
    const given = await post(tenant.id, {
      investorKind: 'vc',
      instrument: 'convertible',
      amount: 1,
      investedOn: '2024-05-01',
    });
    expect(given.body).toMatchObject({ instrument: 'convertible' });
    const refused = await expectRefused(
      t,
      () => post(tenant.id, { investorKind: 'other', amount: 100_000, investedOn: '2024-05-01' }),
      400,
      ['required'],
    );
    expect(refused.body.errors).toContainEqual({ path: 'instrument', message: 'required' });
  });

  it('takes a parallel investment of exactly half a 6,000,000 VC investment and refuses one yuan more (422)', async () => {
    const tenant = await veteran();
    expect(
      (
        await post(tenant.id, {
          investorKind: 'vc',
          instrument: 'equity',
          amount: 6_000_000,
          investedOn: '2024-04-01',
          equityShare: 15,
        })
      ).status,
    ).toBe(201);
    await expectRefused(t, () => post(tenant.id, parallel(3_000_001, 6_000_000)), 422, [
      'exceeds_parallel_cap',
    ]);
    const ok = await post(tenant.id, parallel(3_000_000, 6_000_000));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({
      instrument: 'parallel_investment',
      amount: 3_000_000,
      coInvestingVcAmount: 6_000_000,
      tenantId: tenant.id,
      companyId: tenant.companyId,
      incubatorId: w.incubators.a.id,
      version: 1,
    });
  });

  it('caps a parallel investment at 3,000,000 whatever the VC put in, and rounds half down', async () => {
    const tenant = await veteran();
    await expectRefused(t, () => post(tenant.id, parallel(3_000_001, 50_000_000)), 422, [
      'exceeds_parallel_cap',
    ]);
    await expectRefused(t, () => post(tenant.id, parallel(2_000_001, 4_000_001)), 422, [
      'exceeds_parallel_cap',
    ]);
    expect((await post(tenant.id, parallel(2_000_000, 4_000_001))).status).toBe(201);
  });

  it('applies the other investment rules as 422 with field codes, and shape errors as 400', async () => {
    const tenant = await veteran();
    const error422: [unknown, string][] = [
      [{ ...parallel(1_000_000, 4_000_000), investorKind: 'angel' }, 'parallel_needs_government_investor'],
      [
        { ...parallel(1_000_000, 4_000_000), coInvestingVcAmount: undefined },
        'required_for_parallel_investment',
      ],
      [
        {
          investorKind: 'bank_loan',
          instrument: 'loan',
          amount: 500_000,
          investedOn: '2024-01-01',
          equityShare: 5,
        },
        'equity_share_not_applicable',
      ],
      [
        {
          investorKind: 'vc',
          instrument: 'equity',
          amount: 500_000,
          investedOn: '2024-01-01',
          coInvestingVcAmount: 1_000_000,
        },
        'only_for_parallel_investment',
      ],
      [
        { investorKind: 'angel', instrument: 'equity', amount: 500_000, investedOn: '2021-02-28' },
        'invested_before_founded',
      ],
    ];
    for (const [body, code] of error422) await expectRefused(t, () => post(tenant.id, body), 422, [code]);
    const base = { investorKind: 'angel', instrument: 'equity', amount: 500_000, investedOn: '2024-01-01' };
    for (const body of [
      { ...base, amount: 0 },
      { ...base, amount: 10.5 },
      { ...base, investedOn: '2999-01-01' },
      { ...base, investorKind: 'friends' },
      { ...base, tenantId: w.tenants.tenantB.id },
      { ...base, incubatorId: w.incubators.b.id },
    ]) {
      await expectRefused(t, () => post(tenant.id, body), 400);
    }
  });

  it('lists a tenancy’s investments oldest first with totals by kind; incubator investments are the fund’s', async () => {
    const tenant = await veteran();
    const bodies = [
      { investorKind: 'vc', instrument: 'equity', amount: 4_000_000, investedOn: '2024-05-01', round: 'A' },
      {
        investorKind: 'incubator_fund',
        instrument: 'equity',
        amount: 300_000,
        investedOn: '2023-02-01',
        round: '天使轮',
        equityShare: 5,
      },
      { investorKind: 'government_grant', instrument: 'grant', amount: 200_000, investedOn: '2023-09-01' },
    ];
    for (const body of bodies) expect((await post(tenant.id, body)).status).toBe(201);
    const res = await call.get(`/tenants/${tenant.id}/investments`, manager);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { investedOn: string }) => i.investedOn)).toEqual([
      '2023-02-01',
      '2023-09-01',
      '2024-05-01',
    ]);
    expect(res.body.items[0]).toMatchObject({ round: '天使轮', equityShare: 5, investorName: null });
    expect(res.body.totals).toEqual({
      total: 4_500_000,
      byKind: {
        incubator_fund: 300_000,
        angel: 0,
        vc: 4_000_000,
        government_grant: 200_000,
        bank_loan: 0,
        other: 0,
      },
      incubatorInvestment: 300_000,
    });
    const ids = res.body.items.map((i: { id: string }) => i.id);
    for (const id of ids) expect((await auditOf(t, id)).map((a) => a.action)).toEqual(['investment.create']);
  });

  it('lists none for a tenancy without investments, and answers 404 for one outside the scope', async () => {
    const tenant = await veteran();
    const none = await call.get(`/tenants/${tenant.id}/investments`, manager);
    expect(none.status).toBe(200);
    expect(none.body.items).toEqual([]);
    expect(none.body.totals.total).toBe(0);
    expect(
      (await post(tenant.id, { investorKind: 'angel', amount: 50_000, investedOn: '2024-03-01' })).status,
    ).toBe(201);
    // A province reads its incubators' tenancies only (the scope that joins incubators).
    const hubei = await call.get(`/tenants/${tenant.id}/investments`, w.users.provinceHubei.token);
    expect(hubei.body.items.map((i: { amount: number }) => i.amount)).toEqual([50_000]);
    for (const token of [w.users.provinceBeijing.token, w.users.managerB.token]) {
      expect((await call.get(`/tenants/${tenant.id}/investments`, token)).status).toBe(404);
    }
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await call.get(`/tenants/${missing}/investments`, w.users.national.token)).status).toBe(404);
  });

  it('totals an incubator’s investments, by year when asked, without the other incubators’ money', async () => {
    const fresh = await w.incubator('投资统计孵化器', { provinceCode: '420000' });
    const { token } = await userWithToken(t, {
      email: 'inv.fresh@test.cn',
      role: 'incubator_manager',
      incubatorIds: [fresh.id],
    });
    const tenant = await admitVeteran(t, token, fresh.id);
    for (const body of [
      { investorKind: 'incubator_fund', instrument: 'equity', amount: 1_000_000, investedOn: '2023-03-01' },
      { investorKind: 'angel', instrument: 'equity', amount: 2_000_000, investedOn: '2024-03-01' },
      {
        investorKind: 'incubator_fund',
        instrument: 'convertible',
        amount: 500_000,
        investedOn: '2024-08-01',
      },
    ]) {
      expect((await post(tenant.id, body, token)).status).toBe(201);
    }
    const all = await call.get(`/incubators/${fresh.id}/investments/totals`, w.users.national.token);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({
      incubatorId: fresh.id,
      year: null,
      count: 3,
      total: 3_500_000,
      incubatorInvestment: 1_500_000,
    });
    const y2024 = await call.get(
      `/incubators/${fresh.id}/investments/totals?year=2024`,
      w.users.provinceHubei.token,
    );
    expect(y2024.body).toMatchObject({
      year: 2024,
      count: 2,
      total: 2_500_000,
      incubatorInvestment: 500_000,
      byKind: { angel: 2_000_000 },
    });
    const empty = await call.get(
      `/incubators/${w.incubators.b.id}/investments/totals`,
      w.users.managerB.token,
    );
    expect(empty.body).toMatchObject({ count: 0, total: 0, incubatorInvestment: 0 });
    expect((await call.get(`/incubators/${fresh.id}/investments/totals?year=1900`, token)).status).toBe(400);
  });

  it('keeps tracking graduates; an exited tenancy takes only investments dated up to its exit (409 after)', async () => {
    const graduate = await veteran({ highTechCertifiedOn: '2022-01-01' });
    expect(
      (
        await call.post(`/tenants/${graduate.id}/graduation`, manager, {
          graduatedOn: '2024-01-31',
          criteria: ['high_tech_enterprise'],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post(graduate.id, {
          investorKind: 'vc',
          instrument: 'equity',
          amount: 9_000_000,
          investedOn: '2025-06-01',
        })
      ).status,
    ).toBe(201);

    const exited = await veteran();
    expect(
      (
        await call.post(`/tenants/${exited.id}/exit`, manager, {
          exitedOn: '2024-01-31',
          reason: 'moved_out',
        })
      ).status,
    ).toBe(200);
    await expectRefused(
      t,
      () =>
        post(exited.id, {
          investorKind: 'angel',
          instrument: 'equity',
          amount: 100_000,
          investedOn: '2024-02-01',
        }),
      409,
      ['tenant_exited'],
    );
    expect(
      (
        await post(exited.id, {
          investorKind: 'angel',
          instrument: 'equity',
          amount: 100_000,
          investedOn: '2024-01-31',
        })
      ).status,
    ).toBe(201);
  });

  it('is recorded by the managing incubator only; the company reads its own', async () => {
    const tenantId = w.tenants.tenantA.id;
    const body = { investorKind: 'angel', instrument: 'equity', amount: 100_000, investedOn: '2024-08-01' };
    for (const token of [w.users.tenantUser.token, w.users.national.token, w.users.provinceHubei.token]) {
      await expectRefused(t, () => post(tenantId, body, token), 403);
    }
    await expectRefused(t, () => post(tenantId, body, w.users.managerB.token), 404);
    expect((await post(tenantId, body)).status).toBe(201);
    const own = await call.get(`/tenants/${tenantId}/investments`, w.users.tenantUser.token);
    expect(own.status).toBe(200);
    expect(own.body.totals.total).toBe(100_000);
    expect((await call.get(`/tenants/${tenantId}/investments`, w.users.otherTenantUser.token)).status).toBe(
      404,
    );
  });
});
