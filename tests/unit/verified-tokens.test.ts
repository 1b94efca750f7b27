import { describe, expect, it } from 'vitest';
import { VerifiedTokens } from '../../server/src/modules/auth/verified-tokens';

const NOW = Date.UTC(2026, 11, 1, 12);
const claims = (expInSeconds: number) => ({ sub: 'u', sid: 's', exp: Math.floor(NOW / 1000) + expInSeconds });

describe('verified tokens', () => {
  it('answers a remembered token until its expiry, and forgets it then', () => {
    const tokens = new VerifiedTokens<ReturnType<typeof claims>>(10);
    const c = claims(60);
    tokens.remember('a.b.c', c);
    expect(tokens.get('a.b.c', NOW)).toBe(c);
    expect(tokens.get('a.b.c', c.exp * 1000 - 1)).toBe(c);
    expect(tokens.get('a.b.c', c.exp * 1000)).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('knows only the exact token (one character off is not a hit)', () => {
    const tokens = new VerifiedTokens<ReturnType<typeof claims>>(10);
    tokens.remember('a.b.c', claims(60));
    expect(tokens.get('a.b.d', NOW)).toBeUndefined();
    expect(tokens.get('a.b.c ', NOW)).toBeUndefined();
  });

  it('does not remember a token without an expiry', () => {
    const tokens = new VerifiedTokens<{ exp?: unknown }>(10);
    tokens.remember('a.b.c', {});
    tokens.remember('d.e.f', { exp: '9999999999' });
    expect(tokens.size).toBe(0);
  });

  it('keeps at most its bound, dropping the oldest first', () => {
    const tokens = new VerifiedTokens<ReturnType<typeof claims>>(3);
    for (const t of ['t1', 't2', 't3', 't4']) tokens.remember(t, claims(60));
    expect(tokens.size).toBe(3);
    expect(tokens.get('t1', NOW)).toBeUndefined();
    expect(tokens.get('t4', NOW)).toBeDefined();
  });
});
