// The statistics hooks around the national demo's bulk load, both inside its transaction.
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import { deferStats, rebuildStats } from '../../modules/stats/rebuild';

/**
 * Before the first row: the statistics row triggers skip this transaction's writes (the
 * transaction-local switch of drizzle/0004_stats_triggers.sql); one rebuild afterwards is far
 * cheaper than a trigger per row. Harmless where the triggers do not exist.
 */
export async function beforeBulkLoad(tx: Tx): Promise<void> {
  await deferStats(tx);
}

/**
 * Skips the per-row foreign-key triggers for this transaction when the role may (superusers,
 * like the embedded database's): the standard bulk-load switch, as pg_restore --disable-triggers
 * uses. The generator's rows are consistent by construction and load.ts verifies every foreign
 * key with set-based anti-joins before commit. Returns whether the switch is on.
 */
export async function skipRowTriggers(db: DbOrTx): Promise<boolean> {
  const superuser = await db.execute(sql`select current_setting('is_superuser') = 'on' as yes`);
  const rows = (Array.isArray(superuser) ? superuser : (superuser as { rows: unknown[] }).rows) as {
    yes: boolean;
  }[];
  if (!rows[0]?.yes) return false;
  await db.execute(sql`set local session_replication_role = replica`);
  return true;
}

/** After the last row, before commit. */
export async function afterBulkLoad(tx: Tx): Promise<void> {
  // The bulk load skipped the statistics triggers (beforeBulkLoad): rebuild once from the rows.
  await rebuildStats(tx);
}
