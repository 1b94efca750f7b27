// Progress of imports across server processes (API.md "Imports": GET /imports/:id reports progress):
// a second app on the same database, as a second server process would be, sees how far an upload's
// validation and a commit have got while they run. Each is held at a known point by a lock taken
// on another connection, so what the second process sees does not depend on timing.
import { randomUUID } from 'node:crypto';
import type { Import } from '@torch/shared';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';
import { openDb } from '../../server/src/db/client';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app';
import { nextUscc, sqlRows, twoProvinceWorld } from '../helpers/fixtures';
import { multipart, upload, xlsx } from './import-files';
import { expectProblem } from './problem';

let t: TestApp;
let w: Awaited<ReturnType<typeof twoProvinceWorld>>;
let other: Awaited<ReturnType<typeof buildApp>>;
let otherDb: Awaited<ReturnType<typeof openDb>>;
let blocker: postgres.Sql;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoProvinceWorld(t, 'impp');
  if (!t.testDb.url) throw new Error('these tests need PostgreSQL (DATABASE_URL)');
  otherDb = await openDb({ url: t.testDb.url, max: 2 });
  other = await buildApp({
    database: otherDb,
    config: { jwtSecret: TEST_JWT_SECRET, production: false, loginRateLimit: 1000, logLevel: 'silent' },
  });
  await other.ready();
  blocker = postgres(t.testDb.url, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await blocker.end();
  await other.close();
  await otherDb.close();
  await t.close();
});

const HEADERS = ['企业名称', '统一社会信用代码', '成立日期', '入孵日期', '技术领域', '场地面积（平方米）'];
const rowsOf = (n: number) =>
  Array.from({ length: n }, (_, i) => [
    `进度测试${i}科技有限公司`,
    nextUscc(),
    '2024-03-01',
    '2025-01-15',
    '电子信息',
    100,
  ]);

/** GET /imports/:id from the other process. */
async function seenByOther(id: string, token: string) {
  const res = await other.inject({
    method: 'GET',
    url: `/api/v1/imports/${id}`,
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
}

/** Asks the other process until `ready` holds (the work runs meanwhile); at most 400 tries. */
async function waitUntil(id: string, token: string, ready: (b: Import) => boolean) {
  for (let i = 0; i < 400; i++) {
    const seen = await seenByOther(id, token);
    if (seen.status === 200 && ready(seen.body)) return seen.body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import ${id} never reached the expected state`);
}

describe('progress across server processes', () => {
  it('shows an upload being validated, under the id the client chose, before anything is stored', async () => {
    const token = w.users.managerA.token;
    const id = randomUUID();
    const file = await xlsx([HEADERS, ...rowsOf(3)]);
    const { payload, contentType } = await multipart(file, 'progress.xlsx');
    // Another transaction holds the id: the upload validates, then waits to store its row.
    const held = await blocker.reserve();
    await held`begin`;
    await held`insert into imports (id, incubator_id, kind, status, file_name, created_by, header_index, cells, result)
      values (${id}, ${w.incubators.a.id}, 'tenants', 'invalid', 'blocker', (select id from users limit 1), 0, '[]', '{}')`;
    const request = t.request({
      method: 'POST',
      url: `/api/v1/incubators/${w.incubators.a.id}/imports?kind=tenants&id=${id}`,
      token,
      payload,
      headers: { 'content-type': contentType },
    });
    const seen = await waitUntil(id, token, (b) => b.progress.done === 3);
    expect(seen).toMatchObject({
      id,
      status: 'validating',
      fileName: 'progress.xlsx',
      progress: { phase: 'validating', done: 3, total: 3 },
    });
    // Another manager's incubator: not found, even while it runs.
    expect((await seenByOther(id, w.users.managerB.token)).status).toBe(404);
    await held`rollback`;
    held.release();
    const res = await request;
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ id, status: 'validated', rows: 3, progress: { phase: 'done' } });
    expect(await sqlRows(t, `select * from import_progress where import_id = '${id}'`)).toEqual([]);

    const again = await t.request({
      method: 'POST',
      url: `/api/v1/incubators/${w.incubators.a.id}/imports?kind=tenants&id=${id}`,
      token,
      payload,
      headers: { 'content-type': contentType },
    });
    expectProblem(again, 409);
  });

  it('a refused file leaves neither an import nor its progress', async () => {
    const token = w.users.managerA.token;
    const id = randomUUID();
    const { payload, contentType } = await multipart(Buffer.from('PK\u0003\u0004broken'), 'broken.xlsx');
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/incubators/${w.incubators.a.id}/imports?kind=tenants&id=${id}`,
      token,
      payload,
      headers: { 'content-type': contentType },
    });
    expectProblem(res, 400);
    expect((await seenByOther(id, token)).status).toBe(404);
    // The uploading client's own poll: "not yet" (204), not an error.
    expect((await seenByOther(`${id}?uploading=true`, token)).status).toBe(204);
    expect(await sqlRows(t, `select * from import_progress where import_id = '${id}'`)).toEqual([]);
  });

  it('shows a commit running in another process, then its result', async () => {
    const token = w.users.managerA.token;
    const up = await upload(t, token, w.incubators.a.id, 'tenants', await xlsx([HEADERS, ...rowsOf(4)]));
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const id = up.body.id as string;
    // The import row is locked elsewhere: the commit has begun and waits for it.
    const held = await blocker.reserve();
    await held`begin`;
    await held`select id from imports where id = ${id} for update`;
    const commit = t.request({ method: 'POST', url: `/api/v1/imports/${id}/commit`, token });
    const seen = await waitUntil(id, token, (b) => b.progress.phase !== 'done');
    expect(seen).toMatchObject({ status: 'validated', progress: { phase: 'validating' } });
    await held`commit`;
    held.release();
    const res = await commit;
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'committed', created: 4 });
    const after = await seenByOther(id, token);
    expect(after.body).toMatchObject({ status: 'committed', progress: { phase: 'done', done: 4, total: 4 } });
    expect(await sqlRows(t, `select * from import_progress where import_id = '${id}'`)).toEqual([]);
  });
});
