// Quick side-by-side of the benchmarked reads, for working on one of them: the production server
// (under row-level security), the same server logged in as the owner (the policies bypassed) and
// the baseline server, on a demo database loaded before (`pnpm demo:load`), in alternating rounds.
//   DATABASE_URL=postgres://…/torch_bench_s1 npx tsx tests/bench/reads-quick.ts [name filter] [--as wuhan]
// QUICK_SECONDS per read and server (default 6). For ratios, not absolutes: `pnpm bench` reports.
import { randomBytes } from 'node:crypto';
import { openDb } from '../../server/src/db/client';
import { benchReads } from './baseline-sql';
import { benchIds } from './bench-ids';
import { type DemoAccount, signIn } from './load-client';
import { measureInterleaved } from './measure';
import { startProcess } from './processes';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL: a database loaded with the national demo');
const args = process.argv.slice(2);
const asIndex = args.indexOf('--as');
const who = (asIndex >= 0 ? args.splice(asIndex, 2)[1] : 'national') as DemoAccount;
const filter = args[0] ?? '';
const seconds = Number(process.env.QUICK_SECONDS ?? 6);

const database = await openDb({ url, max: 1 });
const ids = await benchIds(database);
await database.close();

const jwtSecret = randomBytes(32).toString('hex');
const env = { DATABASE_URL: url, NODE_ENV: 'production', JWT_SECRET: jwtSecret, LOG_LEVEL: 'warn' };
const policed = await startProcess('server/src/main.ts', env, '/api/health');
const bypassed = await startProcess('server/src/main.ts', { ...env, APP_DATABASE_URL: url }, '/api/health');
const baseline = await startProcess(
  'tests/bench/baseline-server.ts',
  { DATABASE_URL: url, BENCH_IDS: JSON.stringify(ids), BENCH_JWT_SECRET: jwtSecret },
  '/ready',
);
try {
  const token = (await signIn(policed.base, who)).token;
  const bypassedToken = (await signIn(bypassed.base, who)).token;
  for (const [n, read] of benchReads(ids).entries()) {
    if (!read.name.includes(filter)) continue;
    const [ours, owner, base] = await measureInterleaved(
      [
        { name: 'ours', url: `${policed.base}/api/v1${read.path}`, token },
        { name: 'bypassed', url: `${bypassed.base}/api/v1${read.path}`, token: bypassedToken },
        { name: 'baseline', url: `${baseline.base}/baseline/${n}`, token },
      ],
      seconds,
      10,
    );
    const line = [ours!, owner!, base!]
      .map(
        (m) =>
          `${m.name} ${m.rps.toFixed(0)} req/s p50 ${m.p50.toFixed(2)} ms${m.non2xx ? ` NON-2XX ${JSON.stringify(m.failures)}` : ''}`,
      )
      .join('; ');
    console.log(
      `${read.name} (as ${who}): ${line} — ours ÷ baseline ${(ours!.rps / base!.rps).toFixed(2)} · ${(base!.p50 / ours!.p50).toFixed(2)}; policed ÷ bypassed ${(ours!.rps / owner!.rps).toFixed(2)}`,
    );
  }
} finally {
  await Promise.all([policed.stop(), bypassed.stop(), baseline.stop()]);
}
