// Managed deadlines stay managed: a company user's edit that would move its incubation deadline
// waits for its manager; the manager confirms (fields applied, deadline moved, audit row) or
// rejects (nothing applied); other profile edits apply at once; scope and roles hold.
import { addMonths } from '@torch/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { admit, sqlRows, userWithToken, world } from '../helpers/fixtures';
import { expectProblem } from './problem';

const ADMITTED = '2024-06-01';

describe('pending deadline changes', () => {
  let t: TestApp;
  let a: string;
  let managerA: { token: string };
  let managerB: { token: string };
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    const w = await world(t, 'pend');
    a = (await w.incubator('光谷待定孵化器')).id;
    const b = (await w.incubator('中关村待定孵化器', { provinceCode: '110000', city: '北京' })).id;
    managerA = await userWithToken(t, {
      email: 'pend.a@test.cn',
      role: 'incubator_manager',
      incubatorIds: [a],
    });
    managerB = await userWithToken(t, {
      email: 'pend.b@test.cn',
      role: 'incubator_manager',
      incubatorIds: [b],
    });
  });
  afterAll(() => t.close());

  /** A tenant in incubator A (electronic information: 48 months) and a signed-in user of its company. */
  async function tenancy() {
    seq += 1;
    const tenant = await admit(t, managerA.token, a, {
      name: `待定科技${seq}有限公司`,
      admittedOn: ADMITTED,
    });
    const user = await userWithToken(t, {
      email: `pend.co${seq}@test.cn`,
      role: 'tenant',
      companyId: tenant.companyId,
    });
    return { tenant, user };
  }
  const get = (id: string, token = managerA.token) =>
    t.request({ method: 'GET', url: `/api/v1/tenants/${id}`, token });
  const patch = (id: string, token: string, payload: Record<string, unknown>) =>
    t.request({ method: 'PATCH', url: `/api/v1/tenants/${id}`, token, payload });
  const decide = (id: string, action: 'confirm' | 'reject', token = managerA.token) =>
    t.request({ method: 'POST', url: `/api/v1/tenants/${id}/pending-change/${action}`, token });
  const auditOf = (id: string) =>
    sqlRows<{
      action: string;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
      incubator_id: string;
    }>(t, `select action, before, after, incubator_id from audit_log where entity_id = '${id}' order by id`);

  it("a company user's field change that moves the deadline waits: other fields apply, the deadline stays", async () => {
    const { tenant, user } = await tenancy();
    const res = await patch(tenant.id, user.token, {
      version: tenant.version,
      field: 'biomedicine',
      website: 'https://pending.example.cn',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      field: 'electronic_information',
      website: 'https://pending.example.cn',
      incubationEndsOn: addMonths(ADMITTED, 48),
      pendingChange: {
        field: 'biomedicine',
        integratedCircuit: false,
        incubationEndsOn: addMonths(ADMITTED, 60),
        since: expect.any(String),
      },
    });
    // The manager sees the same pending change.
    expect((await get(tenant.id)).body.pendingChange).toEqual(res.body.pendingChange);
    const [company] = await sqlRows<{ field: string }>(
      t,
      `select field from companies where id = '${tenant.companyId}'`,
    );
    expect(company!.field).toBe('electronic_information');
    // It needs the manager's attention on the incubator dashboard.
    const dashboard = await t.request({
      method: 'GET',
      url: `/api/v1/incubators/${a}/dashboard`,
      token: managerA.token,
    });
    expect(dashboard.status, JSON.stringify(dashboard.body)).toBe(200);
    expect(dashboard.body.flags.pendingChanges).toEqual({
      count: 1,
      items: [{ id: tenant.id, name: tenant.name, since: res.body.pendingChange.since }],
    });
  });

  it('the manager confirms: the field applies and the deadline moves, with its audit row', async () => {
    const { tenant, user } = await tenancy();
    await patch(tenant.id, user.token, { version: tenant.version, integratedCircuit: true });
    const res = await decide(tenant.id, 'confirm');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      integratedCircuit: true,
      incubationEndsOn: addMonths(ADMITTED, 60),
      pendingChange: null,
    });
    const audit = await auditOf(tenant.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'tenant.pending_change.confirm',
      incubator_id: a,
      before: { integratedCircuit: false, incubationEndsOn: addMonths(ADMITTED, 48) },
      after: { integratedCircuit: true, incubationEndsOn: addMonths(ADMITTED, 60) },
    });
    // Nothing waits any more: a second decision is a conflict.
    expectProblem(await decide(tenant.id, 'confirm'), 409);
  });

  it('the manager rejects: the pending change is cleared and nothing moves', async () => {
    const { tenant, user } = await tenancy();
    await patch(tenant.id, user.token, { version: tenant.version, field: 'modern_agriculture' });
    const res = await decide(tenant.id, 'reject');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      field: 'electronic_information',
      incubationEndsOn: addMonths(ADMITTED, 48),
      pendingChange: null,
    });
    expect((await auditOf(tenant.id)).at(-1)!.action).toBe('tenant.pending_change.reject');
  });

  it('a website-only edit applies at once and leaves nothing pending; so does a field change within the same limit', async () => {
    const { tenant, user } = await tenancy();
    const res = await patch(tenant.id, user.token, {
      version: tenant.version,
      website: 'https://only.example.cn',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ website: 'https://only.example.cn', pendingChange: null });
    const same = await patch(tenant.id, user.token, { version: res.body.version, field: 'new_materials' });
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    expect(same.body).toMatchObject({
      field: 'new_materials',
      incubationEndsOn: addMonths(ADMITTED, 48),
      pendingChange: null,
    });
  });

  it("a manager's own edit applies directly and supersedes a pending change", async () => {
    const { tenant, user } = await tenancy();
    const held = await patch(tenant.id, user.token, { version: tenant.version, field: 'biomedicine' });
    expect(held.body.pendingChange).not.toBeNull();
    const res = await patch(tenant.id, managerA.token, {
      version: held.body.version,
      field: 'modern_agriculture',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      field: 'modern_agriculture',
      incubationEndsOn: addMonths(ADMITTED, 60),
      pendingChange: null,
    });
  });

  it("scope: another incubator's manager gets 404; the company user may not decide (403)", async () => {
    const { tenant, user } = await tenancy();
    await patch(tenant.id, user.token, { version: tenant.version, field: 'biomedicine' });
    expectProblem(await decide(tenant.id, 'confirm', managerB.token), 404);
    expectProblem(await decide(tenant.id, 'reject', managerB.token), 404);
    expectProblem(await decide(tenant.id, 'confirm', user.token), 403);
    const still = await get(tenant.id);
    expect(still.body).toMatchObject({
      field: 'electronic_information',
      pendingChange: { field: 'biomedicine' },
    });
  });
});
