import type { IncubatorListQuery } from '@torch/shared';
import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { incubatorManagers, incubators } from '../../db/schema/index';
import type { Caller } from '../../plugins/auth';
import { incubatorVisible, likePattern, scopeKey } from '../../scope';

// Written out in SQL: drizzle leaves columns unqualified inside sql``, which a correlated subquery needs.
const tenantsIncubating = sql<number>`(select count(*)::int from tenants t where t.incubator_id = "incubators"."id" and t.status = 'incubating')`;

export const incubatorColumns = {
  id: incubators.id,
  name: incubators.name,
  nameEn: incubators.nameEn,
  provinceCode: incubators.provinceCode,
  city: incubators.city,
  parkNumber: incubators.parkNumber,
  type: incubators.type,
  field: incubators.field,
  level: incubators.level,
  legalNature: incubators.legalNature,
  foundedOn: incubators.foundedOn,
  totalArea: incubators.totalArea,
  tenantArea: incubators.tenantArea,
  publicServiceArea: incubators.publicServiceArea,
  fundSize: incubators.fundSize,
  staffCount: incubators.staffCount,
  mentorCount: incubators.mentorCount,
  version: incubators.version,
  createdAt: incubators.createdAt,
  updatedAt: incubators.updatedAt,
  tenantsIncubating,
};

const SORTS: Record<IncubatorListQuery['sort'], SQL[]> = {
  name: [asc(incubators.name), asc(incubators.id)],
  '-name': [desc(incubators.name), asc(incubators.id)],
  foundedOn: [asc(incubators.foundedOn), asc(incubators.id)],
  '-foundedOn': [desc(incubators.foundedOn), asc(incubators.id)],
  tenantsIncubating: [asc(tenantsIncubating), asc(incubators.id)],
  '-tenantsIncubating': [desc(tenantsIncubating), asc(incubators.id)],
};

const p = {
  province: sql.placeholder('province'),
  park: sql.placeholder('park'),
  type: sql.placeholder('type'),
  level: sql.placeholder('level'),
  q: sql.placeholder('q'),
  limit: sql.placeholder('limit'),
  offset: sql.placeholder('offset'),
};

function listWhere(caller: Caller, query: IncubatorListQuery) {
  return and(
    incubatorVisible(caller),
    query.province ? eq(incubators.provinceCode, p.province) : undefined,
    query.park ? eq(incubators.parkNumber, p.park) : undefined,
    query.type ? eq(incubators.type, p.type) : undefined,
    query.level ? eq(incubators.level, p.level) : undefined,
    query.q
      ? or(ilike(incubators.name, p.q), ilike(incubators.nameEn, p.q), ilike(incubators.city, p.q))
      : undefined,
  );
}

/** A page and its total (a window count), prepared once per shape: filters present, sort, scope. */
export async function listIncubators(db: DbOrTx, caller: Caller, query: IncubatorListQuery) {
  const present = (['province', 'park', 'type', 'level', 'q'] as const).filter((k) => query[k] !== undefined);
  const key = `incubators:${present.join('+')}:${query.sort}:${scopeKey(caller)}`;
  const statement = preparedOnce(db, key, () =>
    db
      .select({ ...incubatorColumns, total: sql<number>`count(*) over()::int` })
      .from(incubators)
      .where(listWhere(caller, query))
      .orderBy(...SORTS[query.sort])
      .limit(p.limit)
      .offset(p.offset)
      .prepare('incubators_list'),
  );
  const values = {
    ...query,
    q: query.q === undefined ? undefined : likePattern(query.q),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  };
  const rows = await statement.execute(values);
  // A page past the end has no row to carry the total: then it is counted on its own.
  const total =
    rows[0]?.total ?? (query.page > 1 ? await countIncubators(db, listWhere(caller, query), values) : 0);
  return { rows, total };
}

async function countIncubators(db: DbOrTx, where: SQL | undefined, values: Record<string, unknown>) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(incubators)
    .where(where)
    .prepare('incubators_count')
    .execute(values);
  return row?.n ?? 0;
}

export async function findIncubator(db: DbOrTx, caller: Caller, id: string) {
  const [row] = await db
    .select(incubatorColumns)
    .from(incubators)
    .where(and(eq(incubators.id, id), incubatorVisible(caller)));
  return row;
}

/** One incubator as the scoped read returns it. */
export type IncubatorRow = NonNullable<Awaited<ReturnType<typeof findIncubator>>>;

export async function insertIncubator(db: DbOrTx, values: typeof incubators.$inferInsert) {
  const [row] = await db.insert(incubators).values(values).returning({ id: incubators.id });
  return row!.id;
}

/** Updates only when the version matches; undefined means stale. */
export async function updateIncubator(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<typeof incubators.$inferInsert>,
) {
  const [row] = await db
    .update(incubators)
    .set({ ...values, version: sql`${incubators.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(incubators.id, id), eq(incubators.version, version)))
    .returning({ id: incubators.id });
  return row;
}

export async function addManager(db: DbOrTx, userId: string, incubatorId: string) {
  await db.insert(incubatorManagers).values({ userId, incubatorId });
}
