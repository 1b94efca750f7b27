// A default start (embedded database, no JWT_SECRET, exactly as `npm start` runs it) signs with a
// random key it made and kept beside the database (owner-only), never with a constant: a token
// signed with any long string literal found in the source tree is refused, while the token the
// server issued keeps working after a restart.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverNodeArgs } from '../../scripts/server-command.mjs';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../server/src/demo/accounts';
import { SECRET_FILE } from '../../server/src/modules/auth/jwt-secret';
import { REPO_ROOT } from '../helpers/server';

const SOURCE_DIRS = ['server', 'shared', 'web', 'scripts', 'tests'];
const SKIP = new Set(['node_modules', 'dist', 'data', '.git']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return ['.ts', '.tsx', '.mjs', '.js', '.json'].includes(extname(entry.name)) ? [path] : [];
  });
}

/** Every quoted literal of 16+ characters without white space: anything that could be a key. */
function secretLikeLiterals(): string[] {
  const found = new Set<string>();
  const literal = /(['"`])([^'"`\s\\]{16,200})\1/g;
  for (const dir of SOURCE_DIRS) {
    for (const file of sourceFiles(join(REPO_ROOT, dir))) {
      for (const match of readFileSync(file, 'utf8').matchAll(literal)) found.add(match[2]!);
    }
  }
  return [...found];
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function sign(payload: Record<string, unknown>, secret: string) {
  const head = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

async function start(dataDir: string, port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.JWT_SECRET;
  delete env.NODE_ENV;
  Object.assign(env, { DATA_DIR: dataDir, DEMO_DATASET: 'small' });
  const child = spawn(process.execPath, await serverNodeArgs(env), { cwd: REPO_ROOT, env, stdio: 'ignore' });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

describe('a default start has no constant secret', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'torch-secret-'));
  const port = 20_000 + (process.pid % 20_000);
  const base = `http://127.0.0.1:${port}/api/v1`;
  let server: ChildProcess;
  let token: string;
  const me = (bearer: string) => fetch(`${base}/me`, { headers: { authorization: `Bearer ${bearer}` } });

  beforeAll(async () => {
    server = await start(dataDir, port);
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_ACCOUNTS.national.email, password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    token = ((await login.json()) as { accessToken: string }).accessToken;
  }, 180_000);
  afterAll(async () => {
    if (server) await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps a random secret beside the database, readable by its owner only', () => {
    const path = join(dataDir, SECRET_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').trim().length).toBeGreaterThanOrEqual(32);
  });

  it('refuses a token for a real session signed with any secret-like literal of the source', async () => {
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    // The forging is right: signed with the kept secret, the same claims pass.
    const kept = readFileSync(join(dataDir, SECRET_FILE), 'utf8').trim();
    expect((await me(sign(claims, kept))).status).toBe(200);
    const literals = secretLikeLiterals();
    expect(literals.length).toBeGreaterThan(100);
    const accepted: string[] = [];
    for (const secret of literals) {
      if ((await me(sign(claims, secret))).status !== 401) accepted.push(secret);
    }
    expect(accepted).toEqual([]);
  });

  it('signs with the same kept secret after a restart', async () => {
    await stop(server);
    server = await start(dataDir, port);
    expect((await me(token)).status).toBe(200);
  }, 180_000);
});
