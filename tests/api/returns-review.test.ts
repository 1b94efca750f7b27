// The annual return's transition matrix (role × state × action → status), deadlines, on time,
// the review queue and completeness.
import { RETURN_ACTIONS, RETURN_STATUSES } from '@torch/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { BEIJING, HUBEI, sqlRows, twoProvinceWorld } from '../helpers/fixtures';
import { expectProblem } from './problem';

type World = Awaited<ReturnType<typeof twoProvinceWorld>>;
type Role = 'manager' | 'province' | 'national';

// Written out by hand from SPEC §3 (not derived from the code under test): what each role's action
// does from each state. Missing = 409 for a role the route admits; `403` = the role may never.
const MATRIX: Record<string, Partial<Record<Role, Record<string, string>>>> = {
  submit: { manager: { draft: 'submitted', returned: 'submitted' } },
  approve: { province: { submitted: 'approved' } },
  accept: { national: { approved: 'accepted' } },
  return: { province: { submitted: 'returned' }, national: { submitted: 'returned', approved: 'returned' } },
  reopen: { national: { accepted: 'returned' } },
};

describe('annual return workflow and completeness', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await twoProvinceWorld(t, 'rrv');
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, token: string, payload?: object) =>
    t.request({ method, url: `/api/v1${url}`, token, ...(payload ? { payload } : {}) });
  const token = (role: Role) =>
    ({
      manager: w.users.managerA.token,
      province: w.users.provinceHubei.token,
      national: w.users.national.token,
    })[role];
  const BODIES: Record<string, object | undefined> = {
    return: { comment: '请补充' },
    reopen: { reason: '更正' },
  };

  it('allows exactly the transitions of the matrix', async () => {
    const a = w.incubators.a.id;
    const first = await call('GET', `/incubators/${a}/returns/2019`, token('manager'));
    const saved = await call('PUT', `/incubators/${a}/returns/2019`, token('manager'), {
      version: 0,
      figures: first.body.figures,
    });
    expect(saved.status).toBe(200);
    const cells: string[] = [];
    for (const action of RETURN_ACTIONS) {
      for (const role of ['manager', 'province', 'national'] as const) {
        for (const state of RETURN_STATUSES) {
          await sqlRows(
            t,
            `update annual_returns set status = '${state}' where incubator_id = '${a}' and year = 2019`,
          );
          const res = await call(
            'POST',
            `/incubators/${a}/returns/2019/${action}`,
            token(role),
            BODIES[action],
          );
          const admitted = MATRIX[action]![role] !== undefined;
          const to = MATRIX[action]![role]?.[state];
          const expected = !admitted ? 403 : to ? 200 : 409;
          const [row] = await sqlRows<{ status: string }>(
            t,
            `select status from annual_returns where incubator_id = '${a}' and year = 2019`,
          );
          cells.push(`${action} ${role} ${state}: ${res.status} ${row!.status}`);
          expect(res.status, `${action} by ${role} from ${state}: ${JSON.stringify(res.body)}`).toBe(
            expected,
          );
          expect(row!.status).toBe(to ?? state);
          if (to) expect(res.body.status).toBe(to);
        }
      }
    }
    expect(cells).toHaveLength(RETURN_ACTIONS.length * 3 * RETURN_STATUSES.length);
  });

  it('keeps each return in its own scope for reviewers', async () => {
    const b = w.incubators.b.id;
    await call('POST', `/incubators/${b}/returns/2025/submit`, w.users.managerB.token);
    expectProblem(await call('POST', `/incubators/${b}/returns/2025/approve`, token('province')), 404);
    expectProblem(await call('POST', `/incubators/${b}/returns/2025/submit`, token('manager')), 404);
    const ok = await call('POST', `/incubators/${b}/returns/2025/approve`, w.users.provinceBeijing.token);
    expect(ok.body.status).toBe('approved');
  });

  it('has a default deadline that national can move, and judges on time by the first submission', async () => {
    expect((await call('GET', '/returns/deadlines/2024', token('manager'))).body).toEqual({
      year: 2024,
      deadline: '2025-01-31',
      isDefault: true,
    });
    expectProblem(
      await call('PUT', '/returns/deadlines/2024', token('province'), { deadline: '2027-01-31' }),
      403,
    );
    expectProblem(
      await call('PUT', '/returns/deadlines/2024', token('national'), { deadline: '2024-12-01' }),
      422,
      ['deadline'],
    );
    // Nothing to return on a return never filed.
    const a2 = w.incubators.a2.id;
    expectProblem(
      await call('POST', `/incubators/${a2}/returns/2024/return`, token('province'), { comment: 'x' }),
      409,
    );
    // Filed today, long after 31 January 2025: late.
    const submitted = await call(
      'POST',
      `/incubators/${w.incubators.a.id}/returns/2024/submit`,
      token('manager'),
    );
    expect(submitted.body).toMatchObject({ status: 'submitted', deadline: '2025-01-31', onTime: false });
    const moved = await call('PUT', '/returns/deadlines/2024', token('national'), { deadline: '2099-01-31' });
    expect(moved.body).toEqual({ year: 2024, deadline: '2099-01-31', isDefault: false });
    const again = await call('GET', `/incubators/${w.incubators.a.id}/returns/2024`, token('manager'));
    expect(again.body).toMatchObject({ deadline: '2099-01-31', onTime: true });
    const tally = await call('GET', '/returns/completeness?year=2024', token('national'));
    expect(tally.body).toMatchObject({ deadline: '2099-01-31', expected: 3, submitted: 1, onTime: 1 });
  });

  it('tallies completeness by province for the nation and by incubator for a province', async () => {
    const nation = await call('GET', '/returns/completeness?year=2025', token('national'));
    expect(nation.status).toBe(200);
    expect(nation.body).toMatchObject({ year: 2025, expected: 3, submitted: 1, approved: 1, accepted: 0 });
    const rows = Object.fromEntries(nation.body.rows.map((r: { key: string }) => [r.key, r]));
    expect(rows[HUBEI]).toMatchObject({ label: '湖北省', expected: 2, submitted: 0 });
    expect(rows[BEIJING]).toMatchObject({ expected: 1, submitted: 1, approved: 1 });
    const hubei = await call('GET', '/returns/completeness?year=2025', token('province'));
    expect(hubei.body.rows.map((r: { key: string; status: string | null }) => [r.key, r.status])).toEqual(
      expect.arrayContaining([
        [w.incubators.a.id, null],
        [w.incubators.a2.id, null],
      ]),
    );
    expect(hubei.body.rows).toHaveLength(2);
    const drill = await call('GET', `/returns/completeness?year=2025&province=${BEIJING}`, token('national'));
    expect(drill.body.rows).toEqual([
      expect.objectContaining({ key: w.incubators.b.id, status: 'approved' }),
    ]);
    expectProblem(
      await call('GET', `/returns/completeness?year=2025&province=${BEIJING}`, token('province')),
      404,
    );
    expectProblem(await call('GET', '/returns/completeness?year=2025', token('manager')), 403);
  });

  it('lists the review queue in scope, filtered by status (drafts include returns never saved)', async () => {
    const queue = await call('GET', '/returns?year=2025&status=approved', token('national'));
    expect(queue.body.items).toEqual([
      expect.objectContaining({ incubatorId: w.incubators.b.id, status: 'approved', provinceCode: BEIJING }),
    ]);
    const chase = await call('GET', '/returns?year=2025&status=draft', token('province'));
    expect(chase.body.total).toBe(2);
    expect((await call('GET', '/returns?year=2025', w.users.provinceBeijing.token)).body.total).toBe(1);
  });
  it('answers completeness from the cache until a transition changes it', async () => {
    const url = '/returns/completeness?year=2023';
    const first = await call('GET', url, token('province'));
    expect(first.headers['x-stats-cache']).toBe('miss');
    expect(first.body).toMatchObject({ expected: 2, submitted: 0 });
    const again = await call('GET', url, token('province'));
    expect(again.headers['x-stats-cache']).toBe('hit');
    expect(again.body).toEqual(first.body);
    // The national drill-down into the same province is the same question: one answer.
    const drill = await call('GET', `${url}&province=${HUBEI}`, token('national'));
    expect(drill.headers['x-stats-cache']).toBe('hit');
    expect(drill.body).toEqual(first.body);

    const a = w.incubators.a.id;
    const draft = await call('GET', `/incubators/${a}/returns/2023`, token('manager'));
    await call('PUT', `/incubators/${a}/returns/2023`, token('manager'), {
      version: 0,
      figures: draft.body.figures,
    });
    expect((await call('POST', `/incubators/${a}/returns/2023/submit`, token('manager'))).status).toBe(200);
    const after = await call('GET', url, token('province'));
    expect(after.headers['x-stats-cache']).toBe('miss');
    expect(after.body).toMatchObject({ expected: 2, submitted: 1 });
    expect(after.body.rows).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: a, status: 'submitted', submitted: 1 })]),
    );
  });
  it('sends a cached completeness as the UTF-8 bytes of its JSON, the same on a hit as on the miss', async () => {
    // The bytes on the wire, not a parsed body: the answer is kept encoded (stats/cached-reply.ts).
    const get = () =>
      t.app.inject({
        method: 'GET',
        url: '/api/v1/returns/completeness?year=2021',
        headers: { authorization: `Bearer ${token('province')}` },
      });
    const miss = await get();
    const hit = await get();
    expect([miss.statusCode, hit.statusCode]).toEqual([200, 200]);
    expect([miss.headers['x-stats-cache'], hit.headers['x-stats-cache']]).toEqual(['miss', 'hit']);
    for (const res of [miss, hit]) {
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    }
    expect(hit.rawPayload.equals(miss.rawPayload)).toBe(true);
    const body = JSON.parse(hit.rawPayload.toString('utf8'));
    expect(body).toMatchObject({ year: 2021, expected: 2 });
    expect(body.rows.map((r: { label: string }) => r.label).sort()).toEqual(['宜昌乙孵化器', '武汉甲孵化器']);
  });
});
