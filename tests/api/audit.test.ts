import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { tenantBody, userWithToken, world } from '../helpers/fixtures';

describe('GET /audit', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof world>>;
  let a: { id: string };
  let b: { id: string };
  let managerA: { token: string };
  let tenantId: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await world(t, 'audit');
    a = await w.incubator('审计甲');
    b = await w.incubator('审计乙');
    managerA = await userWithToken(t, {
      email: 'audit.a@test.cn',
      role: 'incubator_manager',
      incubatorIds: [a.id],
    });
    const created = await t.request({
      method: 'POST',
      url: `/api/v1/incubators/${a.id}/tenants`,
      token: managerA.token,
      payload: tenantBody(),
    });
    tenantId = created.body.id;
    await t.request({
      method: 'PATCH',
      url: `/api/v1/tenants/${tenantId}`,
      token: managerA.token,
      payload: { version: 1, areaOccupied: 88 },
    });
  });
  afterAll(() => t.close());

  it('shows a tenant change with who, before and after', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/audit?entity=tenant&id=${tenantId}`,
      token: managerA.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual([
      'tenant.update',
      'tenant.admit',
    ]);
    const update = res.body.items[0];
    expect(update.userEmail).toBe('audit.a@test.cn');
    expect(update.after).toEqual({ areaOccupied: 88 });
    expect(update.before).toEqual({ areaOccupied: 0 });
  });

  it("keeps a manager to its own incubators' rows", async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/audit?pageSize=200`, token: managerA.token });
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items) expect(item.incubatorId).toBe(a.id);
    const other = await t.request({
      method: 'GET',
      url: `/api/v1/audit?incubatorId=${b.id}`,
      token: managerA.token,
    });
    expect(other.body.items).toEqual([]);
  });

  it('lets national read everything and refuses other roles', async () => {
    const all = await t.request({
      method: 'GET',
      url: '/api/v1/audit?entity=incubator',
      token: w.national.token,
    });
    expect(all.body.items.map((e: { entityId: string }) => e.entityId).sort()).toEqual([a.id, b.id].sort());
    const province = await userWithToken(t, {
      email: 'audit.p@test.cn',
      role: 'province',
      provinceCode: '420000',
    });
    expect((await t.request({ method: 'GET', url: '/api/v1/audit', token: province.token })).status).toBe(
      403,
    );
  });
});
