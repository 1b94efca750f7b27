// Quick before/after of authenticated GET /me on a small dataset (one user), server and load in
// one process: `npx tsx tests/bench/me-quick.ts` with DATABASE_URL set. For ratios, not absolutes.
import autocannon from 'autocannon';
import postgres from 'postgres';
import { buildApp } from '../../server/src/app';
import { openDb } from '../../server/src/db/client';
import { migrateDb } from '../../server/src/db/migrate';
import { users } from '../../server/src/db/schema/index';
import { hashPassword } from '../../server/src/modules/auth/passwords';
import { databaseUrlFor } from '../helpers/database-url';

const server = process.env.DATABASE_URL!;
const name = 'torch_me_quick';
const admin = postgres(server, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists ${name} with (force)`);
await admin.unsafe(`create database ${name}`);
const database = await openDb({ url: databaseUrlFor(server, name) });
await migrateDb(database);
await database.db.insert(users).values({
  email: 'bench@test.cn',
  name: 'bench',
  role: 'national',
  passwordHash: await hashPassword('bench-password-long'),
});
const app = await buildApp({
  database,
  config: {
    jwtSecret: 'bench-secret-that-is-long-enough-0123456789abcdef',
    production: false,
    loginRateLimit: 100,
    logLevel: 'silent',
  } as never,
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const login = await fetch(`${address}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'bench@test.cn', password: 'bench-password-long' }),
});
const { accessToken } = (await login.json()) as { accessToken: string };
const run = (duration: number) =>
  autocannon({
    url: `${address}/api/v1/me`,
    duration,
    connections: 10,
    headers: { authorization: `Bearer ${accessToken}` },
  });
await run(5);
for (let round = 0; round < 3; round++) {
  const r = await run(4);
  console.log(
    `GET /me: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, non-2xx ${r.non2xx}`,
  );
}
await app.close();
await database.close();
await admin.unsafe(`drop database if exists ${name} with (force)`);
await admin.end();
