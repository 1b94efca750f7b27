// Who a request speaks for, resolved per request from its session (not frozen into the token), so
// sign-out, disabling and a password change hold at the next request on every server process.
// The question "is this session live, is the user enabled, which scope version do they have" is a
// primary-key lookup; its answer is cached per session in this process and trusted without asking
// again only while this process listens to the database's notice of every such change
// (migration 0011: the triggers; session-watch.ts: the listener), which drops the user's entries
// when the notice arrives, sent at the change's commit (docs/access.md "Sessions that end": how
// strict that is between processes). After a write answered here (on PostgreSQL, where its notice
// comes a moment later; on PGlite it has come by then), and while the listener is not connected,
// every request asks the database, as if there were no cache. The scope itself (incubators
// managed, company, province) is reloaded when the scope version moves or after a minute, which
// bounds how stale derived facts such as the tenant's latest tenancy may get.
import type { Me } from '@torch/shared';
import type { DbOrTx } from '../../db/client';
import { unauthorized } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { findLiveSession, loadUserProfile } from './queries';

const FRESH_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_ENTRIES = 10_000;

interface Entry {
  userId: string;
  scopeVersion: number;
  loadedAt: number;
  me: Me;
  /** When the session expires (ms since the epoch), as read. */
  expiresAt: number;
  /**
   * The trust generation (SessionScopes.generation) in which the session was read live with no
   * notice arriving meanwhile; 0 = not trusted: the next request asks the database.
   */
  trustedIn: number;
}

export function toMe(profile: NonNullable<Awaited<ReturnType<typeof loadUserProfile>>>): Me {
  return {
    id: profile.id,
    email: profile.email,
    name: profile.name,
    role: profile.role,
    incubatorIds: profile.incubatorIds,
    tenantId: profile.tenantId,
    companyId: profile.companyId,
    provinceCode: profile.provinceCode,
  };
}

export function callerOf(me: Me, sessionId: string): Caller {
  return {
    userId: me.id,
    sessionId,
    role: me.role,
    incubatorIds: me.incubatorIds,
    provinceCode: me.provinceCode,
    companyId: me.companyId,
  };
}

export class SessionScopes {
  private readonly entries = new Map<string, Entry>();
  /** Whether notices are being received (session-watch.ts). */
  private listening = false;
  /** Moves whenever what was trusted may no longer be: listening changed, or a write answered here. */
  private generation = 1;
  /** Moves on every notice and generation: a read that saw it move is not trusted. */
  private epoch = 0;

  /** The caller and its profile for a live session of `userId`; 401 when the session has ended. */
  async resolve(
    db: DbOrTx,
    sessionId: string,
    userId: string,
    /** Ask the database even if the cached answer may be trusted. */
    fresh = false,
  ): Promise<{ caller: Caller; me: Me }> {
    if (!UUID.test(sessionId) || !UUID.test(userId)) throw unauthorized('The access token is invalid');
    const now = Date.now();
    let entry = this.entries.get(sessionId);
    if (
      !fresh &&
      entry &&
      this.listening &&
      entry.trustedIn === this.generation &&
      entry.userId === userId &&
      now < entry.expiresAt &&
      now - entry.loadedAt <= FRESH_MS
    )
      return { caller: callerOf(entry.me, sessionId), me: entry.me };
    const epoch = this.epoch;
    const live = await findLiveSession(db, sessionId);
    if (!live || live.userId !== userId || live.disabled) {
      this.entries.delete(sessionId);
      throw unauthorized('The session has ended; sign in again');
    }
    if (!entry || entry.scopeVersion !== live.scopeVersion || now - entry.loadedAt > FRESH_MS) {
      const profile = await loadUserProfile(db, userId);
      if (!profile) throw unauthorized('The account no longer exists');
      entry = { ...this.blank(userId, live), loadedAt: now, me: toMe(profile) };
    } else entry = { ...entry, expiresAt: live.expiresAt };
    // Trusted only if no notice came while the database was asked: one could be about this user.
    entry.trustedIn = this.listening && this.epoch === epoch ? this.generation : 0;
    this.remember(sessionId, entry);
    return { caller: callerOf(entry.me, sessionId), me: entry.me };
  }

  /** Called when a session ends here, so its entry does not wait for the next request to go. */
  forget(sessionId: string) {
    this.entries.delete(sessionId);
  }

  /** A notice (session-watch.ts): something about this user's sessions or scope changed. */
  changed(userId: string) {
    this.epoch += 1;
    for (const [sessionId, entry] of this.entries)
      if (entry.userId === userId) this.entries.delete(sessionId);
  }

  /** The listener connected (notices from now on arrive) or lost its connection (they may not). */
  setListening(listening: boolean) {
    if (listening === this.listening) return;
    this.listening = listening;
    this.distrust();
  }

  /**
   * Every cached session asks the database at its next request. Called when this process answers
   * a write (auth plugin): a change made here holds at the next request here without waiting for
   * its notice, which arrives on another connection a moment later.
   */
  distrust() {
    this.generation += 1;
    this.epoch += 1;
  }

  private blank(userId: string, live: { scopeVersion: number; expiresAt: number }) {
    return { userId, scopeVersion: live.scopeVersion, expiresAt: live.expiresAt, trustedIn: 0 };
  }

  private remember(sessionId: string, entry: Entry) {
    this.entries.delete(sessionId);
    if (this.entries.size >= MAX_ENTRIES) {
      // Maps iterate in insertion order: the first key is the least recently loaded.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(sessionId, entry);
  }
}
