// Access tokens whose signature has been checked, remembered until they expire, so that a user's
// next requests skip the HMAC: it was a tenth of a light read's CPU (a tenant's investments,
// measured). Keyed by the token itself: a different token, however alike, is checked anew. The
// process holds each token in memory while it serves the request anyway, and an access token lives
// 15 minutes. fast-jwt's own cache keys by a hash of the token by default (which costs about what
// it saves) and warns at start when keyed otherwise. Remembering a token never keeps a session
// alive: the session is checked on every request after this (session-scope.ts).

/** What a verified token says that is needed here: when it expires (seconds since the epoch). */
interface Expiring {
  exp?: unknown;
}

export class VerifiedTokens<Claims extends Expiring> {
  private readonly entries = new Map<string, Claims>();

  /** `max` tokens at most; past it the oldest goes first (it is verified again if it comes back). */
  constructor(private readonly max: number) {}

  /** The claims of `token` if it was verified here and has not expired at `nowMs`. */
  get(token: string, nowMs: number): Claims | undefined {
    const claims = this.entries.get(token);
    if (claims === undefined) return undefined;
    if (typeof claims.exp === 'number' && nowMs < claims.exp * 1000) return claims;
    this.entries.delete(token);
    return undefined;
  }

  /** Remembers a token just verified; one without an expiry is not remembered. */
  remember(token: string, claims: Claims): void {
    if (typeof claims.exp !== 'number') return;
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, claims);
  }

  get size(): number {
    return this.entries.size;
  }
}
