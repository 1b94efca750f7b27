// Who a request speaks for, resolved per request from its session (not frozen into the token).
// Each request asks the database one cheap question — is the session live, is the user enabled,
// which scope version does the user have — so sign-out, disabling and a password change hold at
// the next request on every server process. The scope itself (incubators managed, company,
// province: a heavier query) is cached per session in this process and reloaded when the
// user's scope version moves (a manager removed from an incubator bumps it) or after a minute,
// which bounds how stale derived facts such as the tenant's latest tenancy may get.
import type { Me } from '@torch/shared';
import type { DbOrTx } from '../../db/client';
import { unauthorized } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { findLiveSession, loadUserProfile } from './queries';

const FRESH_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_ENTRIES = 10_000;

interface Entry {
  scopeVersion: number;
  loadedAt: number;
  me: Me;
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

  /** The caller and its profile for a live session of `userId`; 401 when the session has ended. */
  async resolve(db: DbOrTx, sessionId: string, userId: string): Promise<{ caller: Caller; me: Me }> {
    if (!UUID.test(sessionId) || !UUID.test(userId)) throw unauthorized('The access token is invalid');
    const live = await findLiveSession(db, sessionId);
    if (!live || live.userId !== userId || live.disabled) {
      this.entries.delete(sessionId);
      throw unauthorized('The session has ended; sign in again');
    }
    let entry = this.entries.get(sessionId);
    if (!entry || entry.scopeVersion !== live.scopeVersion || Date.now() - entry.loadedAt > FRESH_MS) {
      const profile = await loadUserProfile(db, userId);
      if (!profile) throw unauthorized('The account no longer exists');
      entry = { scopeVersion: live.scopeVersion, loadedAt: Date.now(), me: toMe(profile) };
      this.remember(sessionId, entry);
    }
    return { caller: callerOf(entry.me, sessionId), me: entry.me };
  }

  /** Called when a session ends here, so its entry does not wait for the next request to go. */
  forget(sessionId: string) {
    this.entries.delete(sessionId);
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
