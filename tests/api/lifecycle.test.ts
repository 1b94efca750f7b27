// Graduation and exit (SPEC §3): what the records prove, the transitions, and every refusal.
import { todayInChina } from '@torch/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { admit, tenantBody, userWithToken } from '../helpers/fixtures';
import {
  admitVeteran,
  api,
  auditOf,
  expectRefused,
  type LifecycleWorld,
  lifecycleWorld,
} from './lifecycle-helpers';

const tomorrow = () => {
  const d = new Date(`${todayInChina()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

describe('graduation and exit', () => {
  let t: TestApp;
  let w: LifecycleWorld;
  let call: ReturnType<typeof api>;
  let manager: string;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp();
    w = await lifecycleWorld(t, 'life');
    call = api(t);
    manager = w.users.managerA.token;
  });
  afterAll(() => t.close());

  const veteran = (overrides: Record<string, unknown> = {}) =>
    admitVeteran(t, manager, w.incubators.a.id, overrides);
  const invest = async (tenantId: string, body: Record<string, unknown>) => {
    const res = await call.post(`/tenants/${tenantId}/investments`, manager, {
      instrument: 'equity',
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  const eligibility = async (tenantId: string, asOf?: string, token = manager) => {
    const res = await call.get(
      `/tenants/${tenantId}/graduation-eligibility${asOf ? `?asOf=${asOf}` : ''}`,
      token,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as {
      asOf: string;
      criteria: { criterion: string; proven: boolean; reason: string; detail: Record<string, unknown> }[];
      graduation: {
        graduatedOn: string;
        criteria: string[];
        unverifiedCriteria: string[];
        evidence: string | null;
      } | null;
    };
  };
  const criterion = async (tenantId: string, name: string, asOf?: string) =>
    (await eligibility(tenantId, asOf)).criteria.find((c) => c.criterion === name)!;

  /** A company user files, submits and (optionally) gets approved a yearly report. */
  async function report(
    tenant: { id: string; companyId: string },
    year: number,
    revenue: number,
    approve: boolean,
  ) {
    serial += 1;
    const user = await userWithToken(t, {
      email: `life.report.${serial}@test.cn`,
      role: 'tenant',
      companyId: tenant.companyId,
    });
    const created = await call.post(`/tenants/${tenant.id}/reports`, user.token, {
      year,
      revenue,
      employees: 10,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await call.post(`/reports/${created.body.id}/submit`, user.token)).status).toBe(200);
    if (approve) expect((await call.post(`/reports/${created.body.id}/approve`, manager)).status).toBe(200);
    return created.body.id as string;
  }

  describe('eligibility', () => {
    it('angel + VC investment of 5,000,001 proves investment_over_5m; exactly 5,000,000 does not', async () => {
      const tenant = await veteran();
      await invest(tenant.id, { investorKind: 'angel', amount: 2_000_000, investedOn: '2023-01-10' });
      await invest(tenant.id, { investorKind: 'vc', amount: 3_000_000, investedOn: '2023-05-01' });
      // Money that is not outside risk capital never counts.
      await invest(tenant.id, {
        investorKind: 'incubator_fund',
        amount: 9_000_000,
        investedOn: '2023-05-02',
      });
      await invest(tenant.id, {
        investorKind: 'government_grant',
        amount: 1_000_000,
        investedOn: '2023-05-03',
        instrument: 'grant',
      });
      const atFive = await criterion(tenant.id, 'investment_over_5m');
      expect(atFive).toMatchObject({
        proven: false,
        reason: 'investment_total_5000000',
        detail: { total: 5_000_000 },
      });

      await invest(tenant.id, { investorKind: 'vc', amount: 1, investedOn: '2023-06-01' });
      expect(await criterion(tenant.id, 'investment_over_5m')).toMatchObject({
        proven: true,
        detail: { total: 5_000_001 },
      });
      // As of a day before the last yuan, the records did not prove it yet.
      expect(await criterion(tenant.id, 'investment_over_5m', '2023-05-31')).toMatchObject({ proven: false });
    });

    it('approved revenues of 6,000,000 and 4,000,001 in consecutive years prove revenue_10m_two_years; unapproved do not', async () => {
      const tenant = await veteran();
      const first = await report(tenant, 2023, 6_000_000, false);
      const second = await report(tenant, 2024, 4_000_001, false);
      expect(await criterion(tenant.id, 'revenue_10m_two_years')).toMatchObject({
        proven: false,
        reason: 'no_consecutive_years',
      });

      expect((await call.post(`/reports/${first}/approve`, manager)).status).toBe(200);
      expect(await criterion(tenant.id, 'revenue_10m_two_years')).toMatchObject({ proven: false });
      expect((await call.post(`/reports/${second}/approve`, manager)).status).toBe(200);
      expect(await criterion(tenant.id, 'revenue_10m_two_years')).toMatchObject({
        proven: true,
        reason: 'revenue_2023_2024_10000001',
        detail: { firstYear: 2023, secondYear: 2024, total: 10_000_001 },
      });
      // 2024 is not a closed year on its last day.
      expect(await criterion(tenant.id, 'revenue_10m_two_years', '2024-12-31')).toMatchObject({
        proven: false,
      });
    });

    it('exactly 10,000,000 over two approved years does not prove revenue_10m_two_years', async () => {
      const tenant = await veteran();
      await report(tenant, 2023, 6_000_000, true);
      await report(tenant, 2024, 4_000_000, true);
      expect(await criterion(tenant.id, 'revenue_10m_two_years')).toMatchObject({
        proven: false,
        detail: { total: 10_000_000 },
      });
    });

    it('a high-tech certificate, a listing and a merger exit prove their criteria from their dates', async () => {
      const tenant = await veteran({ highTechCertifiedOn: '2023-05-01' });
      expect(await criterion(tenant.id, 'high_tech_enterprise')).toMatchObject({
        proven: true,
        reason: 'certified',
      });
      expect(await criterion(tenant.id, 'high_tech_enterprise', '2023-04-30')).toMatchObject({
        proven: false,
        reason: 'certified_after_date',
      });

      expect(
        (
          await call.post(`/tenants/${tenant.id}/listings`, manager, {
            exchange: 'neeq',
            ticker: '873001',
            listedOn: '2024-03-01',
            amountRaised: 0,
          })
        ).status,
      ).toBe(201);
      expect(await criterion(tenant.id, 'listed')).toMatchObject({ proven: true, reason: 'listed_neeq' });
      expect(await criterion(tenant.id, 'listed', '2024-02-29')).toMatchObject({
        proven: false,
        reason: 'no_listing',
      });

      // A company whose stay in A2 ended in a merger, admitted again by A.
      const managerA2 = (
        await userWithToken(t, {
          email: 'life.a2@test.cn',
          role: 'incubator_manager',
          incubatorIds: [w.incubators.a2.id],
        })
      ).token;
      const first = await admitVeteran(t, managerA2, w.incubators.a2.id);
      expect(
        (
          await call.post(`/tenants/${first.id}/exit`, managerA2, {
            exitedOn: '2024-01-01',
            reason: 'merged',
          })
        ).status,
      ).toBe(200);
      const again = await admit(t, manager, w.incubators.a.id, {
        ...tenantBody(),
        uscc: first.uscc,
        foundedOn: '2021-03-01',
        admittedOn: '2024-02-01',
        admissionExceptionReason: '并购后重新入孵',
      });
      expect(await criterion(again.id, 'acquired')).toMatchObject({
        proven: true,
        reason: 'acquisition_on_record',
        detail: { acquiredOn: '2024-01-01' },
      });
      expect(await criterion(tenant.id, 'acquired')).toMatchObject({
        proven: false,
        reason: 'no_acquisition_record',
      });
    });

    it('is judged as of today unless asked, and readable by the company itself', async () => {
      const body = await eligibility(w.tenants.tenantA.id, undefined, w.users.tenantUser.token);
      expect(body.asOf).toBe(todayInChina());
      expect(body.criteria.map((c) => c.criterion)).toEqual([
        'high_tech_enterprise',
        'investment_over_5m',
        'revenue_10m_two_years',
        'acquired',
        'listed',
      ]);
      expect(body.graduation).toBeNull();
      const bad = await call.get(
        `/tenants/${w.tenants.tenantA.id}/graduation-eligibility?asOf=2024-13-01`,
        manager,
      );
      expect(bad.status).toBe(400);
    });
  });

  describe('graduation', () => {
    it('graduates on a proven criterion without evidence, bumps the version and audits', async () => {
      const tenant = await veteran({ highTechCertifiedOn: '2023-05-01' });
      const res = await call.post(`/tenants/${tenant.id}/graduation`, manager, {
        graduatedOn: '2024-06-30',
        criteria: ['high_tech_enterprise'],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({
        id: tenant.id,
        status: 'graduated',
        graduatedOn: '2024-06-30',
        graduationCriteria: ['high_tech_enterprise'],
        version: tenant.version + 1,
        overdue: false,
      });
      expect((await eligibility(tenant.id)).graduation).toEqual({
        graduatedOn: '2024-06-30',
        criteria: ['high_tech_enterprise'],
        unverifiedCriteria: [],
        evidence: null,
      });
      const audit = await auditOf(t, tenant.id);
      expect(audit.at(-1)).toMatchObject({
        action: 'tenant.graduate',
        user_id: w.users.managerA.id,
        incubator_id: w.incubators.a.id,
      });
    });

    it('refuses a claim the records do not prove without evidence (422), and stores it as unverified with evidence', async () => {
      const tenant = await veteran({ highTechCertifiedOn: '2023-05-01' });
      const body = { graduatedOn: '2024-06-30', criteria: ['high_tech_enterprise', 'listed'] };
      const refused = await expectRefused(
        t,
        () => call.post(`/tenants/${tenant.id}/graduation`, manager, body),
        422,
        ['evidence_required', 'not_proven'],
      );
      expect(refused.body.errors).toContainEqual({ path: 'criteria.1', message: 'not_proven' });

      const evidence = '深交所上市公告书 2024-05-10，股票代码 301999';
      const res = await call.post(`/tenants/${tenant.id}/graduation`, manager, { ...body, evidence });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.graduationCriteria).toEqual(['high_tech_enterprise', 'listed']);
      expect((await eligibility(tenant.id)).graduation).toEqual({
        graduatedOn: '2024-06-30',
        criteria: ['high_tech_enterprise', 'listed'],
        unverifiedCriteria: ['listed'],
        evidence,
      });
    });

    it('refuses to graduate a graduated or exited tenant (409 not_incubating)', async () => {
      const graduated = await veteran({ highTechCertifiedOn: '2023-05-01' });
      const body = { graduatedOn: '2024-06-30', criteria: ['high_tech_enterprise'] };
      expect((await call.post(`/tenants/${graduated.id}/graduation`, manager, body)).status).toBe(200);
      await expectRefused(t, () => call.post(`/tenants/${graduated.id}/graduation`, manager, body), 409, [
        'not_incubating',
      ]);

      const exited = await veteran({ highTechCertifiedOn: '2023-05-01' });
      expect(
        (await call.post(`/tenants/${exited.id}/exit`, manager, { exitedOn: '2024-01-31', reason: 'failed' }))
          .status,
      ).toBe(200);
      const res = await expectRefused(
        t,
        () => call.post(`/tenants/${exited.id}/graduation`, manager, body),
        409,
        ['not_incubating'],
      );
      expect(res.body.detail).toMatch(/exited/);
    });

    it('refuses dates out of order: before admission 422, in the future 400', async () => {
      const tenant = await veteran({ highTechCertifiedOn: '2021-05-01' });
      await expectRefused(
        t,
        () =>
          call.post(`/tenants/${tenant.id}/graduation`, manager, {
            graduatedOn: '2022-05-31',
            criteria: ['high_tech_enterprise'],
          }),
        422,
        ['before_admission'],
      );
      await expectRefused(
        t,
        () =>
          call.post(`/tenants/${tenant.id}/graduation`, manager, {
            graduatedOn: tomorrow(),
            criteria: ['high_tech_enterprise'],
          }),
        400,
        ['date_in_future'],
      );
      await expectRefused(
        t,
        () =>
          call.post(`/tenants/${tenant.id}/graduation`, manager, { graduatedOn: '2024-01-01', criteria: [] }),
        400,
      );
      await expectRefused(
        t,
        () =>
          call.post(`/tenants/${tenant.id}/graduation`, manager, {
            graduatedOn: '2024-01-01',
            criteria: ['rich'],
          }),
        400,
      );
      await expectRefused(
        t,
        () =>
          call.post(`/tenants/${tenant.id}/graduation`, manager, {
            graduatedOn: '2024-01-01',
            criteria: ['listed'],
            evidence: 'short',
          }),
        400,
      );
      await expectRefused(
        t,
        () =>
          call.post(`/tenants/${tenant.id}/graduation`, manager, {
            graduatedOn: '2024-01-01',
            criteria: ['high_tech_enterprise'],
            status: 'graduated',
          }),
        400,
      );
      // The admission day itself is allowed.
      expect(
        (
          await call.post(`/tenants/${tenant.id}/graduation`, manager, {
            graduatedOn: '2022-06-01',
            criteria: ['high_tech_enterprise'],
          })
        ).status,
      ).toBe(200);
    });

    it('is for the managing incubator only: 403 for other roles that see it, 404 outside scope', async () => {
      const tenantId = w.tenants.tenantA.id;
      const body = { graduatedOn: '2025-01-01', criteria: ['listed'], evidence: '上市公告书编号 2025-001' };
      for (const token of [w.users.tenantUser.token, w.users.national.token, w.users.provinceHubei.token]) {
        await expectRefused(t, () => call.post(`/tenants/${tenantId}/graduation`, token, body), 403);
      }
      await expectRefused(
        t,
        () => call.post(`/tenants/${tenantId}/graduation`, w.users.managerB.token, body),
        404,
      );
      await expectRefused(
        t,
        () => call.post('/tenants/00000000-0000-4000-8000-000000000000/graduation', manager, body),
        404,
      );
      await expectRefused(t, () => call.post(`/tenants/${tenantId}/graduation`, undefined, body), 401);
    });

    it('lets exactly one of two simultaneous graduations through', async () => {
      const tenant = await veteran({ highTechCertifiedOn: '2023-05-01' });
      const body = { graduatedOn: '2024-06-30', criteria: ['high_tech_enterprise'] };
      const answers = await Promise.all(
        [1, 2].map(() => call.post(`/tenants/${tenant.id}/graduation`, manager, body)),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect((await auditOf(t, tenant.id)).filter((a) => a.action === 'tenant.graduate')).toHaveLength(1);
    });
  });

  describe('exit', () => {
    it('records the exit with its reason and note, bumps the version and audits', async () => {
      const tenant = await veteran();
      const res = await call.post(`/tenants/${tenant.id}/exit`, manager, {
        exitedOn: '2024-03-31',
        reason: 'moved_out',
        note: '迁往光谷生物城',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({
        status: 'exited',
        exitedOn: '2024-03-31',
        exitReason: 'moved_out',
        graduatedOn: null,
        version: tenant.version + 1,
      });
      expect((await auditOf(t, tenant.id)).at(-1)).toMatchObject({
        action: 'tenant.exit',
        after: {
          status: 'exited',
          exitedOn: '2024-03-31',
          exitReason: 'moved_out',
          exitNote: '迁往光谷生物城',
        },
      });
    });

    it('refuses to exit an exited or graduated tenant (409) and dates out of order', async () => {
      const tenant = await veteran({ highTechCertifiedOn: '2023-05-01' });
      await expectRefused(
        t,
        () => call.post(`/tenants/${tenant.id}/exit`, manager, { exitedOn: '2022-05-31', reason: 'failed' }),
        422,
        ['before_admission'],
      );
      await expectRefused(
        t,
        () => call.post(`/tenants/${tenant.id}/exit`, manager, { exitedOn: tomorrow(), reason: 'failed' }),
        400,
        ['date_in_future'],
      );
      await expectRefused(
        t,
        () => call.post(`/tenants/${tenant.id}/exit`, manager, { exitedOn: '2024-01-01', reason: 'bored' }),
        400,
      );
      expect(
        (await call.post(`/tenants/${tenant.id}/exit`, manager, { exitedOn: '2024-01-01', reason: 'failed' }))
          .status,
      ).toBe(200);
      await expectRefused(
        t,
        () => call.post(`/tenants/${tenant.id}/exit`, manager, { exitedOn: '2024-02-01', reason: 'failed' }),
        409,
        ['not_incubating'],
      );

      const graduated = await veteran({ highTechCertifiedOn: '2023-05-01' });
      expect(
        (
          await call.post(`/tenants/${graduated.id}/graduation`, manager, {
            graduatedOn: '2024-06-30',
            criteria: ['high_tech_enterprise'],
          })
        ).status,
      ).toBe(200);
      await expectRefused(
        t,
        () =>
          call.post(`/tenants/${graduated.id}/exit`, manager, {
            exitedOn: '2024-07-01',
            reason: 'moved_out',
          }),
        409,
        ['not_incubating'],
      );
    });

    it('is for the managing incubator only', async () => {
      const tenantId = w.tenants.otherTenantA.id;
      const body = { exitedOn: '2025-01-01', reason: 'other' };
      await expectRefused(
        t,
        () => call.post(`/tenants/${tenantId}/exit`, w.users.otherTenantUser.token, body),
        403,
      );
      await expectRefused(t, () => call.post(`/tenants/${tenantId}/exit`, w.users.national.token, body), 403);
      await expectRefused(t, () => call.post(`/tenants/${tenantId}/exit`, w.users.managerB.token, body), 404);
    });
  });
});
