// The return's transitions (shared/src/rules/return-workflow.ts decides which are legal): submit,
// approve, accept (snapshot into the official statistics), return with comments, reopen. Each is
// one transaction with its history row and its audit row.
import {
  type ReturnAction,
  type ReturnFigures,
  type ReturnSendBack,
  returnTransition,
  submissionBlockers,
} from '@torch/shared';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../audit';
import type { Db, Tx } from '../../db/client';
import { annualReturns } from '../../db/schema/index';
import { conflict, unprocessable } from '../../errors';
import type { Caller } from '../../plugins/auth';
import type { IncubatorRow } from '../incubators/queries';
import type { StatsCache } from '../stats/cache';
import { computeReturn } from './computed';
import { expireCachedAnswers, snapshot, withdraw } from './official-queries';
import * as q from './queries';
import { comparisonsOf, flagsOf, get, incubatorOfReturn, prefill } from './service';

type Ctx = { tx: Tx; caller: Caller; incubator: IncubatorRow; row: q.ReturnRow };

/** What each action writes besides the status (and any comments it leaves). */
type Effect = (ctx: Ctx) => Promise<{
  values: q.ReturnUpdate;
  reason?: string | null;
  comments?: { path: string | null; comment: string }[];
}>;

async function run(
  db: Db,
  cache: StatsCache,
  caller: Caller,
  id: string,
  year: number,
  action: ReturnAction,
  effect: Effect,
) {
  await db.transaction(async (tx) => {
    const incubator = await incubatorOfReturn(tx, caller, id, year);
    let row = await q.findReturn(tx, id, year, true);
    // Submitting a return never saved submits its prefilled draft.
    if (!row && action === 'submit') {
      const { computed } = await computeReturn(tx, incubator, year);
      row = await q.insertReturn(tx, {
        incubatorId: id,
        year,
        figures: await prefill(tx, incubator, year),
        computed,
      });
    }
    const from = row?.status ?? 'draft';
    const to = returnTransition(caller.role, from, action);
    if (!row || !to) {
      throw conflict(`A ${from} return cannot be sent to ${action}`, [
        { path: 'status', message: 'illegal_transition' },
      ]);
    }
    const { values, reason = null, comments = [] } = await effect({ tx, caller, incubator, row });
    const moved = await q.updateReturn(tx, row.id, row.version, { ...values, status: to });
    if (!moved)
      throw conflict('The return was changed meanwhile', [{ path: 'version', message: 'stale_version' }]);
    const transitionId = await q.insertTransition(tx, {
      returnId: row.id,
      action,
      fromStatus: from,
      toStatus: to,
      userId: caller.userId,
      reason,
    });
    await q.insertComments(
      tx,
      comments.map((c) => ({ returnId: row.id, transitionId, ...c, userId: caller.userId })),
    );
    await expireCachedAnswers(tx);
    await writeAudit(tx, {
      userId: caller.userId,
      action: `annual_return.${action}`,
      entity: 'annual_return',
      entityId: row.id,
      incubatorId: id,
      before: { status: from },
      after: { status: to, reason, transitionId },
    });
  });
  return get(db, cache, caller, id, year);
}

const submitEffect: Effect = async ({ tx, incubator, row }) => {
  const figures = row.figures as ReturnFigures;
  const { computed, byField } = await computeReturn(tx, incubator, row.year);
  const flags = flagsOf(await comparisonsOf(tx, incubator, row.year), row.year, figures, computed);
  const blockers = submissionBlockers(flags, row.explanations as Record<string, string>);
  if (blockers.length) {
    throw unprocessable('The return has errors or unexplained warnings', blockers);
  }
  return {
    values: {
      computed,
      cells: byField,
      submittedAt: sql`now()`,
      firstSubmittedAt: sql`coalesce(${annualReturns.firstSubmittedAt}, now())`,
    },
  };
};

const acceptEffect: Effect = async ({ tx, caller, incubator, row }) => {
  const attributes = {
    provinceCode: incubator.provinceCode,
    parkNumber: incubator.parkNumber,
    type: incubator.type,
    level: incubator.level,
  };
  const cells = (row.cells ?? []) as Parameters<typeof snapshot>[2];
  await snapshot(tx, row, cells, attributes, caller.userId);
  return { values: { acceptedAt: sql`now()` } };
};

export const submit = (db: Db, cache: StatsCache, caller: Caller, id: string, year: number) =>
  run(db, cache, caller, id, year, 'submit', submitEffect);

export const approve = (db: Db, cache: StatsCache, caller: Caller, id: string, year: number) =>
  run(db, cache, caller, id, year, 'approve', async () => ({ values: {} }));

export const accept = (db: Db, cache: StatsCache, caller: Caller, id: string, year: number) =>
  run(db, cache, caller, id, year, 'accept', acceptEffect);

/** Back to the manager with a comment, and comments per field; the figures are kept for the diff. */
export const sendBack = (
  db: Db,
  cache: StatsCache,
  caller: Caller,
  id: string,
  year: number,
  body: ReturnSendBack,
) =>
  run(db, cache, caller, id, year, 'return', async ({ row }) => ({
    values: { returnedFigures: row.figures },
    reason: body.comment,
    comments: [{ path: null, comment: body.comment }, ...(body.fieldComments ?? [])],
  }));

/** An accepted return back to the manager: it leaves the official statistics until accepted again. */
export const reopen = (db: Db, cache: StatsCache, caller: Caller, id: string, year: number, reason: string) =>
  run(db, cache, caller, id, year, 'reopen', async ({ tx, row }) => {
    await withdraw(tx, row.id);
    return {
      values: { returnedFigures: row.figures, acceptedAt: null },
      reason,
      comments: [{ path: null, comment: reason }],
    };
  });
