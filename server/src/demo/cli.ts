// `pnpm demo:load [--scale N] [--last-year YYYY] [--dataset national|small]`: loads the national
// demo dataset (SPEC §6), or the small one of the tests, into the database of DATABASE_URL, or the
// embedded one in DATA_DIR when unset. Refuses a database that already has users: the demo never
// mixes with real records. The server's first start runs this in a process of its own.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDb } from '../db/client';
import { migrateDb } from '../db/migrate';
import { isEmptyDatabase } from './is-empty';
import { type DemoDataset, loadDemo } from './load-demo';
import { defaultLastYear } from './national/index';

const USAGE = 'Usage: pnpm demo:load [--scale N] [--last-year YYYY] [--dataset national|small]';

function parseCli(): { scale: number; lastYear: number; dataset: DemoDataset } {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      'last-year': { type: 'string' },
      dataset: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const scale = Number(values.scale ?? 1);
  const lastYear = Number(values['last-year'] ?? defaultLastYear());
  if (!Number.isInteger(scale) || scale < 1 || scale > 100)
    throw new Error(`--scale must be an integer from 1 to 100\n${USAGE}`);
  if (!Number.isInteger(lastYear) || lastYear > defaultLastYear()) {
    throw new Error(
      `--last-year must be a full year before this one (nothing in the demo may lie in the future)\n${USAGE}`,
    );
  }
  const dataset = values.dataset ?? 'national';
  if (dataset !== 'national' && dataset !== 'small')
    throw new Error(`--dataset is national or small\n${USAGE}`);
  return { scale, lastYear, dataset };
}

async function main() {
  const { scale, lastYear, dataset } = parseCli();
  const config = loadConfig();
  if (config.production)
    throw new Error('The demo dataset is never loaded in production mode (NODE_ENV=production)');
  const database = await openDb({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDb(database);
    if (!(await isEmptyDatabase(database.db))) {
      throw new Error(
        'This database already has users; the demo loads only into an empty database. Use a new DATA_DIR or database.',
      );
    }
    const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
    await loadDemo(database, { dataset, scale, lastYear, where });
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
