// `npm test`: the whole suite. Type check, lint, then vitest: unit, API (against DATABASE_URL's
// PostgreSQL when set — CI sets it — else embedded PGlite) and browser tests in real Chromium.
// `--projects unit,api` runs only those vitest projects (CI's second pass on the oldest Node).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, ensureDependencies, ensureWebBuild, ROOT } from './ensure.mjs';

const CHROMIUM = '/usr/bin/chromium';
const ci = process.env.CI === 'true';

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  return result.status === 0;
}

ensureDependencies();
if (!step('Type check (tsc -b)', bin('tsc'), ['-b'])) process.exit(1);
if (!step('Lint (biome)', bin('biome'), ['check', '.'])) process.exit(1);

const flag = process.argv.indexOf('--projects');
const asked = flag === -1 ? null : process.argv[flag + 1].split(',');
const projects = asked ?? ['unit', 'api'];
// Two server processes sharing one database and one Redis: PostgreSQL only (PGlite is one process's).
if (!asked && process.env.DATABASE_URL) projects.push('instances');
else if (!asked)
  console.log(
    '\n⚠ DATABASE_URL is not set: the two-process tests are LEFT OUT of this run (they need PostgreSQL and Redis).',
  );
if (asked?.includes('e2e') || (!asked && existsSync(CHROMIUM))) {
  ensureWebBuild();
  if (!asked) projects.push('e2e');
} else if (!asked && ci) {
  console.error(
    `\n✗ ${CHROMIUM} is missing: browser tests cannot run (CI installs the Debian package "chromium").`,
  );
  process.exit(1);
} else if (!asked) {
  console.log(
    `\n⚠ ${CHROMIUM} not found: the browser tests are LEFT OUT of this run (install Debian's "chromium" to include them).`,
  );
}

console.log(
  `\nDatabase for the API tests: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite (set DATABASE_URL to use PostgreSQL)'}`,
);
const report = join(mkdtempSync(join(tmpdir(), 'torch-test-')), 'vitest.json');
const ok = step(`Tests: ${projects.join(', ')}`, bin('vitest'), [
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);

// One plain closing line, whatever the runner printed above.
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(
    `\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
  if (r.numTotalTests === 0) process.exit(1);
}
process.exit(ok ? 0 : 1);
