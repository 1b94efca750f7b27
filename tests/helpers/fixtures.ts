// Builds a small world through the real code paths: users with real argon2 hashes who sign in
// through /auth/login; incubators and tenants through the API.

import { rowsOf } from '../../server/src/db/rows';
import { incubatorManagers, sessions, users } from '../../server/src/db/schema/index';
import { makeUscc } from '../../server/src/demo/uscc-maker';
import { hashPassword } from '../../server/src/modules/auth/passwords';
import type { TestApp } from './app';

export const PASSWORD = 'fixture-password-1';
let passwordHash: Promise<string> | undefined;
let serial = 0;

/** A fresh valid USCC each call (division 420100 unless given). */
export function nextUscc(division = '420100'): string {
  serial += 1;
  return makeUscc(division, 20_000_000 + process.pid * 1000 + serial);
}

export interface UserSpec {
  email: string;
  role: 'national' | 'province' | 'incubator_manager' | 'tenant';
  provinceCode?: string;
  companyId?: string;
  incubatorIds?: string[];
}

/** Inserts a user with the fixture password and its managed incubators (no sign-up endpoint by design). */
async function insertUser(t: TestApp, spec: UserSpec): Promise<{ id: string }> {
  passwordHash ??= hashPassword(PASSWORD);
  const [row] = await t.db
    .insert(users)
    .values({
      email: spec.email,
      name: spec.email.split('@')[0]!,
      role: spec.role,
      provinceCode: spec.provinceCode ?? null,
      companyId: spec.companyId ?? null,
      passwordHash: await passwordHash,
    })
    .returning({ id: users.id });
  for (const incubatorId of spec.incubatorIds ?? []) {
    await t.db.insert(incubatorManagers).values({ userId: row!.id, incubatorId });
  }
  return row!;
}

/** Inserts a user and signs in through the API. */
export async function userWithToken(
  t: TestApp,
  spec: UserSpec,
): Promise<{ id: string; token: string; refreshToken: string }> {
  const row = await insertUser(t, spec);
  const login = await t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: spec.email, password: PASSWORD },
  });
  if (login.status !== 200)
    throw new Error(`fixture login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { id: row.id, token: login.body.accessToken, refreshToken: login.body.refreshToken };
}

/**
 * A user with a live session and its access token, without the cost of an argon2 sign-in: for
 * tests that need many short-lived callers (a random scope per property run).
 */
export async function sessionToken(t: TestApp, spec: UserSpec): Promise<string> {
  const row = await insertUser(t, spec);
  const [session] = await t.db
    .insert(sessions)
    .values({ userId: row.id, expiresAt: new Date(Date.now() + 3_600_000).toISOString() })
    .returning({ id: sessions.id });
  return t.app.signAccessToken({ userId: row.id, sessionId: session!.id });
}

export function incubatorBody(overrides: Record<string, unknown> = {}) {
  return {
    name: '测试孵化器',
    provinceCode: '420000',
    city: '武汉',
    type: 'general',
    level: 'national',
    legalNature: 'enterprise',
    foundedOn: '2001-05-01',
    totalArea: 20000,
    tenantArea: 16000,
    ...overrides,
  };
}

export function tenantBody(overrides: Record<string, unknown> = {}) {
  return {
    name: '武汉测试科技有限公司',
    uscc: nextUscc(),
    foundedOn: '2024-01-10',
    admittedOn: '2024-06-01',
    field: 'electronic_information',
    ...overrides,
  };
}

/**
 * A national user, then incubators registered through the API, each with a manager who signs in.
 */
export async function world(t: TestApp, prefix: string) {
  const national = await userWithToken(t, { email: `${prefix}.national@test.cn`, role: 'national' });
  async function incubator(name: string, overrides: Record<string, unknown> = {}) {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/incubators',
      token: national.token,
      payload: incubatorBody({ name, ...overrides }),
    });
    if (res.status !== 201)
      throw new Error(`fixture incubator failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; provinceCode: string };
  }
  return { national, incubator };
}

/** Admits a tenant through the API as `token` (a manager); throws unless 201. */
export async function admit(
  t: TestApp,
  token: string,
  incubatorId: string,
  overrides: Record<string, unknown> = {},
) {
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/incubators/${incubatorId}/tenants`,
    token,
    payload: tenantBody(overrides),
  });
  if (res.status !== 201)
    throw new Error(`fixture admission failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as {
    id: string;
    companyId: string;
    incubatorId: string;
    uscc: string;
    name: string;
    version: number;
  };
}

/**
 * Plain SQL on the test database, for setting up states no endpoint reaches yet and for
 * checking what was written. Interpolate only values the test made itself.
 */
export async function sqlRows<T = Record<string, unknown>>(t: TestApp, text: string): Promise<T[]> {
  return rowsOf<T>(await t.db.execute(text));
}

/** Row counts of the tables a write touches: equal before and after means nothing was written. */
export async function rowCounts(t: TestApp) {
  const [row] = await sqlRows<{
    companies: number;
    tenants: number;
    incubators: number;
    audit_log: number;
    users: number;
  }>(
    t,
    `select (select count(*)::int from companies) as companies, (select count(*)::int from tenants) as tenants,
            (select count(*)::int from incubators) as incubators, (select count(*)::int from audit_log) as audit_log,
            (select count(*)::int from users) as users`,
  );
  return row!;
}

/** Ends a tenancy the way the exit workflow would (status + date), for tests that need a company to move on. */
export async function markExited(t: TestApp, tenantId: string, exitedOn: string) {
  await sqlRows(
    t,
    `update tenants set status = 'exited', exited_on = '${exitedOn}', exit_reason = 'moved_out', version = version + 1 where id = '${tenantId}'`,
  );
}

export const HUBEI = '420000';
export const BEIJING = '110000';

/**
 * Two provinces: incubators A and A2 in Hubei, B in Beijing, a tenant in each, and a user of every
 * role (the tenant user speaks for the company incubating in A).
 */
export async function twoProvinceWorld(t: TestApp, prefix: string) {
  const w = await world(t, prefix);
  const a = await w.incubator('武汉甲孵化器', { provinceCode: HUBEI, city: '武汉' });
  const a2 = await w.incubator('宜昌乙孵化器', { provinceCode: HUBEI, city: '宜昌' });
  const b = await w.incubator('北京丙孵化器', { provinceCode: BEIJING, city: '北京', parkNumber: 1 });
  const managerA = await userWithToken(t, {
    email: `${prefix}.manager.a@test.cn`,
    role: 'incubator_manager',
    incubatorIds: [a.id],
  });
  const managerA2 = await userWithToken(t, {
    email: `${prefix}.manager.a2@test.cn`,
    role: 'incubator_manager',
    incubatorIds: [a2.id],
  });
  const managerB = await userWithToken(t, {
    email: `${prefix}.manager.b@test.cn`,
    role: 'incubator_manager',
    incubatorIds: [b.id],
  });
  const tenantA = await admit(t, managerA.token, a.id, { name: '光谷甲科技有限公司' });
  const otherTenantA = await admit(t, managerA.token, a.id, { name: '光谷乙科技有限公司' });
  const tenantA2 = await admit(t, managerA2.token, a2.id, { name: '宜昌丁科技有限公司' });
  const tenantB = await admit(t, managerB.token, b.id, {
    name: '中关村丙科技有限公司',
    uscc: nextUscc('110108'),
  });
  const provinceHubei = await userWithToken(t, {
    email: `${prefix}.hubei@test.cn`,
    role: 'province',
    provinceCode: HUBEI,
  });
  const provinceBeijing = await userWithToken(t, {
    email: `${prefix}.beijing@test.cn`,
    role: 'province',
    provinceCode: BEIJING,
  });
  const tenantUser = await userWithToken(t, {
    email: `${prefix}.tenant@test.cn`,
    role: 'tenant',
    companyId: tenantA.companyId,
  });
  return {
    national: w.national,
    incubator: w.incubator,
    incubators: { a, a2, b },
    tenants: { tenantA, otherTenantA, tenantA2, tenantB },
    users: { national: w.national, provinceHubei, provinceBeijing, managerA, managerB, tenantUser },
  };
}
