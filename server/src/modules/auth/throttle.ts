// Growing back-off after failed sign-ins, per account and per client address: a few failures are
// free, then each further one doubles the wait (1 s, 2 s, 4 s … up to 15 minutes) during which
// even the right password is answered 429 with Retry-After. A quiet hour forgets the failures.
// In this process's memory: one server process per database is the deployment README describes.
import { tooManyRequests } from '../../errors';

const MAX_WAIT_S = 15 * 60;
const FORGET_MS = 60 * 60_000;
const MAX_KEYS = 50_000;

interface Failures {
  count: number;
  last: number;
  blockedUntil: number;
}

export class Backoff {
  private readonly keys = new Map<string, Failures>();
  /** After `freeFailures` failures in a row the next try waits 1 s, then 2 s, 4 s … */
  constructor(private readonly freeFailures: number) {}

  /** Seconds until `key` may try again; 0 when it may now. */
  waitFor(key: string, now = Date.now()): number {
    const f = this.keys.get(key);
    if (!f || now - f.last > FORGET_MS) return 0;
    return Math.max(0, Math.ceil((f.blockedUntil - now) / 1000));
  }

  fail(key: string, now = Date.now()) {
    const before = this.keys.get(key);
    const count = before && now - before.last <= FORGET_MS ? before.count + 1 : 1;
    const over = count - this.freeFailures;
    const wait = over >= 0 ? Math.min(MAX_WAIT_S, 2 ** over) : 0;
    this.keys.delete(key);
    if (this.keys.size >= MAX_KEYS) {
      const oldest = this.keys.keys().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
    this.keys.set(key, { count, last: now, blockedUntil: now + wait * 1000 });
  }

  clear(key: string) {
    this.keys.delete(key);
  }
}

/** Sign-in throttling: 5 free failures per account, 20 per address. */
export class LoginThrottle {
  private readonly accounts = new Backoff(5);
  private readonly addresses = new Backoff(20);

  check(email: string, address: string) {
    const wait = Math.max(this.accounts.waitFor(email), this.addresses.waitFor(address));
    if (wait > 0) throw tooManyRequests('Too many failed sign-ins; wait before trying again', wait);
  }

  failed(email: string, address: string) {
    this.accounts.fail(email);
    this.addresses.fail(address);
  }

  succeeded(email: string) {
    this.accounts.clear(email);
  }
}
