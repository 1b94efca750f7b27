// The load benchmarks alone, on a dataset loaded before (by `pnpm bench` or the demo loader):
//   BENCH_LOAD_DATABASE_URL=postgres://…/torch_bench_s1 node --import tsx tests/bench/load-run.ts
//   BENCH_LOAD_PGLITE_DIR=/path/to/data node --import tsx tests/bench/load-run.ts
// BENCH_SCALE says which scale the dataset is (default 1; only for the report).
import { randomBytes } from 'node:crypto';
import { loadBenches } from './load';
import { startProcess } from './processes';

const url = process.env.BENCH_LOAD_DATABASE_URL;
const dir = process.env.BENCH_LOAD_PGLITE_DIR;
if (!url === !dir) throw new Error('set one of BENCH_LOAD_DATABASE_URL, BENCH_LOAD_PGLITE_DIR');
const server = await startProcess(
  'server/src/main.ts',
  {
    ...(url ? { DATABASE_URL: url } : { DATABASE_URL: undefined, DATA_DIR: dir }),
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
  },
  '/api/health',
);
try {
  await loadBenches(
    server.base,
    url ? 'postgres' : 'pglite',
    Number(process.env.BENCH_SCALE ?? 1),
    '`tests/bench/load-run.ts` (the load part of `pnpm bench` alone), the real server in its own process, on the national demo dataset loaded before',
  );
} finally {
  await server.stop();
}
