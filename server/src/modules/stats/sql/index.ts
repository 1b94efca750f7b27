// The live definitions of the statistics functions, made from STATS_INDICATORS and applied after
// the migrations at every start (CREATE OR REPLACE: idempotent). drizzle/0004_stats_triggers.sql
// created them first; these replace them, so an indicator added to the list (and its cube column,
// by a generated migration) needs no hand-written SQL list. The triggers and trigger functions,
// which name no indicator, stay in 0004.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { CUBE_STATEMENTS } from './cube';
import { EVENT_STATEMENTS } from './events';
import { VERSION_STATEMENTS } from './version';

export const STATS_SQL_STATEMENTS = [...EVENT_STATEMENTS, ...VERSION_STATEMENTS, ...CUBE_STATEMENTS];

/** Any key: processes starting together apply the definitions one after the other. */
const LOCK_KEY = 7_420_004;

export async function applyStatsSql(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    for (const statement of STATS_SQL_STATEMENTS) await tx.execute(sql.raw(statement));
  });
}
