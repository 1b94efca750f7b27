// Sessions that end (API.md "Accounts, invitations and sessions"): logout, disabling, a password
// change, a reset and a manager's removal all hold from the very next request; sign-in back-off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { PASSWORD, sqlRows, twoProvinceWorld, userWithToken } from '../helpers/fixtures';
import { expectProblem } from './problem';

const STRONG = 'Granite-Lantern-Orbit-77';

describe('sessions', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof twoProvinceWorld>>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await twoProvinceWorld(t, 'ses');
  });
  afterAll(() => t.close());

  const login = (email: string, password = PASSWORD) =>
    t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  const me = (token: string) => t.request({ method: 'GET', url: '/api/v1/me', token });
  const patchUser = (token: string, id: string, payload: Record<string, unknown>) =>
    t.request({ method: 'PATCH', url: `/api/v1/users/${id}`, token, payload });

  it('logout refuses the access token from the next request on', async () => {
    const user = await userWithToken(t, { email: 'ses.logout@test.cn', role: 'national' });
    expect((await me(user.token)).status).toBe(200);
    const out = await t.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refreshToken: user.refreshToken },
    });
    expect(out.status).toBe(204);
    expectProblem(await me(user.token), 401);
  });

  it('logout with only the access token ends that session too', async () => {
    const user = await userWithToken(t, { email: 'ses.logout2@test.cn', role: 'national' });
    const out = await t.request({ method: 'POST', url: '/api/v1/auth/logout', token: user.token });
    expect(out.status).toBe(204);
    expectProblem(await me(user.token), 401);
  });

  it('a disabled user’s existing token is refused at its next request, and comes back only by signing in', async () => {
    const tenant = await userWithToken(t, {
      email: 'ses.tenant2@test.cn',
      role: 'tenant',
      companyId: w.tenants.otherTenantA.companyId,
    });
    expect((await me(tenant.token)).status).toBe(200);
    // The manager of another incubator does not see this user; a province may see but not manage it.
    expectProblem(await patchUser(w.users.managerB.token, tenant.id, { disabled: true }), 404);
    expectProblem(await patchUser(w.users.provinceHubei.token, tenant.id, { disabled: true }), 403);
    const disabled = await patchUser(w.users.managerA.token, tenant.id, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expectProblem(await me(tenant.token), 401);
    expectProblem(
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: tenant.refreshToken },
      }),
      401,
    );
    expectProblem(await login('ses.tenant2@test.cn'), 401);
    expect((await patchUser(w.users.managerA.token, tenant.id, { disabled: false })).status).toBe(200);
    // Enabling does not revive the old sessions.
    expectProblem(await me(tenant.token), 401);
    expect((await login('ses.tenant2@test.cn')).status).toBe(200);
  });

  it('a password change ends every other session, keeps this one, and checks the passwords', async () => {
    await userWithToken(t, { email: 'ses.pw@test.cn', role: 'national' });
    const here = (await login('ses.pw@test.cn')).body;
    const there = (await login('ses.pw@test.cn')).body;
    const change = (payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url: '/api/v1/me/password', token: here.accessToken, payload });
    expectProblem(await change({ currentPassword: 'wrong-password-x', newPassword: STRONG }), 400, [
      'currentPassword',
    ]);
    expectProblem(await change({ currentPassword: PASSWORD, newPassword: 'short' }), 400, ['newPassword']);
    expectProblem(await change({ currentPassword: PASSWORD, newPassword: 'password123456' }), 400, [
      'newPassword',
    ]);
    expect((await change({ currentPassword: PASSWORD, newPassword: STRONG })).status).toBe(204);
    expect((await me(here.accessToken)).status).toBe(200);
    expectProblem(await me(there.accessToken), 401);
    expectProblem(
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: there.refreshToken },
      }),
      401,
    );
    expectProblem(await login('ses.pw@test.cn'), 401);
    expect((await login('ses.pw@test.cn', STRONG)).status).toBe(200);
  });

  it('a reset link from whoever could invite the account sets a new password and ends its sessions', async () => {
    const manager = await userWithToken(t, {
      email: 'ses.reset@test.cn',
      role: 'incubator_manager',
      incubatorIds: [w.incubators.a.id],
    });
    const reset = (token: string) =>
      t.request({ method: 'POST', url: `/api/v1/users/${manager.id}/password-reset`, token });
    expectProblem(await reset(w.users.managerB.token), 404);
    expectProblem(await reset(w.users.provinceBeijing.token), 404);
    const link = await reset(w.users.provinceHubei.token);
    expect(link.status).toBe(201);
    const token = link.body.url.split('/invite/')[1];
    const shown = await t.request({ method: 'GET', url: `/api/v1/invitations/by-token/${token}` });
    expect(shown.body).toMatchObject({ kind: 'reset', email: 'ses.reset@test.cn' });
    const accepted = await t.request({
      method: 'POST',
      url: `/api/v1/invitations/by-token/${token}/accept`,
      payload: { password: STRONG },
    });
    expect(accepted.status).toBe(200);
    expectProblem(await me(manager.token), 401);
    expect((await me(accepted.body.accessToken)).status).toBe(200);
    expect((await login('ses.reset@test.cn', STRONG)).status).toBe(200);
  });

  it('removing a manager from an incubator holds at the manager’s next request', async () => {
    const coManager = await userWithToken(t, {
      email: 'ses.co@test.cn',
      role: 'incubator_manager',
      incubatorIds: [w.incubators.a.id, w.incubators.a2.id],
    });
    const read = () =>
      t.request({ method: 'GET', url: `/api/v1/incubators/${w.incubators.a.id}`, token: coManager.token });
    expect((await read()).status).toBe(200);
    const remove = (token: string) =>
      t.request({
        method: 'DELETE',
        url: `/api/v1/incubators/${w.incubators.a.id}/managers/${coManager.id}`,
        token,
      });
    expectProblem(await remove(w.users.managerB.token), 404);
    expect((await remove(w.users.managerA.token)).status).toBe(204);
    expectProblem(await read(), 404);
    expect((await me(coManager.token)).body.incubatorIds).toEqual([w.incubators.a2.id]);
  });

  // Another server process ends sessions by writing to the database; this one hears of it through
  // the notice the triggers send (migration 0011), which arrives a moment after the commit.
  const untilRefused = (token: string) =>
    expect.poll(async () => (await me(token)).status, { timeout: 5_000, interval: 20 }).toBe(401);

  it('a session ended, or its user disabled, in the database from elsewhere is refused once the notice arrives', async () => {
    const revoked = await userWithToken(t, { email: 'ses.elsewhere@test.cn', role: 'national' });
    const disabled = await userWithToken(t, { email: 'ses.elsewhere2@test.cn', role: 'national' });
    // Read live (and cached) first: what is refused afterwards was served from the cache before.
    for (const user of [revoked, disabled])
      for (let i = 0; i < 3; i++) expect((await me(user.token)).status).toBe(200);
    await sqlRows(t, `update sessions set revoked_at = now() where user_id = '${revoked.id}'`);
    await untilRefused(revoked.token);
    await sqlRows(t, `update users set disabled = true where id = '${disabled.id}'`);
    await untilRefused(disabled.token);
  });

  it('asks the database at every request while notices are not being received', async () => {
    const user = await userWithToken(t, { email: 'ses.unheard@test.cn', role: 'national' });
    expect((await me(user.token)).status).toBe(200);
    expect((await me(user.token)).status).toBe(200);
    t.app.sessionScopes.setListening(false);
    try {
      await sqlRows(t, `update sessions set revoked_at = now() where user_id = '${user.id}'`);
      // No waiting: without the listener nothing cached is trusted.
      expectProblem(await me(user.token), 401);
    } finally {
      t.app.sessionScopes.setListening(true);
    }
  });

  it('lists the accounts in scope, with search and filters', async () => {
    const list = (token: string, query: Record<string, string> = {}) =>
      t.request({ method: 'GET', url: '/api/v1/users', token, query });
    const mine = await list(w.users.managerA.token);
    expect(mine.status).toBe(200);
    const emails = mine.body.items.map((u: { email: string }) => u.email);
    expect(emails).toContain('ses.manager.a@test.cn');
    expect(emails).toContain('ses.tenant2@test.cn');
    expect(emails).not.toContain('ses.manager.b@test.cn');
    expect(emails).not.toContain('ses.national@test.cn');
    const tenants = await list(w.users.managerA.token, { role: 'tenant' });
    for (const u of tenants.body.items) expect(u.role).toBe('tenant');
    const found = await list(w.users.national.token, { q: 'ses.manager.b' });
    expect(found.body.items.map((u: { email: string }) => u.email)).toEqual(['ses.manager.b@test.cn']);
    const hubei = await list(w.users.provinceHubei.token);
    const hubeiEmails = hubei.body.items.map((u: { email: string }) => u.email);
    expect(hubeiEmails).toContain('ses.hubei@test.cn');
    expect(hubeiEmails).toContain('ses.manager.a@test.cn');
    expect(hubeiEmails).not.toContain('ses.manager.b@test.cn');
    expectProblem(await list(w.users.tenantUser.token), 403);
  });

  it('audits disabling, enabling, password changes, resets and removals', async () => {
    const audit = await t.request({
      method: 'GET',
      url: '/api/v1/audit',
      token: w.users.national.token,
      query: { entity: 'user', pageSize: '200' },
    });
    const actions = new Set(audit.body.items.map((i: { action: string }) => i.action));
    for (const action of [
      'user.disable',
      'user.enable',
      'user.password_change',
      'user.reset_link',
      'user.password_reset',
      'incubator.manager_remove',
      'auth.logout',
    ])
      expect(actions, action).toContain(action);
  });
});

describe('sign-in back-off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('after repeated failures per account answers 429 with Retry-After, even for the right password', async () => {
    await userWithToken(t, { email: 'backoff.a@test.cn', role: 'national' });
    await userWithToken(t, { email: 'backoff.b@test.cn', role: 'national' });
    const attempt = (email: string, password: string) =>
      t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    for (let i = 0; i < 5; i++) expectProblem(await attempt('backoff.a@test.cn', 'wrong-password'), 401);
    const limited = await attempt('backoff.a@test.cn', PASSWORD);
    expectProblem(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another account from the same address is not held back.
    expect((await attempt('backoff.b@test.cn', PASSWORD)).status).toBe(200);
    // The wait grows with each further failure.
    await new Promise((r) => setTimeout(r, 1100));
    expectProblem(await attempt('backoff.a@test.cn', 'wrong-password'), 401);
    const longer = await attempt('backoff.a@test.cn', PASSWORD);
    expectProblem(longer, 429);
    expect(Number(longer.headers['retry-after'])).toBeGreaterThanOrEqual(2);
  });

  it('per address: many accounts failing from one address are held back too', async () => {
    const attempt = (email: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'wrong-password' },
      });
    // 20 failures are free per address (the account above already spent 6).
    let status = 401;
    for (let i = 0; i < 20 && status === 401; i++) status = (await attempt(`nobody.${i}@test.cn`)).status;
    expect(status).toBe(429);
  });
});
