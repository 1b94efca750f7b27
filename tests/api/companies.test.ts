// The national company search and a company's history across incubators (GET /companies, /companies/:id):
// national and provincial users only, a province sees only companies with a stay in its incubators
// and only those stays; two-character Chinese substrings and USCC prefixes are found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { admit, markExited, nextUscc, sqlRows, twoProvinceWorld } from '../helpers/fixtures';
import { expectProblem } from './problem';

describe('companies', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof twoProvinceWorld>>;
  /** A company that stayed in Beijing (B), then moved to Hubei (A2). */
  let mover: { companyId: string; beijingTenancy: string; hubeiTenancy: string; uscc: string };

  const search = (token: string, q: string, extra = '') =>
    t.request({ method: 'GET', url: `/api/v1/companies?q=${encodeURIComponent(q)}${extra}`, token });
  const names = (body: { items: { name: string }[] }) => body.items.map((c) => c.name);

  beforeAll(async () => {
    t = await createTestApp();
    w = await twoProvinceWorld(t, 'co');
    const first = await admit(t, w.users.managerB.token, w.incubators.b.id, {
      name: '候鸟迁徙科技有限公司',
      uscc: nextUscc('110108'),
      admittedOn: '2024-06-01',
    });
    await markExited(t, first.id, '2025-01-31');
    const second = await admit(t, w.users.managerA.token, w.incubators.a.id, {
      name: '候鸟迁徙科技有限公司',
      uscc: first.uscc,
      admittedOn: '2025-03-01',
    });
    mover = {
      companyId: first.companyId,
      beijingTenancy: first.id,
      hubeiTenancy: second.id,
      uscc: first.uscc,
    };
  }, 60_000);
  afterAll(() => t?.close());

  it('finds companies by a two-character Chinese substring, by name, with the total', async () => {
    const res = await search(w.users.national.token, '光谷');
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(['光谷乙科技有限公司', '光谷甲科技有限公司']);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    const all = await search(w.users.national.token, '科技', '&pageSize=2&page=3');
    expect(all.body.total).toBe(5);
    expect(names(all.body)).toEqual(['宜昌丁科技有限公司']);
    // A page past the last still tells the total.
    const past = await search(w.users.national.token, '科技', '&pageSize=2&page=4');
    expect(past.body).toMatchObject({ items: [], total: 5, page: 4 });
  });

  it('finds two characters of the English name in any case, never across the two names', async () => {
    const optics = await admit(t, w.users.managerA.token, w.incubators.a.id, {
      name: '东湖光学甲',
      nameEn: 'Xenon OPTICS Wuhan',
      uscc: nextUscc(),
      admittedOn: '2025-04-01',
    });
    for (const q of ['op', 'OP', 'Op', 'xe', 's w']) {
      const res = await search(w.users.national.token, q);
      expect(names(res.body), q).toContain('东湖光学甲');
    }
    // The index joins the two names: the end of one and the start of the other is no match.
    expect(names((await search(w.users.national.token, '甲x')).body)).not.toContain('东湖光学甲');
    // Two characters that start a USCC find it, though no name contains them.
    const prefix = optics.uscc.slice(0, 2);
    const [{ n }] = (await sqlRows<{ n: number }>(
      t,
      `select count(*)::int as n from companies where uscc like '${prefix}%'`,
    )) as [{ n: number }];
    expect(n).toBeGreaterThan(1);
    expect((await search(w.users.national.token, prefix)).body.total).toBe(n);
  });

  it('finds a company by the start of its USCC, in any case, and not by its middle', async () => {
    const res = await search(w.users.national.token, mover.uscc.slice(0, 17).toLowerCase());
    expect(names(res.body)).toEqual(['候鸟迁徙科技有限公司']);
    expect((await search(w.users.national.token, mover.uscc.slice(4, 14))).body.total).toBe(0);
  });

  it('treats % and _ as letters', async () => {
    expect((await search(w.users.national.token, '%%')).body).toMatchObject({ items: [], total: 0 });
    expect((await search(w.users.national.token, '__')).body.total).toBe(0);
  });

  it('shows a province only the companies with a stay in its incubators', async () => {
    expect(names((await search(w.users.provinceHubei.token, '科技')).body)).toEqual([
      '候鸟迁徙科技有限公司',
      '光谷乙科技有限公司',
      '光谷甲科技有限公司',
      '宜昌丁科技有限公司',
    ]);
    expect(names((await search(w.users.provinceBeijing.token, '科技')).body)).toEqual([
      '中关村丙科技有限公司',
      '候鸟迁徙科技有限公司',
    ]);
  });

  it('answers the whole history to the national user, latest stay first', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/companies/${mover.companyId}`,
      token: w.users.national.token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: mover.companyId, uscc: mover.uscc, name: '候鸟迁徙科技有限公司' });
    expect(res.body.tenancies).toEqual([
      expect.objectContaining({
        id: mover.hubeiTenancy,
        incubatorId: w.incubators.a.id,
        status: 'incubating',
      }),
      expect.objectContaining({
        id: mover.beijingTenancy,
        incubatorId: w.incubators.b.id,
        provinceCode: '110000',
        status: 'exited',
        exitedOn: '2025-01-31',
      }),
    ]);
  });

  it('answers a province only the stays in its incubators, and 404 for a company with none', async () => {
    const hubei = await t.request({
      method: 'GET',
      url: `/api/v1/companies/${mover.companyId}`,
      token: w.users.provinceHubei.token,
    });
    expect(hubei.body.tenancies.map((s: { id: string }) => s.id)).toEqual([mover.hubeiTenancy]);
    const outside = await t.request({
      method: 'GET',
      url: `/api/v1/companies/${w.tenants.tenantA2.companyId}`,
      token: w.users.provinceBeijing.token,
    });
    expectProblem(outside, 404);
    const unknown = await t.request({
      method: 'GET',
      url: '/api/v1/companies/00000000-0000-4000-8000-000000000000',
      token: w.users.national.token,
    });
    expectProblem(unknown, 404);
  });

  it('refuses managers, tenant users and anonymous callers', async () => {
    for (const user of [w.users.managerA, w.users.tenantUser]) {
      expectProblem(await search(user.token, '科技'), 403);
      expectProblem(
        await t.request({ method: 'GET', url: `/api/v1/companies/${mover.companyId}`, token: user.token }),
        403,
      );
    }
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/companies?q=科技' }), 401);
  });

  it('refuses a search of fewer than two characters', async () => {
    expectProblem(await search(w.users.national.token, '科'), 400);
    expectProblem(
      await t.request({ method: 'GET', url: '/api/v1/companies', token: w.users.national.token }),
      400,
    );
  });
});
