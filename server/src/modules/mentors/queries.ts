import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { incubators, mentors, mentorships, tenants } from '../../db/schema/index';
import type { Caller } from '../../plugins/auth';
import { incubatorVisible } from '../../scope';

export const mentorColumns = {
  id: mentors.id,
  incubatorId: mentors.incubatorId,
  name: mentors.name,
  title: mentors.title,
  expertise: mentors.expertise,
  email: mentors.email,
  phone: mentors.phone,
  version: mentors.version,
  createdAt: mentors.createdAt,
};

export type MentorRow = NonNullable<Awaited<ReturnType<typeof findMentor>>>;

/** A mentor is visible when its incubator is. */
export async function findMentor(db: DbOrTx, caller: Caller, id: string) {
  const [row] = await db
    .select(mentorColumns)
    .from(mentors)
    .innerJoin(incubators, eq(incubators.id, mentors.incubatorId))
    .where(and(eq(mentors.id, id), incubatorVisible(caller)));
  return row;
}

/** One page of an incubator's mentors (its visibility was checked on the incubator). */
export async function mentorsOfIncubator(db: DbOrTx, incubatorId: string, page: number, pageSize: number) {
  const rows = await db
    .select({ ...mentorColumns, total: sql<number>`count(*) over()::int` })
    .from(mentors)
    .where(eq(mentors.incubatorId, incubatorId))
    .orderBy(asc(mentors.name), asc(mentors.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  let total = rows[0]?.total;
  if (total === undefined) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(mentors)
      .where(eq(mentors.incubatorId, incubatorId));
    total = row?.n ?? 0;
  }
  return { rows: rows.map(({ total: _, ...row }) => row), total };
}

/** The tenants these mentors mentor, with the companies' names as their incubator recorded them. */
export async function mentoringsOf(db: DbOrTx, mentorIds: string[]) {
  if (!mentorIds.length) return [];
  return db
    .select({
      mentorId: mentorships.mentorId,
      tenantId: mentorships.tenantId,
      tenantName: tenants.name,
      startedOn: mentorships.startedOn,
    })
    .from(mentorships)
    .innerJoin(tenants, eq(tenants.id, mentorships.tenantId))
    .where(inArray(mentorships.mentorId, mentorIds))
    .orderBy(asc(mentorships.startedOn), asc(tenants.name));
}

export async function findMentoring(db: DbOrTx, mentorId: string, tenantId: string) {
  const [row] = await db
    .select({ startedOn: mentorships.startedOn })
    .from(mentorships)
    .where(and(eq(mentorships.mentorId, mentorId), eq(mentorships.tenantId, tenantId)));
  return row;
}

export async function insertMentor(db: DbOrTx, values: typeof mentors.$inferInsert) {
  const [row] = await db.insert(mentors).values(values).returning({ id: mentors.id });
  return row!.id;
}

/** Updates only when the version matches; undefined means stale. */
export async function updateMentor(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<typeof mentors.$inferInsert>,
) {
  const [row] = await db
    .update(mentors)
    .set({ ...values, version: sql`${mentors.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(mentors.id, id), eq(mentors.version, version)))
    .returning({ id: mentors.id });
  return row;
}

export async function insertMentoring(db: DbOrTx, values: typeof mentorships.$inferInsert) {
  await db.insert(mentorships).values(values);
}

export async function deleteMentoring(db: DbOrTx, mentorId: string, tenantId: string) {
  const rows = await db
    .delete(mentorships)
    .where(and(eq(mentorships.mentorId, mentorId), eq(mentorships.tenantId, tenantId)))
    .returning({ tenantId: mentorships.tenantId });
  return rows.length > 0;
}
