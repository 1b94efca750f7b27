// The OpenAPI document is fit for client generators: `redocly lint` with the recommended rules
// (redocly.yaml: an operationId and tags on every operation are errors) reports nothing, and the
// types openapi-typescript generates from it compile. The document and the types go to `.openapi/`
// (git-ignored; .redocly.lint-ignore.yaml names its path).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, '.openapi');
const DOCUMENT = join(OUT, 'openapi.json');
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);

function run(command: string, args: string[]) {
  const result = spawnSync(bin(command), args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}\n${result.stderr}` };
}

let t: TestApp;
let document: { paths: Record<string, Record<string, { operationId?: string }>> };

beforeAll(async () => {
  t = await createTestApp();
  document = (await t.request({ method: 'GET', url: '/api/openapi.json' })).body;
  mkdirSync(OUT, { recursive: true });
  writeFileSync(DOCUMENT, JSON.stringify(document, null, 2));
});
afterAll(() => t.close());

describe('the OpenAPI document for client generators', () => {
  it('passes redocly lint with the recommended rules: no error, no warning', () => {
    const lint = run('redocly', ['lint', DOCUMENT, '--format', 'json']);
    const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{'))) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
    };
    const problems = report.problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it('generates TypeScript types with openapi-typescript that compile and name operations by id', () => {
    const generated = run('openapi-typescript', [DOCUMENT, '-o', join(OUT, 'schema.d.ts')]);
    expect(generated.status, generated.output).toBe(0);
    // A client's use of the types: an operation by its id, a request body, a path's response.
    writeFileSync(
      join(OUT, 'usage.ts'),
      [
        "import type { operations, paths } from './schema';",
        "type Login = operations['login']['requestBody']['content']['application/json'];",
        "export const login: Login = { email: 'manager@example.cn', password: 'secret' };",
        "type Me = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];",
        'export const role = (me: Me): string => me.role;',
        '',
      ].join('\n'),
    );
    const compiled = run('tsc', [
      '--noEmit',
      '--strict',
      '--target',
      'ES2022',
      '--module',
      'ESNext',
      '--moduleResolution',
      'Bundler',
      join(OUT, 'usage.ts'),
    ]);
    expect(compiled.status, compiled.output).toBe(0);
    const ids = Object.values(document.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(ids.length).toBeGreaterThanOrEqual(43);
  }, 60_000);
});
