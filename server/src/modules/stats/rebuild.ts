// Bulk loads write rows directly; following each row with the statistics triggers would cost a
// trigger call per row. So a bulk load defers them for its transaction, then rebuilds everything
// from the raw tables in one set-based pass before it commits (docs/statistics.md).
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import { acrossScopes } from '../../db/scoped-client';

/** Skips the per-row statistics triggers until the end of this transaction (or rebuildStats). */
export async function deferStats(tx: Tx): Promise<void> {
  await tx.execute(sql`select set_config('torch.stats_deferred', 'on', true)`);
}

/**
 * Recomputes every statistic from the raw tables; writes after it are followed again. `keepEvents`
 * keeps the events it counted for the rest of the transaction (read by `everyIncubatorCellsSql`).
 */
export async function rebuildStats(db: DbOrTx, options: { keepEvents?: boolean } = {}): Promise<void> {
  // Every statistic, whoever asks: across scopes (as the triggers do).
  await acrossScopes(async () => db.execute(sql`select rebuild_stats(${options.keepEvents ?? false})`));
}
