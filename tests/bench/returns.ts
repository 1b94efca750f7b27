// Annual returns in `pnpm bench` (issue 9, docs/annual-returns.md): the completeness endpoint
// (national, and a province's by incubator) and the official summaries side by side with an
// authenticated GET /me, target p50 within 3× of it; and the return of the largest incubator
// (most tenancies) computed, target median under 100 ms cold. Cold: stats_state.version bumped
// before each request, so the server's cache misses and the computed numbers are summed from the
// records again; warm: the same request again. Also computeReturn alone, in this process, to tell
// the statement's cost from the request's. Its section of docs/benchmarks.md lies between
// <!-- returns-bench --> markers, which the main report keeps when it rewrites the file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import postgres from 'postgres';
import { sql as sqlTag } from '../../server/node_modules/drizzle-orm/index.js';
import { openDb } from '../../server/src/db/client';
import { selectRows } from '../../server/src/db/rows';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../server/src/demo/accounts';
import { computeReturn } from '../../server/src/modules/returns/computed';
import { type Measurement, measureInterleaved } from './measure';

export const RETURNS_TARGETS = { vsMe: 3, computeMs: 100 };

interface Timing {
  median: number;
  p95: number;
  runs: number;
}

export interface ReturnsBench {
  database: string;
  scale: number;
  year: number;
  largest: { name: string; tenancies: number; status: string };
  endpoints: Measurement[];
  /** GET /incubators/:id/returns/:year through the server. */
  cold: Timing;
  warm: Timing;
  /** computeReturn in this process, no cache: the statements alone. */
  compute: Timing;
  /**
   * The database server's CPU per computeReturn (ms, mean), when it runs on this machine: what the
   * computation costs whatever the load, which the wall clock above multiplies.
   */
  computeCpuMs: number | null;
  loadAverage: number[];
}

const ROUNDS = 30;

const timing = (times: number[]): Timing => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!,
    runs: sorted.length,
  };
};

async function login(base: string, email: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function timed(url: string, token: string) {
  const t = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t;
}

export async function benchReturns(options: {
  base: string;
  databaseUrl: string;
  database: string;
  scale: number;
  year: number;
  seconds: number;
  connections: number;
  log: (line: string) => void;
}): Promise<ReturnsBench> {
  const { base, year } = options;
  const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  const [largest] = await sql<
    { id: string; name: string; field: string | null; tenancies: number; status: string }[]
  >`
    select i.id, i.name, i.field, n.tenancies, coalesce(r.status, 'never saved') as status
    from (select incubator_id, count(*)::int as tenancies from tenants group by incubator_id
          order by 2 desc limit 1) n
    join incubators i on i.id = n.incubator_id
    left join annual_returns r on r.incubator_id = i.id and r.year = ${year}`;
  if (!largest) throw new Error('no incubator with tenancies');
  const national = await login(base, DEMO_ACCOUNTS.national.email);
  const hubei = await login(base, DEMO_ACCOUNTS.hubei.email);
  const api = (path: string) => `${base}/api/v1${path}`;

  const endpoints = await measureInterleaved(
    [
      { name: 'GET /me', url: api('/me'), token: national },
      {
        name: 'GET /returns/completeness (national)',
        url: api(`/returns/completeness?year=${year}`),
        token: national,
      },
      {
        name: 'GET /returns/completeness (province user, Hubei)',
        url: api(`/returns/completeness?year=${year}`),
        token: hubei,
      },
      {
        name: 'GET /returns/completeness?province=420000 (national)',
        url: api(`/returns/completeness?year=${year}&province=420000`),
        token: national,
      },
      {
        name: 'GET /stats/summary source=official',
        url: api(`/stats/summary?year=${year}&source=official`),
        token: national,
      },
      {
        name: 'GET /stats/summary source=official groupBy=province',
        url: api(`/stats/summary?year=${year}&groupBy=province&source=official`),
        token: national,
      },
    ],
    options.seconds,
    options.connections,
  );
  for (const m of endpoints)
    options.log(`  ${m.name}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50.toFixed(1)} ms`);

  // The return, cold and warm in alternation, one request at a time.
  const returnUrl = api(`/incubators/${largest.id}/returns/${year}`);
  const cold: number[] = [];
  const warm: number[] = [];
  await timed(returnUrl, national);
  for (let i = 0; i < ROUNDS; i += 1) {
    await sql`update stats_state set version = version + 1 where id = 1`;
    cold.push(await timed(returnUrl, national));
    warm.push(await timed(returnUrl, national));
  }
  // The computation alone: computeReturn as the server calls it, in this process.
  const database = await openDb({ url: options.databaseUrl, max: 2 });
  const compute: number[] = [];
  await computeReturn(database.db, largest, year);
  for (let i = 0; i < ROUNDS; i += 1) {
    const t = performance.now();
    await computeReturn(database.db, largest, year);
    compute.push(performance.now() - t);
  }
  await database.close();
  const computeCpuMs = await databaseCpuPerCompute(options.databaseUrl, largest, year);
  await sql.end();

  const result: ReturnsBench = {
    database: options.database,
    scale: options.scale,
    year,
    largest: { name: largest.name, tenancies: largest.tenancies, status: largest.status },
    endpoints,
    cold: timing(cold),
    warm: timing(warm),
    compute: timing(compute),
    computeCpuMs,
    loadAverage: (await import('node:os')).loadavg(),
  };
  options.log(
    `  return of ${largest.name} (${largest.tenancies} tenancies, ${largest.status}): cold median ${result.cold.median.toFixed(1)} ms, warm ${result.warm.median.toFixed(1)} ms; computeReturn ${result.compute.median.toFixed(1)} ms${computeCpuMs === null ? '' : ` (database CPU ${computeCpuMs.toFixed(1)} ms)`}`,
  );
  return result;
}

/** A process's user + system CPU in ms from /proc (clock ticks of 10 ms), or null if not ours to read. */
function processCpuMs(pid: number): number | null {
  try {
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres')) return null;
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * computeReturn's CPU in the database server: its statements on one connection (so one backend
 * process does all the work), the backend's CPU time read before and after ROUNDS computations.
 * Null when the server is not a process of this machine (another host, a container).
 */
async function databaseCpuPerCompute(
  url: string,
  incubator: { id: string; field: string | null },
  year: number,
): Promise<number | null> {
  const database = await openDb({ url, max: 1 });
  try {
    const [row] = await selectRows<{ pid: number }>(database.db, sqlTag`select pg_backend_pid() as pid`);
    const pid = Number(row?.pid);
    await computeReturn(database.db, incubator, year);
    const before = processCpuMs(pid);
    if (before === null) return null;
    for (let i = 0; i < ROUNDS; i += 1) await computeReturn(database.db, incubator, year);
    const after = processCpuMs(pid);
    return after === null ? null : (after - before) / ROUNDS;
  } finally {
    await database.close();
  }
}

export function evaluateReturns(r: ReturnsBench): string[] {
  const me = r.endpoints.find((m) => m.name === 'GET /me')!;
  const missed = r.endpoints
    .filter((m) => m !== me && m.p50 > RETURNS_TARGETS.vsMe * Math.max(me.p50, 0.1))
    .map((m) => `${m.name} p50 ${(m.p50 / Math.max(me.p50, 0.1)).toFixed(2)}× /me`);
  if (r.cold.median >= RETURNS_TARGETS.computeMs)
    missed.push(`the largest incubator's return ${r.cold.median.toFixed(0)} ms cold`);
  return missed;
}

const ms = (t: Timing) => `${t.median.toFixed(1)} ms (p95 ${t.p95.toFixed(1)}, ${t.runs} runs)`;

function section(r: ReturnsBench) {
  const me = r.endpoints.find((m) => m.name === 'GET /me')!;
  const rows = r.endpoints.map(
    (m) =>
      `| ${m.name} | ${m.rps.toFixed(0)} | ${m.p50.toFixed(1)} | ${m.p95.toFixed(1)} | ${m === me ? '' : `${(m.p50 / Math.max(me.p50, 0.1)).toFixed(2)}×`} | ${m.requests}${m.non2xx || m.errors ? ` (${m.non2xx} non-2xx, ${m.errors} errors)` : ''} |`,
  );
  const missed = evaluateReturns(r);
  return `### ${r.database === 'postgres' ? 'PostgreSQL' : r.database}, scale ${r.scale} (year ${r.year}; load average at the end ${r.loadAverage.map((l) => l.toFixed(1)).join(' ')})

| endpoint | req/s | p50 ms | p95 ms | p50 ÷ /me | requests |
|---|---:|---:|---:|---:|---:|
${rows.join('\n')}

The return of the largest incubator, ${r.largest.name} (${r.largest.tenancies.toLocaleString('en')} tenancies; its ${r.year} return ${r.largest.status}), \`GET /incubators/:id/returns/${r.year}\` one request at a time:
- cold (statistics version bumped before each): median **${ms(r.cold)}**, target < ${RETURNS_TARGETS.computeMs} ms;
- warm: median ${ms(r.warm)};
- \`computeReturn\` alone (the aggregates' statements, in the bench process): median ${ms(r.compute)}${r.computeCpuMs === null ? '' : `; the database server's CPU per computation ${r.computeCpuMs.toFixed(1)} ms (mean of ${ROUNDS}), which the wall clock multiplies under load`}.
- ${missed.length ? `Missed: ${missed.join('; ')}.` : 'All targets met.'}
`;
}

const all: ReturnsBench[] = [];

/** Writes (or replaces) the returns section of the report with every run so far. */
export function writeReturnsSection(file: string, result: ReturnsBench) {
  all.push(result);
  const body = `<!-- returns-bench -->
## Annual returns (tests/bench/returns.ts)

Completeness and official summaries in 5 alternating rounds with an authenticated \`GET /me\`
(national user; the province user for the province's completeness), target p50 within
${RETURNS_TARGETS.vsMe}× of /me; the largest incubator's return, cold and warm alternately.

${all.map(section).join('\n')}<!-- /returns-bench -->
`;
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const marked = /<!-- returns-bench -->[\s\S]*?<!-- \/returns-bench -->\n?/;
  writeFileSync(file, marked.test(old) ? old.replace(marked, body) : `${old}\n${body}`);
}
