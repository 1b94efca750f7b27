// SQL of one annual return: the row, its transitions and comments, and the comparison values the
// rules need (last year, the cohort, the incubator's own history). Callers have checked scope.
import { and, asc, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { selectRows } from '../../db/rows';
import {
  annualReturns,
  incubators,
  returnComments,
  returnDeadlines,
  returnTransitions,
  users,
} from '../../db/schema/index';
import { acrossScopes } from '../../db/scoped-client';

export type ReturnRow = typeof annualReturns.$inferSelect;
export type ReturnUpdate = PgUpdateSetSource<typeof annualReturns>;

export async function findReturn(db: DbOrTx, incubatorId: string, year: number, lock = false) {
  const query = db
    .select()
    .from(annualReturns)
    .where(and(eq(annualReturns.incubatorId, incubatorId), eq(annualReturns.year, year)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertReturn(db: DbOrTx, values: typeof annualReturns.$inferInsert) {
  // A concurrent first save of the same return loses like a stale version (undefined).
  const [row] = await db.insert(annualReturns).values(values).onConflictDoNothing().returning();
  return row;
}

/** Updates only when the version matches; undefined means someone changed it meanwhile. */
export async function updateReturn(db: DbOrTx, id: string, version: number, values: ReturnUpdate) {
  const [row] = await db
    .update(annualReturns)
    .set({ ...values, version: sql`${annualReturns.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(annualReturns.id, id), eq(annualReturns.version, version)))
    .returning();
  return row;
}

export async function insertTransition(db: DbOrTx, values: typeof returnTransitions.$inferInsert) {
  const [row] = await db.insert(returnTransitions).values(values).returning({ id: returnTransitions.id });
  return row!.id;
}

export async function insertComments(db: DbOrTx, values: (typeof returnComments.$inferInsert)[]) {
  if (values.length) await db.insert(returnComments).values(values);
}

export function transitionsOf(db: DbOrTx, returnId: string) {
  return db
    .select({
      action: returnTransitions.action,
      status: returnTransitions.toStatus,
      by: sql<string>`coalesce(${returnTransitions.userId}::text, 'system')`,
      byName: sql<string>`coalesce(${users.name}, 'system')`,
      at: returnTransitions.at,
      reason: returnTransitions.reason,
    })
    .from(returnTransitions)
    .leftJoin(users, eq(users.id, returnTransitions.userId))
    .where(eq(returnTransitions.returnId, returnId))
    .orderBy(asc(returnTransitions.id));
}

export function commentsOf(db: DbOrTx, returnId: string) {
  return db
    .select({
      path: returnComments.path,
      comment: returnComments.comment,
      by: sql<string>`coalesce(${returnComments.userId}::text, 'system')`,
      byName: sql<string>`coalesce(${users.name}, 'system')`,
      at: returnComments.at,
    })
    .from(returnComments)
    .leftJoin(users, eq(users.id, returnComments.userId))
    .where(eq(returnComments.returnId, returnId))
    .orderBy(asc(returnComments.id));
}

export async function deadlineOf(db: DbOrTx, year: number): Promise<string | undefined> {
  const [row] = await db
    .select({ deadline: returnDeadlines.deadline })
    .from(returnDeadlines)
    .where(eq(returnDeadlines.year, year));
  return row?.deadline;
}

export async function setDeadline(db: DbOrTx, year: number, deadline: string, userId: string) {
  await db
    .insert(returnDeadlines)
    .values({ year, deadline, setBy: userId })
    .onConflictDoUpdate({
      target: returnDeadlines.year,
      set: { deadline, setBy: userId, updatedAt: sql`now()` },
    });
}

/** Figures and computed values of returns filed for comparison: merged into one object each. */
const FILED = ['submitted', 'approved', 'accepted'] as const;
const merged = sql<Record<string, number>>`${annualReturns.computed} || ${annualReturns.figures}`;

/** The same province and type, the same year, other incubators' filed returns. */
export async function cohortValues(
  db: DbOrTx,
  self: { id: string; provinceCode: string; type: string },
  year: number,
) {
  const rows = await acrossScopes(async () =>
    db
      .select({ values: merged })
      .from(annualReturns)
      .innerJoin(incubators, eq(incubators.id, annualReturns.incubatorId))
      .where(
        and(
          eq(annualReturns.year, year),
          inArray(annualReturns.status, [...FILED]),
          eq(incubators.provinceCode, self.provinceCode),
          eq(incubators.type, self.type as typeof incubators.$inferSelect.type),
          ne(incubators.id, self.id),
        ),
      ),
  );
  return rows.map((r) => r.values);
}

/** The incubator's own returns before `year`, newest first (year and values). */
export async function historyValues(db: DbOrTx, incubatorId: string, year: number, limit: number) {
  return db
    .select({ year: annualReturns.year, status: annualReturns.status, values: merged })
    .from(annualReturns)
    .where(and(eq(annualReturns.incubatorId, incubatorId), lt(annualReturns.year, year)))
    .orderBy(desc(annualReturns.year))
    .limit(limit);
}

/**
 * Tenants incubating under the incubator at the end of `year` that had received any investment
 * by then (recognition's financed share; not a statistics indicator).
 */
export async function tenantsFinanced(db: DbOrTx, incubatorId: string, year: number): Promise<number> {
  const end = `${year}-12-31`;
  const [row] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from tenants t
      where t.incubator_id = ${incubatorId} and t.admitted_on <= ${end}::date
        and coalesce(t.graduated_on, t.exited_on, 'infinity'::date) > ${end}::date
        and exists (select 1 from investments v where v.tenant_id = t.id and v.invested_on <= ${end}::date)`,
  );
  return Number(row?.n ?? 0);
}
