// The real server as a child process (server/src/main.ts, exactly as `npm start` starts it:
// scripts/server-command.mjs), for the browser tests. With DATABASE_URL it gets its own clone of the
// migrated template with the small demo loaded; without, an embedded PGlite in a temporary folder,
// where main.ts loads the demo.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { serverNodeArgs } from '../../scripts/server-command.mjs';
import { loadSmallDemo } from '../../server/src/demo/small-seed';
import { createTestDatabase, type TestDatabase } from './test-db';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const WEB_DIR = join(REPO_ROOT, 'web');
const WEB_INDEX = join(WEB_DIR, 'dist', 'index.html');

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Everything the process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
  /** The PostgreSQL database it serves (null on PGlite), for a second instance on the same data. */
  databaseUrl: string | null;
}

export interface StartOptions {
  /** Serve this database (another instance's) instead of a fresh one; it is not dropped on stop. */
  databaseUrl?: string;
  env?: Record<string, string>;
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds web/dist when it is missing or older than the sources it is built from. */
export function ensureWebBuilt(): void {
  const sources = [
    join(WEB_DIR, 'src'),
    join(WEB_DIR, 'index.html'),
    join(WEB_DIR, 'vite.config.ts'),
    join(REPO_ROOT, 'shared', 'src'),
  ];
  if (existsSync(WEB_INDEX) && statSync(WEB_INDEX).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  const build = spawnSync(join(WEB_DIR, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: WEB_DIR,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The small demo (two incubators, a handful of tenants): the journeys need known, few rows.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DEMO_DATASET: 'small',
    // Each server counts its own rate limits unless a test shares them on purpose: a Redis the
    // whole run shared would add every test's sign-ins from 127.0.0.1 into one budget.
    REDIS_URL: undefined,
    ...options.env,
  };

  let testDb: TestDatabase | null = null;
  let dataDir: string | null = null;
  if (options.databaseUrl) {
    env.DATABASE_URL = options.databaseUrl;
  } else if (process.env.DATABASE_URL && inject('templateDatabase')) {
    testDb = await createTestDatabase();
    await loadSmallDemo(testDb.database.db);
    env.DATABASE_URL = testDb.url!;
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'torch-e2e-data-'));
    delete env.DATABASE_URL;
    env.DATA_DIR = dataDir;
  }

  // Its own process group, so that stop() also ends a demo loader the server may have started.
  const child = spawn(process.execPath, await serverNodeArgs(env), {
    cwd: REPO_ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const output = () => log;

  const cleanUp = async () => {
    if (testDb) await testDb.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // the group ended meanwhile
        }
      }, 10_000);
      await exited;
      clearTimeout(timer);
    }
    await cleanUp();
  };

  try {
    await waitForHealth(url, child, output, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output, stop, databaseUrl: env.DATABASE_URL ?? null };
}
