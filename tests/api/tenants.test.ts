// Admission (USCC identity, one incubation at a time, admission window), editing with versions,
// search, filters, sort and paging, and the audit row every write leaves.
import { addMonths, todayInChina } from '@torch/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { admit, markExited, nextUscc, sqlRows, tenantBody, userWithToken, world } from '../helpers/fixtures';
import { expectProblem } from './problem';

/** Dates relative to today, so that "overdue" means the same thing whenever the suite runs. */
const monthsAgo = (months: number) => addMonths(todayInChina(), -months);

interface AuditRow {
  action: string;
  entity: string;
  entity_id: string;
  user_id: string | null;
  incubator_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe('tenants', () => {
  let t: TestApp;
  let a: string;
  let b: string;
  let managerA: { id: string; token: string };
  let managerB: { id: string; token: string };

  beforeAll(async () => {
    t = await createTestApp();
    const w = await world(t, 'ten');
    a = (await w.incubator('光谷甲孵化器')).id;
    b = (await w.incubator('中关村乙孵化器', { provinceCode: '110000', city: '北京' })).id;
    managerA = await userWithToken(t, {
      email: 'ten.a@test.cn',
      role: 'incubator_manager',
      incubatorIds: [a],
    });
    managerB = await userWithToken(t, {
      email: 'ten.b@test.cn',
      role: 'incubator_manager',
      incubatorIds: [b],
    });
  });
  afterAll(() => t.close());

  const post = (incubatorId: string, token: string, body: Record<string, unknown>) =>
    t.request({ method: 'POST', url: `/api/v1/incubators/${incubatorId}/tenants`, token, payload: body });
  const get = (id: string, token = managerA.token) =>
    t.request({ method: 'GET', url: `/api/v1/tenants/${id}`, token });
  const list = (incubatorId: string, query: string, token = managerA.token) =>
    t.request({ method: 'GET', url: `/api/v1/incubators/${incubatorId}/tenants${query}`, token });
  const auditOf = (entityId: string) =>
    sqlRows<AuditRow>(t, `select * from audit_log where entity_id = '${entityId}' order by id`);

  describe('admission', () => {
    it('admits a company: the tenancy id, its company id, incubating, version 1, the incubation end', async () => {
      const [foundedOn, admittedOn] = [monthsAgo(12), monthsAgo(6)];
      const body = tenantBody({ name: '光谷光电科技有限公司', foundedOn, admittedOn, areaOccupied: 120.5 });
      const res = await post(a, managerA.token, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        companyId: expect.any(String),
        incubatorId: a,
        name: '光谷光电科技有限公司',
        uscc: body.uscc,
        foundedOn,
        admittedOn,
        areaOccupied: 120.5,
        status: 'incubating',
        graduatedOn: null,
        exitedOn: null,
        version: 1,
        incubationEndsOn: addMonths(admittedOn, 48),
        overdue: false,
      });
      expect(res.body.id).not.toBe(res.body.companyId);
      expect((await get(res.body.id)).body).toEqual(res.body);
    });

    it('gives biomedicine and integrated-circuit companies the 60-month limit', async () => {
      expect(
        (await admit(t, managerA.token, a, { field: 'biomedicine', admittedOn: '2024-06-01' })) as unknown,
      ).toMatchObject({
        incubationEndsOn: '2029-06-01',
      });
      expect(
        (await admit(t, managerA.token, a, { integratedCircuit: true, admittedOn: '2024-06-01' })) as unknown,
      ).toMatchObject({
        incubationEndsOn: '2029-06-01',
      });
    });

    it('checks the USCC check digit and length', async () => {
      const good = nextUscc();
      const wrongDigit = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      expectProblem(await post(a, managerA.token, tenantBody({ uscc: wrongDigit })), 400, ['uscc']);
      expectProblem(await post(a, managerA.token, tenantBody({ uscc: good.slice(0, 17) })), 400, ['uscc']);
      expectProblem(await post(a, managerA.token, tenantBody({ uscc: `${good.slice(0, 16)}IO` })), 400, [
        'uscc',
      ]);
    });

    it('normalises lower case and spaces in the USCC, so the same company is found again', async () => {
      const uscc = nextUscc();
      const typed = ` ${uscc.slice(0, 6).toLowerCase()} ${uscc.slice(6, 12).toLowerCase()}  ${uscc.slice(12)} `;
      const res = await post(a, managerA.token, tenantBody({ uscc: typed }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.uscc).toBe(uscc);
      // The canonical form is the same company: already incubating.
      expectProblem(await post(b, managerB.token, tenantBody({ uscc })), 409, ['uscc']);
    });

    it('refuses a company already incubating, elsewhere or here, with 409 and writes nothing', async () => {
      const first = await admit(t, managerA.token, a, { name: '唯一在孵有限公司' });
      const before = await sqlRows(t, 'select count(*)::int as n from tenants');
      expectProblem(await post(b, managerB.token, tenantBody({ uscc: first.uscc })), 409, ['uscc']);
      expectProblem(await post(a, managerA.token, tenantBody({ uscc: first.uscc })), 409, ['uscc']);
      expect(await sqlRows(t, 'select count(*)::int as n from tenants')).toEqual(before);
    });

    it('admits a company that exited A into B as the same company with a second tenancy', async () => {
      const first = await admit(t, managerA.token, a, {
        name: '迁移科技有限公司',
        foundedOn: '2023-03-01',
        admittedOn: '2023-05-01',
      });
      await markExited(t, first.id, '2024-12-31');
      const second = await post(
        b,
        managerB.token,
        tenantBody({
          uscc: first.uscc,
          name: '迁移科技（北京）有限公司',
          foundedOn: '2023-03-01',
          admittedOn: '2025-01-15',
        }),
      );
      expect(second.status, JSON.stringify(second.body)).toBe(201);
      expect(second.body).toMatchObject({
        companyId: first.companyId,
        incubatorId: b,
        status: 'incubating',
        admittedOn: '2025-01-15',
      });
      expect(second.body.id).not.toBe(first.id);

      const tenancies = await sqlRows<{ incubator_id: string; status: string }>(
        t,
        `select incubator_id, status from tenants where company_id = '${first.companyId}' order by admitted_on`,
      );
      expect(tenancies).toEqual([
        { incubator_id: a, status: 'exited' },
        { incubator_id: b, status: 'incubating' },
      ]);
      // The old tenancy stays on A's books as A recorded it; B sees its own name; the national
      // record is the current one (tests/api/company-identity.test.ts goes further).
      const old = await get(first.id);
      expect(old.body).toMatchObject({ status: 'exited', exitedOn: '2024-12-31', name: '迁移科技有限公司' });
      expect(second.body.name).toBe('迁移科技（北京）有限公司');
      expect((await list(a, '?status=exited')).body.items.map((x: { id: string }) => x.id)).toContain(
        first.id,
      );
      const audit = await auditOf(first.companyId);
      expect(audit.map((r) => [r.action, r.incubator_id])).toEqual([['company.update', null]]);
      expect(audit[0]!.before).toMatchObject({ name: '迁移科技有限公司' });
      expect(audit[0]!.after).toMatchObject({ name: '迁移科技（北京）有限公司' });
    });

    it('refuses admission before the previous tenancy ended with 422', async () => {
      const first = await admit(t, managerA.token, a, { foundedOn: '2023-03-01', admittedOn: '2023-05-01' });
      await markExited(t, first.id, '2024-12-31');
      const res = await post(
        b,
        managerB.token,
        tenantBody({ uscc: first.uscc, foundedOn: '2023-03-01', admittedOn: '2024-12-30' }),
      );
      expectProblem(res, 422, ['admittedOn']);
      // The day it left is fine.
      expect(
        (
          await post(
            b,
            managerB.token,
            tenantBody({ uscc: first.uscc, foundedOn: '2023-03-01', admittedOn: '2024-12-31' }),
          )
        ).status,
      ).toBe(201);
    });

    it('needs a reason to admit a company founded more than 24 months before', async () => {
      const old = { foundedOn: '2020-01-01', admittedOn: '2022-01-02' };
      const refused = await post(a, managerA.token, tenantBody(old));
      expectProblem(refused, 422, ['admissionExceptionReason']);
      // Exactly 24 months is inside the window.
      expect(
        (await post(a, managerA.token, tenantBody({ foundedOn: '2020-01-01', admittedOn: '2022-01-01' })))
          .status,
      ).toBe(201);
      const withReason = await post(
        a,
        managerA.token,
        tenantBody({ ...old, admissionExceptionReason: '转型升级的老企业，经评审同意入孵' }),
      );
      expect(withReason.status, JSON.stringify(withReason.body)).toBe(201);
      expect(withReason.body.admissionExceptionReason).toBe('转型升级的老企业，经评审同意入孵');
    });

    it('answers 404 for an incubator outside the scope before looking at the body', async () => {
      expectProblem(
        await post(b, managerA.token, tenantBody({ foundedOn: '2015-01-01', admittedOn: '2024-01-01' })),
        404,
      );
    });
  });

  describe('editing', () => {
    it('bumps the version on success and refuses a stale version with 409', async () => {
      const tenant = await admit(t, managerA.token, a, { name: '版本测试有限公司' });
      const url = `/api/v1/tenants/${tenant.id}`;
      const first = await t.request({
        method: 'PATCH',
        url,
        token: managerA.token,
        payload: { version: 1, areaOccupied: 300, name: '版本测试股份有限公司' },
      });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body).toMatchObject({ version: 2, areaOccupied: 300, name: '版本测试股份有限公司' });

      const stale = await t.request({
        method: 'PATCH',
        url,
        token: managerA.token,
        payload: { version: 1, areaOccupied: 999 },
      });
      expectProblem(stale, 409, ['version']);
      expect((await get(tenant.id)).body).toMatchObject({ version: 2, areaOccupied: 300 });
      const ahead = await t.request({
        method: 'PATCH',
        url,
        token: managerA.token,
        payload: { version: 7, areaOccupied: 999 },
      });
      expectProblem(ahead, 409, ['version']);

      const second = await t.request({
        method: 'PATCH',
        url,
        token: managerA.token,
        payload: { version: 2, admittedOn: '2024-07-01', highTechCertifiedOn: '2025-01-01' },
      });
      expect(second.status, JSON.stringify(second.body)).toBe(200);
      expect(second.body).toMatchObject({
        version: 3,
        admittedOn: '2024-07-01',
        incubationEndsOn: '2028-07-01',
        highTechCertifiedOn: '2025-01-01',
      });
    });

    it('applies the date rules to the record as it would become', async () => {
      const tenant = await admit(t, managerA.token, a, { foundedOn: '2024-01-10', admittedOn: '2024-06-01' });
      const url = `/api/v1/tenants/${tenant.id}`;
      expectProblem(
        await t.request({
          method: 'PATCH',
          url,
          token: managerA.token,
          payload: { version: 1, admittedOn: '2024-01-01' },
        }),
        422,
        ['admittedOn'],
      );
      expectProblem(
        await t.request({
          method: 'PATCH',
          url,
          token: managerA.token,
          payload: { version: 1, foundedOn: '2021-01-01' },
        }),
        422,
        ['admissionExceptionReason'],
      );
      expect((await get(tenant.id)).body.version).toBe(1);
    });
  });

  describe('search, filters, sort and paging', () => {
    let incubatorId: string;
    let token: string;
    const made: Record<string, { id: string; uscc: string }> = {};

    beforeAll(async () => {
      const w = await world(t, 'search');
      incubatorId = (await w.incubator('检索测试孵化器')).id;
      token = (
        await userWithToken(t, {
          email: 'search.manager@test.cn',
          role: 'incubator_manager',
          incubatorIds: [incubatorId],
        })
      ).token;
      const specs: [string, Record<string, unknown>][] = [
        [
          'laser',
          {
            name: '武汉光谷激光技术有限公司',
            nameEn: 'Wuhan Optics Valley Laser Co., Ltd.',
            field: 'electronic_information',
            foundedOn: monthsAgo(30),
            admittedOn: monthsAgo(20),
          },
        ],
        [
          'biomed',
          {
            name: '楚天生物医药有限公司',
            field: 'biomedicine',
            foundedOn: monthsAgo(14),
            admittedOn: monthsAgo(8),
          },
        ],
        [
          'materials',
          {
            name: '江城新材料科技有限公司',
            field: 'new_materials',
            foundedOn: monthsAgo(40),
            admittedOn: monthsAgo(30),
          },
        ],
        // 50 months in, past the 48-month limit.
        [
          'overdue',
          {
            name: '老牌光电有限公司',
            field: 'electronic_information',
            foundedOn: monthsAgo(62),
            admittedOn: monthsAgo(50),
          },
        ],
        // Past the limit too, but it left: never overdue.
        [
          'exited',
          {
            name: '已迁出光谷有限公司',
            field: 'new_materials',
            foundedOn: monthsAgo(70),
            admittedOn: monthsAgo(60),
          },
        ],
      ];
      for (const [key, spec] of specs) made[key] = await admit(t, token, incubatorId, spec);
      await markExited(t, made.exited!.id, monthsAgo(40));
    });

    const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((x) => x.name);

    it('finds by a Chinese name substring', async () => {
      const res = await list(incubatorId, `?q=${encodeURIComponent('光谷')}`, token);
      expect(res.status).toBe(200);
      expect(names(res).sort()).toEqual(['已迁出光谷有限公司', '武汉光谷激光技术有限公司'].sort());
      expect(res.body.total).toBe(2);
      expect(names(await list(incubatorId, `?q=${encodeURIComponent('生物')}`, token))).toEqual([
        '楚天生物医药有限公司',
      ]);
    });

    it('finds by the English name in any case, and by a Chinese substring as it is', async () => {
      for (const q of ['optics valley', 'OPTICS', 'Laser Co']) {
        expect(names(await list(incubatorId, `?q=${encodeURIComponent(q)}`, token)), q).toEqual([
          '武汉光谷激光技术有限公司',
        ]);
      }
      // Chinese with a Latin letter: compared without case, as a whole.
      expect((await list(incubatorId, `?q=${encodeURIComponent('光谷o')}`, token)).body.total).toBe(0);
      expect((await list(incubatorId, `?q=${encodeURIComponent('激光技术')}`, token)).body.total).toBe(1);
    });

    it('finds by a USCC prefix, in any case, and treats % and _ as letters', async () => {
      const { uscc } = made.materials!;
      // Fixture USCCs share long prefixes: the 17 characters before the check character are this one's.
      expect(names(await list(incubatorId, `?q=${uscc.slice(0, 17)}`, token))).toEqual([
        '江城新材料科技有限公司',
      ]);
      expect(names(await list(incubatorId, `?q=${uscc.slice(0, 17).toLowerCase()}`, token))).toEqual([
        '江城新材料科技有限公司',
      ]);
      expect(names(await list(incubatorId, `?q=${uscc}`, token))).toEqual(['江城新材料科技有限公司']);
      const shared = await list(incubatorId, `?q=${uscc.slice(0, 8)}`, token);
      expect(shared.body.total).toBe(5);
      // A prefix, not a substring.
      expect((await list(incubatorId, `?q=${uscc.slice(1, 17)}`, token)).body.items).toEqual([]);
      expect((await list(incubatorId, '?q=%25', token)).body.total).toBe(0);
      expect((await list(incubatorId, '?q=_', token)).body.total).toBe(0);
    });

    it('filters by status, field and overdue', async () => {
      expect(names(await list(incubatorId, '?status=exited', token))).toEqual(['已迁出光谷有限公司']);
      expect((await list(incubatorId, '?status=incubating', token)).body.total).toBe(4);
      expect((await list(incubatorId, '?status=graduated', token)).body.total).toBe(0);
      expect(names(await list(incubatorId, '?field=new_materials', token)).sort()).toEqual(
        ['已迁出光谷有限公司', '江城新材料科技有限公司'].sort(),
      );
      const overdue = await list(incubatorId, '?overdue=true', token);
      expect(names(overdue)).toEqual(['老牌光电有限公司']);
      expect(overdue.body.items[0].overdue).toBe(true);
      const notOverdue = await list(incubatorId, '?overdue=false', token);
      expect(notOverdue.body.total).toBe(4);
      expect(notOverdue.body.items.every((x: { overdue: boolean }) => !x.overdue)).toBe(true);
      expect(
        names(
          await list(incubatorId, '?status=incubating&field=electronic_information&overdue=false', token),
        ),
      ).toEqual(['武汉光谷激光技术有限公司']);
    });

    it('sorts by name, admission and foundation, both ways, newest admission first by default', async () => {
      const all = names(await list(incubatorId, '', token));
      const byAdmission = ['biomed', 'laser', 'materials', 'overdue', 'exited'].map((k) => made[k]!.id);
      expect((await list(incubatorId, '', token)).body.items.map((x: { id: string }) => x.id)).toEqual(
        byAdmission,
      );
      expect(
        (await list(incubatorId, '?sort=admittedOn', token)).body.items.map((x: { id: string }) => x.id),
      ).toEqual([...byAdmission].reverse());
      const byName = names(await list(incubatorId, '?sort=name', token));
      expect(byName).toHaveLength(all.length);
      expect(names(await list(incubatorId, '?sort=-name', token))).toEqual([...byName].reverse());
      const byFounded = (await list(incubatorId, '?sort=foundedOn', token)).body.items.map(
        (x: { foundedOn: string }) => x.foundedOn,
      );
      expect(byFounded).toEqual([...byFounded].sort());
      const byFoundedDesc = (await list(incubatorId, '?sort=-foundedOn', token)).body.items.map(
        (x: { foundedOn: string }) => x.foundedOn,
      );
      expect(byFoundedDesc).toEqual([...byFounded].reverse());
    });

    it('pages with a total, and answers an empty page beyond the end with the total', async () => {
      const pages = [];
      for (const page of [1, 2, 3]) {
        const res = await list(incubatorId, `?sort=admittedOn&pageSize=2&page=${page}`, token);
        expect(res.body).toMatchObject({ total: 5, page, pageSize: 2 });
        pages.push(...res.body.items.map((x: { id: string }) => x.id));
      }
      expect(pages).toEqual(
        (await list(incubatorId, '?sort=admittedOn', token)).body.items.map((x: { id: string }) => x.id),
      );
      const beyond = await list(incubatorId, '?pageSize=2&page=9', token);
      expect(beyond.body).toEqual({ items: [], total: 5, page: 9, pageSize: 2 });
      const filteredBeyond = await list(incubatorId, '?status=exited&page=2', token);
      expect(filteredBeyond.body).toMatchObject({ items: [], total: 1 });
    });

    it('pages a search the same way, in each order', async () => {
      const q = `q=${encodeURIComponent('有限公司')}`;
      for (const sort of ['-admittedOn', 'admittedOn', 'name', '-foundedOn']) {
        const ids = [];
        for (const page of [1, 2, 3, 4]) {
          const res = await list(incubatorId, `?${q}&sort=${sort}&pageSize=2&page=${page}`, token);
          expect(res.body, sort).toMatchObject({ total: 5, page, pageSize: 2 });
          ids.push(...res.body.items.map((x: { id: string }) => x.id));
        }
        const whole = await list(incubatorId, `?${q}&sort=${sort}`, token);
        expect(ids, sort).toEqual(whole.body.items.map((x: { id: string }) => x.id));
        expect(ids, sort).toHaveLength(5);
      }
    });

    it('pages the incubator list the same way', async () => {
      const res = await t.request({
        method: 'GET',
        url: '/api/v1/incubators?pageSize=1&page=2&sort=-name',
        token: (await world(t, 'pager')).national.token,
      });
      expect(res.body).toMatchObject({ page: 2, pageSize: 1 });
      expect(res.body.items).toHaveLength(1);
      const total = res.body.total as number;
      const beyond = await t.request({
        method: 'GET',
        url: `/api/v1/incubators?pageSize=1&page=${total + 1}`,
        token: (await world(t, 'pager2')).national.token,
      });
      expect(beyond.body).toMatchObject({ items: [], total });
    });
  });

  describe('audit', () => {
    it('writes one row per write, with before and after, by the caller, for the incubator', async () => {
      const w = await world(t, 'audit');
      const created = await w.incubator('审计孵化器');
      const incubatorAudit = await auditOf(created.id);
      expect(incubatorAudit).toHaveLength(1);
      expect(incubatorAudit[0]).toMatchObject({
        action: 'incubator.create',
        entity: 'incubator',
        user_id: w.national.id,
        incubator_id: created.id,
      });
      expect(incubatorAudit[0]!.after).toMatchObject({ name: '审计孵化器', totalArea: 20000 });

      const patched = await t.request({
        method: 'PATCH',
        url: `/api/v1/incubators/${created.id}`,
        token: w.national.token,
        payload: { version: 1, totalArea: 25000, name: '审计孵化器二期' },
      });
      expect(patched.status).toBe(200);
      const afterPatch = await auditOf(created.id);
      expect(afterPatch).toHaveLength(2);
      expect(afterPatch[1]).toMatchObject({
        action: 'incubator.update',
        before: { totalArea: 20000, name: '审计孵化器' },
        after: { totalArea: 25000, name: '审计孵化器二期' },
      });

      const manager = await userWithToken(t, {
        email: 'audit.manager@test.cn',
        role: 'incubator_manager',
        incubatorIds: [created.id],
      });
      const tenant = await admit(t, manager.token, created.id, {
        name: '审计科技有限公司',
        areaOccupied: 80,
      });
      const admission = await auditOf(tenant.id);
      expect(admission).toHaveLength(1);
      expect(admission[0]).toMatchObject({
        action: 'tenant.admit',
        entity: 'tenant',
        user_id: manager.id,
        incubator_id: created.id,
      });
      expect(admission[0]!.after).toMatchObject({
        name: '审计科技有限公司',
        uscc: tenant.uscc,
        areaOccupied: 80,
      });

      const edit = await t.request({
        method: 'PATCH',
        url: `/api/v1/tenants/${tenant.id}`,
        token: manager.token,
        payload: { version: 1, areaOccupied: 150, website: 'https://audit.example.cn' },
      });
      expect(edit.status).toBe(200);
      const afterEdit = await auditOf(tenant.id);
      expect(afterEdit).toHaveLength(2);
      expect(afterEdit[1]).toMatchObject({
        action: 'tenant.update',
        user_id: manager.id,
        incubator_id: created.id,
        before: { areaOccupied: 80, website: null },
        after: { areaOccupied: 150, website: 'https://audit.example.cn' },
      });

      // Refused writes leave no row.
      await t.request({
        method: 'PATCH',
        url: `/api/v1/tenants/${tenant.id}`,
        token: manager.token,
        payload: { version: 1, areaOccupied: 1 },
      });
      await t.request({
        method: 'PATCH',
        url: `/api/v1/tenants/${tenant.id}`,
        token: manager.token,
        payload: { version: 2, status: 'exited' },
      });
      expect(await auditOf(tenant.id)).toHaveLength(2);
    });
  });
});
