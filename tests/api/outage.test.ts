// The database goes away under a stream of writes and comes back (issue 11: outages). A cluster
// of the test's own is stopped and started; the shared server is never touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/src/db/client';
import { migrateDb } from '../../server/src/db/migrate';
import { createTestApp, type TestApp } from '../helpers/app';
import { admit, nextUscc, tenantBody, userWithToken, world } from '../helpers/fixtures';
import { createPrivateCluster, type PrivateCluster } from '../helpers/private-cluster';

// Every answer comes within this, database or not: connect and statement timeouts bound the wait.
const BOUND_MS = 8_000;

let cluster: PrivateCluster;
let t: TestApp;
let manager: string;
let incubatorId: string;

beforeAll(async () => {
  cluster = await createPrivateCluster();
  const database = await openDb({ url: cluster.url, max: 5, statementTimeoutMs: 5_000 });
  await migrateDb(database);
  // Served as the process serves: the app role, a leased connection per request.
  const served = await openDb({ url: cluster.url, max: 5, statementTimeoutMs: 5_000, asApp: true });
  t = await createTestApp({ database, served });
  const w = await world(t, 'outage');
  incubatorId = (await w.incubator('断电测试孵化器')).id;
  manager = (
    await userWithToken(t, {
      email: 'outage.manager@test.cn',
      role: 'incubator_manager',
      incubatorIds: [incubatorId],
    })
  ).token;
  await admit(t, manager, incubatorId);
}, 120_000);

afterAll(async () => {
  await t?.close().catch(() => {});
  cluster?.destroy();
});

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

function admitOne() {
  return t.request({
    method: 'POST',
    url: `/api/v1/incubators/${incubatorId}/tenants`,
    token: manager,
    payload: tenantBody({ uscc: nextUscc() }),
  });
}

describe('a database outage', () => {
  it('answers 503 with Retry-After while down, recovers by itself, and loses no acknowledged write', async () => {
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let slowest = 0;
    const record = (status: number, ms: number) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      slowest = Math.max(slowest, ms);
    };

    // A stream of writes before, during and after the outage, four at a time.
    let phase: 'up' | 'down' | 'back' = 'up';
    const downAnswers: Awaited<ReturnType<typeof admitOne>>[] = [];
    let createdAfterRestart = 0;
    let sent = 0;
    const writer = async () => {
      // Until a few writes succeed after the restart; bounded in count whatever happens.
      while ((phase !== 'back' || createdAfterRestart < 8) && sent < 2_000) {
        sent += 1;
        const during = phase;
        const { value: res, ms } = await timed(admitOne);
        record(res.status, ms);
        if (res.status === 201) {
          acknowledged.push(res.body.id);
          if (during === 'back') createdAfterRestart += 1;
        } else if (during === 'down') downAnswers.push(res);
        if (res.status !== 201) await new Promise((r) => setTimeout(r, 50));
      }
    };
    const writers = Promise.all([writer(), writer(), writer(), writer()]);

    await new Promise((r) => setTimeout(r, 500));
    cluster.stop();
    phase = 'down';
    // Reads too, while it is down: a read is a 503 like a write, and health says so.
    for (const url of [`/api/v1/incubators/${incubatorId}/tenants`, '/api/v1/me']) {
      const { value: res, ms } = await timed(() => t.request({ method: 'GET', url, token: manager }));
      record(res.status, ms);
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const health = await t.request({ method: 'GET', url: '/api/health' });
    expect(health.status).toBe(503);
    await new Promise((r) => setTimeout(r, 1_500));

    cluster.start();
    phase = 'back';
    await writers;

    expect(downAnswers.length).toBeGreaterThan(0);
    for (const res of downAnswers) {
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.body.title).toBe('Service Unavailable');
    }
    // Nothing but created or unavailable: never a 500, never a hang.
    expect([...statuses.keys()].sort()).toEqual([201, 503]);
    expect(slowest).toBeLessThan(BOUND_MS);
    console.info(
      `outage: ${JSON.stringify(Object.fromEntries(statuses))}, slowest answer ${Math.round(slowest)} ms`,
    );

    // The same process answers again, and every acknowledged admission is there.
    const back = await t.request({ method: 'GET', url: '/api/health' });
    expect(back.status).toBe(200);
    const listed = new Set<string>();
    for (let page = 1; ; page++) {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/incubators/${incubatorId}/tenants?pageSize=200&page=${page}`,
        token: manager,
      });
      expect(res.status).toBe(200);
      for (const item of res.body.items) listed.add(item.id);
      if (res.body.items.length < 200) break;
    }
    for (const id of acknowledged) expect(listed.has(id)).toBe(true);
  }, 120_000);
});
