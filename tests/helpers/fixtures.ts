// Builds a small world through the real code paths: users with real argon2 hashes who sign in
// through /auth/login; incubators and tenants through the API.
import { makeUscc } from '../../server/src/demo/uscc-maker';
import { incubatorManagers, users } from '../../server/src/db/schema/index';
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

/** Inserts a user (there is no sign-up endpoint by design) and signs in through the API. */
export async function userWithToken(t: TestApp, spec: UserSpec): Promise<{ id: string; token: string; refreshToken: string }> {
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
  const login = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: spec.email, password: PASSWORD } });
  if (login.status !== 200) throw new Error(`fixture login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { id: row!.id, token: login.body.accessToken, refreshToken: login.body.refreshToken };
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
    const res = await t.request({ method: 'POST', url: '/api/v1/incubators', token: national.token, payload: incubatorBody({ name, ...overrides }) });
    if (res.status !== 201) throw new Error(`fixture incubator failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; provinceCode: string };
  }
  return { national, incubator };
}
