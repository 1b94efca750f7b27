// Child processes for the benchmark: the real server and the baseline, each in its own process
// (node itself, no launcher in between, so the pid is the server), on a free port.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serverNodeArgs } from '../../scripts/server-command.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The server's entry: started as people start it (scripts/server-command.mjs), not by path. */
export const SERVER_ENTRY = 'server/src/main.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Running {
  child: ChildProcess;
  pid: number;
  base: string;
  stop(): Promise<void>;
}

/**
 * `script` under tsx; the server's entry as `npm start` runs it: its node flags and, with
 * NODE_ENV=production, the bundle.
 */
export async function startProcess(
  script: string,
  env: Record<string, string | undefined>,
  readyPath: string,
): Promise<Running> {
  const port = await freePort();
  // An undefined value removes the variable (a PGlite server must not inherit the bench's DATABASE_URL).
  const childEnv = Object.fromEntries(
    Object.entries({ ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  const args = script === SERVER_ENTRY ? await serverNodeArgs(childEnv) : ['--import', 'tsx', script];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited: ${stderr}`);
    try {
      if ((await fetch(`${base}${readyPath}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${script} did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    pid: child.pid!,
    base,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
