import { TenantListQuery } from '@torch/shared';
import { buildApp } from './src/app';
import { openDb } from './src/db/client';

const database = await openDb({ url: process.env.DATABASE_URL });
const app = await buildApp({
  database,
  config: { jwtSecret: 'x'.repeat(40), production: true, loginRateLimit: 1000, logLevel: 'error' },
});
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { email: 'national@torch.demo', password: 'torch-demo-2006' },
});
const token = JSON.parse(login.body).accessToken;
const W = 'a533bb3f-bd95-4543-ac09-47917021afab';
async function time(label: string, path: string, n = 300) {
  for (let i = 0; i < 30; i++)
    await app.inject({ method: 'GET', url: `/api/v1${path}`, headers: { authorization: `Bearer ${token}` } });
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < n; i++)
    await app.inject({ method: 'GET', url: `/api/v1${path}`, headers: { authorization: `Bearer ${token}` } });
  const cpu = process.cpuUsage(cpu0);
  console.log(
    label,
    ((performance.now() - t) / n).toFixed(2),
    'ms wall,',
    ((cpu.user + cpu.system) / 1000 / n).toFixed(2),
    'ms cpu',
  );
}
await time('/me', '/me');
await time('overdue', `/incubators/${W}/tenants?overdue=true`);
await time('default', `/incubators/${W}/tenants`);
const { listTenantsOfIncubator } = await import('./src/modules/tenants/queries');
const caller = {
  userId: 'x',
  role: 'national' as const,
  incubatorIds: [],
  provinceCode: null,
  companyId: null,
};
const q = TenantListQuery.parse({ overdue: 'true' });
const c0 = process.cpuUsage();
for (let i = 0; i < 300; i++) await listTenantsOfIncubator(database.db, caller, W, q, '2026-12-01');
const c = process.cpuUsage(c0);
console.log('query fn only', ((c.user + c.system) / 1000 / 300).toFixed(2), 'ms cpu');
await app.close();
await database.close();
