import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { tenantBody, userWithToken, world } from '../helpers/fixtures';

describe('walking skeleton', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('admits a tenant and lists it for its manager only', async () => {
    const w = await world(t, 'smoke');
    const a = await w.incubator('甲孵化器');
    const b = await w.incubator('乙孵化器');
    const managerA = await userWithToken(t, {
      email: 'smoke.a@test.cn',
      role: 'incubator_manager',
      incubatorIds: [a.id],
    });
    const created = await t.request({
      method: 'POST',
      url: `/api/v1/incubators/${a.id}/tenants`,
      token: managerA.token,
      payload: tenantBody({ name: '光谷测试公司' }),
    });
    expect(created.status).toBe(201);
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/incubators/${a.id}/tenants?q=光谷`,
      token: managerA.token,
    });
    expect(list.body.items.map((x: { name: string }) => x.name)).toEqual(['光谷测试公司']);
    const other = await t.request({
      method: 'GET',
      url: `/api/v1/incubators/${b.id}/tenants`,
      token: managerA.token,
    });
    expect(other.status).toBe(404);
  });
});
