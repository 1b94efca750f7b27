// The same flows on embedded PGlite (what a first start without DATABASE_URL runs on), even when
// the rest of the suite runs on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { PASSWORD, tenantBody, userWithToken, world } from '../helpers/fixtures';
import { expectProblem } from './problem';

describe('on embedded PGlite', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ forcePglite: true });
  });
  afterAll(() => t.close());

  it('runs on PGlite', async () => {
    expect(t.testDb.database.kind).toBe('pglite');
    expect((await t.request({ method: 'GET', url: '/api/health' })).body).toEqual({
      status: 'ok',
      database: 'pglite',
    });
  });

  it('signs in, rotates the refresh token and detects its reuse', async () => {
    await userWithToken(t, { email: 'lite.signin@test.cn', role: 'national' });
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'lite.signin@test.cn', password: PASSWORD },
    });
    expect(login.status).toBe(200);
    const first = login.body.refreshToken;
    const rotated = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: first },
    });
    expect(rotated.status).toBe(200);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/me', token: rotated.body.accessToken })).body.email,
    ).toBe('lite.signin@test.cn');
    expectProblem(
      await t.request({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: first } }),
      401,
    );
    expectProblem(
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: rotated.body.refreshToken },
      }),
      401,
    );
  });

  it('registers an incubator, admits, lists, searches and edits a tenant', async () => {
    const w = await world(t, 'lite');
    const incubator = await w.incubator('东湖轻量孵化器');
    const manager = await userWithToken(t, {
      email: 'lite.manager@test.cn',
      role: 'incubator_manager',
      incubatorIds: [incubator.id],
    });

    const body = tenantBody({ name: '东湖轻量科技有限公司', areaOccupied: 66.5 });
    const admitted = await t.request({
      method: 'POST',
      url: `/api/v1/incubators/${incubator.id}/tenants`,
      token: manager.token,
      payload: body,
    });
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(201);
    expect(admitted.body).toMatchObject({
      incubatorId: incubator.id,
      status: 'incubating',
      version: 1,
      areaOccupied: 66.5,
    });
    expectProblem(
      await t.request({
        method: 'POST',
        url: `/api/v1/incubators/${incubator.id}/tenants`,
        token: manager.token,
        payload: tenantBody({ uscc: body.uscc }),
      }),
      409,
    );

    const list = await t.request({
      method: 'GET',
      url: `/api/v1/incubators/${incubator.id}/tenants?q=${encodeURIComponent('轻量')}`,
      token: manager.token,
    });
    expect(list.body).toMatchObject({ total: 1, items: [{ id: admitted.body.id }] });
    const incubators = await t.request({ method: 'GET', url: '/api/v1/incubators', token: manager.token });
    expect(incubators.body.items).toEqual([
      expect.objectContaining({ id: incubator.id, tenantsIncubating: 1 }),
    ]);

    const url = `/api/v1/tenants/${admitted.body.id}`;
    const patched = await t.request({
      method: 'PATCH',
      url,
      token: manager.token,
      payload: { version: 1, registeredCapital: 3_000_000 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ version: 2, registeredCapital: 3_000_000 });
    expectProblem(
      await t.request({
        method: 'PATCH',
        url,
        token: manager.token,
        payload: { version: 1, registeredCapital: 1 },
      }),
      409,
      ['version'],
    );

    const incubatorPatch = await t.request({
      method: 'PATCH',
      url: `/api/v1/incubators/${incubator.id}`,
      token: manager.token,
      payload: { version: 1, staffCount: 9 },
    });
    expect(incubatorPatch.body).toMatchObject({ version: 2, staffCount: 9 });
  });

  it('maps database refusals to problems, not 5xx', async () => {
    const w = await world(t, 'lite2');
    const incubator = await w.incubator('轻量二号孵化器');
    const manager = await userWithToken(t, {
      email: 'lite2.manager@test.cn',
      role: 'incubator_manager',
      incubatorIds: [incubator.id],
    });
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/incubators/${incubator.id}/tenants`,
      token: manager.token,
      payload: tenantBody({ name: '空\u0000字符有限公司' }),
    });
    expectProblem(res, 400);
  });
});
