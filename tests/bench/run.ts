// The benchmark (pnpm bench): load the national demo dataset, start the real server in its own
// process and measure, with bounded autocannon runs: GET /me and /stats/summary for every grouping
// (warm: cached by statistics version; and cold: the version bumped before each request), then
// each benchmarked read (baseline-sql.ts) side by side with the baseline server answering it with
// the best plain SQL. Writes docs/benchmarks.md, with EXPLAIN of each list statement (PostgreSQL).
// Databases: BENCH_DATABASES=postgres,pglite (default postgres; postgres needs DATABASE_URL, a
// server URL on which a database per scale is created). PGlite: the dataset is loaded into a data
// directory (BENCH_PGLITE_DIR reuses one already loaded at the same scale; `{scale}` in it stands
// for the scale) and copied for the baseline, since one embedded database is opened by one process.
// Scales: BENCH_SCALES=1,10 or --scale10 (default 1); or the runs one by one: BENCH_RUNS=postgres:1,pglite:1,
// postgres:10. BENCH_SECONDS per endpoint (default 5).
// BENCH_DATABASE_PREFIX names the PostgreSQL databases (default torch_bench: torch_bench_s1, …);
// BENCH_REUSE_POSTGRES=1 benches one loaded before instead of loading it again.
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { STATS_GROUPINGS } from '@torch/shared';
import postgres from 'postgres';
import { sql } from '../../server/node_modules/drizzle-orm/index.js';
import { openDb } from '../../server/src/db/client';
import { migrateDb } from '../../server/src/db/migrate';
import { selectRows } from '../../server/src/db/rows';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../server/src/demo/accounts';
import { loadNationalDemo } from '../../server/src/demo/national/index';
import { rebuildStats } from '../../server/src/modules/stats/rebuild';
import { databaseUrlFor } from '../helpers/database-url';
import { type BenchIds, benchReads } from './baseline-sql';
import { benchIds } from './bench-ids';
import { explainReads } from './explain';
import { loadBenches } from './load';
import { measureInterleaved, rssMiB, sampleRss } from './measure';
import { ROOT, startProcess } from './processes';
import { evaluate, type ReadPair, type ScaleResult, writeReport } from './report';
import { benchReturns, writeReturnsSection } from './returns';
import { benchRowSecurity, writeRlsSection } from './rls';

const url = process.env.DATABASE_URL;
type Engine = 'postgres' | 'pglite';
const DATABASES = (process.env.BENCH_DATABASES ?? 'postgres').split(',') as Engine[];
const SCALES = (process.env.BENCH_SCALES ?? (process.argv.includes('--scale10') ? '1,10' : '1'))
  .split(',')
  .map(Number);
// BENCH_RUNS=postgres:1,pglite:1,postgres:10 names the runs one by one (one report for all of them,
// without the embedded database at a scale it cannot hold); otherwise every scale × database.
const RUNS: { database: Engine; scale: number }[] = process.env.BENCH_RUNS
  ? process.env.BENCH_RUNS.split(',').map((run) => {
      const [database, scale] = run.split(':');
      if ((database !== 'postgres' && database !== 'pglite') || !Number(scale))
        throw new Error(`BENCH_RUNS: "${run}" is not database:scale (postgres:1, pglite:1, …)`);
      return { database, scale: Number(scale) };
    })
  : SCALES.flatMap((scale) => DATABASES.map((database) => ({ database, scale })));
if (!url && RUNS.some((run) => run.database === 'postgres')) {
  console.error(
    'pnpm bench needs DATABASE_URL: a PostgreSQL server URL (a database per scale is created on it)',
  );
  process.exit(1);
}
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const lastYear = new Date().getFullYear() - 1;
const log = (line: string) => console.log(`[bench] ${line}`);
/** The tables the benchmarked reads read, vacuumed before they are measured. */
const VACUUMED = ['tenants', 'companies', 'reports', 'investments'];

// BENCH_DATABASE_PREFIX: a name of one's own where several people bench on one server.
const databaseName = (scale: number) => `${process.env.BENCH_DATABASE_PREFIX ?? 'torch_bench'}_s${scale}`;

async function freshDatabase(scale: number) {
  const name = databaseName(scale);
  const admin = postgres(url!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  return databaseUrlFor(url!, name);
}

/**
 * BENCH_REUSE_POSTGRES=1: the scale's database as an earlier load left it (`pnpm demo:load` or a
 * bench run), if it holds the demo; migrated to this commit. Earlier runs' writes stay in it.
 */
async function loadedDatabase(scale: number): Promise<string | undefined> {
  if (process.env.BENCH_REUSE_POSTGRES !== '1') return undefined;
  const admin = postgres(url!, { max: 1, onnotice: () => {} });
  const [found] = await admin`select 1 from pg_database where datname = ${databaseName(scale)}`;
  await admin.end();
  if (!found) return undefined;
  const candidate = databaseUrlFor(url!, databaseName(scale));
  const db = postgres(candidate, { max: 1, onnotice: () => {} });
  const [demo] = await db`select 1 from users where email = ${DEMO_ACCOUNTS.national.email}`.catch(() => []);
  await db.end();
  return demo ? candidate : undefined;
}

/** Where the scale's dataset lives: a PostgreSQL database, or a PGlite data directory. */
type Place = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };

const openPlace = (place: Place, max = 2) =>
  openDb(place.kind === 'postgres' ? { url: place.url, max } : { dataDir: place.dir });

async function loadDataset(place: Place, scale: number) {
  const database = await openPlace(place);
  await migrateDb(database);
  let lastPhase = '';
  const started = performance.now();
  const summary = await loadNationalDemo(database.db, {
    scale,
    lastYear,
    onProgress: ({ phase }) => {
      if (phase !== lastPhase) log(`  ${phase}`);
      lastPhase = phase;
    },
  });
  const loadSeconds = (performance.now() - started) / 1000;
  const [{ cells }] = (await selectRows<{ cells: number }>(
    database.db,
    sql`select count(*)::int as cells from stats_cube`,
  )) as [{ cells: number }];
  if (cells === 0) throw new Error('The national demo load left no statistics: it must call rebuildStats');
  // The load includes the statistics rebuild; timed once more on its own (it is idempotent).
  const t = performance.now();
  await rebuildStats(database.db);
  const rebuildSeconds = (performance.now() - t) / 1000;
  // What the demo load does (load-demo.ts) and, on PostgreSQL, autovacuum after any writes: the
  // visibility map set for index-only scans, so the numbers do not depend on when autovacuum runs.
  await database.vacuum(VACUUMED);
  const ids = await benchIds(database);
  await database.close();
  return { loadSeconds, rebuildSeconds, ids, counts: { ...summary.counts, ...ids.counts } };
}

async function login(base: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_ACCOUNTS.national.email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Summary latency when every request misses the cache: the version is bumped before each one. */
async function coldSummary(base: string, token: string, databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const times: number[] = [];
  for (let i = 0; i < 40; i += 1) {
    await sql`update stats_state set version = version + 1 where id = 1`;
    const t = performance.now();
    const res = await fetch(
      `${base}/api/v1/stats/summary?year=${lastYear}&groupBy=${STATS_GROUPINGS[i % STATS_GROUPINGS.length]}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`cold summary: ${res.status}`);
    times.push(performance.now() - t);
  }
  await sql.end();
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]! };
}

/** Each read and its baseline, side by side in alternating rounds. */
async function measureReads(api: (path: string) => string, token: string, baseline: string, ids: BenchIds) {
  const pairs: ReadPair[] = [];
  for (const [n, read] of benchReads(ids).entries()) {
    const [ours, base] = await measureInterleaved(
      [
        { name: read.name, url: api(read.path), token },
        { name: `baseline: ${read.name}`, url: `${baseline}/baseline/${n}`, token },
      ],
      SECONDS,
      CONNECTIONS,
    );
    pairs.push({ name: read.name, ours: ours!, base: base! });
    log(
      `  ${read.name}: ours ${ours!.rps.toFixed(0)} req/s p50 ${ours!.p50.toFixed(1)} ms; baseline ${base!.rps.toFixed(0)} req/s p50 ${base!.p50.toFixed(1)} ms${ours!.non2xx || base!.non2xx ? ` — NON-2XX! ours ${JSON.stringify(ours!.failures)}, baseline ${JSON.stringify(base!.failures)}` : ''}`,
    );
  }
  return pairs;
}

async function prepare(database: 'postgres' | 'pglite', scale: number) {
  if (database === 'postgres') {
    const reused = await loadedDatabase(scale);
    if (reused) {
      const place: Place = { kind: 'postgres', url: reused };
      const db = await openPlace(place);
      await migrateDb(db);
      await db.vacuum(VACUUMED);
      const ids = await benchIds(db);
      await db.close();
      const loaded = { loadSeconds: Number.NaN, rebuildSeconds: Number.NaN, ids, counts: ids.counts };
      return { place, baselinePlace: place, root: undefined, ...loaded };
    }
    const place: Place = { kind: 'postgres', url: await freshDatabase(scale) };
    return { place, baselinePlace: place, root: undefined, ...(await loadDataset(place, scale)) };
  }
  // `{scale}` in the path names one directory per scale (BENCH_PGLITE_DIR=/data/pglite-s{scale}).
  const reuse = process.env.BENCH_PGLITE_DIR?.replaceAll('{scale}', String(scale));
  const root = mkdtempSync(join(os.tmpdir(), `torch-bench-pglite-s${scale}-`));
  const place: Place = { kind: 'pglite', dir: join(root, 'server') };
  let loaded: Awaited<ReturnType<typeof loadDataset>>;
  if (reuse && existsSync(reuse)) {
    cpSync(reuse, place.dir, { recursive: true });
    const db = await openPlace(place);
    await migrateDb(db);
    await db.vacuum(VACUUMED);
    const ids = await benchIds(db);
    await db.close();
    loaded = { loadSeconds: Number.NaN, rebuildSeconds: Number.NaN, ids, counts: ids.counts };
  } else loaded = await loadDataset(place, scale);
  const baselinePlace: Place = { kind: 'pglite', dir: join(root, 'baseline') };
  cpSync(place.dir, baselinePlace.dir, { recursive: true });
  return { place, baselinePlace, root, ...loaded };
}

async function benchScale(database: 'postgres' | 'pglite', scale: number): Promise<ScaleResult> {
  log(`${database}, scale ${scale}: loading the national demo dataset`);
  const { place, baselinePlace, ids, root, ...dataset } = await prepare(database, scale);
  log(
    `  loaded in ${dataset.loadSeconds.toFixed(1)} s (statistics rebuild alone: ${dataset.rebuildSeconds.toFixed(1)} s)`,
  );
  const dbEnv = (p: Place): Record<string, string | undefined> =>
    p.kind === 'postgres' ? { DATABASE_URL: p.url } : { DATABASE_URL: undefined, DATA_DIR: p.dir };
  // The baseline verifies the server's tokens with the server's secret.
  const jwtSecret = randomBytes(32).toString('hex');
  const server = await startProcess(
    'server/src/main.ts',
    {
      ...dbEnv(place),
      NODE_ENV: 'production',
      JWT_SECRET: jwtSecret,
      LOG_LEVEL: 'warn',
    },
    '/api/health',
  );
  const baseline = await startProcess(
    'tests/bench/baseline-server.ts',
    { ...dbEnv(baselinePlace), BENCH_IDS: JSON.stringify(ids), BENCH_JWT_SECRET: jwtSecret },
    '/ready',
  );
  const rssIdle = rssMiB(server.pid);
  const token = await login(server.base);
  const api = (path: string) => `${server.base}/api/v1${path}`;
  const rss = sampleRss(server.pid);
  // /me and the summaries side by side (PostgreSQL: the statistics design is measured there).
  const results =
    place.kind === 'postgres'
      ? await measureInterleaved(
          [
            { name: 'GET /me', url: api('/me'), token },
            ...STATS_GROUPINGS.map((g) => ({
              name: `GET /stats/summary groupBy=${g}`,
              url: api(`/stats/summary?year=${lastYear}&groupBy=${g}`),
              token,
            })),
            // Official figures read the accepted returns' cells (docs/annual-returns.md).
            ...(['province', 'field'] as const).map((g) => ({
              name: `GET /stats/summary source=official groupBy=${g}`,
              url: api(`/stats/summary?year=${lastYear}&groupBy=${g}&source=official`),
              token,
            })),
            { name: 'GET /returns/completeness', url: api(`/returns/completeness?year=${lastYear}`), token },
          ],
          SECONDS,
          CONNECTIONS,
        )
      : [];
  for (const m of results) log(`  ${m.name}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50.toFixed(1)} ms`);
  const reads = await measureReads(api, token, baseline.base, ids);
  const rssPeak = rss.stop();
  const cold = place.kind === 'postgres' ? await coldSummary(server.base, token, place.url) : undefined;
  // Issue 11's as-of burst and 60 s mixed load, in their own sections (tests/bench/load.ts).
  await loadBenches(server.base, place.kind, scale);
  if (place.kind === 'postgres') {
    const returns = await benchReturns({
      base: server.base,
      databaseUrl: place.url,
      database,
      scale,
      year: lastYear,
      seconds: SECONDS,
      connections: CONNECTIONS,
      log,
    });
    writeReturnsSection(`${ROOT}docs/benchmarks.md`, returns);
    // The policies' cost: the same server again, logged in as the owner they do not apply to.
    const bypassed = await startProcess(
      'server/src/main.ts',
      {
        ...dbEnv(place),
        APP_DATABASE_URL: place.url,
        NODE_ENV: 'production',
        JWT_SECRET: jwtSecret,
        LOG_LEVEL: 'warn',
      },
      '/api/health',
    );
    const rls = await benchRowSecurity({
      policed: server,
      bypassed,
      ids,
      scale,
      year: lastYear,
      seconds: SECONDS,
      connections: CONNECTIONS,
      log,
    });
    writeRlsSection(`${ROOT}docs/benchmarks.md`, rls);
    await bypassed.stop();
  }
  await server.stop();
  await baseline.stop();
  if (place.kind === 'postgres' && scale === 1)
    explained = await explainReads(place.url, benchReads(ids), ids);
  if (root) rmSync(root, { recursive: true, force: true });
  return {
    scale,
    database,
    ...dataset,
    rebuildSeconds: Number.isNaN(dataset.rebuildSeconds) ? undefined : dataset.rebuildSeconds,
    results,
    reads,
    cold,
    rssIdle,
    rssPeak,
  };
}

let explained = '';

const machine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}`;

const results: ScaleResult[] = [];
for (const { database, scale } of RUNS) {
  results.push(await benchScale(database, scale));
  // Written after each run, so a long larger scale never loses the smaller one's numbers.
  const file = writeReport(`${ROOT}docs/benchmarks.md`, results, {
    seconds: SECONDS,
    connections: CONNECTIONS,
    lastYear,
    machine: machine(),
    appendix: explained
      ? `## Query plans: each read's list statement, PostgreSQL, scale 1\n\nEXPLAIN (ANALYZE, BUFFERS) of the statement the service sends (captured through drizzle's logger), warm.\n\n${explained}\n`
      : '',
  });
  log(`wrote ${file}`);
}
const missed = results.flatMap((r) => evaluate(r).map((m) => `${r.database} scale ${r.scale}: ${m}`));
log(missed.length ? `targets missed: ${missed.join('; ')}` : 'all targets met');
