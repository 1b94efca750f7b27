// Accounts by invitation (API.md "Accounts, invitations and sessions"): who may invite whom, the
// one-time link (hashed at rest, 7 days, once, revocable), passwords, resets, and the audit rows.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { BEIJING, HUBEI, sqlRows, twoProvinceWorld } from '../helpers/fixtures';
import { expectProblem } from './problem';

const STRONG = 'Plum-Harbor-Violet-42';
let serial = 0;
const email = (what: string) => `inv.${what}.${++serial}@test.cn`;
const tokenOf = (url: string) => url.split('/invite/')[1]!;

describe('invitations', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof twoProvinceWorld>>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await twoProvinceWorld(t, 'inv');
  });
  afterAll(() => t.close());

  const invite = (token: string, payload: Record<string, unknown>) =>
    t.request({ method: 'POST', url: '/api/v1/invitations', token, payload: { name: '新用户', ...payload } });
  const preview = (token: string) =>
    t.request({ method: 'GET', url: `/api/v1/invitations/by-token/${token}` });
  const accept = (token: string, password = STRONG) =>
    t.request({ method: 'POST', url: `/api/v1/invitations/by-token/${token}/accept`, payload: { password } });

  describe('who may invite whom', () => {
    // inviter × invited role × own or other scope → status.
    type Inviter = 'national' | 'province' | 'manager' | 'tenant';
    const targets = () => ({
      national: { role: 'national' },
      'province own': { role: 'province', provinceCode: HUBEI },
      'province other': { role: 'province', provinceCode: BEIJING },
      'manager own': { role: 'incubator_manager', incubatorId: w.incubators.a.id },
      'manager other': { role: 'incubator_manager', incubatorId: w.incubators.b.id },
      'tenant own': { role: 'tenant', tenantId: w.tenants.tenantA.id },
      'tenant other': { role: 'tenant', tenantId: w.tenants.tenantB.id },
    });
    const expected: Record<Inviter, Record<keyof ReturnType<typeof targets>, number>> = {
      national: {
        national: 201,
        'province own': 201,
        'province other': 201,
        'manager own': 201,
        'manager other': 201,
        'tenant own': 201,
        'tenant other': 201,
      },
      province: {
        national: 403,
        'province own': 403,
        'province other': 403,
        'manager own': 201,
        'manager other': 404,
        'tenant own': 403,
        'tenant other': 403,
      },
      manager: {
        national: 403,
        'province own': 403,
        'province other': 403,
        'manager own': 201,
        'manager other': 404,
        'tenant own': 201,
        'tenant other': 404,
      },
      tenant: {
        national: 403,
        'province own': 403,
        'province other': 403,
        'manager own': 403,
        'manager other': 403,
        'tenant own': 403,
        'tenant other': 403,
      },
    };
    const tokens = () => ({
      national: w.users.national.token,
      province: w.users.provinceHubei.token,
      manager: w.users.managerA.token,
      tenant: w.users.tenantUser.token,
    });

    for (const inviter of Object.keys(expected) as Inviter[]) {
      it(`${inviter} inviting`, async () => {
        const got: Record<string, number> = {};
        for (const [name, target] of Object.entries(targets())) {
          const res = await invite(tokens()[inviter], { email: email(inviter), ...target });
          got[name] = res.status;
          if (res.status !== 201) expectProblem(res, res.status);
        }
        expect(got).toEqual(expected[inviter]);
      });
    }

    it('needs the place the role belongs to, and refuses an email already taken', async () => {
      const national = w.users.national.token;
      expectProblem(await invite(national, { email: email('x'), role: 'province' }), 400, ['provinceCode']);
      expectProblem(await invite(national, { email: email('x'), role: 'tenant' }), 400, ['tenantId']);
      expectProblem(
        await invite(national, { email: email('x'), role: 'national', incubatorId: w.incubators.a.id }),
        400,
        ['incubatorId'],
      );
      expectProblem(await invite(national, { email: 'inv.hubei@test.cn', role: 'national' }), 409, ['email']);
    });
  });

  describe('the link', () => {
    it('is stored only as a hash, previews who invites whom to what, and signs the new user in once', async () => {
      const address = email('tenant');
      const made = await invite(w.users.managerA.token, {
        email: address,
        role: 'tenant',
        tenantId: w.tenants.tenantA.id,
      });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({
        email: address,
        role: 'tenant',
        url: expect.stringContaining('/invite/'),
      });
      const token = tokenOf(made.body.url);
      const [stored] = await sqlRows<{ token_hash: string; expires_at: string }>(
        t,
        `select token_hash, expires_at::text from invitations where id = '${made.body.id}'`,
      );
      expect(stored!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      const all = JSON.stringify(await sqlRows(t, 'select * from invitations'));
      expect(all).not.toContain(token);
      const days = (new Date(made.body.expiresAt).getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThanOrEqual(7);

      const shown = await preview(token);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({
        email: address,
        role: 'tenant',
        organisation: '光谷甲科技有限公司',
      });

      const signedIn = await accept(token);
      expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
      expect(signedIn.body.user).toMatchObject({
        email: address,
        role: 'tenant',
        companyId: w.tenants.tenantA.companyId,
      });
      const me = await t.request({ method: 'GET', url: '/api/v1/me', token: signedIn.body.accessToken });
      expect(me.body.tenantId).toBe(w.tenants.tenantA.id);

      expectProblem(await accept(token), 410);
      expectProblem(await preview(token), 410);
    });

    it('answers an unknown link 404, an expired or withdrawn one 410', async () => {
      expectProblem(await preview('no-such-token-0123456789'), 404);
      expectProblem(await accept('no-such-token-0123456789'), 404);

      const expired = await invite(w.users.national.token, { email: email('exp'), role: 'national' });
      await sqlRows(
        t,
        `update invitations set expires_at = now() - interval '1 second' where id = '${expired.body.id}'`,
      );
      expectProblem(await preview(tokenOf(expired.body.url)), 410);
      expectProblem(await accept(tokenOf(expired.body.url)), 410);

      const withdrawn = await invite(w.users.managerA.token, {
        email: email('rev'),
        role: 'incubator_manager',
        incubatorId: w.incubators.a.id,
      });
      // Outside its scope the invitation does not exist for a manager.
      expectProblem(
        await t.request({
          method: 'DELETE',
          url: `/api/v1/invitations/${withdrawn.body.id}`,
          token: w.users.managerB.token,
        }),
        404,
      );
      const revoked = await t.request({
        method: 'DELETE',
        url: `/api/v1/invitations/${withdrawn.body.id}`,
        token: w.users.managerA.token,
      });
      expect(revoked.status).toBe(204);
      expectProblem(await accept(tokenOf(withdrawn.body.url)), 410);
    });

    it('resends a new link; the old one stops working', async () => {
      const first = await invite(w.users.provinceHubei.token, {
        email: email('resend'),
        role: 'incubator_manager',
        incubatorId: w.incubators.a2.id,
      });
      const again = await t.request({
        method: 'POST',
        url: `/api/v1/invitations/${first.body.id}/resend`,
        token: w.users.provinceHubei.token,
      });
      expect(again.status).toBe(201);
      expect(again.body.url).not.toBe(first.body.url);
      expectProblem(await preview(tokenOf(first.body.url)), 410);
      const signedIn = await accept(tokenOf(again.body.url));
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.user.incubatorIds).toEqual([w.incubators.a2.id]);
    });

    it('refuses short and common passwords with errors[].path = password, and spends nothing', async () => {
      const made = await invite(w.users.national.token, { email: email('weak'), role: 'national' });
      const token = tokenOf(made.body.url);
      for (const weak of ['short-1', 'password1234', 'qwertyuiop123', 'iloveyou2024!']) {
        expectProblem(await accept(token, weak), 400, ['password']);
      }
      expect((await preview(token)).status).toBe(200);
      expect((await accept(token)).status).toBe(200);
    });

    it('lists pending and used invitations in scope', async () => {
      const list = (token: string, status?: string) =>
        t.request({ method: 'GET', url: '/api/v1/invitations', token, query: status ? { status } : {} });
      const mine = await list(w.users.managerA.token);
      expect(mine.status).toBe(200);
      expect(mine.body.items.length).toBeGreaterThan(0);
      for (const item of mine.body.items) expect(item.incubatorId).toBe(w.incubators.a.id);
      const pending = await list(w.users.managerA.token, 'pending');
      for (const item of pending.body.items) expect(item.status).toBe('pending');
      const used = await list(w.users.managerA.token, 'used');
      expect(used.body.items.some((i: { status: string }) => i.status === 'used')).toBe(true);
      const beijing = await list(w.users.provinceBeijing.token);
      for (const item of beijing.body.items) expect(item.incubatorId).not.toBe(w.incubators.a.id);
      expectProblem(await list(w.users.tenantUser.token), 403);
    });

    it('registering an incubator invites its first manager; a password chosen for them is refused', async () => {
      const address = email('first');
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/incubators',
        token: w.users.national.token,
        payload: {
          name: '邀请测试孵化器',
          provinceCode: HUBEI,
          city: '武汉',
          type: 'general',
          level: 'national',
          legalNature: 'enterprise',
          foundedOn: '2001-05-01',
          totalArea: 20000,
          tenantArea: 16000,
          manager: { email: address, name: '首任管理员' },
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.managerInvitation).toMatchObject({ email: address, role: 'incubator_manager' });
      const signedIn = await accept(tokenOf(res.body.managerInvitation.url));
      expect(signedIn.body.user.incubatorIds).toEqual([res.body.id]);
    });
  });

  it('audits every account action, readable in scope', async () => {
    const audit = (token: string, entity: string) =>
      t.request({ method: 'GET', url: '/api/v1/audit', token, query: { entity, pageSize: '200' } });
    const managerView = await audit(w.users.managerA.token, 'invitation');
    const actions = new Set(managerView.body.items.map((i: { action: string }) => i.action));
    expect(actions).toContain('invitation.create');
    expect(actions).toContain('invitation.revoke');
    for (const item of managerView.body.items) expect(item.incubatorId).toBe(w.incubators.a.id);
    const accepted = await audit(w.users.managerA.token, 'user');
    expect(accepted.body.items.map((i: { action: string }) => i.action)).toContain('invitation.accept');
    const national = await audit(w.users.national.token, 'invitation');
    expect(national.body.items.map((i: { action: string }) => i.action)).toContain('invitation.resend');
  });
});
