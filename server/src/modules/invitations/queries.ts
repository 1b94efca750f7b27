import { and, desc, eq, gt, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { companies, incubators, invitations, tenants, users } from '../../db/schema/index';
import { acrossScopes } from '../../db/scoped-client';
import type { Caller } from '../../plugins/auth';
import { incubatorVisible } from '../../scope';

/** Invitations the caller may see: national all; a province its incubators'; a manager its incubators'. */
const visible = (caller: Caller): SQL | undefined => incubatorVisible(caller, invitations.incubatorId);

const status = sql<'pending' | 'used' | 'revoked' | 'expired'>`case
  when ${invitations.usedAt} is not null then 'used'
  when ${invitations.revokedAt} is not null then 'revoked'
  when ${invitations.expiresAt} <= now() then 'expired'
  else 'pending' end`;

function statusIs(wanted: string): SQL | undefined {
  switch (wanted) {
    case 'used':
      return isNotNull(invitations.usedAt);
    case 'revoked':
      return and(isNull(invitations.usedAt), isNotNull(invitations.revokedAt));
    case 'expired':
      return and(
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
        lte(invitations.expiresAt, sql`now()`),
      );
    case 'pending':
      return and(
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
      );
    default:
      return undefined;
  }
}

const inviter = sql<string | null>`(select u.name from users u where u.id = ${invitations.invitedBy})`;

const selection = {
  id: invitations.id,
  kind: invitations.kind,
  email: invitations.email,
  name: invitations.name,
  role: invitations.role,
  provinceCode: invitations.provinceCode,
  incubatorId: invitations.incubatorId,
  tenantId: invitations.tenantId,
  companyId: invitations.companyId,
  userId: invitations.userId,
  incubatorName: incubators.name,
  companyName: companies.name,
  invitedBy: inviter,
  usedAt: invitations.usedAt,
  revokedAt: invitations.revokedAt,
  expiresAt: invitations.expiresAt,
  createdAt: invitations.createdAt,
  status,
};

function fromInvitations(db: DbOrTx) {
  return db
    .select(selection)
    .from(invitations)
    .leftJoin(incubators, eq(incubators.id, invitations.incubatorId))
    .leftJoin(companies, eq(companies.id, invitations.companyId));
}

export type InvitationRow = Awaited<ReturnType<typeof findByTokenHash>>;

export async function listInvitations(
  db: DbOrTx,
  caller: Caller,
  query: { status?: string; incubatorId?: string; tenantId?: string },
) {
  return fromInvitations(db)
    .where(
      and(
        visible(caller),
        query.status ? statusIs(query.status) : undefined,
        query.incubatorId ? eq(invitations.incubatorId, query.incubatorId) : undefined,
        query.tenantId ? eq(invitations.tenantId, query.tenantId) : undefined,
      ),
    )
    .orderBy(desc(invitations.createdAt))
    .limit(500);
}

export async function findVisible(db: DbOrTx, caller: Caller, id: string) {
  const [row] = await fromInvitations(db).where(and(eq(invitations.id, id), visible(caller)));
  return row;
}

export async function findByTokenHash(db: DbOrTx, tokenHash: string) {
  const [row] = await fromInvitations(db).where(eq(invitations.tokenHash, tokenHash));
  return row;
}

/** Locks the link while it is spent, so two accepts of one link cannot both win. */
export async function lockByTokenHash(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(eq(invitations.tokenHash, tokenHash))
    .for('update');
  return row;
}

export async function insertInvitation(db: DbOrTx, values: typeof invitations.$inferInsert) {
  const [row] = await db.insert(invitations).values(values).returning({ id: invitations.id });
  return row!.id;
}

export async function markUsed(db: DbOrTx, id: string, userId: string) {
  await db.update(invitations).set({ usedAt: sql`now()`, userId }).where(eq(invitations.id, id));
}

export async function revoke(db: DbOrTx, id: string) {
  await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.id, id), isNull(invitations.revokedAt), isNull(invitations.usedAt)));
}

/** Earlier pending reset links of a user end when a new one is made. */
export async function revokePendingResets(db: DbOrTx, userId: string) {
  await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.userId, userId),
        eq(invitations.kind, 'reset'),
        isNull(invitations.revokedAt),
        isNull(invitations.usedAt),
      ),
    );
}

export async function findIncubator(db: DbOrTx, id: string) {
  const [row] = await acrossScopes(async () =>
    db
      .select({ id: incubators.id, name: incubators.name, provinceCode: incubators.provinceCode })
      .from(incubators)
      .where(eq(incubators.id, id)),
  );
  return row;
}

export async function findTenancy(db: DbOrTx, id: string) {
  const [row] = await acrossScopes(async () =>
    db
      .select({
        id: tenants.id,
        companyId: tenants.companyId,
        incubatorId: tenants.incubatorId,
        provinceCode: incubators.provinceCode,
        companyName: companies.name,
      })
      .from(tenants)
      .innerJoin(incubators, eq(incubators.id, tenants.incubatorId))
      .innerJoin(companies, eq(companies.id, tenants.companyId))
      .where(eq(tenants.id, id)),
  );
  return row;
}

export async function emailTaken(db: DbOrTx, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return Boolean(row);
}
