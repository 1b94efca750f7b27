// Mentors of an incubator and whom they mentor: the tenant must be of the same incubator and
// in it on the start date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { userWithToken } from '../helpers/fixtures';
import {
  admitVeteran,
  api,
  auditOf,
  expectRefused,
  type LifecycleWorld,
  lifecycleWorld,
} from './lifecycle-helpers';

describe('mentors', () => {
  let t: TestApp;
  let w: LifecycleWorld;
  let call: ReturnType<typeof api>;
  let manager: string;
  beforeAll(async () => {
    t = await createTestApp();
    w = await lifecycleWorld(t, 'men');
    call = api(t);
    manager = w.users.managerA.token;
  });
  afterAll(() => t.close());

  async function mentor(name: string, token = manager, incubatorId = w.incubators.a.id) {
    const res = await call.post(`/incubators/${incubatorId}/mentors`, token, {
      name,
      title: '教授',
      expertise: '芯片设计',
      email: ' Mentor@Example.CN ',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; version: number };
  }

  it('adds and edits a mentor with a version, auditing both', async () => {
    const created = await call.post(`/incubators/${w.incubators.a.id}/mentors`, manager, {
      name: '李导师',
      phone: '027-8888 0000',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      incubatorId: w.incubators.a.id,
      name: '李导师',
      title: null,
      email: null,
      phone: '027-8888 0000',
      version: 1,
    });
    const id = created.body.id;
    const patched = await call.patch(`/mentors/${id}`, manager, {
      version: 1,
      title: '高级工程师',
      email: 'LI@example.cn',
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ title: '高级工程师', email: 'li@example.cn', version: 2 });
    await expectRefused(t, () => call.patch(`/mentors/${id}`, manager, { version: 1, title: '过期' }), 409, [
      'stale_version',
    ]);
    await expectRefused(
      t,
      () => call.patch(`/mentors/${id}`, manager, { version: 2, incubatorId: w.incubators.b.id }),
      400,
    );
    await expectRefused(
      t,
      () => call.post(`/incubators/${w.incubators.a.id}/mentors`, manager, { name: '' }),
      400,
    );
    await expectRefused(
      t,
      () => call.post(`/incubators/${w.incubators.a.id}/mentors`, manager, { name: '王', email: 'not-mail' }),
      400,
    );
    expect((await auditOf(t, id)).map((a) => a.action)).toEqual(['mentor.create', 'mentor.update']);
  });

  it('relates a mentor to tenants of its incubator and lists mentors with their tenants', async () => {
    const m = await mentor('张导师');
    const tenant = await admitVeteran(t, manager, w.incubators.a.id, { name: '光谷导师辅导公司' });
    const res = await call.post(`/mentors/${m.id}/tenants`, manager, {
      tenantId: tenant.id,
      startedOn: '2023-01-15',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      mentorId: m.id,
      tenantId: tenant.id,
      tenantName: '光谷导师辅导公司',
      startedOn: '2023-01-15',
    });
    expect(
      (
        await call.post(`/mentors/${m.id}/tenants`, manager, {
          tenantId: w.tenants.tenantA.id,
          startedOn: '2024-06-01',
        })
      ).status,
    ).toBe(201);

    const list = await call.get(`/incubators/${w.incubators.a.id}/mentors`, w.users.provinceHubei.token);
    expect(list.status).toBe(200);
    const listed = list.body.items.find((x: { id: string }) => x.id === m.id);
    expect(listed.email).toBe('mentor@example.cn');
    expect(listed.tenants).toEqual([
      { tenantId: tenant.id, tenantName: '光谷导师辅导公司', startedOn: '2023-01-15' },
      { tenantId: w.tenants.tenantA.id, tenantName: w.tenants.tenantA.name, startedOn: '2024-06-01' },
    ]);
    await expectRefused(
      t,
      () => call.post(`/mentors/${m.id}/tenants`, manager, { tenantId: tenant.id, startedOn: '2024-01-01' }),
      409,
      ['already_mentoring'],
    );
    expect((await auditOf(t, m.id)).map((a) => a.action)).toEqual([
      'mentor.create',
      'mentoring.create',
      'mentoring.create',
    ]);
  });

  it('refuses tenants of another incubator and start dates outside the stay', async () => {
    const m = await mentor('赵导师');
    // Outside the manager's scope, the tenant does not exist for them.
    await expectRefused(
      t,
      () =>
        call.post(`/mentors/${m.id}/tenants`, manager, {
          tenantId: w.tenants.tenantB.id,
          startedOn: '2024-07-01',
        }),
      404,
    );
    // A manager of A and A2 sees A2's tenant, which is still not A's.
    const both = await userWithToken(t, {
      email: 'men.both@test.cn',
      role: 'incubator_manager',
      incubatorIds: [w.incubators.a.id, w.incubators.a2.id],
    });
    await expectRefused(
      t,
      () =>
        call.post(`/mentors/${m.id}/tenants`, both.token, {
          tenantId: w.tenants.tenantA2.id,
          startedOn: '2024-07-01',
        }),
      422,
      ['tenant_in_other_incubator'],
    );

    const tenant = await admitVeteran(t, manager, w.incubators.a.id, { highTechCertifiedOn: '2022-01-01' });
    await expectRefused(
      t,
      () => call.post(`/mentors/${m.id}/tenants`, manager, { tenantId: tenant.id, startedOn: '2022-05-31' }),
      422,
      ['before_admission'],
    );
    await expectRefused(
      t,
      () => call.post(`/mentors/${m.id}/tenants`, manager, { tenantId: tenant.id, startedOn: '2999-01-01' }),
      400,
    );
    expect(
      (
        await call.post(`/tenants/${tenant.id}/graduation`, manager, {
          graduatedOn: '2024-06-30',
          criteria: ['high_tech_enterprise'],
        })
      ).status,
    ).toBe(200);
    await expectRefused(
      t,
      () => call.post(`/mentors/${m.id}/tenants`, manager, { tenantId: tenant.id, startedOn: '2024-07-01' }),
      422,
      ['after_tenancy_ended'],
    );
    // Recording a mentoring that ran during the stay is still possible after graduation.
    expect(
      (await call.post(`/mentors/${m.id}/tenants`, manager, { tenantId: tenant.id, startedOn: '2024-06-30' }))
        .status,
    ).toBe(201);
  });

  it('ends a mentoring relation (204), then it is gone (404)', async () => {
    const m = await mentor('钱导师');
    expect(
      (
        await call.post(`/mentors/${m.id}/tenants`, manager, {
          tenantId: w.tenants.otherTenantA.id,
          startedOn: '2024-09-01',
        })
      ).status,
    ).toBe(201);
    await expectRefused(
      t,
      () => call.del(`/mentors/${m.id}/tenants/${w.tenants.otherTenantA.id}`, w.users.national.token),
      403,
    );
    await expectRefused(
      t,
      () => call.del(`/mentors/${m.id}/tenants/${w.tenants.otherTenantA.id}`, w.users.managerB.token),
      404,
    );
    const res = await call.del(`/mentors/${m.id}/tenants/${w.tenants.otherTenantA.id}`, manager);
    expect(res.status).toBe(204);
    expect(res.body).toBeFalsy();
    await expectRefused(
      t,
      () => call.del(`/mentors/${m.id}/tenants/${w.tenants.otherTenantA.id}`, manager),
      404,
    );
    expect((await auditOf(t, m.id)).at(-1)).toMatchObject({ action: 'mentoring.delete', after: null });
    const list = await call.get(`/incubators/${w.incubators.a.id}/mentors`, manager);
    expect(list.body.items.find((x: { id: string }) => x.id === m.id).tenants).toEqual([]);
  });

  it('lets only the incubator’s manager write, and shows mentors only to those who see the incubator', async () => {
    const m = await mentor('孙导师');
    const mB = await mentor('北京导师', w.users.managerB.token, w.incubators.b.id);
    const body = { name: '新导师' };
    for (const token of [w.users.national.token, w.users.provinceHubei.token, w.users.tenantUser.token]) {
      await expectRefused(t, () => call.post(`/incubators/${w.incubators.a.id}/mentors`, token, body), 403);
      await expectRefused(
        t,
        () =>
          call.post(`/mentors/${m.id}/tenants`, token, {
            tenantId: w.tenants.tenantA.id,
            startedOn: '2024-07-01',
          }),
        403,
      );
    }
    await expectRefused(
      t,
      () => call.post(`/incubators/${w.incubators.a.id}/mentors`, w.users.managerB.token, body),
      404,
    );
    await expectRefused(
      t,
      () => call.patch(`/mentors/${m.id}`, w.users.managerB.token, { version: 1, name: '改名' }),
      404,
    );
    await expectRefused(
      t,
      () => call.patch(`/mentors/${m.id}`, w.users.provinceHubei.token, { version: 1, name: '改名' }),
      403,
    );
    await expectRefused(
      t,
      () => call.patch(`/mentors/${m.id}`, w.users.provinceBeijing.token, { version: 1, name: '改名' }),
      403,
    );

    expect(
      (await call.get(`/incubators/${w.incubators.a.id}/mentors`, w.users.tenantUser.token)).status,
    ).toBe(404);
    expect(
      (await call.get(`/incubators/${w.incubators.a.id}/mentors`, w.users.provinceBeijing.token)).status,
    ).toBe(404);
    const listA = await call.get(`/incubators/${w.incubators.a.id}/mentors?pageSize=200`, manager);
    const ids = listA.body.items.map((x: { id: string }) => x.id);
    expect(ids).toContain(m.id);
    expect(ids).not.toContain(mB.id);
    expect(listA.body.total).toBe(ids.length);
    const page = await call.get(`/incubators/${w.incubators.a.id}/mentors?pageSize=1&page=2`, manager);
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: listA.body.total });
    expect(page.body.items).toHaveLength(1);
  });
});
