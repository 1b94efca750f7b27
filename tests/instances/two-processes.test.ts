// Many instances (issue 11): two server processes on one PostgreSQL see each other's writes in their
// next summary, count rate limits together through Redis, and a session ended at one is refused at
// the other from its next request (its cached session dropped by the database's notice).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../server/src/demo/accounts';
import { nextUscc, tenantBody } from '../helpers/fixtures';
import { type RunningServer, startServer } from '../helpers/server';

const LIMIT = 4;
const env = {
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  EXPENSIVE_RATE_LIMIT: String(LIMIT),
};
let one: RunningServer;
let two: RunningServer;

beforeAll(async () => {
  one = await startServer({ env });
  if (!one.databaseUrl) throw new Error('two processes need PostgreSQL (DATABASE_URL)');
  two = await startServer({ env, databaseUrl: one.databaseUrl });
}, 180_000);

afterAll(async () => {
  await two?.stop();
  await one?.stop();
});

async function signIn(server: RunningServer, email: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

function get(server: RunningServer, path: string, token: string) {
  return fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
}

const year = new Date().getFullYear();

describe('two server processes on one database', () => {
  it("see each other's writes in their next summary", async () => {
    const national = await signIn(one, DEMO_ACCOUNTS.national.email);
    const manager = await signIn(one, DEMO_ACCOUNTS.wuhan.email);
    const incubating = async () => {
      const res = await get(two, `/stats/summary?year=${year}&groupBy=province`, national);
      expect(res.status).toBe(200);
      return ((await res.json()) as { total: { tenantsIncubating: number } }).total.tenantsIncubating;
    };
    const before = await incubating(); // cached by process two
    const me = (await (await get(one, '/me', manager)).json()) as { incubatorIds: string[] };
    const admitted = await fetch(`${one.url}/api/v1/incubators/${me.incubatorIds[0]}/tenants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` },
      body: JSON.stringify(tenantBody({ uscc: nextUscc() })),
    });
    expect(admitted.status).toBe(201);
    expect(await incubating()).toBe(before + 1);
  });

  it('refuse at the other, from its next request, a session signed out or disabled at one', async () => {
    const signedIn = async () => {
      const res = await fetch(`${one.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_ACCOUNTS.zgc.email, password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    const token = await signedIn();
    // Read at two until its cache holds the session, then end it at one.
    for (let i = 0; i < 3; i++) expect((await get(two, '/me', token)).status).toBe(200);
    const out = await fetch(`${one.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.status).toBe(204);
    expect((await get(two, '/me', token)).status).toBe(401);
    expect((await get(one, '/me', token)).status).toBe(401);
  });

  it('count one rate limit through Redis', async () => {
    const hubei = await signIn(two, DEMO_ACCOUNTS.hubei.email);
    const asOf = (server: RunningServer) =>
      get(server, `/stats/summary?year=${year}&asOf=${year}-01-31`, hubei);
    // Each process alone would allow LIMIT; together they allow LIMIT in all.
    for (let i = 0; i < LIMIT; i++) expect((await asOf(i % 2 ? two : one)).status).toBe(200);
    const refused = await asOf(one);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
  });
});
