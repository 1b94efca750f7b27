// The steps before and after the national demo's bulk load, inside its transaction: the switches that
// make a load of a million rows cheap, and putting back what they switched off.
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import { selectRows } from '../../db/rows';
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
  const [superuser] = await selectRows<{ yes: boolean }>(
    db,
    sql`select current_setting('is_superuser') = 'on' as yes`,
  );
  if (!superuser?.yes) return false;
  await db.execute(sql`set local session_replication_role = replica`);
  return true;
}

/** Which of `tables` hold any row: the load writes only into empty ones. */
export async function occupiedTables(db: DbOrTx, tables: readonly string[]): Promise<string[]> {
  const rows = await selectRows<{ name: string }>(
    db,
    sql.raw(tables.map((t) => `select '${t}' as name where exists (select 1 from ${t})`).join(' union all ')),
  );
  return rows.map((r) => r.name);
}

/**
 * Empties the tables for the load, which must find them empty: locked first, so nothing can slip
 * in between the check and the truncation (the caller's earlier check only fails fast). A table
 * truncated in the loading transaction gets fresh files, and with `wal_level = minimal` (the
 * embedded database's) PostgreSQL writes no WAL for rows copied into it, halving what the load
 * writes; elsewhere it costs nothing. `cascade` reaches the tables that reference these (refresh
 * tokens of users), empty when users are.
 */
export async function emptyForBulkLoad(tx: Tx, tables: readonly string[]): Promise<void> {
  await tx.execute(sql.raw(`lock table ${tables.join(', ')} in access exclusive mode`));
  const occupied = await occupiedTables(tx, tables);
  if (occupied.length > 0) throw new OccupiedDatabaseError(occupied);
  await tx.execute(sql.raw(`truncate ${tables.join(', ')} cascade`));
}

export class OccupiedDatabaseError extends Error {
  constructor(occupied: readonly string[]) {
    super(`The national demo loads only into an empty database (${occupied.join(', ')} already have rows)`);
  }
}

/**
 * Drops the indexes of `tables` that no constraint owns (every index but the primary keys) and
 * returns their definitions for `rebuildIndexes`. Maintaining a b-tree row by row, in random key
 * order, costs several times more than building it once from sorted rows — pg_restore creates
 * indexes after the data for the same reason. Unique indexes are rebuilt too: a duplicate fails
 * the rebuild, which fails the whole load. Inside the transaction nobody else sees the tables
 * without them.
 */
export async function dropSecondaryIndexes(tx: Tx, tables: readonly string[]): Promise<string[]> {
  const indexes = await selectRows<{ name: string; definition: string }>(
    tx,
    sql`select quote_ident(ic.relname) as name, pg_get_indexdef(i.indexrelid) as definition
        from pg_index i
        join pg_class ic on ic.oid = i.indexrelid
        join pg_class t on t.oid = i.indrelid
        where t.relnamespace = current_schema()::regnamespace
          and t.relname in (${sql.join(
            tables.map((t) => sql`${t}`),
            sql`, `,
          )})
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
        order by ic.relname`,
  );
  for (const index of indexes) await tx.execute(sql.raw(`drop index ${index.name}`));
  return indexes.map((i) => i.definition);
}

/** Builds the indexes `dropSecondaryIndexes` dropped, with room to sort in memory. */
export async function rebuildIndexes(tx: Tx, definitions: readonly string[]): Promise<void> {
  await tx.execute(sql`set local maintenance_work_mem = '128MB'`);
  for (const definition of definitions) await tx.execute(sql.raw(definition));
}

/** After the last row, before commit. */
export async function afterBulkLoad(tx: Tx): Promise<void> {
  // The bulk load skipped the statistics triggers (beforeBulkLoad): rebuild once from the rows,
  // keeping the events for the per-incubator cells the filing of the returns needs.
  await rebuildStats(tx, { keepEvents: true });
}
