// The benchmark (pnpm bench): on a real PostgreSQL (DATABASE_URL, a server URL; a database per scale
// is created there), load the national demo dataset, start the real server in its own process and
// measure, with bounded autocannon runs: GET /me, /stats/summary for every grouping (warm: cached by
// statistics version; and cold: the version bumped before each request), the tenant list, and the
// bare baseline running the list endpoint's own SQL. Writes docs/benchmarks.md.
// Scales: BENCH_SCALES=1,10 or --scale10 (default 1). BENCH_SECONDS per endpoint (default 5).
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { STATS_GROUPINGS } from '@torch/shared';
import postgres from 'postgres';
import { openDb } from '../../server/src/db/client';
import { migrateDb } from '../../server/src/db/migrate';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, WUHAN_INCUBATOR } from '../../server/src/demo/accounts';
import { loadNationalDemo } from '../../server/src/demo/national/index';
import { rebuildStats } from '../../server/src/modules/stats/rebuild';
import { databaseUrlFor } from '../helpers/database-url';
import { listEndpointStatements } from './capture-sql';
import { type Measurement, measureInterleaved, rssMiB, sampleRss } from './measure';
import { ROOT, startProcess } from './processes';
import { evaluate, type ScaleResult, writeReport } from './report';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'pnpm bench needs DATABASE_URL: a PostgreSQL server URL (a database per scale is created on it)',
  );
  process.exit(1);
}
const SCALES = (process.env.BENCH_SCALES ?? (process.argv.includes('--scale10') ? '1,10' : '1'))
  .split(',')
  .map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const lastYear = new Date().getFullYear() - 1;
const log = (line: string) => console.log(`[bench] ${line}`);

async function freshDatabase(scale: number) {
  const name = `torch_bench_s${scale}`;
  const admin = postgres(url!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  return databaseUrlFor(url!, name);
}

async function loadDataset(databaseUrl: string, scale: number) {
  const database = await openDb({ url: databaseUrl, max: 2 });
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
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [{ cells }] = (await sql`select count(*)::int as cells from stats_cube`) as unknown as [
    { cells: number },
  ];
  if (cells === 0) throw new Error('The national demo load left no statistics: it must call rebuildStats');
  // The load includes the statistics rebuild; timed once more on its own (it is idempotent).
  const t = performance.now();
  await rebuildStats(database.db);
  const rebuildSeconds = (performance.now() - t) / 1000;
  await database.close();
  const [wuhan] = (await sql`select id from incubators where name = ${WUHAN_INCUBATOR.name}`) as unknown as [
    { id: string },
  ];
  const [size] = (await sql`select (select count(*)::int from stats_cube) as stats_cube_rows,
    (select count(*)::int from stats_cube where year = ${lastYear} and field = '*') as cube_cells_read_by_province_summary,
    (select count(*)::int from tenants where incubator_id = ${wuhan.id}) as tenancies_of_listed_incubator`) as unknown as [
    Record<string, number>,
  ];
  await sql.end();
  return { loadSeconds, rebuildSeconds, wuhanId: wuhan.id, counts: { ...summary.counts, ...size } };
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

async function benchScale(scale: number): Promise<ScaleResult> {
  log(`scale ${scale}: creating the database and loading the national demo dataset`);
  const databaseUrl = await freshDatabase(scale);
  const dataset = await loadDataset(databaseUrl, scale);
  log(
    `  loaded in ${dataset.loadSeconds.toFixed(1)} s (statistics rebuild alone: ${dataset.rebuildSeconds.toFixed(1)} s)`,
  );

  const server = await startProcess(
    'server/src/main.ts',
    {
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
    },
    '/api/health',
  );
  const statements = await listEndpointStatements(databaseUrl, dataset.wuhanId);
  const baseline = await startProcess(
    'tests/bench/baseline-server.ts',
    { DATABASE_URL: databaseUrl, BASELINE_STATEMENTS: JSON.stringify(statements) },
    '/baseline',
  );
  const rssIdle = rssMiB(server.pid);
  const token = await login(server.base);
  const api = (path: string) => `${server.base}/api/v1${path}`;
  const show = (m: Measurement) =>
    log(
      `  ${m.name}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms${m.non2xx ? `, ${m.non2xx} non-2xx!` : ''}`,
    );

  const rss = sampleRss(server.pid);
  // /me and the summaries side by side; then the list and its baseline side by side.
  const results = await measureInterleaved(
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
  );
  const [list, base] = await measureInterleaved(
    [
      { name: 'GET /incubators/:id/tenants', url: api(`/incubators/${dataset.wuhanId}/tenants`), token },
      { name: 'baseline: bare Fastify + postgres.js, same SQL', url: `${baseline.base}/baseline` },
    ],
    SECONDS,
    CONNECTIONS,
  );
  const rssPeak = rss.stop();
  for (const m of [...results, list!, base!]) show(m);
  const cold = await coldSummary(server.base, token, databaseUrl);
  log(
    `  cold summary (cache missed): p50 ${cold.p50.toFixed(1)} ms, p95 ${cold.p95.toFixed(1)} ms; server RSS ${rssIdle.toFixed(0)} MiB idle, peak ${rssPeak.toFixed(0)} MiB`,
  );
  await server.stop();
  await baseline.stop();
  return {
    scale,
    ...dataset,
    results: [...results, list!],
    baseline: base!,
    cold,
    rssIdle,
    rssPeak,
    statements: statements.length,
  };
}

const machine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}`;

const results: ScaleResult[] = [];
for (const scale of SCALES) {
  results.push(await benchScale(scale));
  // Written after each scale, so a long larger scale never loses the smaller one's numbers.
  const file = writeReport(`${ROOT}docs/benchmarks.md`, results, {
    seconds: SECONDS,
    connections: CONNECTIONS,
    lastYear,
    machine: machine(),
  });
  log(`wrote ${file}`);
}
const missed = results.flatMap((r) => evaluate(r).missed.map((m) => `scale ${r.scale}: ${m}`));
log(missed.length ? `targets missed: ${missed.join('; ')}` : 'all targets met');
