// Shared by the lifecycle API tests (graduation, investments, listings, mentors, reports,
// dashboard): a world with every role, calls that read like the API, and write counters.
import { expect } from 'vitest';
import type { TestApp } from '../helpers/app';
import { admit, sqlRows, twoProvinceWorld, userWithToken } from '../helpers/fixtures';
import { expectProblem } from './problem';

export type World = Awaited<ReturnType<typeof twoProvinceWorld>>;
/** What TestApp.request answers: status, parsed body, headers. */
export type Answer = Awaited<ReturnType<TestApp['request']>>;

/** twoProvinceWorld plus a user for the other company in A and one for the company in B. */
export async function lifecycleWorld(t: TestApp, prefix: string) {
  const w = await twoProvinceWorld(t, prefix);
  const otherTenantUser = await userWithToken(t, {
    email: `${prefix}.tenant.other@test.cn`,
    role: 'tenant',
    companyId: w.tenants.otherTenantA.companyId,
  });
  const tenantUserB = await userWithToken(t, {
    email: `${prefix}.tenant.b@test.cn`,
    role: 'tenant',
    companyId: w.tenants.tenantB.companyId,
  });
  return { ...w, users: { ...w.users, otherTenantUser, tenantUserB } };
}
export type LifecycleWorld = Awaited<ReturnType<typeof lifecycleWorld>>;

export function api(t: TestApp) {
  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    token: string | undefined,
    payload?: unknown,
  ) =>
    t.request({
      method,
      url: `/api/v1${url}`,
      token,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    get: (url: string, token?: string) => call('GET', url, token),
    post: (url: string, token: string | undefined, payload?: unknown) => call('POST', url, token, payload),
    patch: (url: string, token: string | undefined, payload: unknown) => call('PATCH', url, token, payload),
    del: (url: string, token?: string) => call('DELETE', url, token),
  };
}

/** Admits a tenant with an older founding date, so years of history can be recorded. */
export function admitVeteran(
  t: TestApp,
  token: string,
  incubatorId: string,
  overrides: Record<string, unknown> = {},
) {
  return admit(t, token, incubatorId, { foundedOn: '2021-03-01', admittedOn: '2022-06-01', ...overrides });
}

/** Row counts of every table a lifecycle write touches, and the tenants' versions. */
export async function writeCounts(t: TestApp) {
  const [row] = await sqlRows<Record<string, number | string>>(
    t,
    `select (select count(*)::int from investments) as investments, (select count(*)::int from listings) as listings,
            (select count(*)::int from reports) as reports, (select count(*)::int from mentors) as mentors,
            (select count(*)::int from mentorships) as mentorships, (select count(*)::int from audit_log) as audit_log,
            (select coalesce(sum(version), 0)::int from tenants) as tenant_versions,
            (select coalesce(sum(version), 0)::int from reports) as report_versions,
            (select coalesce(sum(version), 0)::int from mentors) as mentor_versions,
            (select string_agg(status, ',' order by id) from tenants) as tenant_statuses`,
  );
  return row!;
}

/** Asserts the request is refused with this status and error codes, and writes nothing at all. */
export async function expectRefused(
  t: TestApp,
  send: () => Promise<Answer>,
  status: number,
  codes: string[] = [],
) {
  const before = await writeCounts(t);
  const res = await send();
  expectProblem(res, status);
  for (const code of codes) {
    expect(res.body.errors, `errors[] should carry ${code}`).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: code })]),
    );
  }
  expect(await writeCounts(t)).toEqual(before);
  return res;
}

/** Audit rows for one record, oldest first. */
export async function auditOf(t: TestApp, entityId: string) {
  return sqlRows<{ action: string; user_id: string | null; incubator_id: string | null; after: unknown }>(
    t,
    `select action, user_id, incubator_id, after from audit_log where entity_id = '${entityId}' order by id`,
  );
}
