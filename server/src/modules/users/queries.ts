import type { UserListQuery } from '@torch/shared';
import { and, asc, eq, exists, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { companies, incubatorManagers, incubators, tenants, users } from '../../db/schema/index';
import type { Caller } from '../../plugins/auth';
import { likePattern } from '../../scope';
import { userIdentity } from '../auth/queries';

const NOTHING = sql`false`;

/** The incubators an account is tied to: a manager's, or the hosts of a tenant user's company. */
const tiedIncubators = sql<{ id: string; provinceCode: string }[]>`coalesce((
  select json_agg(json_build_object('id', i.id, 'provinceCode', i.province_code))
  from incubators i
  where i.id in (select m.incubator_id from incubator_managers m where m.user_id = ${users.id})
     or i.id in (select t.incubator_id from tenants t where t.company_id = ${users.companyId})
), '[]'::json)`;

function managesIn(incubatorCondition: SQL) {
  return exists(
    sql`(select 1 from ${incubatorManagers} m join ${incubators} on ${incubators.id} = m.incubator_id where m.user_id = ${users.id} and ${incubatorCondition})`,
  );
}

function companyHostedIn(incubatorCondition: SQL) {
  return exists(
    sql`(select 1 from ${tenants} t join ${incubators} on ${incubators.id} = t.incubator_id where t.company_id = ${users.companyId} and ${incubatorCondition})`,
  );
}

/** Accounts the caller may see: national all; a province its own and its incubators' people; a manager its incubators'. */
function visible(caller: Caller): SQL | undefined {
  switch (caller.role) {
    case 'national':
      return undefined;
    case 'province': {
      if (!caller.provinceCode) return NOTHING;
      const inProvince = eq(incubators.provinceCode, caller.provinceCode);
      return or(
        eq(users.provinceCode, caller.provinceCode),
        managesIn(inProvince),
        companyHostedIn(inProvince),
      );
    }
    case 'incubator_manager': {
      if (!caller.incubatorIds.length) return NOTHING;
      const mine = inArray(incubators.id, caller.incubatorIds);
      return or(managesIn(mine), companyHostedIn(mine));
    }
    case 'tenant':
      return NOTHING;
  }
}

const selection = {
  ...userIdentity,
  companyName: sql<string | null>`(select c.name from ${companies} c where c.id = ${users.companyId})`,
  incubatorIds: sql<
    string[]
  >`coalesce((select array_agg(m.incubator_id::text order by m.incubator_id) from incubator_managers m where m.user_id = ${users.id}), '{}')`,
  incubators: tiedIncubators,
  disabled: users.disabled,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

export type UserRow = Awaited<ReturnType<typeof findVisibleUser>>;

export async function listUsers(db: DbOrTx, caller: Caller, query: UserListQuery) {
  const pattern = query.q ? likePattern(query.q) : undefined;
  const mine = query.incubatorId ? eq(incubators.id, query.incubatorId) : undefined;
  return db
    .select({ ...selection, total: sql<number>`count(*) over()::int` })
    .from(users)
    .where(
      and(
        visible(caller),
        pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined,
        query.role ? eq(users.role, query.role) : undefined,
        query.disabled !== undefined ? eq(users.disabled, query.disabled) : undefined,
        query.companyId ? eq(users.companyId, query.companyId) : undefined,
        mine ? or(managesIn(mine), companyHostedIn(mine)) : undefined,
      ),
    )
    .orderBy(asc(users.role), asc(users.email))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
}

export async function findVisibleUser(db: DbOrTx, caller: Caller, id: string) {
  const [row] = await db
    .select(selection)
    .from(users)
    .where(and(eq(users.id, id), visible(caller)));
  return row;
}

export async function updateUser(db: DbOrTx, id: string, changes: { disabled?: boolean; name?: string }) {
  await db
    .update(users)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(users.id, id));
}

export async function removeManager(db: DbOrTx, userId: string, incubatorId: string) {
  const removed = await db
    .delete(incubatorManagers)
    .where(and(eq(incubatorManagers.userId, userId), eq(incubatorManagers.incubatorId, incubatorId)))
    .returning({ userId: incubatorManagers.userId });
  if (removed.length) {
    // Cached scopes (session-scope.ts) reload when the version moves: the removal holds at the next request.
    await db
      .update(users)
      .set({ scopeVersion: sql`${users.scopeVersion} + 1` })
      .where(eq(users.id, userId));
  }
  return removed.length > 0;
}
