// Loads a demo into an empty database and reports it on the console (a progress bar on stderr for
// the national dataset, its row counts after): the demo CLI and the server's first start on an
// in-memory database both load through here.
import type { Database } from '../db/client';
import { defaultLastYear, loadNationalDemo } from './national/index';
import { DATASET_TABLES } from './national/tables';
import { progressBar } from './progress';
import { loadSmallDemo } from './small-seed';

export type DemoDataset = 'national' | 'small';

export interface DemoLoadOptions {
  dataset: DemoDataset;
  /** Where it goes, for the console: "PostgreSQL (DATABASE_URL)", "embedded PGlite in ./data". */
  where: string;
  scale?: number;
  lastYear?: number;
}

export async function loadDemo(database: Database, options: DemoLoadOptions): Promise<void> {
  const { db } = database;
  if (options.dataset === 'small') {
    console.log(`Loading the small demo into ${options.where}…`);
    await loadSmallDemo(db);
    return;
  }
  const scale = options.scale ?? 1;
  const lastYear = options.lastYear ?? defaultLastYear();
  console.log(
    `Loading the national demo (scale ${scale}, history through ${lastYear}) into ${options.where}…`,
  );
  const bar = progressBar();
  const summary = await loadNationalDemo(db, { scale, lastYear, onProgress: bar });
  // Index-only scans (the name search's page, the lists' counts) need the visibility map set.
  bar({ phase: 'vacuuming', done: 1, total: 1 });
  await database.vacuum(DATASET_TABLES);
  bar.finish();
  for (const [table, n] of Object.entries(summary.counts))
    console.log(`  ${table.padEnd(20)} ${n.toLocaleString('en-US').padStart(10)}`);
  console.log(`Loaded in ${summary.seconds.toFixed(1)} s.`);
}
