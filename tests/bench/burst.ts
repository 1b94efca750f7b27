// Issue 11's burst: while another user (the Wuhan manager) keeps asking GET /me, the Hubei user
// asks sixteen as-of summaries at once, each for a different day (every one a computation from the
// raw records: none is answered by the cache or by another's computation). Target: that other
// user's /me p95 ≤ 500 ms during the burst, on PostgreSQL and on the embedded database.
import { STATS_GROUPINGS } from '@torch/shared';
import { ms, ownClient, percentile, signIn, timed } from './load-client';

const BURST = 16;
/** Concurrent /me clients of the other user, each asking again as soon as answered. */
const ME_CLIENTS = 4;
const TARGET_MS = 500;

export interface BurstResult {
  database: string;
  scale: number;
  quiet: { n: number; p50: number; p95: number };
  during: { n: number; p50: number; p95: number; max: number; failed: number };
  burstMs: number;
  summaries: { statuses: Record<string, number>; p50: number; max: number };
  warmUpMs: number;
}

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

export async function measureBurst(base: string, database: string, scale: number): Promise<BurstResult> {
  const lastYear = new Date().getFullYear() - 1;
  const other = await signIn(base, 'wuhan');
  const hubei = await signIn(base, 'hubei');
  const day = (n: number) =>
    `${lastYear}-${String(1 + Math.floor(n / 2)).padStart(2, '0')}-${n % 2 ? '25' : '10'}`;
  // One as-of summary first (another day): the burst is of a server in use, not of a cold start.
  const warmUp = await timed(base, hubei.token, `/stats/summary?asOf=${lastYear}-11-15&groupBy=field`);
  if (warmUp.status !== 200) throw new Error(`as-of warm-up: ${warmUp.status} ${warmUp.text}`);

  const samples: { start: number; ms: number; status: number }[] = [];
  let stop = false;
  const clients = Array.from({ length: ME_CLIENTS }, async () => {
    const get = ownClient(base, other.token);
    while (!stop) {
      const start = performance.now();
      const r = await get('/me');
      samples.push({ start, ms: r.ms, status: r.status });
    }
  });
  await sleep(3_000);
  const burstStart = performance.now();
  const answers = await Promise.all(
    Array.from({ length: BURST }, (_, n) =>
      timed(
        base,
        hubei.token,
        `/stats/summary?asOf=${day(n)}&groupBy=${STATS_GROUPINGS[n % STATS_GROUPINGS.length]}`,
      ),
    ),
  );
  const burstEnd = performance.now();
  await sleep(300);
  stop = true;
  await Promise.all(clients);

  const quiet = samples.filter((s) => s.start < burstStart).map((s) => s.ms);
  const during = samples.filter((s) => s.start >= burstStart && s.start < burstEnd);
  const duringMs = during.map((s) => s.ms);
  if (process.env.BENCH_BURST_DEBUG)
    console.log(
      during.map((s) => `${(s.start - burstStart).toFixed(0)}+${s.ms.toFixed(0)}`).join(' '),
      answers.map((a) => a.ms.toFixed(0)).join(' '),
    );
  const statuses: Record<string, number> = {};
  for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  return {
    database,
    scale,
    quiet: { n: quiet.length, p50: percentile(quiet, 50), p95: percentile(quiet, 95) },
    during: {
      n: during.length,
      p50: percentile(duringMs, 50),
      p95: percentile(duringMs, 95),
      max: Math.max(...duringMs),
      failed: during.filter((s) => s.status !== 200).length,
    },
    burstMs: burstEnd - burstStart,
    summaries: {
      statuses,
      p50: percentile(
        answers.map((a) => a.ms),
        50,
      ),
      max: Math.max(...answers.map((a) => a.ms)),
    },
    warmUpMs: warmUp.ms,
  };
}

export const burstMet = (r: BurstResult) => r.during.p95 <= TARGET_MS && r.during.failed === 0;

export function burstLine(r: BurstResult) {
  return `| ${r.database} | ${r.scale} | ${ms(r.quiet.p50)} / ${ms(r.quiet.p95)} (${r.quiet.n}) | ${ms(r.during.p50)} / **${ms(r.during.p95)}** / ${ms(r.during.max)} (${r.during.n}${r.during.failed ? `, ${r.during.failed} failed` : ''}) | ${(r.burstMs / 1000).toFixed(1)} s | ${Object.entries(
    r.summaries.statuses,
  )
    .map(([s, n]) => `${n} × ${s}`)
    .join(
      ', ',
    )}; p50 ${ms(r.summaries.p50)}, slowest ${ms(r.summaries.max)} | ${burstMet(r) ? 'met' : '**missed**'} |`;
}

export const BURST_HEADER = `| database | scale | other user's /me before: p50 / p95 (n) | /me during the burst: p50 / p95 / max (n) | burst took | the 16 summaries | target p95 ≤ ${TARGET_MS} ms |
|---|---|---|---|---|---|---|`;
