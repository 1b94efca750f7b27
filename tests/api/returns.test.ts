// Annual returns (年度统计报表): the computed aggregates, validation, the workflow by role and state,
// locking, comments and the diff after a return, reopening, deadlines and completeness.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { nextUscc, sqlRows, twoProvinceWorld } from '../helpers/fixtures';
import { expectProblem } from './problem';

type World = Awaited<ReturnType<typeof twoProvinceWorld>>;

describe('annual returns', () => {
  let t: TestApp;
  let w: World;
  let a: string;
  beforeAll(async () => {
    t = await createTestApp();
    w = await twoProvinceWorld(t, 'ret');
    a = w.incubators.a.id;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, token: string, payload?: object) =>
    t.request({ method, url: `/api/v1${url}`, token, ...(payload ? { payload } : {}) });
  const url = (year: number, action = '', id = a) =>
    `/incubators/${id}/returns/${year}${action && `/${action}`}`;
  const tokens = () => ({
    manager: w.users.managerA.token,
    province: w.users.provinceHubei.token,
    national: w.users.national.token,
  });

  async function save(year: number, figures: Record<string, number>, explanations?: Record<string, string>) {
    const current = await call('GET', url(year), tokens().manager);
    const res = await call('PUT', url(year), tokens().manager, {
      version: current.body.version,
      figures: { ...current.body.figures, ...figures },
      ...(explanations ? { explanations } : {}),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  async function walk(year: number, to: 'submitted' | 'approved' | 'accepted') {
    const { manager, province, national } = tokens();
    expect((await call('POST', url(year, 'submit'), manager)).status).toBe(200);
    if (to === 'submitted') return;
    expect((await call('POST', url(year, 'approve'), province)).status).toBe(200);
    if (to === 'approved') return;
    expect((await call('POST', url(year, 'accept'), national)).status).toBe(200);
  }

  it('shows a never-saved return as a prefilled draft with the aggregates the statistics compute', async () => {
    const res = await call('GET', url(2025), tokens().manager);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', version: 0, deadline: '2026-01-31', history: [] });
    expect(res.body.figures).toMatchObject({ totalArea: 20000, tenantArea: 16000, incomeTotal: 0 });
    const live = await call(
      'GET',
      `/stats/summary?year=2025&groupBy=field&incubatorId=${a}`,
      tokens().national,
    );
    const { incubators: _i, ...indicators } = live.body.total;
    expect(res.body.computed).toMatchObject(indicators);
    expect(res.body.computed.tenantsIncubating).toBe(2);
    expect(res.body.recognition).toMatchObject({ ruleYear: 2018, ready: false });
    expect(res.body.actions).toEqual(['submit']);
  });

  it('is visible in scope only', async () => {
    expectProblem(await call('GET', url(2025), w.users.managerB.token), 404);
    expectProblem(await call('GET', url(2025), w.users.provinceBeijing.token), 404);
    expectProblem(await call('GET', url(2025), w.users.tenantUser.token), 403);
    expect((await call('GET', url(2025), tokens().province)).status).toBe(200);
    expectProblem(await call('PUT', url(2025), tokens().national, { version: 0, figures: {} }), 403);
  });

  it('refuses to submit while an error stands, and names the figure', async () => {
    const body = await save(2024, { tenantArea: 30000, incomeServices: 5, incomeTotal: 4 });
    expect(body.flags.map((f: { code: string }) => f.code)).toEqual([
      'tenant_area_exceeds_total:figures.tenantArea',
      'sum_mismatch:figures.incomeTotal',
    ]);
    expect(body.flags[0]).toMatchObject({ severity: 'error', value: 30000, reference: 20000 });
    const res = await call('POST', url(2024, 'submit'), tokens().manager);
    expectProblem(res, 422, ['figures.tenantArea', 'figures.incomeTotal']);
    await save(2024, { tenantArea: 16000, incomeServices: 1_000_000, incomeTotal: 1_000_000 });
    await walk(2024, 'accepted');
  });

  it('needs an explanation for a tenfold jump since last year before it can be submitted', async () => {
    const body = await save(2025, { incomeServices: 20_000_000, incomeTotal: 20_000_000 });
    const code = 'year_on_year:figures.incomeServices';
    expect(body.flags).toEqual(
      expect.arrayContaining([expect.objectContaining({ code, severity: 'warning', reference: 1_000_000 })]),
    );
    const refused = await call('POST', url(2025, 'submit'), tokens().manager);
    expectProblem(refused, 422, [`explanations.${code}`, 'explanations.year_on_year:figures.incomeTotal']);
    await save(2025, {}, { [code]: '新增孵化服务合同', 'year_on_year:figures.incomeTotal': '同上' });
    const submitted = await call('POST', url(2025, 'submit'), tokens().manager);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.flags.find((f: { code: string }) => f.code === code).explanation).toBe(
      '新增孵化服务合同',
    );
  });

  it('locks a submitted, approved or accepted return against edits', async () => {
    for (const [year, to] of [
      [2021, 'submitted'],
      [2022, 'approved'],
      [2023, 'accepted'],
    ] as const) {
      await save(year, { staffCount: 5 });
      await walk(year, to);
      const current = await call('GET', url(year), tokens().manager);
      const res = await call('PUT', url(year), tokens().manager, {
        version: current.body.version,
        figures: current.body.figures,
      });
      expectProblem(res, 409, ['status']);
    }
  });

  it('refuses a stale version', async () => {
    const first = await save(2020, { staffCount: 3 });
    const res = await call('PUT', url(2020), tokens().manager, {
      version: first.version - 1,
      figures: first.figures,
    });
    expectProblem(res, 409, ['version']);
  });

  it('returns with per-field comments; the resubmission shows what changed; every step is in the history', async () => {
    const { manager, province, national } = tokens();
    const bad = await call('POST', url(2025, 'return'), province, {
      comment: '请核实',
      fieldComments: [{ path: 'nowhere', comment: 'x' }],
    });
    expectProblem(bad, 400);
    const returned = await call('POST', url(2025, 'return'), province, {
      comment: '请核实场地面积',
      fieldComments: [{ path: 'figures.tenantArea', comment: '与去年差异较大' }],
    });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');
    expect(returned.body.comments).toEqual([
      expect.objectContaining({ path: null, comment: '请核实场地面积' }),
      expect.objectContaining({ path: 'figures.tenantArea', comment: '与去年差异较大' }),
    ]);
    const fixed = await save(2025, { tenantArea: 15000 });
    expect(fixed.changes).toEqual([{ path: 'figures.tenantArea', before: 16000, after: 15000 }]);
    expect((await call('POST', url(2025, 'submit'), manager)).status).toBe(200);
    expect((await call('POST', url(2025, 'approve'), province)).status).toBe(200);
    const accepted = await call('POST', url(2025, 'accept'), national);
    expect(accepted.body.status).toBe('accepted');
    expect(
      accepted.body.history.map((h: { action: string; status: string }) => `${h.action}>${h.status}`),
    ).toEqual([
      'submit>submitted',
      'return>returned',
      'submit>submitted',
      'approve>approved',
      'accept>accepted',
    ]);
    expect(accepted.body.history[1]).toMatchObject({
      reason: '请核实场地面积',
      by: w.users.provinceHubei.id,
    });
    const audit = await sqlRows<{ action: string }>(
      t,
      `select action from audit_log where entity = 'annual_return' and entity_id =
        (select id::text from annual_returns where incubator_id = '${a}' and year = 2025) order by id`,
    );
    expect(audit.map((r) => r.action).filter((x) => x !== 'annual_return.save')).toEqual([
      'annual_return.submit',
      'annual_return.return',
      'annual_return.submit',
      'annual_return.approve',
      'annual_return.accept',
    ]);
  });

  it('counts the accepted return officially; later edits of the records change live figures only', async () => {
    const { national, manager } = tokens();
    const official = () => call('GET', '/stats/summary?year=2025&source=official&groupBy=province', national);
    const before = await official();
    expect(before.body).toMatchObject({ available: true, coverage: { expected: 3, accepted: 1 } });
    expect(before.body.total.tenantsIncubating).toBe(2);
    expect(before.body.rows.find((r: { key: string }) => r.key === '420000').tenantsIncubating).toBe(2);
    const admitted = await call('POST', `/incubators/${a}/tenants`, manager, {
      name: '迟录科技有限公司',
      uscc: nextUscc(),
      foundedOn: '2025-01-10',
      admittedOn: '2025-03-01',
      field: 'new_energy',
    });
    expect(admitted.status).toBe(201);
    const live = await call('GET', `/stats/summary?year=2025&incubatorId=${a}`, national);
    expect(live.body.total.tenantsIncubating).toBe(3);
    expect((await official()).body).toEqual(before.body);
    const series = await call('GET', '/stats/timeseries?from=2023&to=2025&source=official', national);
    expect(series.body.total).toEqual([
      { year: 2023, value: 0 },
      { year: 2024, value: 2 },
      { year: 2025, value: 2 },
    ]);
    expect(series.body.coverage.map((c: { accepted: number }) => c.accepted)).toEqual([1, 1, 1]);
    const csv = await call('GET', '/stats/export?year=2025&format=csv&source=official', national);
    expect(csv.status).toBe(200);
    expectProblem(await call('GET', '/stats/export?year=2019&format=csv&source=official', national), 409);
    expectProblem(await call('GET', '/stats/summary?asOf=2025-06-30&source=official', national), 400);
  });

  it('reopens an accepted return only with a reason, and only nationally', async () => {
    expectProblem(await call('POST', url(2023, 'reopen'), tokens().national, {}), 400, ['reason']);
    expectProblem(await call('POST', url(2023, 'reopen'), tokens().province, { reason: 'x' }), 403);
    const res = await call('POST', url(2023, 'reopen'), tokens().national, { reason: '数据更正' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'returned', acceptedAt: null });
    expect(res.body.history.at(-1)).toMatchObject({
      action: 'reopen',
      status: 'returned',
      reason: '数据更正',
    });
  });
});
