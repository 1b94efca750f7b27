// Process entry: config → open db → migrate → (demo on an empty embedded db) → buildApp → listen.
import { buildApp } from './app';
import { loadConfig } from './config';
import { openDb } from './db/client';
import { migrateDb } from './db/migrate';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/accounts';
import { loadFirstStartDemo } from './demo/first-start';
import { isEmptyDatabase } from './demo/is-empty';
import { resolveJwtSecret } from './modules/auth/jwt-secret';

async function main() {
  const config = loadConfig();
  let database = await openDb({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrateDb(database);

  const embedded = !config.databaseUrl;
  let demo = false;
  if (embedded && !config.production && !config.skipDemo && (await isEmptyDatabase(database.db))) {
    if (config.demoDataset === 'national') {
      console.log('First start on an empty embedded database: loading the national demo dataset');
      console.log('(about a minute, once; `npm start -- --skip-demo` starts empty instead)…');
    }
    // In a process of its own (first-start.ts): the server never holds the generator's heap.
    database = await loadFirstStartDemo(database, { dataDir: config.dataDir, dataset: config.demoDataset });
    demo = true;
  }

  const jwtSecret = await resolveJwtSecret(config.jwtSecret, database, config.dataDir);
  if (config.databaseUrl) {
    // Migrations ran unbounded, as the owner; the serving pool bounds every statement and serves
    // as the app role, under row-level security.
    await database.close();
    database = await openDb({
      url: config.databaseUrl,
      statementTimeoutMs: config.statementTimeoutMs,
      asApp: true,
      appUrl: config.appDatabaseUrl,
    });
  }
  // The embedded database serves on its app-role handle (row-level security, docs/security.md).
  if (database.serving) database = database.serving();
  const app = await buildApp({ database, config: { ...config, jwtSecret }, serveWeb: true });
  await app.listen({ port: config.port, host: config.host });

  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/`;
  console.log(`\n  Torch Incubator Platform is running: open ${url}`);
  console.log(
    `  API docs: ${url}api/docs   Database: ${embedded ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
  );
  if (demo || (embedded && !config.production)) {
    console.log(
      `  Demo sign-in: ${DEMO_ACCOUNTS.wuhan.email} / ${DEMO_PASSWORD} (also ${DEMO_ACCOUNTS.national.email}, ${DEMO_ACCOUNTS.hubei.email}, ${DEMO_ACCOUNTS.zgc.email}, ${DEMO_ACCOUNTS.tenant.email})\n`,
    );
  } else {
    console.log('  Sign in with a user created by "pnpm bootstrap" (the first national user).\n');
  }

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
