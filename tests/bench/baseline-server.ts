// The baseline server: bare Fastify answering each benchmarked read (baseline-sql.ts) with its one
// hand-written statement — no validation, no response schema, no ORM — on PostgreSQL
// (DATABASE_URL) or PGlite (DATA_DIR). BENCH_IDS (JSON) names the rows the reads are about.
// It authenticates the caller as any real server must: the product's bearer token verified
// (HS256, @fastify/jwt, the product's JWT_SECRET given as BENCH_JWT_SECRET), 401 otherwise; it does
// not look the session up (the product checks it against a cache the database's notices keep).
// Run as its own process: node --import tsx tests/bench/baseline-server.ts
import fastifyJwt from '@fastify/jwt';
import Fastify from 'fastify';
import { openDb } from '../../server/src/db/client';
import { preparedStatementsOf } from '../../server/src/db/prepared';
import { answer, type BenchIds, benchReads, type Runner, runnerFor } from './baseline-sql';

const ids = JSON.parse(process.env.BENCH_IDS ?? 'null') as BenchIds | null;
const secret = process.env.BENCH_JWT_SECRET;
if (!ids || !secret || !(process.env.DATABASE_URL || process.env.DATA_DIR))
  throw new Error('BENCH_IDS, BENCH_JWT_SECRET and DATABASE_URL or DATA_DIR are required');

/**
 * The database opened as the product opens it (openDb: pool size, planner settings, PGlite's
 * extensions); the reads then go to its driver directly, past drizzle — on PGlite through the
 * named prepared statements the product's own prepared reads run as (db/pglite-statements.ts),
 * since PGlite's query() plans every call: prepared on both databases, as the baseline promises.
 */
async function open(): Promise<Runner> {
  const database = await openDb({ url: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR, max: 10 });
  const driver = (database.db as unknown as { $client: Parameters<typeof runnerFor>[0] }).$client;
  return runnerFor(preparedStatementsOf(database.db) ?? driver);
}

const run = await open();
const reads = benchReads(ids);
const app = Fastify({ logger: false });
await app.register(fastifyJwt, { secret, verify: { algorithms: ['HS256'] } });
app.get('/ready', async () => ({ reads: reads.length }));
app.get<{ Params: { n: string } }>('/baseline/:n', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch {
    return reply.status(401).send();
  }
  const read = reads[Number(request.params.n)];
  if (!read) return reply.status(404).send();
  const body = answer(read.shape, await run(read.statement));
  return body ?? reply.status(404).send();
});

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log('baseline listening');
