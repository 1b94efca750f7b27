// Progress of imports on embedded PGlite (docs/imports.md "Progress"): one in-process database whose
// one connection a commit's transaction holds until it ends, in the one process that runs the work.
// While an upload of 10,000 rows and then its commit run, GET /imports/:id is asked again and again
// in the same process: it answers from memory (not waiting for the transaction) and the bar moves.
// What is asserted is what the polls saw, not how long anything took.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Import } from '@torch/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { nextUscc, twoProvinceWorld } from '../helpers/fixtures';
import { multipart, xlsx } from './import-files';

let t: TestApp;
let w: Awaited<ReturnType<typeof twoProvinceWorld>>;

beforeAll(async () => {
  t = await createTestApp({ forcePglite: true });
  w = await twoProvinceWorld(t, 'implite');
}, 60_000);
afterAll(() => t.close());

const ROWS = 10_000;
const HEADERS = ['企业名称', '统一社会信用代码', '成立日期', '入孵日期', '技术领域', '场地面积（平方米）'];
const rows = Array.from({ length: ROWS }, (_, i) => [
  `轻量进度${i}科技有限公司`,
  nextUscc(),
  '2024-03-01',
  '2025-01-15',
  '电子信息',
  100,
]);

interface Seen {
  status: number;
  body?: Pick<Import, 'id' | 'status' | 'progress'>;
  title?: string;
}

/** Polls at most, a bound on a test gone wrong; a poll every 20 ms, as the wizard's every 300 ms. */
const MAX_POLLS = 20_000;

/**
 * Asks GET /imports/:id (as `token`, with `query`) until `work` has settled; every answer kept.
 * `outsider` is asked too whenever the work is seen running: what another incubator's manager gets.
 */
async function pollWhile<T>(work: Promise<T>, id: string, token: string, query: string, outsider: string) {
  let settled = false;
  const result = work.finally(() => {
    settled = true;
  });
  const seen: Seen[] = [];
  const outsiders: number[] = [];
  while (!settled) {
    if (seen.length >= MAX_POLLS) throw new Error('the work never ended');
    const res = await t.request({ method: 'GET', url: `/api/v1/imports/${id}${query}`, token });
    const { id: seenId, status, progress, title } = res.body ?? {};
    seen.push(
      res.status === 200
        ? { status: 200, body: { id: seenId, status, progress } }
        : { status: res.status, title },
    );
    if (res.status === 200 && res.body.progress.phase !== 'done' && outsiders.length < 3) {
      outsiders.push(
        (await t.request({ method: 'GET', url: `/api/v1/imports/${id}${query}`, token: outsider })).status,
      );
    }
    // A client waits between polls: the work (and its setImmediate turns) runs meanwhile.
    await sleep(20);
  }
  return { result: await result, seen, outsiders };
}

const running = (seen: Seen[]) =>
  seen.flatMap((s) => (s.body?.progress && s.body.progress.phase !== 'done' ? [s.body.progress] : []));
const distinctDone = (progress: { done: number }[]) => new Set(progress.map((p) => p.done)).size;

describe('progress on PGlite', () => {
  it('moves while a large upload is validated and while it is committed', async () => {
    const token = w.users.managerA.token;
    const outsider = w.users.managerB.token;
    const id = randomUUID();
    const { payload, contentType } = await multipart(await xlsx([HEADERS, ...rows]), 'big.xlsx');

    const uploading = t.request({
      method: 'POST',
      url: `/api/v1/incubators/${w.incubators.a.id}/imports?kind=tenants&id=${id}`,
      token,
      payload,
      headers: { 'content-type': contentType },
    });
    const up = await pollWhile(uploading, id, token, '?uploading=true', outsider);
    expect(up.result.status, JSON.stringify(up.result.body).slice(0, 500)).toBe(201);
    expect(up.result.body).toMatchObject({ id, status: 'validated', rows: ROWS, toCreate: ROWS });
    // Before the upload claimed the id: 204 (not yet), never a 404.
    expect(up.seen.every((s) => s.status === 200 || s.status === 204)).toBe(true);
    const validating = running(up.seen);
    // Total 0: the file not read yet (the bar is indeterminate), then the rows checked so far.
    expect(validating.every((p) => p.phase === 'validating' && [0, ROWS].includes(p.total))).toBe(true);
    expect(distinctDone(validating.filter((p) => p.total === ROWS))).toBeGreaterThanOrEqual(3);
    expect(up.seen.filter((s) => s.status === 200).every((s) => s.body!.id === id)).toBe(true);
    // Another incubator's manager: "not yet" as for any unknown id, telling nothing of this one.
    expect(up.outsiders.length).toBeGreaterThan(0);
    expect(up.outsiders.every((s) => s === 204)).toBe(true);

    const committing = t.request({ method: 'POST', url: `/api/v1/imports/${id}/commit`, token });
    const done = await pollWhile(committing, id, token, '', outsider);
    if (process.env.SHOW_POLLS) console.log(JSON.stringify({ up: running(up.seen), commit: done.seen }));
    expect(done.result.status, JSON.stringify(done.result.body).slice(0, 500)).toBe(200);
    expect(done.result.body).toMatchObject({ status: 'committed', created: ROWS, updated: 0 });
    expect(done.seen.every((s) => s.status === 200)).toBe(true);
    const progress = running(done.seen);
    const phases = progress.map((p) => p.phase);
    // Validating (the rows checked again inside the transaction), then committing; never back.
    expect(phases[0]).toBe('validating');
    expect(phases.lastIndexOf('validating')).toBeLessThan(phases.indexOf('committing'));
    const written = progress.filter((p) => p.phase === 'committing');
    expect(distinctDone(written)).toBeGreaterThanOrEqual(2);
    expect(distinctDone(progress)).toBeGreaterThanOrEqual(4);
    // While the commit runs the import is the one stored before it: validated, not yet committed.
    expect(
      done.seen.filter((s) => s.body?.progress.phase !== 'done').every((s) => s.body!.status === 'validated'),
    ).toBe(true);
    expect(done.outsiders.length).toBeGreaterThan(0);
    expect(done.outsiders.every((s) => s === 404)).toBe(true);

    const after = await t.request({ method: 'GET', url: `/api/v1/imports/${id}`, token });
    expect(after.body).toMatchObject({
      status: 'committed',
      created: ROWS,
      progress: { phase: 'done', done: ROWS, total: ROWS },
    });
  }, 300_000);
});
