// Sign-in, refresh rotation with reuse detection, logout, access-token checks, who-am-I, rate limit.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app';
import { admit, HUBEI, PASSWORD, sqlRows, userWithToken, world } from '../helpers/fixtures';
import { expectProblem } from './problem';

const LOGIN = '/api/v1/auth/login';
const REFRESH = '/api/v1/auth/refresh';
const LOGOUT = '/api/v1/auth/logout';
const ME = '/api/v1/me';

const b64url = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT made by hand, so expiry and algorithm are whatever the test says. */
function handMadeJwt(payload: Record<string, unknown>, options: { secret?: string; alg?: string } = {}) {
  const alg = options.alg ?? 'HS256';
  const head = `${b64url({ alg, typ: 'JWT' })}.${b64url(payload)}`;
  if (alg === 'none') return `${head}.`;
  return `${head}.${createHmac('sha256', options.secret ?? TEST_JWT_SECRET)
    .update(head)
    .digest('base64url')}`;
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
}

/** The refresh cookie the answer set, parsed into its attributes. */
function refreshCookie(headers: Record<string, unknown>) {
  const raw = ([] as string[]).concat((headers['set-cookie'] as string | string[] | undefined) ?? []);
  const line = raw.find((c) => c.startsWith('torch_refresh='));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((s) => s.trim());
  return {
    value: decodeURIComponent(pair!.slice('torch_refresh='.length)),
    attributes: attributes.map((a) => a.toLowerCase()),
  };
}

describe('auth', () => {
  let t: TestApp;
  let managerIncubatorId: string;
  let tenancyId: string;
  let companyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const w = await world(t, 'auth');
    const incubator = await w.incubator('认证测试孵化器');
    managerIncubatorId = incubator.id;
    const manager = await userWithToken(t, {
      email: 'auth.manager@test.cn',
      role: 'incubator_manager',
      incubatorIds: [incubator.id],
    });
    const tenancy = await admit(t, manager.token, incubator.id, { name: '认证测试科技有限公司' });
    tenancyId = tenancy.id;
    companyId = tenancy.companyId;
    await userWithToken(t, { email: 'auth.province@test.cn', role: 'province', provinceCode: HUBEI });
    await userWithToken(t, { email: 'auth.tenant@test.cn', role: 'tenant', companyId });
    await userWithToken(t, { email: 'auth.disabled@test.cn', role: 'national' });
    await sqlRows(t, `update users set disabled = true where email = 'auth.disabled@test.cn'`);
  });
  afterAll(() => t.close());

  const login = (email: string, password = PASSWORD) =>
    t.request({ method: 'POST', url: LOGIN, payload: { email, password } });
  const refreshWithBody = (refreshToken: string) =>
    t.request({ method: 'POST', url: REFRESH, payload: { refreshToken } });
  const me = (token: string) => t.request({ method: 'GET', url: ME, token });

  describe('login', () => {
    it('answers an access token, a refresh token and the user, and sets the refresh cookie', async () => {
      const res = await login('auth.national@test.cn');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 900,
      });
      expect(res.body.user).toMatchObject({ email: 'auth.national@test.cn', role: 'national' });
      const claims = claimsOf(res.body.accessToken);
      expect(Number(claims.exp) - Number(claims.iat)).toBe(15 * 60);
      const cookie = refreshCookie(res.headers);
      expect(cookie?.value).toBe(res.body.refreshToken);
      expect(cookie?.attributes).toContain('httponly');
      expect(cookie?.attributes).toContain('path=/api/v1/auth');
      expect(cookie?.attributes).toContain('samesite=strict');
      expect((await me(res.body.accessToken)).status).toBe(200);
    });

    it('takes the email in any case and with spaces around it', async () => {
      expect((await login('  Auth.National@TEST.cn ')).status).toBe(200);
    });

    it('answers a wrong password, an unknown email and a disabled account with the same 401 problem', async () => {
      const wrongPassword = await login('auth.national@test.cn', 'not-the-password');
      const unknownEmail = await login('nobody@test.cn');
      const disabled = await login('auth.disabled@test.cn');
      for (const res of [wrongPassword, unknownEmail, disabled]) {
        expectProblem(res, 401);
        expect(refreshCookie(res.headers)).toBeUndefined();
      }
      expect(unknownEmail.body).toEqual(wrongPassword.body);
      expect(disabled.body).toEqual(wrongPassword.body);
    });

    it('refuses a malformed login body with 400', async () => {
      expectProblem(
        await t.request({ method: 'POST', url: LOGIN, payload: { email: 'not-an-email', password: 'x' } }),
        400,
        ['email'],
      );
      expectProblem(
        await t.request({ method: 'POST', url: LOGIN, payload: { email: 'auth.national@test.cn' } }),
        400,
        ['password'],
      );
    });
  });

  describe('refresh', () => {
    it('rotates a refresh token sent in the body: a new pair, and the old token is spent', async () => {
      const first = await login('auth.national@test.cn');
      const second = await refreshWithBody(first.body.refreshToken);
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
      expect(second.body.user.email).toBe('auth.national@test.cn');
      expect(refreshCookie(second.headers)?.value).toBe(second.body.refreshToken);
      expect((await me(second.body.accessToken)).status).toBe(200);
      // The newest token still works once.
      expect((await refreshWithBody(second.body.refreshToken)).status).toBe(200);
    });

    it('rotates a refresh token sent as the cookie', async () => {
      const first = await login('auth.national@test.cn');
      const cookie = refreshCookie(first.headers)!;
      const second = await t.request({
        method: 'POST',
        url: REFRESH,
        cookies: { torch_refresh: cookie.value },
      });
      expect(second.status).toBe(200);
      const rotated = refreshCookie(second.headers)!;
      expect(rotated.value).toBe(second.body.refreshToken);
      expect(rotated.value).not.toBe(cookie.value);
      expect(rotated.attributes).toContain('httponly');
      expect(rotated.attributes).toContain('path=/api/v1/auth');
      const again = await t.request({
        method: 'POST',
        url: REFRESH,
        cookies: { torch_refresh: rotated.value },
      });
      expect(again.status).toBe(200);
    });

    it('refuses a missing or unknown refresh token with 401', async () => {
      expectProblem(await t.request({ method: 'POST', url: REFRESH }), 401);
      expectProblem(await refreshWithBody('no-such-token'), 401);
    });

    it('answers reuse of a rotated token with 401 and revokes the whole family, newest token included', async () => {
      const r1 = (await login('auth.national@test.cn')).body.refreshToken;
      const r2 = (await refreshWithBody(r1)).body.refreshToken;
      const r3 = (await refreshWithBody(r2)).body.refreshToken;
      // Another session of the same user, a separate family: it must survive.
      const otherSession = (await login('auth.national@test.cn')).body.refreshToken;

      expectProblem(await refreshWithBody(r1), 401);
      expectProblem(await refreshWithBody(r3), 401);
      expectProblem(await refreshWithBody(r2), 401);
      expect((await refreshWithBody(otherSession)).status).toBe(200);

      const audit = await sqlRows(t, `select 1 from audit_log where action = 'auth.refresh_reuse'`);
      expect(audit.length).toBeGreaterThan(0);
    });

    it('refuses an expired refresh token and a disabled account', async () => {
      const expired = (await login('auth.province@test.cn')).body.refreshToken;
      await sqlRows(
        t,
        `update refresh_tokens set expires_at = now() - interval '1 second' where user_id = (select id from users where email = 'auth.province@test.cn')`,
      );
      expectProblem(await refreshWithBody(expired), 401);

      const session = await login('auth.tenant@test.cn');
      await sqlRows(t, `update users set disabled = true where email = 'auth.tenant@test.cn'`);
      try {
        expectProblem(await refreshWithBody(session.body.refreshToken), 401);
        expectProblem(await me(session.body.accessToken), 401);
      } finally {
        await sqlRows(t, `update users set disabled = false where email = 'auth.tenant@test.cn'`);
      }
    });

    it('resolves the scope per request: a manager added to an incubator sees it without a refresh', async () => {
      const session = await login('auth.manager@test.cn');
      // The token names a session, not a scope.
      expect(claimsOf(session.body.accessToken)).not.toHaveProperty('inc');
      expect(claimsOf(session.body.accessToken).sid).toEqual(expect.any(String));
      const w = await world(t, 'auth.scope');
      const second = await w.incubator('第二孵化器');
      const read = () =>
        t.request({ method: 'GET', url: `/api/v1/incubators/${second.id}`, token: session.body.accessToken });
      expectProblem(await read(), 404);
      await sqlRows(
        t,
        `insert into incubator_managers (user_id, incubator_id) select id, '${second.id}' from users where email = 'auth.manager@test.cn'`,
      );
      // A scope change made by the API bumps the user's scope version; here it is made by hand, as
      // another server process would: it holds once the database's notice of it has arrived
      // (docs/access.md "Sessions that end"; a change made through this process holds at once).
      await sqlRows(
        t,
        `update users set scope_version = scope_version + 1 where email = 'auth.manager@test.cn'`,
      );
      await expect.poll(async () => (await read()).status, { timeout: 5_000, interval: 20 }).toBe(200);
      expect((await me(session.body.accessToken)).body.incubatorIds).toHaveLength(2);
      const refreshed = await refreshWithBody(session.body.refreshToken);
      expect(refreshed.status).toBe(200);
      expect((await me(refreshed.body.accessToken)).body.incubatorIds).toHaveLength(2);
      await sqlRows(t, `delete from incubator_managers where incubator_id = '${second.id}'`);
    });
  });

  describe('logout', () => {
    it('revokes the session (body token) with 204', async () => {
      const session = await login('auth.national@test.cn');
      const out = await t.request({
        method: 'POST',
        url: LOGOUT,
        payload: { refreshToken: session.body.refreshToken },
      });
      expect(out.status).toBe(204);
      expectProblem(await refreshWithBody(session.body.refreshToken), 401);
    });

    it('revokes the session (cookie), tokens rotated from it included, and clears the cookie', async () => {
      const session = await login('auth.national@test.cn');
      const rotated = (await refreshWithBody(session.body.refreshToken)).body.refreshToken;
      const out = await t.request({ method: 'POST', url: LOGOUT, cookies: { torch_refresh: rotated } });
      expect(out.status).toBe(204);
      const cleared = refreshCookie(out.headers);
      expect(cleared?.value).toBe('');
      expect(cleared?.attributes).toContain('path=/api/v1/auth');
      expectProblem(await refreshWithBody(rotated), 401);
      const audit = await sqlRows(t, `select 1 from audit_log where action = 'auth.logout'`);
      expect(audit.length).toBeGreaterThan(0);
    });

    it('is harmless without a token', async () => {
      expect((await t.request({ method: 'POST', url: LOGOUT })).status).toBe(204);
      expect(
        (await t.request({ method: 'POST', url: LOGOUT, payload: { refreshToken: 'unknown' } })).status,
      ).toBe(204);
    });
  });

  describe('access tokens', () => {
    let valid: string;
    let userId: string;
    beforeAll(async () => {
      const session = await login('auth.national@test.cn');
      valid = session.body.accessToken;
      userId = session.body.user.id;
      sessionId = claimsOf(valid).sid as string;
    });
    let sessionId: string;
    const claims = (exp: number) => ({ sub: userId, sid: sessionId, iat: exp - 900, exp });
    const now = () => Math.floor(Date.now() / 1000);

    it('accepts a well-made token (the hand-made signer is right)', async () => {
      expect((await me(handMadeJwt(claims(now() + 600)))).status).toBe(200);
      // The server's own signer.
      const signed = t.app.signAccessToken({ userId, sessionId });
      expect((await me(signed)).status).toBe(200);
    });

    it('refuses an expired token', async () => {
      expectProblem(await me(handMadeJwt(claims(now() - 1))), 401);
      expectProblem(await me(handMadeJwt(claims(now() - 3600))), 401);
    });

    it('refuses forged tokens: another secret, alg none, a tampered payload, another algorithm', async () => {
      expectProblem(
        await me(
          handMadeJwt(claims(now() + 600), { secret: 'another-secret-that-is-long-enough-0123456789' }),
        ),
        401,
      );
      expectProblem(await me(handMadeJwt(claims(now() + 600), { alg: 'none' })), 401);
      const [head, , signature] = valid.split('.');
      const tampered = `${head}.${b64url({ ...claimsOf(valid), sid: '00000000-0000-4000-8000-000000000000' })}.${signature}`;
      expectProblem(await me(tampered), 401);
      // An HS512 token signed with the same secret: only HS256 is accepted.
      const hs512Head = `${b64url({ alg: 'HS512', typ: 'JWT' })}.${b64url(claims(now() + 600))}`;
      const hs512 = `${hs512Head}.${createHmac('sha512', TEST_JWT_SECRET).update(hs512Head).digest('base64url')}`;
      expectProblem(await me(hs512), 401);
    });

    it('refuses a missing or malformed Authorization header', async () => {
      expectProblem(await t.request({ method: 'GET', url: ME }), 401);
      expectProblem(await t.request({ method: 'GET', url: ME, headers: { authorization: 'Bearer' } }), 401);
      expectProblem(
        await t.request({ method: 'GET', url: ME, headers: { authorization: 'Bearer not.a.jwt' } }),
        401,
      );
      expectProblem(
        await t.request({ method: 'GET', url: ME, headers: { authorization: `Basic ${b64url('a:b')}` } }),
        401,
      );
      expectProblem(await t.request({ method: 'GET', url: '/api/v1/incubators' }), 401);
    });
  });

  describe('GET /me', () => {
    const KEYS = ['id', 'email', 'name', 'role', 'incubatorIds', 'tenantId', 'provinceCode'];

    it.each([
      [
        'auth.national@test.cn',
        () => ({ role: 'national', incubatorIds: [], tenantId: null, provinceCode: null }),
      ],
      [
        'auth.province@test.cn',
        () => ({ role: 'province', incubatorIds: [], tenantId: null, provinceCode: HUBEI }),
      ],
      [
        'auth.manager@test.cn',
        () => ({
          role: 'incubator_manager',
          incubatorIds: [managerIncubatorId],
          tenantId: null,
          provinceCode: null,
        }),
      ],
      [
        'auth.tenant@test.cn',
        () => ({ role: 'tenant', incubatorIds: [], tenantId: tenancyId, companyId, provinceCode: null }),
      ],
    ])('answers the API.md shape for %s', async (email, expected) => {
      const session = await login(email);
      expect(session.status).toBe(200);
      const res = await me(session.body.accessToken);
      expect(res.status).toBe(200);
      for (const key of KEYS) expect(res.body).toHaveProperty(key);
      expect(res.body).toMatchObject({
        ...expected(),
        id: session.body.user.id,
        email,
        name: email.split('@')[0],
      });
      expect(session.body.user).toEqual(res.body);
    });
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ loginRateLimit: 3 });
  });
  afterAll(() => t.close());

  it('answers 429 problem+json after the limit, even for the right password, and only on login', async () => {
    const w = await world(t, 'limit'); // signs in once
    const attempt = (password: string) =>
      t.request({ method: 'POST', url: LOGIN, payload: { email: 'limit.national@test.cn', password } });
    expectProblem(await attempt('wrong-1'), 401);
    expectProblem(await attempt('wrong-2'), 401);
    const limited = await attempt(PASSWORD);
    expectProblem(limited, 429);
    expect(limited.headers['retry-after']).toBeDefined();
    // Limited per client address, whatever account it tries next.
    expectProblem(
      await t.request({
        method: 'POST',
        url: LOGIN,
        payload: { email: 'someone.else@test.cn', password: 'x' },
      }),
      429,
    );
    // Signed-in calls are not affected.
    expect((await t.request({ method: 'GET', url: ME, token: w.national.token })).status).toBe(200);
  });
});
