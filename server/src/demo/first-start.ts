// The demo on a first start on an empty embedded database. It is loaded by the demo CLI in a
// process of its own: generating and writing a million rows takes a heap of over a gigabyte, which
// a long-running server would keep (V8 rarely hands memory back), and it runs fastest with a large
// young generation, which a server under load should not have. The server opens the database
// again once the child is done. An in-memory database lives only in this process: loaded here.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Database, openDb } from '../db/client';
import type { DemoDataset } from './load-demo';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

/**
 * V8 flags of the loading process: a young generation big enough that the load's short-lived rows
 * die young instead of being promoted and marked again and again, and room for the dataset.
 */
export const LOADER_NODE_FLAGS = ['--max-semi-space-size=64', '--max-old-space-size=8192'];

/** Loads the demo into the empty embedded database and answers the database to use afterwards. */
export async function loadFirstStartDemo(
  database: Database,
  options: { dataDir: string; dataset: DemoDataset },
): Promise<Database> {
  if (options.dataDir === 'memory://') {
    // Loaded only on a first start: a running server never holds the generator's code.
    const { loadDemo } = await import('./load-demo');
    await loadDemo(database, { dataset: options.dataset, where: 'the in-memory database' });
    return database;
  }
  await database.close();
  await loadDemoInChildProcess(options.dataDir, options.dataset);
  return openDb({ dataDir: options.dataDir });
}

function loadDemoInChildProcess(dataDir: string, dataset: DemoDataset): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  // execArgv carries how this process runs TypeScript (tsx's loader) to the child.
  const child = spawn(
    process.execPath,
    [...process.execArgv, ...LOADER_NODE_FLAGS, CLI, '--dataset', dataset],
    {
      env,
      stdio: 'inherit',
    },
  );
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`The demo load failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}
