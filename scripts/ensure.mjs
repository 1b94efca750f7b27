// Makes a fresh clone runnable with only Node.js and npm: pnpm (pinned), the locked dependencies,
// and a current dashboard build. Each step is skipped when already done.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;
const PNPM_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager.split(
  '@',
)[1];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

/** The pinned pnpm: the one on PATH when it is that version, else through npx. */
export function pnpmCommand() {
  try {
    if (execFileSync('pnpm', ['--version'], { encoding: 'utf8' }).trim() === PNPM_VERSION)
      return ['pnpm', []];
  } catch {
    // not installed
  }
  return ['npx', ['--yes', `pnpm@${PNPM_VERSION}`]];
}

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function ensureDependencies() {
  const marker = join(ROOT, 'node_modules/.modules.yaml');
  const lockfile = join(ROOT, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lockfile).mtimeMs) return;
  console.log(`Installing the locked dependencies with pnpm ${PNPM_VERSION}…`);
  const [pnpm, prefix] = pnpmCommand();
  run(pnpm, [...prefix, 'install', '--frozen-lockfile']);
}

export function ensureWebBuild() {
  const dist = join(ROOT, 'web/dist/index.html');
  const sources = Math.max(
    newestMtime(join(ROOT, 'web/src')),
    newestMtime(join(ROOT, 'shared/src')),
    statSync(join(ROOT, 'web/index.html')).mtimeMs,
  );
  if (existsSync(dist) && statSync(dist).mtimeMs >= sources) return;
  console.log('Building the dashboard…');
  run(join(ROOT, 'web/node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: join(ROOT, 'web') });
}

export const bin = (name) => join(ROOT, 'node_modules/.bin', name);
