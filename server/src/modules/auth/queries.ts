import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { refreshTokens, sessions, users } from '../../db/schema/index';
import { acrossScopes } from '../../db/scoped-client';

/** Who a user is, as /me and the users list show it. */
export const userIdentity = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  provinceCode: users.provinceCode,
  companyId: users.companyId,
};

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(eq(users.email, email));
  return row;
}

/**
 * The user with everything their scope needs: managed incubators and current tenancy. Read before
 * the scope is known (it is what decides it), so across scopes.
 */
export async function loadUserProfile(db: DbOrTx, userId: string) {
  const [row] = await acrossScopes(async () =>
    db
      .select({
        ...userIdentity,
        disabled: users.disabled,
        // Correlated subqueries in plain SQL: drizzle leaves columns unqualified inside sql``.
        incubatorIds: sql<
          string[]
        >`coalesce((select array_agg(m.incubator_id order by m.incubator_id) from incubator_managers m where m.user_id = "users"."id"), '{}')`,
        // The company's latest tenancy: the one its user works with.
        tenantId: sql<
          string | null
        >`(select t.id from tenants t where t.company_id = "users"."company_id" order by t.admitted_on desc limit 1)`,
      })
      .from(users)
      .where(eq(users.id, userId)),
  );
  return row;
}

export async function touchLastLogin(db: DbOrTx, userId: string) {
  await db.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, userId));
}

export async function insertRefreshToken(
  db: DbOrTx,
  row: { userId: string; familyId: string; tokenHash: string; expiresAt: string },
) {
  await db.insert(refreshTokens).values(row);
}

export async function findRefreshTokenForUpdate(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .for('update');
  return row;
}

export async function markRefreshTokenUsed(db: DbOrTx, id: string) {
  await db.update(refreshTokens).set({ usedAt: sql`now()` }).where(eq(refreshTokens.id, id));
}

export async function revokeFamily(db: DbOrTx, familyId: string) {
  await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}

export async function emailTaken(db: DbOrTx, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return Boolean(row);
}

/**
 * The per-request question (session-scope.ts), when the session is not cached: a primary-key
 * lookup joined to its user, prepared once per database handle.
 */
export async function findLiveSession(db: DbOrTx, sessionId: string) {
  const statement = preparedOnce(db, 'live_session', () =>
    db
      .select({
        userId: sessions.userId,
        disabled: users.disabled,
        scopeVersion: users.scopeVersion,
        expiresAt: sql<number>`(extract(epoch from ${sessions.expiresAt}) * 1000)::float8`,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.id, sql.placeholder('sessionId')),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, sql`now()`),
        ),
      )
      .prepare('live_session'),
  );
  const [row] = await statement.execute({ sessionId });
  return row;
}

export async function insertSession(db: DbOrTx, userId: string, expiresAt: string) {
  const [row] = await db.insert(sessions).values({ userId, expiresAt }).returning({ id: sessions.id });
  return row!.id;
}

export async function findSessionForUpdate(db: DbOrTx, sessionId: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, sessionId)).for('update');
  return row;
}

export async function extendSession(db: DbOrTx, sessionId: string, expiresAt: string) {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId));
}

/** Ends one session: its access tokens are refused from the next request, its refresh tokens too. */
export async function revokeSession(db: DbOrTx, sessionId: string) {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
  await revokeFamily(db, sessionId);
}

/** Ends every session of a user but `keep` (the caller's own, after a password change). */
export async function revokeUserSessions(db: DbOrTx, userId: string, keep?: string) {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keep ? ne(sessions.id, keep) : undefined),
    )
    .returning({ id: sessions.id });
  await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(refreshTokens.userId, userId),
        isNull(refreshTokens.revokedAt),
        keep ? ne(refreshTokens.familyId, keep) : undefined,
      ),
    );
  return ended.map((r) => r.id);
}

export async function findPasswordHash(db: DbOrTx, userId: string) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}

export async function setPasswordHash(db: DbOrTx, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, userId));
}
