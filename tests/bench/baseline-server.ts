// The baseline for the list endpoint: bare Fastify and postgres.js, no auth, no validation, no
// response schema, running the statements the real endpoint runs (same text, same parameters, same
// order, same pool size), captured by capture-sql.ts and passed in BASELINE_STATEMENTS.
// Run as its own process: node --import tsx tests/bench/baseline-server.ts
import Fastify from 'fastify';
import postgres from 'postgres';
import type { Statement } from './capture-sql';

const url = process.env.DATABASE_URL;
const statements = JSON.parse(process.env.BASELINE_STATEMENTS ?? '[]') as Statement[];
if (!url || !statements.length) throw new Error('DATABASE_URL and BASELINE_STATEMENTS are required');

const sql = postgres(url, {
  max: 10,
  onnotice: () => {},
  types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
});
const app = Fastify({ logger: false });

// Answers every statement's rows as they come from the driver: the same data the endpoint sends,
// without its checks, mapping or response schema.
app.get('/baseline', async () => {
  const results: unknown[] = [];
  for (const { text, params } of statements) results.push(await sql.unsafe(text, params as never[]));
  return { results };
});

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log('baseline listening');
