// Requests generated from our own OpenAPI document — valid ones and mutations of them — as every
// role and as nobody: none may be answered 5xx (issue 11: fuzzing in the suite).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { sqlRows, twoProvinceWorld } from '../helpers/fixtures';
import { arbitraryFor, hostileValue, type JsonSchema, mutate } from '../helpers/openapi-arbitrary';

// Operations that end the fuzzer's own sessions or accounts would only blind the rest of the run;
// their bad inputs are covered by their own tests.
const LEFT_OUT = [/\/auth\/logout$/, /\/me\/password$/, /^patch \/api\/v1\/users\//];
const PER_OPERATION = 60;
const SEED = 20_061_987;

interface OpenApiOperation {
  parameters?: Operation['parameters'];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string; required?: boolean; schema: JsonSchema }[];
  body: JsonSchema | undefined;
}

let t: TestApp;
let tokens: (string | undefined)[];
let ids: string[];
let operations: Operation[];

beforeAll(async () => {
  t = await createTestApp();
  const w = await twoProvinceWorld(t, 'fuzz');
  const u = w.users;
  tokens = [
    undefined,
    u.national.token,
    u.provinceHubei.token,
    u.managerA.token,
    u.managerB.token,
    u.tenantUser.token,
  ];
  // Real ids of every kind, so that generated paths reach records and not only 404s.
  const rows = await sqlRows<{ id: string }>(
    t,
    `select id from incubators union all select id from tenants union all select company_id from tenants
     union all select id from users`,
  );
  ids = rows.map((r) => r.id);
  const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).body;
  operations = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, OpenApiOperation>>)) {
    for (const [method, op] of Object.entries(item)) {
      if (LEFT_OUT.some((re) => re.test(path) || re.test(`${method} ${path}`))) continue;
      operations.push({
        method,
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
}, 120_000);

afterAll(() => t?.close());

function requestFor(op: Operation, hostile: boolean) {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const pathArb = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [
        p.name,
        hostile ? fc.oneof(arbitraryFor(p.schema, ids), fc.string()) : arbitraryFor(p.schema, ids),
      ]),
    ),
  );
  const queryArb = fc.record(
    Object.fromEntries(
      queryParams.map((p) => [p.name, hostile ? hostileValue : arbitraryFor(p.schema, ids)]),
    ),
    { requiredKeys: [] },
  );
  const validBody = op.body ? arbitraryFor(op.body, ids) : fc.constant(undefined);
  const bodyArb = hostile && op.body ? validBody.chain(mutate) : validBody;
  return fc.record({ path: pathArb, query: queryArb, body: bodyArb, token: fc.constantFrom(...tokens) });
}

function urlOf(op: Operation, path: Record<string, unknown>, query: Record<string, unknown>): string {
  const filled = op.path.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(String(path[name] ?? 'x')));
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined) search.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}

describe('fuzzing every operation of the OpenAPI document', () => {
  it('answers no generated request with a 5xx', async () => {
    expect(operations.length).toBeGreaterThan(30);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    for (const [index, op] of operations.entries()) {
      for (const hostile of [false, true]) {
        const samples = fc.sample(requestFor(op, hostile), {
          numRuns: PER_OPERATION / 2,
          seed: SEED + index,
        });
        for (const sample of samples) {
          const url = urlOf(op, sample.path, sample.query);
          const res = await t.request({
            method: op.method.toUpperCase() as 'GET',
            url,
            token: sample.token,
            ...(sample.body !== undefined ? { payload: sample.body as object } : {}),
          });
          sent += 1;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500)
            failures.push(
              `${op.method.toUpperCase()} ${url} → ${res.status} ${JSON.stringify(sample.body)?.slice(0, 300)}`,
            );
        }
      }
    }
    console.info(
      `fuzz: ${sent} requests over ${operations.length} operations, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(sent).toBeGreaterThanOrEqual(2_000);
    // Valid requests must get through too, or the fuzzer only measures the validator.
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect(failures).toEqual([]);
  }, 600_000);
});
