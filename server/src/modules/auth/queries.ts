import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { refreshTokens, users } from '../../db/schema/index';

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(eq(users.email, email));
  return row;
}

/** The user with everything their scope needs: managed incubators and current tenancy. */
export async function loadUserProfile(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      provinceCode: users.provinceCode,
      companyId: users.companyId,
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
    .where(eq(users.id, userId));
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
