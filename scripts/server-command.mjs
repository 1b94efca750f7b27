// How the server process is started: by `npm start` (scripts/start.mjs), the benchmark
// (tests/bench/processes.ts) and the browser tests (tests/helpers/server.ts) alike, so that what
// the benchmark measures is what people run.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './server-build.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * V8 flags of the server process. Its live heap is ~30 MiB, but V8 lets the old generation grow to
 * up to 4 × the live size before the next full collection (the most its heuristics allow on a
 * machine with gigabytes of memory): under request load the old space reached 100+ MiB, mostly
 * short-lived garbage promoted out of the young generation. A growing factor of 1.5 × keeps it
 * under ~45 MiB at no measured cost in throughput or GC time (the collections are more frequent, and
 * each marks only the ~30 MiB that is live).
 * - Not --max-old-space-size: a cap is a crash (out of memory) the day something needs more, and
 *   the lower growing factor V8 derives from a small cap comes with it.
 * - --max-semi-space-size=8: a young generation of 2 × 8 MiB. Node 24's V8 sizes it from the
 *   machine's memory (on the bench machine, 24 GiB, the idle server was 243 MiB without a flag), and
 *   at 16 MiB (Node 20's default) Node 24's server peaked at 205–209 MiB under the bench's load. At
 *   8 the scavenges are more frequent, but each copies only what survives, which for a server is
 *   little: measured side by side on both versions (CPU per request of a tenant's investments and
 *   of a page of 50 tenants), 8 and 16 were within the machine's noise of each other. An earlier
 *   measurement had 8 costing the tenant list ~5% of its requests per second; with the requests
 *   cheaper since, it did not show again.
 * Child processes started with process.execArgv inherit it (the first-start demo loader,
 * server/src/demo/first-start.ts); it also lowers the loader's peak memory.
 */
export const SERVER_NODE_FLAGS = ['--heap-growing-percent=50', '--max-semi-space-size=8'];

/**
 * The node arguments that start the server with `env`. In production the bundle (built here, from
 * the current sources): plain node, without tsx's loader. Otherwise the TypeScript sources under
 * tsx, as the first-start demo loader expects (it runs the TypeScript demo CLI with this process's
 * execArgv) and with stack traces that point into server/src.
 */
export async function serverNodeArgs(env = process.env) {
  if (env.NODE_ENV === 'production') return [...SERVER_NODE_FLAGS, await buildServer()];
  return [...SERVER_NODE_FLAGS, '--import', 'tsx', join(ROOT, 'server/src/main.ts')];
}
