// Costs and load (issue 11): expensive endpoints are limited per user; an overloaded process sheds
// requests with a 503 at once instead of queueing them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// For its declarations (requestsInFlight on the app).
import '../../server/src/plugins/limits';
import { createTestApp, type TestApp } from '../helpers/app';
import { twoProvinceWorld } from '../helpers/fixtures';

const LIMIT = 3;
let t: TestApp;
let w: Awaited<ReturnType<typeof twoProvinceWorld>>;

beforeAll(async () => {
  t = await createTestApp({ expensiveRateLimit: LIMIT, maxEventLoopDelayMs: 200 });
  w = await twoProvinceWorld(t, 'limits');
});
afterAll(() => t?.close());

const asOf = (token: string) =>
  t.request({
    method: 'GET',
    url: '/api/v1/stats/summary?year=2025&asOf=2025-06-30&groupBy=province',
    token,
  });

describe('per-user limits on expensive requests', () => {
  it('refuses the as-of summary past the limit with 429 and Retry-After, for that user only', async () => {
    const hubei = w.users.provinceHubei.token;
    for (let i = 0; i < LIMIT; i++) expect((await asOf(hubei)).status).toBe(200);
    const refused = await asOf(hubei);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.headers['content-type']).toContain('application/problem+json');
    // A year-end summary reads the cube: not limited. Another user has a budget of its own.
    const yearEnd = await t.request({
      method: 'GET',
      url: '/api/v1/stats/summary?year=2025&groupBy=province',
      token: hubei,
    });
    expect(yearEnd.status).toBe(200);
    expect((await asOf(w.users.national.token)).status).toBe(200);
  });

  it('bounds page numbers', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/incubators/${w.incubators.a.id}/tenants?page=100000000`,
      token: w.users.managerA.token,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toContain('page');
  });
});

describe('requests in flight (what expensive work yields to)', () => {
  it('counts a request while it runs and none once every request is answered, refused or not', async () => {
    const running = asOf(w.users.national.token);
    let seen = 0;
    for (let turn = 0; turn < 1_000 && seen === 0; turn++) {
      seen = t.app.requestsInFlight();
      await new Promise((r) => setImmediate(r));
    }
    expect(seen).toBe(1);
    await running;
    await t.request({ method: 'GET', url: '/api/v1/me' });
    await t.request({
      method: 'GET',
      url: '/api/v1/tenants/not-a-uuid/reports',
      token: w.users.national.token,
    });
    await t.request({ method: 'GET', url: '/api/v1/me', token: w.users.national.token });
    expect(t.app.requestsInFlight()).toBe(0);
  });
});

describe('load shedding', () => {
  it('answers 503 with Retry-After while the event loop is stalled, and recovers', async () => {
    // Stall this process's event loop in 300 ms slices for two seconds, as CPU-bound work would:
    // every turn of the loop is then late by far more than the 200 ms budget.
    for (let slice = 0; slice < 7; slice++) {
      const until = Date.now() + 300;
      while (Date.now() < until) {
        // busy
      }
      await new Promise((r) => setTimeout(r, 0));
    }
    const shed = await t.request({ method: 'GET', url: '/api/v1/me', token: w.users.national.token });
    expect(shed.status).toBe(503);
    expect(shed.headers['retry-after']).toBeDefined();
    await new Promise((r) => setTimeout(r, 2_500));
    const back = await t.request({ method: 'GET', url: '/api/v1/me', token: w.users.national.token });
    expect(back.status).toBe(200);
  });
});
