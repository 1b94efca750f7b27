// Quick before/after of GET /returns/completeness against an authenticated GET /me on a database
// loaded before (e.g. torch_bench_s10), without writing to it beyond two sign-ins: the server as
// the bench starts it (processes.ts), the same interleaved autocannon rounds (measure.ts), p50 ÷ /me.
// `DATABASE_URL=postgres://postgres@127.0.0.1:5432/torch_bench_s10 npx tsx tests/bench/completeness-quick.ts`
// (COMPLETENESS_SECONDS per endpoint, default 10; SERVER_NODE_OPTIONS e.g. --cpu-prof for a profile).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../server/src/demo/accounts';
import { measureInterleaved } from './measure';
import { startProcess } from './processes';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL: the loaded database to read');
const seconds = Number(process.env.COMPLETENESS_SECONDS ?? 10);
const year = new Date().getFullYear() - 1;

/** A process's user + system CPU in ms (/proc, clock ticks of 10 ms). */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const server = await startProcess(
  'server/src/main.ts',
  {
    DATABASE_URL: url,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    NODE_OPTIONS: process.env.SERVER_NODE_OPTIONS,
  },
  '/api/health',
);
try {
  const login = async (email: string) => {
    const res = await fetch(`${server.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const national = await login(DEMO_ACCOUNTS.national.email);
  const hubei = await login(DEMO_ACCOUNTS.hubei.email);
  const api = (path: string) => `${server.base}/api/v1${path}`;
  const completeness = api(`/returns/completeness?year=${year}`);
  for (const token of [national, hubei]) {
    const res = await fetch(completeness, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.arrayBuffer();
    console.log(`completeness ${res.status} ${res.headers.get('x-stats-cache')} ${body.byteLength} bytes`);
  }
  const targets = [
    { name: 'GET /me', url: api('/me'), token: national },
    { name: 'completeness (national)', url: completeness, token: national },
    { name: 'completeness (province user, Hubei)', url: completeness, token: hubei },
    {
      name: 'completeness?province=420000 (national)',
      url: api(`/returns/completeness?year=${year}&province=420000`),
      token: national,
    },
  ];
  const results = await measureInterleaved(targets, seconds, 10);
  const me = results[0]!;
  for (const m of results)
    console.log(
      `${m.name}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50.toFixed(2)} ms, p95 ${m.p95.toFixed(2)} ms, ${(m.p50 / Math.max(me.p50, 0.1)).toFixed(2)}× /me${m.non2xx ? ` (${m.non2xx} non-2xx)` : ''}`,
    );
  // The server's CPU per request, each endpoint alone: what a request costs it, whatever the client.
  for (const target of targets) {
    const before = cpuMs(server.pid);
    const run = await autocannon({
      url: target.url,
      duration: 3,
      connections: 10,
      headers: { authorization: `Bearer ${target.token}` },
    });
    const perRequest = ((cpuMs(server.pid) - before) * 1000) / run.requests.total;
    console.log(`${target.name}: server CPU ${perRequest.toFixed(0)} µs/request`);
  }
} finally {
  await server.stop();
}
