// Yearly reports: draft → submitted (the company) → approved | returned (its incubator), with
// the sanity rules, the tenfold-jump flags, every illegal transition and who may do what.
import { todayInChina } from '@torch/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { admit, userWithToken } from '../helpers/fixtures';
import {
  admitVeteran,
  api,
  auditOf,
  expectRefused,
  type LifecycleWorld,
  lifecycleWorld,
} from './lifecycle-helpers';

describe('yearly reports', () => {
  let t: TestApp;
  let w: LifecycleWorld;
  let call: ReturnType<typeof api>;
  let manager: string;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp();
    w = await lifecycleWorld(t, 'rep');
    call = api(t);
    manager = w.users.managerA.token;
  });
  afterAll(() => t.close());

  /** A veteran tenant of A with a user of its own. */
  async function company(overrides: Record<string, unknown> = {}) {
    serial += 1;
    const tenant = await admitVeteran(t, manager, w.incubators.a.id, overrides);
    const user = await userWithToken(t, {
      email: `rep.company.${serial}@test.cn`,
      role: 'tenant',
      companyId: tenant.companyId,
    });
    return { tenant, token: user.token };
  }
  async function draft(tenantId: string, token: string, body: Record<string, unknown>) {
    const res = await call.post(`/tenants/${tenantId}/reports`, token, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; version: number };
  }
  const submit = (id: string, token: string) => call.post(`/reports/${id}/submit`, token);

  it('walks draft → edited → submitted → approved, auditing each step', async () => {
    const { tenant, token } = await company();
    const created = await call.post(`/tenants/${tenant.id}/reports`, token, {
      year: 2024,
      revenue: 3_000_000,
      employees: 20,
      phdEmployees: 2,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      tenantId: tenant.id,
      companyId: tenant.companyId,
      incubatorId: w.incubators.a.id,
      companyName: tenant.name,
      year: 2024,
      revenue: 3_000_000,
      netProfit: 0,
      exports: 0,
      status: 'draft',
      reviewComment: null,
      flags: [],
      submittedAt: null,
      reviewedAt: null,
      version: 1,
    });
    const id = created.body.id;
    const patched = await call.patch(`/reports/${id}`, token, {
      version: 1,
      netProfit: -250_000,
      ipApplications: 3,
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({
      netProfit: -250_000,
      ipApplications: 3,
      revenue: 3_000_000,
      version: 2,
    });

    const submitted = await submit(id, token);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 3, flags: [] });
    expect(Date.parse(submitted.body.submittedAt)).toBeGreaterThan(Date.now() - 60_000);

    const queue = await call.get(`/incubators/${w.incubators.a.id}/reports?status=submitted`, manager);
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain(id);

    const approved = await call.post(`/reports/${id}/approve`, manager);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', version: 4, reviewComment: null });
    expect(approved.body.reviewedAt).not.toBeNull();
    expect((await auditOf(t, id)).map((a) => a.action)).toEqual([
      'report.create',
      'report.update',
      'report.submit',
      'report.approve',
    ]);
  });

  it('returns a report with a comment; the company fixes and resubmits it', async () => {
    const { tenant, token } = await company();
    const { id } = await draft(tenant.id, token, { year: 2023, revenue: 1_000_000, employees: 8 });
    expect((await submit(id, token)).status).toBe(200);
    await expectRefused(t, () => call.post(`/reports/${id}/return`, manager, { comment: '' }), 400);
    await expectRefused(t, () => call.post(`/reports/${id}/return`, manager, { comment: '差' }), 400);
    await expectRefused(t, () => call.post(`/reports/${id}/return`, manager, {}), 400);
    const returned = await call.post(`/reports/${id}/return`, manager, {
      comment: '研发投入与上年差距过大，请核实',
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      reviewComment: '研发投入与上年差距过大，请核实',
    });

    const fixed = await call.patch(`/reports/${id}`, token, {
      version: returned.body.version,
      rdSpending: 150_000,
    });
    expect(fixed.status).toBe(200);
    expect((await submit(id, token)).body.status).toBe('submitted');
    expect((await call.post(`/reports/${id}/approve`, manager)).body).toMatchObject({
      status: 'approved',
      reviewComment: null,
      rdSpending: 150_000,
    });
    expect((await auditOf(t, id)).map((a) => a.action)).toEqual([
      'report.create',
      'report.submit',
      'report.return',
      'report.update',
      'report.submit',
      'report.approve',
    ]);
  });

  it('refuses every illegal transition with 409 and writes nothing', async () => {
    const { tenant, token } = await company();
    const { id } = await draft(tenant.id, token, { year: 2024, employees: 3 });
    await expectRefused(t, () => call.post(`/reports/${id}/approve`, manager), 409, ['not_submitted']);
    await expectRefused(
      t,
      () => call.post(`/reports/${id}/return`, manager, { comment: '请补充数据' }),
      409,
      ['not_submitted'],
    );
    expect((await submit(id, token)).status).toBe(200);
    await expectRefused(t, () => submit(id, token), 409, ['not_editable']);
    await expectRefused(t, () => call.patch(`/reports/${id}`, token, { version: 2, revenue: 1 }), 409, [
      'not_editable',
    ]);
    expect((await call.post(`/reports/${id}/approve`, manager)).status).toBe(200);
    await expectRefused(t, () => call.post(`/reports/${id}/approve`, manager), 409, ['not_submitted']);
    await expectRefused(
      t,
      () => call.post(`/reports/${id}/return`, manager, { comment: '请补充数据' }),
      409,
      ['not_submitted'],
    );
    await expectRefused(t, () => submit(id, token), 409, ['not_editable']);
    await expectRefused(t, () => call.patch(`/reports/${id}`, token, { version: 3, revenue: 1 }), 409, [
      'not_editable',
    ]);
  });

  it('refuses a stale version (409) and patches that break the shape (400)', async () => {
    const { tenant, token } = await company();
    const { id } = await draft(tenant.id, token, { year: 2024 });
    expect((await call.patch(`/reports/${id}`, token, { version: 1, revenue: 10 })).status).toBe(200);
    await expectRefused(t, () => call.patch(`/reports/${id}`, token, { version: 1, revenue: 20 }), 409, [
      'stale_version',
    ]);
    await expectRefused(t, () => call.patch(`/reports/${id}`, token, { version: 2, year: 2023 }), 400);
    await expectRefused(
      t,
      () => call.patch(`/reports/${id}`, token, { version: 2, status: 'approved' }),
      400,
    );
    await expectRefused(t, () => call.patch(`/reports/${id}`, token, { version: 2, revenue: -1 }), 400);
    await expectRefused(
      t,
      () => call.patch(`/reports/${id}`, token, { version: 2, employees: 2, phdEmployees: 3 }),
      400,
    );
  });

  it('creates one report per company and year, for years the company existed up to this one', async () => {
    const { tenant, token } = await company();
    await draft(tenant.id, token, { year: 2022 });
    await expectRefused(t, () => call.post(`/tenants/${tenant.id}/reports`, token, { year: 2022 }), 409, [
      'duplicate_report',
    ]);
    await expectRefused(t, () => call.post(`/tenants/${tenant.id}/reports`, token, { year: 2020 }), 422, [
      'year_before_founded',
    ]);
    const nextYear = Number(todayInChina().slice(0, 4)) + 1;
    await expectRefused(t, () => call.post(`/tenants/${tenant.id}/reports`, token, { year: nextYear }), 422, [
      'year_in_future',
    ]);
    await expectRefused(t, () => call.post(`/tenants/${tenant.id}/reports`, token, { year: 1986 }), 400);
    await expectRefused(
      t,
      () => call.post(`/tenants/${tenant.id}/reports`, token, { year: 2023, status: 'approved' }),
      400,
    );
    await expectRefused(
      t,
      () =>
        call.post(`/tenants/${tenant.id}/reports`, token, { year: 2023, employees: 1, collegeEmployees: 2 }),
      400,
      ['exceeds_employees'],
    );
    // The founding year and this year are both fine.
    await draft(tenant.id, token, { year: 2021 });
    await draft(tenant.id, token, { year: nextYear - 1 });
  });

  it('refuses to submit figures that do not add up (422), saved across patches', async () => {
    const { tenant, token } = await company();
    const { id } = await draft(tenant.id, token, { year: 2024, employees: 10, phdEmployees: 4 });
    expect((await call.patch(`/reports/${id}`, token, { version: 1, employees: 3 })).status).toBe(200);
    await expectRefused(t, () => submit(id, token), 422, ['exceeds_employees']);
    expect((await call.patch(`/reports/${id}`, token, { version: 2, phdEmployees: 3 })).status).toBe(200);
    expect((await submit(id, token)).status).toBe(200);
  });

  it("flags a tenfold jump against last year's approved report, not an unapproved one and not exactly 10×", async () => {
    const { tenant, token } = await company();
    const last = await draft(tenant.id, token, {
      year: 2023,
      revenue: 1_000_000,
      employees: 10,
      exports: 50_000,
    });
    const now = await draft(tenant.id, token, {
      year: 2024,
      revenue: 10_000_001,
      employees: 100,
      exports: 4_000,
    });
    expect((await submit(last.id, token)).status).toBe(200);
    // Last year is only submitted: no baseline yet.
    expect((await submit(now.id, token)).body.flags).toEqual([]);
    expect(
      (await call.post(`/reports/${now.id}/return`, manager, { comment: '请等待上年报告审核' })).status,
    ).toBe(200);
    expect((await call.post(`/reports/${last.id}/approve`, manager)).status).toBe(200);
    const flagged = await submit(now.id, token);
    expect(flagged.body.flags).toEqual([
      { field: 'revenue', previous: 1_000_000, current: 10_000_001, ratio: 10.000001 },
      { field: 'exports', previous: 50_000, current: 4_000, ratio: 0.08 },
    ]);
    expect((await call.get(`/reports/${now.id}`, manager)).body.flags).toHaveLength(2);
  });

  it('lets neither the company approve or return its own report (403) nor touch another company’s (404)', async () => {
    const { tenant, token } = await company();
    const { id } = await draft(tenant.id, token, { year: 2024 });
    expect((await submit(id, token)).status).toBe(200);
    await expectRefused(t, () => call.post(`/reports/${id}/approve`, token), 403);
    await expectRefused(t, () => call.post(`/reports/${id}/return`, token, { comment: '自己退回' }), 403);

    const other = w.users.otherTenantUser.token;
    expect((await call.get(`/reports/${id}`, other)).status).toBe(404);
    await expectRefused(t, () => call.patch(`/reports/${id}`, other, { version: 2, revenue: 1 }), 404);
    await expectRefused(t, () => submit(id, other), 404);
    await expectRefused(t, () => call.post(`/reports/${id}/approve`, other), 403);
    await expectRefused(t, () => call.post(`/tenants/${tenant.id}/reports`, other, { year: 2023 }), 404);
    expect((await call.get(`/tenants/${tenant.id}/reports`, other)).status).toBe(404);

    // Readers read it; only the manager of its incubator reviews it.
    for (const reader of [w.users.national.token, w.users.provinceHubei.token]) {
      expect((await call.get(`/reports/${id}`, reader)).status).toBe(200);
      await expectRefused(t, () => call.post(`/reports/${id}/approve`, reader), 403);
      await expectRefused(t, () => call.patch(`/reports/${id}`, reader, { version: 2, revenue: 1 }), 403);
    }
    expect((await call.get(`/reports/${id}`, w.users.provinceBeijing.token)).status).toBe(404);
    await expectRefused(t, () => call.post(`/reports/${id}/approve`, w.users.managerB.token), 404);
    await expectRefused(t, () => call.post(`/tenants/${tenant.id}/reports`, manager, { year: 2023 }), 403);
    await expectRefused(t, () => call.post(`/reports/${id}/submit`, manager), 403);
  });

  it("lists a tenancy's reports newest first and an incubator's review queue, filtered and paged", async () => {
    const { tenant, token } = await company();
    for (const year of [2022, 2023, 2024]) {
      const { id } = await draft(tenant.id, token, { year });
      if (year !== 2022) expect((await submit(id, token)).status).toBe(200);
    }
    const own = await call.get(`/tenants/${tenant.id}/reports`, token);
    expect(own.body).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(own.body.items.map((r: { year: number }) => r.year)).toEqual([2024, 2023, 2022]);
    // The total of every page, past the last too; a tenancy without reports has none.
    const second = await call.get(`/tenants/${tenant.id}/reports?pageSize=2&page=2`, token);
    expect(second.body).toMatchObject({ total: 3, page: 2, items: [{ year: 2022 }] });
    const past = await call.get(`/tenants/${tenant.id}/reports?pageSize=2&page=9`, token);
    expect(past.body).toMatchObject({ total: 3, page: 9, items: [] });
    const bare = await company();
    for (const page of [1, 2])
      expect(
        (await call.get(`/tenants/${bare.tenant.id}/reports?page=${page}`, bare.token)).body,
      ).toMatchObject({
        total: 0,
        items: [],
      });

    const queue = await call.get(
      `/incubators/${w.incubators.a.id}/reports?status=submitted&year=2023&pageSize=200`,
      manager,
    );
    expect(queue.status).toBe(200);
    expect(
      queue.body.items.every(
        (r: { status: string; year: number }) => r.status === 'submitted' && r.year === 2023,
      ),
    ).toBe(true);
    expect(queue.body.items.map((r: { tenantId: string }) => r.tenantId)).toContain(tenant.id);
    const paged = await call.get(`/incubators/${w.incubators.a.id}/reports?pageSize=1&page=2`, manager);
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.total).toBeGreaterThanOrEqual(3);
    const beyond = await call.get(`/incubators/${w.incubators.a.id}/reports?pageSize=200&page=99`, manager);
    expect(beyond.body).toMatchObject({ items: [], total: paged.body.total });

    expect((await call.get(`/incubators/${w.incubators.a.id}/reports`, token)).status).toBe(404);
    expect((await call.get(`/incubators/${w.incubators.a.id}/reports`, w.users.managerB.token)).status).toBe(
      404,
    );
    const beijing = await call.get(
      `/incubators/${w.incubators.b.id}/reports?status=submitted`,
      w.users.provinceBeijing.token,
    );
    expect(beijing.body.items).toEqual([]);
    expect((await call.get(`/incubators/${w.incubators.a.id}/reports?status=lost`, manager)).status).toBe(
      400,
    );
  });

  it('takes reports of an exited company only for years up to its exit, and only on its latest tenancy', async () => {
    const { tenant, token } = await company();
    expect(
      (
        await call.post(`/tenants/${tenant.id}/exit`, manager, {
          exitedOn: '2024-03-31',
          reason: 'moved_out',
        })
      ).status,
    ).toBe(200);
    await expectRefused(t, () => call.post(`/tenants/${tenant.id}/reports`, token, { year: 2025 }), 409, [
      'tenant_exited',
    ]);
    await draft(tenant.id, token, { year: 2024 });

    const moved = await admit(t, manager, w.incubators.a.id, {
      uscc: tenant.uscc,
      name: tenant.name,
      foundedOn: '2021-03-01',
      admittedOn: '2024-05-01',
      admissionExceptionReason: '退出后重新入孵',
    });
    await expectRefused(t, () => call.post(`/tenants/${tenant.id}/reports`, token, { year: 2023 }), 409, [
      'not_current_tenancy',
    ]);
    const current = await draft(moved.id, token, { year: 2025 });
    expect((await call.get(`/reports/${current.id}`, token)).body.tenantId).toBe(moved.id);
  });
});
