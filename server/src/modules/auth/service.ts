// Login, refresh with rotation and reuse detection, logout, and who-am-I.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Me } from '@torch/shared';
import { writeAudit } from '../../audit';
import type { Db, DbOrTx } from '../../db/client';
import { unauthorized } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { verifyPassword } from './passwords';
import * as q from './queries';

export const REFRESH_TOKEN_DAYS = 14;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Session {
  me: Me;
  caller: Caller;
  refreshToken: string;
}

function toMe(profile: NonNullable<Awaited<ReturnType<typeof q.loadUserProfile>>>): Me {
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

function toCaller(me: Me): Caller {
  return {
    userId: me.id,
    role: me.role,
    incubatorIds: me.incubatorIds,
    provinceCode: me.provinceCode,
    companyId: me.companyId,
  };
}

async function issueRefreshToken(tx: DbOrTx, userId: string, familyId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + REFRESH_TOKEN_DAYS * 86_400_000).toISOString();
  await q.insertRefreshToken(tx, { userId, familyId, tokenHash: sha256(token), expiresAt });
  return token;
}

export async function login(db: Db, email: string, password: string): Promise<Session> {
  const user = await q.findUserByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || user.disabled) throw unauthorized('Email or password is wrong');
  return db.transaction(async (tx) => {
    const profile = await q.loadUserProfile(tx, user.id);
    if (!profile) throw unauthorized('Email or password is wrong');
    await q.touchLastLogin(tx, user.id);
    const refreshToken = await issueRefreshToken(tx, user.id, randomUUID());
    await writeAudit(tx, { userId: user.id, action: 'auth.login', entity: 'user', entityId: user.id });
    const me = toMe(profile);
    return { me, caller: toCaller(me), refreshToken };
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
      // A rotated token came back: someone holds a copy. End every session of this family.
      await q.revokeFamily(tx, row.familyId);
      await writeAudit(tx, {
        userId: row.userId,
        action: 'auth.refresh_reuse',
        entity: 'user',
        entityId: row.userId,
        after: { familyId: row.familyId },
      });
      return null;
    }
    const profile = await q.loadUserProfile(tx, row.userId);
    if (!profile || profile.disabled) throw unauthorized('The account is disabled');
    await q.markRefreshTokenUsed(tx, row.id);
    const refreshToken = await issueRefreshToken(tx, row.userId, row.familyId);
    const me = toMe(profile);
    return { me, caller: toCaller(me), refreshToken };
  });
  if (!session) throw unauthorized('The refresh token was already used; sign in again');
  return session;
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await q.findRefreshTokenForUpdate(tx, sha256(token));
    if (!row) return;
    await q.revokeFamily(tx, row.familyId);
    await writeAudit(tx, { userId: row.userId, action: 'auth.logout', entity: 'user', entityId: row.userId });
  });
}

export async function me(db: DbOrTx, caller: Caller): Promise<Me> {
  const profile = await q.loadUserProfile(db, caller.userId);
  if (!profile || profile.disabled) throw unauthorized('The account no longer exists');
  return toMe(profile);
}
