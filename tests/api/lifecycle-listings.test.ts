// Listings (IPO / 挂牌): recorded for incubating and graduated tenants, one per exchange and ticker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import {
  admitVeteran,
  api,
  auditOf,
  expectRefused,
  type LifecycleWorld,
  lifecycleWorld,
} from './lifecycle-helpers';

describe('listings', () => {
  let t: TestApp;
  let w: LifecycleWorld;
  let call: ReturnType<typeof api>;
  let manager: string;
  beforeAll(async () => {
    t = await createTestApp();
    w = await lifecycleWorld(t, 'list');
    call = api(t);
    manager = w.users.managerA.token;
  });
  afterAll(() => t.close());

  const veteran = (overrides: Record<string, unknown> = {}) =>
    admitVeteran(t, manager, w.incubators.a.id, overrides);
  const post = (tenantId: string, body: Record<string, unknown>, token = manager) =>
    call.post(`/tenants/${tenantId}/listings`, token, {
      exchange: 'sse_star',
      listedOn: '2024-07-22',
      amountRaised: 800_000_000,
      ...body,
    });

  it('records a listing under the tenancy’s incubator, lists it and audits it', async () => {
    const tenant = await veteran();
    const res = await post(tenant.id, { ticker: '688999' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      tenantId: tenant.id,
      companyId: tenant.companyId,
      incubatorId: w.incubators.a.id,
      exchange: 'sse_star',
      ticker: '688999',
      listedOn: '2024-07-22',
      amountRaised: 800_000_000,
      version: 1,
    });
    const nasdaq = await post(tenant.id, {
      exchange: 'nasdaq',
      ticker: 'wuhn',
      listedOn: '2025-02-03',
      amountRaised: 0,
    });
    expect(nasdaq.body.ticker).toBe('WUHN');
    const list = await call.get(`/tenants/${tenant.id}/listings`, w.users.provinceHubei.token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((l: { ticker: string }) => l.ticker)).toEqual(['688999', 'WUHN']);
    expect((await auditOf(t, res.body.id)).map((a) => a.action)).toEqual(['listing.create']);
  });

  it('refuses a ticker already recorded on that exchange (409), whoever recorded it', async () => {
    const first = await veteran();
    const second = await veteran();
    expect((await post(first.id, { ticker: '301001', exchange: 'szse_chinext' })).status).toBe(201);
    await expectRefused(t, () => post(second.id, { ticker: '301001', exchange: 'szse_chinext' }), 409, [
      'duplicate_listing',
    ]);
    await expectRefused(t, () => post(first.id, { ticker: ' 301001 ', exchange: 'szse_chinext' }), 409, [
      'duplicate_listing',
    ]);
    // The same code on another exchange is another security.
    expect((await post(second.id, { ticker: '301001', exchange: 'bse' })).status).toBe(201);
  });

  it('refuses a listing before the company was founded (422) or in the future (400)', async () => {
    const tenant = await veteran();
    await expectRefused(
      t,
      () => post(tenant.id, { ticker: '430001', exchange: 'neeq', listedOn: '2021-02-28' }),
      422,
      ['listed_before_founded'],
    );
    await expectRefused(
      t,
      () => post(tenant.id, { ticker: '430001', exchange: 'neeq', listedOn: '2999-01-01' }),
      400,
      ['date_in_future'],
    );
    await expectRefused(t, () => post(tenant.id, { ticker: 'no spaces', exchange: 'neeq' }), 400);
    await expectRefused(t, () => post(tenant.id, { ticker: '430001', exchange: 'lse' }), 400);
    await expectRefused(
      t,
      () => post(tenant.id, { ticker: '430001', companyId: w.tenants.tenantB.companyId }),
      400,
    );
  });

  it('takes listings of graduates; of an exited tenant only those dated up to its exit (409 after)', async () => {
    const graduate = await veteran({ highTechCertifiedOn: '2022-01-01' });
    expect(
      (
        await call.post(`/tenants/${graduate.id}/graduation`, manager, {
          graduatedOn: '2023-12-31',
          criteria: ['high_tech_enterprise'],
        })
      ).status,
    ).toBe(200);
    expect((await post(graduate.id, { ticker: '688777', listedOn: '2025-03-01' })).status).toBe(201);

    const exited = await veteran();
    expect(
      (
        await call.post(`/tenants/${exited.id}/exit`, manager, {
          exitedOn: '2024-01-31',
          reason: 'moved_out',
        })
      ).status,
    ).toBe(200);
    await expectRefused(t, () => post(exited.id, { ticker: '688778', listedOn: '2024-06-01' }), 409, [
      'tenant_exited',
    ]);
    expect(
      (await post(exited.id, { ticker: '873778', exchange: 'neeq', listedOn: '2023-06-01' })).status,
    ).toBe(201);
  });

  it('is recorded by the managing incubator only; readers outside scope get 404', async () => {
    const tenantId = w.tenants.tenantA.id;
    for (const token of [w.users.tenantUser.token, w.users.national.token, w.users.provinceHubei.token]) {
      await expectRefused(t, () => post(tenantId, { ticker: '600001', exchange: 'sse_main' }, token), 403);
    }
    await expectRefused(
      t,
      () => post(tenantId, { ticker: '600001', exchange: 'sse_main' }, w.users.managerB.token),
      404,
    );
    expect((await call.get(`/tenants/${tenantId}/listings`, w.users.tenantUser.token)).status).toBe(200);
    expect((await call.get(`/tenants/${tenantId}/listings`, w.users.provinceBeijing.token)).status).toBe(404);
    expect((await call.get(`/tenants/${tenantId}/listings`, w.users.tenantUserB.token)).status).toBe(404);
  });
});
