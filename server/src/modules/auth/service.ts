// Login, refresh with rotation and reuse detection, logout, own password change. A session row
// is the sign-in; its refresh tokens form one rotation family (family_id = session id).
import { createHash, randomBytes } from 'node:crypto';
import type { Me } from '@torch/shared';
import { writeAudit } from '../../audit';
import type { Db, DbOrTx, Tx } from '../../db/client';
import { badRequest, unauthorized } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { checkPasswordStrength } from './password-strength';
import { hashPassword, verifyPassword } from './passwords';
import * as q from './queries';
import { callerOf, toMe } from './session-scope';

export const REFRESH_TOKEN_DAYS = 14;

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Session {
  me: Me;
  caller: Caller;
  refreshToken: string;
}

const refreshExpiry = () => new Date(Date.now() + REFRESH_TOKEN_DAYS * 86_400_000).toISOString();

async function issueRefreshToken(tx: DbOrTx, userId: string, sessionId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await q.insertRefreshToken(tx, {
    userId,
    familyId: sessionId,
    tokenHash: sha256(token),
    expiresAt: refreshExpiry(),
  });
  return token;
}

/** A new session for a user whose credentials were just proven (login, accepted invitation). */
export async function startSession(tx: Tx, userId: string): Promise<Session> {
  const profile = await q.loadUserProfile(tx, userId);
  if (!profile || profile.disabled) throw unauthorized('Email or password is wrong');
  await q.touchLastLogin(tx, userId);
  const sessionId = await q.insertSession(tx, userId, refreshExpiry());
  const refreshToken = await issueRefreshToken(tx, userId, sessionId);
  const me = toMe(profile);
  return { me, caller: callerOf(me, sessionId), refreshToken };
}

export async function login(db: Db, email: string, password: string): Promise<Session> {
  const user = await q.findUserByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || user.disabled) throw unauthorized('Email or password is wrong');
  return db.transaction(async (tx) => {
    const session = await startSession(tx, user.id);
    await writeAudit(tx, { userId: user.id, action: 'auth.login', entity: 'user', entityId: user.id });
    return session;
  });
}

export async function refresh(db: Db, token: string): Promise<Session> {
  // `null` means a reused token: the revocation must commit before we refuse, so no throw inside.
  const session = await db.transaction(async (tx): Promise<Session | null> => {
    const row = await q.findRefreshTokenForUpdate(tx, sha256(token));
    if (!row || row.revokedAt || new Date(row.expiresAt) <= new Date()) {
      throw unauthorized('The refresh token is invalid or has expired');
    }
    if (row.usedAt) {
      // A rotated token came back: someone holds a copy. End the session it belongs to.
      await q.revokeSession(tx, row.familyId);
      await writeAudit(tx, {
        userId: row.userId,
        action: 'auth.refresh_reuse',
        entity: 'user',
        entityId: row.userId,
        after: { sessionId: row.familyId },
      });
      return null;
    }
    const live = await q.findSessionForUpdate(tx, row.familyId);
    if (!live || live.revokedAt) throw unauthorized('The session has ended; sign in again');
    const profile = await q.loadUserProfile(tx, row.userId);
    if (!profile || profile.disabled) throw unauthorized('The account is disabled');
    await q.markRefreshTokenUsed(tx, row.id);
    await q.extendSession(tx, row.familyId, refreshExpiry());
    const refreshToken = await issueRefreshToken(tx, row.userId, row.familyId);
    const me = toMe(profile);
    return { me, caller: callerOf(me, row.familyId), refreshToken };
  });
  if (!session) throw unauthorized('The refresh token was already used; sign in again');
  return session;
}

/** Ends the session of the refresh token, or of the access token when no refresh token came. */
export async function logout(
  db: Db,
  ref: { refreshToken?: string; sessionId?: string },
): Promise<string | null> {
  return db.transaction(async (tx) => {
    const row = ref.refreshToken
      ? await q.findRefreshTokenForUpdate(tx, sha256(ref.refreshToken))
      : undefined;
    const sessionId = row?.familyId ?? ref.sessionId;
    if (!sessionId) return null;
    const session = await q.findSessionForUpdate(tx, sessionId);
    if (!session) return null;
    await q.revokeSession(tx, sessionId);
    await writeAudit(tx, {
      userId: session.userId,
      action: 'auth.logout',
      entity: 'user',
      entityId: session.userId,
    });
    return sessionId;
  });
}

/** The new password is checked like every other; the caller's other sessions end. */
export async function changePassword(
  db: Db,
  caller: Caller,
  body: { currentPassword: string; newPassword: string },
): Promise<string[]> {
  const stored = await q.findPasswordHash(db, caller.userId);
  if (!(await verifyPassword(stored, body.currentPassword))) {
    throw badRequest('The current password is wrong', [
      { path: 'currentPassword', message: 'wrong_password' },
    ]);
  }
  const me = await q.loadUserProfile(db, caller.userId);
  checkPasswordStrength(body.newPassword, [me?.email ?? '', me?.name ?? ''], 'newPassword');
  const passwordHash = await hashPassword(body.newPassword);
  return db.transaction(async (tx) => {
    await q.setPasswordHash(tx, caller.userId, passwordHash);
    const ended = await q.revokeUserSessions(tx, caller.userId, caller.sessionId);
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'user.password_change',
      entity: 'user',
      entityId: caller.userId,
      after: { sessionsEnded: ended.length },
    });
    return ended;
  });
}
