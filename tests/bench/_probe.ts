import { randomBytes } from 'node:crypto';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../server/src/demo/accounts';
import { measureInterleaved } from './measure';
import { startProcess } from './processes';

const databaseUrl = 'postgres://postgres@127.0.0.1:5432/returns_s1';
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
const res = await fetch(`${server.base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: DEMO_ACCOUNTS.national.email, password: DEMO_PASSWORD }),
});
const token = ((await res.json()) as { accessToken: string }).accessToken;
const api = (p: string) => `${server.base}/api/v1${p}`;
const largest = (await (
  await fetch(api('/incubators?sort=-tenantsIncubating&pageSize=1'), {
    headers: { authorization: `Bearer ${token}` },
  })
).json()) as { items: { id: string; name: string; tenantsIncubating: number }[] };
const big = largest.items[0]!;
console.log('largest', big.name, big.tenantsIncubating);
const results = await measureInterleaved(
  [
    { name: 'GET /me', url: api('/me'), token },
    { name: 'summary live province', url: api('/stats/summary?year=2025&groupBy=province'), token },
    {
      name: 'summary official province',
      url: api('/stats/summary?year=2025&groupBy=province&source=official'),
      token,
    },
    {
      name: 'summary official field',
      url: api('/stats/summary?year=2025&groupBy=field&source=official'),
      token,
    },
    { name: 'completeness', url: api('/returns/completeness?year=2025'), token },
    {
      name: 'return of the largest incubator (2026 draft: live)',
      url: api(`/incubators/${big.id}/returns/2026`),
      token,
    },
  ],
  10,
  4,
);
for (const m of results)
  console.log(
    `${m.name}: p50 ${m.p50.toFixed(1)} ms p95 ${m.p95.toFixed(1)} ms ${m.rps.toFixed(0)} rps non2xx ${m.non2xx}`,
  );
await server.stop();
