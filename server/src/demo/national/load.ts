// loadNationalDemo: generate the national demo country and write it into an empty database in
// one transaction (all or nothing), with the demo accounts, one audit row and afterBulkLoad.
import { todayInChina, yearOf } from '@torch/shared';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../audit';
import type { Db } from '../../db/client';
import { hashPassword } from '../../modules/auth/passwords';
import { DEMO_PASSWORD } from '../accounts';
import type { OnProgress } from '../progress';
import { fileDemoReturns } from './annual-returns';
import {
  afterBulkLoad,
  beforeBulkLoad,
  dropSecondaryIndexes,
  emptyForBulkLoad,
  OccupiedDatabaseError,
  occupiedTables,
  rebuildIndexes,
  skipRowTriggers,
} from './bulk-load-steps';
import { driverOf, writeTable } from './bulk-writer';
import { generateNationalDataset } from './generate';
import { DATASET_TABLES, datasetTables } from './tables';
import { verifyReferences } from './verify-references';

export interface LoadOptions {
  /** Multiplies incubators and companies (the 2006 targets exactly); default 1. */
  scale?: number;
  /** The last full year of history; default the year before this one. */
  lastYear?: number;
  onProgress?: OnProgress;
}

export interface LoadSummary {
  scale: number;
  lastYear: number;
  counts: Record<string, number>;
  seconds: number;
}

/** The last full year before today (China's calendar, as every date rule of the product). */
export function defaultLastYear(now = new Date()): number {
  return yearOf(todayInChina(now)) - 1;
}

export async function loadNationalDemo(db: Db, options: LoadOptions = {}): Promise<LoadSummary> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  const lastYear = options.lastYear ?? defaultLastYear();
  const onProgress = options.onProgress ?? (() => {});

  // Only into an empty database: the demo never mixes with real records (nor clears them away).
  // Checked here to fail before generating, and again under lock in the transaction.
  const occupied = await occupiedTables(db, DATASET_TABLES);
  if (occupied.length > 0) throw new OccupiedDatabaseError(occupied);

  const world = generateNationalDataset({ scale, lastYear }, (phase, index, of) =>
    onProgress({ phase: `generating ${phase}`, done: index, total: of }),
  );
  // One hash for all demo accounts: argon2 is deliberately slow.
  const tables = datasetTables(world, await hashPassword(DEMO_PASSWORD));
  const counts = Object.fromEntries(tables.map((t) => [t.name, t.count]));
  const total = tables.reduce((sum, t) => sum + t.count, 0);
  await db.transaction(async (tx) => {
    await beforeBulkLoad(tx);
    const triggersSkipped = await skipRowTriggers(tx);
    const driver = driverOf(db, tx, triggersSkipped);
    await emptyForBulkLoad(tx, DATASET_TABLES);
    const indexes = await dropSecondaryIndexes(tx, DATASET_TABLES);
    let done = 0;
    for (const table of tables) {
      await writeTable(tx, driver, table, (n) => {
        done += n;
        onProgress({ phase: `writing ${table.name}`, done, total });
      });
    }
    onProgress({ phase: 'building indexes', done, total });
    await rebuildIndexes(tx, indexes);
    if (triggersSkipped) {
      onProgress({ phase: 'checking references', done, total });
      await tx.execute(sql`set local session_replication_role = origin`);
      await verifyReferences(tx);
    }
    onProgress({ phase: 'analyzing', done, total });
    // Fresh planner statistics: the embedded database has no autovacuum to gather them.
    await tx.execute(sql.raw(`analyze ${DATASET_TABLES.join(', ')}`));
    await writeAudit(tx, {
      userId: null,
      action: 'demo.load',
      entity: 'dataset',
      entityId: 'national',
      after: { scale, lastYear, counts },
    });
    onProgress({ phase: 'computing statistics', done, total });
    await afterBulkLoad(tx);
    onProgress({ phase: 'filing annual returns', done, total });
    await fileDemoReturns(tx, lastYear);
  });
  return { scale, lastYear, counts, seconds: (performance.now() - started) / 1000 };
}
