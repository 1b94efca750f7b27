// The reviewers' side: the queue of returns in scope, completeness by province or incubator, and
// the deadline of each year (national may move it).
import type { Completeness, CompletenessQuery, ReturnDeadline, ReturnListQuery } from '@torch/shared';
import { defaultReturnDeadline } from '@torch/shared';
import { writeAudit } from '../../audit';
import type { Db } from '../../db/client';
import { iso } from '../../db/iso';
import { notFound, unprocessable } from '../../errors';
import type { Caller } from '../../plugins/auth';
import type { CacheOutcome, StatsCache } from '../stats/cache';
import { queue, tallies } from './completeness-queries';
import { expireCachedAnswers } from './official-queries';
import * as q from './queries';
import { deadline } from './service';

/** A province user reads its own province; asking for another is asking for nothing (404). */
function provinceOf(caller: Caller, asked: string | undefined): string | null {
  if (caller.role === 'province') {
    if (asked && asked !== caller.provinceCode) throw notFound('Province');
    return caller.provinceCode;
  }
  return asked ?? null;
}

export async function list(db: Db, caller: Caller, query: ReturnListQuery) {
  const province = provinceOf(caller, query.province);
  const { rows, total } = await queue(db, caller, { ...query, province }, await deadline(db, query.year));
  return {
    items: rows.map((r) => ({
      ...r,
      year: query.year,
      submittedAt: r.submittedAt ? iso(r.submittedAt) : null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function completeness(
  db: Db,
  cache: StatsCache,
  caller: Caller,
  query: CompletenessQuery,
  seen?: CacheOutcome,
): Promise<Completeness> {
  const province = provinceOf(caller, query.province);
  // Valid while stats_state.version stands: transitions, deadlines and new incubators bump it.
  const key = JSON.stringify(['completeness', query.year, province]);
  return cache.through(db, key, () => tally(db, caller, query.year, province), { seen });
}

async function tally(db: Db, caller: Caller, year: number, province: string | null): Promise<Completeness> {
  const due = await deadline(db, year);
  const rows = await tallies(db, caller, year, province, province !== null, due);
  const sum = (k: 'expected' | 'submitted' | 'approved' | 'accepted' | 'onTime') =>
    rows.reduce((s, r) => s + r[k], 0);
  return {
    year,
    deadline: due,
    expected: sum('expected'),
    submitted: sum('submitted'),
    approved: sum('approved'),
    accepted: sum('accepted'),
    onTime: sum('onTime'),
    rows,
  };
}

export async function getDeadline(db: Db, year: number): Promise<ReturnDeadline> {
  const set = await q.deadlineOf(db, year);
  return { year, deadline: set ?? defaultReturnDeadline(year), isDefault: set === undefined };
}

export async function setDeadline(
  db: Db,
  caller: Caller,
  year: number,
  due: string,
): Promise<ReturnDeadline> {
  if (due <= `${year}-12-31`) {
    throw unprocessable('A return falls due after its year has ended', [
      { path: 'deadline', message: 'deadline_within_year' },
    ]);
  }
  await db.transaction(async (tx) => {
    const before = await q.deadlineOf(tx, year);
    await q.setDeadline(tx, year, due, caller.userId);
    await expireCachedAnswers(tx);
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'annual_return.deadline',
      entity: 'return_deadline',
      entityId: String(year),
      before: { deadline: before ?? defaultReturnDeadline(year) },
      after: { deadline: due },
    });
  });
  return getDeadline(db, year);
}
