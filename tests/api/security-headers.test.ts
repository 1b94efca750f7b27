// Security headers (SPEC §7) on every answer, and the refresh cookie's attributes over https.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { PASSWORD, userWithToken } from '../helpers/fixtures';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Behind a proxy that says the browser spoke https (TRUST_PROXY).
    t = await createTestApp({ trustProxy: true });
    await userWithToken(t, { email: 'headers.national@test.cn', role: 'national' });
  });
  afterAll(() => t.close());

  it('sends a strict CSP that forbids framing, nosniff and no referrer', async () => {
    for (const url of ['/api/health', '/api/v1/me', '/no-such-page']) {
      const res = await t.request({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  const login = (headers: Record<string, string> = {}) =>
    t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers,
      payload: { email: 'headers.national@test.cn', password: PASSWORD },
    });
  const cookieOf = (headers: Record<string, unknown>) =>
    ([] as string[])
      .concat((headers['set-cookie'] as string | string[]) ?? [])
      .find((c) => c.startsWith('torch_refresh='))!
      .toLowerCase();

  it('marks the refresh cookie SameSite=Strict, and Secure when the request came over https', async () => {
    const plain = cookieOf((await login()).headers);
    expect(plain).toContain('samesite=strict');
    expect(plain).not.toContain('secure');
    const https = await login({ 'x-forwarded-proto': 'https' });
    const secure = cookieOf(https.headers);
    expect(secure).toContain('samesite=strict');
    expect(secure).toContain('secure');
    expect(String(https.headers['strict-transport-security'])).toContain('max-age=');
  });

  it('sets a script-readable signed-in cookie with the refresh cookie, and clears it when a refresh is refused', async () => {
    const all = (headers: Record<string, unknown>) =>
      ([] as string[]).concat((headers['set-cookie'] as string | string[]) ?? []).map((c) => c.toLowerCase());
    const hint = all((await login()).headers).find((c) => c.startsWith('torch_signed_in='))!;
    expect(hint).toMatch(/^torch_signed_in=1;/);
    expect(hint).toContain('path=/;');
    expect(hint).not.toContain('httponly');
    const refused = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { torch_refresh: 'stale' },
    });
    expect(refused.status).toBe(401);
    const cleared = all(refused.headers).find((c) => c.startsWith('torch_signed_in='))!;
    expect(cleared).toMatch(/^torch_signed_in=;/);
  });
});
