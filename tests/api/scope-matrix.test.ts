// Who may do what to which record (SPEC §1): every endpoint × every role × own/other, as a table.
// Outside the caller's scope → 404; inside it but not allowed for the role → 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { BEIJING, HUBEI, incubatorBody, tenantBody, twoProvinceWorld } from '../helpers/fixtures';
import { expectProblem } from './problem';

type Role =
  | 'national'
  | 'provinceHubei'
  | 'provinceBeijing'
  | 'managerA'
  | 'managerB'
  | 'tenantUser'
  | 'anonymous';
const ROLES: Role[] = [
  'national',
  'provinceHubei',
  'provinceBeijing',
  'managerA',
  'managerB',
  'tenantUser',
  'anonymous',
];

type World = Awaited<ReturnType<typeof twoProvinceWorld>>;
type Target = 'A' | 'B' | 'tenantA' | 'otherTenantA' | 'tenantB' | 'missing';

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: (w: World, target: Target) => string;
  target?: Target;
  /** Built per request: PATCH bodies carry the version as it is now. */
  body?: (t: TestApp, w: World, target: Target) => Promise<unknown> | unknown;
  expected: Record<Exclude<Role, 'anonymous'>, number>;
}

const MISSING = '00000000-0000-4000-8000-000000000000';

function idOf(w: World, target: Target): string {
  switch (target) {
    case 'A':
      return w.incubators.a.id;
    case 'B':
      return w.incubators.b.id;
    case 'tenantA':
      return w.tenants.tenantA.id;
    case 'otherTenantA':
      return w.tenants.otherTenantA.id;
    case 'tenantB':
      return w.tenants.tenantB.id;
    case 'missing':
      return MISSING;
  }
}

/** The record's current version, read as national (who sees everything). */
async function currentVersion(t: TestApp, w: World, url: string): Promise<number> {
  const res = await t.request({ method: 'GET', url, token: w.national.token });
  return res.status === 200 ? res.body.version : 1;
}

const incubatorUrl = (w: World, target: Target) => `/api/v1/incubators/${idOf(w, target)}`;
const tenantUrl = (w: World, target: Target) => `/api/v1/tenants/${idOf(w, target)}`;

const CASES: Case[] = [
  { name: 'GET /me', method: 'GET', url: () => '/api/v1/me', expected: all(200) },
  { name: 'GET /provinces', method: 'GET', url: () => '/api/v1/provinces', expected: all(200) },
  { name: 'GET /parks', method: 'GET', url: () => '/api/v1/parks', expected: all(200) },
  { name: 'GET /fields', method: 'GET', url: () => '/api/v1/fields', expected: all(200) },
  { name: 'GET /incubators', method: 'GET', url: () => '/api/v1/incubators', expected: all(200) },
  {
    name: 'POST /incubators',
    method: 'POST',
    url: () => '/api/v1/incubators',
    body: () => incubatorBody({ name: '矩阵新孵化器' }),
    expected: {
      national: 201,
      provinceHubei: 403,
      provinceBeijing: 403,
      managerA: 403,
      managerB: 403,
      tenantUser: 403,
    },
  },
  ...(['A', 'B', 'missing'] as const).flatMap((target): Case[] => {
    const own = (hubei: number, beijing: number, other = 404) => ({
      provinceHubei: target === 'A' ? hubei : other,
      provinceBeijing: target === 'B' ? beijing : other,
      managerA: target === 'A' ? 200 : 404,
      managerB: target === 'B' ? 200 : 404,
    });
    const national = target === 'missing' ? 404 : 200;
    return [
      {
        name: `GET /incubators/:id (${target})`,
        method: 'GET',
        url: incubatorUrl,
        target,
        expected: { national, ...own(200, 200), tenantUser: 404 },
      },
      {
        name: `PATCH /incubators/:id (${target})`,
        method: 'PATCH',
        url: incubatorUrl,
        target,
        body: async (t, w) => ({
          version: await currentVersion(t, w, incubatorUrl(w, target)),
          staffCount: 7,
        }),
        expected: { national, ...own(403, 403), tenantUser: 404 },
      },
      {
        name: `GET /incubators/:id/tenants (${target})`,
        method: 'GET',
        url: (w) => `${incubatorUrl(w, target)}/tenants`,
        target,
        expected: { national, ...own(200, 200), tenantUser: 404 },
      },
      {
        name: `POST /incubators/:id/tenants (${target})`,
        method: 'POST',
        url: (w) => `${incubatorUrl(w, target)}/tenants`,
        target,
        body: () => tenantBody({ name: '矩阵新入孵公司' }),
        // Only managers admit: other roles are refused before scope is looked at.
        expected: {
          national: 403,
          provinceHubei: 403,
          provinceBeijing: 403,
          managerA: target === 'A' ? 201 : 404,
          managerB: target === 'B' ? 201 : 404,
          tenantUser: 403,
        },
      },
    ];
  }),
  ...(['tenantA', 'otherTenantA', 'tenantB', 'missing'] as const).flatMap((target): Case[] => {
    const inA = target === 'tenantA' || target === 'otherTenantA';
    const inB = target === 'tenantB';
    const visible = (yes: boolean, status: number) => (yes ? status : 404);
    return [
      {
        name: `GET /tenants/:id (${target})`,
        method: 'GET',
        url: tenantUrl,
        target,
        expected: {
          national: visible(target !== 'missing', 200),
          provinceHubei: visible(inA, 200),
          provinceBeijing: visible(inB, 200),
          managerA: visible(inA, 200),
          managerB: visible(inB, 200),
          tenantUser: visible(target === 'tenantA', 200),
        },
      },
      {
        name: `PATCH /tenants/:id profile field (${target})`,
        method: 'PATCH',
        url: tenantUrl,
        target,
        body: async (t, w) => ({
          version: await currentVersion(t, w, tenantUrl(w, target)),
          contactPhone: '027-8765 4321',
        }),
        expected: {
          // Readers may read but not edit a tenant: 403 where they can see it.
          national: visible(target !== 'missing', 403),
          provinceHubei: visible(inA, 403),
          provinceBeijing: visible(inB, 403),
          managerA: visible(inA, 200),
          managerB: visible(inB, 200),
          tenantUser: visible(target === 'tenantA', 200),
        },
      },
    ];
  }),
];

function all(status: number): Case['expected'] {
  return {
    national: status,
    provinceHubei: status,
    provinceBeijing: status,
    managerA: status,
    managerB: status,
    tenantUser: status,
  };
}

describe('scope matrix', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await twoProvinceWorld(t, 'scope');
  });
  afterAll(() => t.close());

  const token = (role: Role) => (role === 'anonymous' ? undefined : w.users[role].token);

  const rows = CASES.flatMap((c) => ROLES.map((role) => ({ c, role, label: `${c.name} as ${role}` })));

  it.each(rows)('$label', async ({ c, role }) => {
    const target = c.target ?? 'A';
    const res = await t.request({
      method: c.method,
      url: c.url(w, target),
      token: token(role),
      ...(c.body ? { payload: (await c.body(t, w, target)) as object } : {}),
    });
    const expected = role === 'anonymous' ? 401 : c.expected[role];
    if (expected >= 400) expectProblem(res, expected);
    else expect(res.status, JSON.stringify(res.body)).toBe(expected);
  });
});

describe('no leaks', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await twoProvinceWorld(t, 'leak');
  });
  afterAll(() => t.close());

  const listIncubators = async (role: keyof World['users'], query = '') => {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/incubators${query}`,
      token: w.users[role].token,
    });
    expect(res.status).toBe(200);
    return res.body as { items: { id: string; provinceCode: string }[]; total: number };
  };

  it('lists only the incubators in scope, with totals that count only them', async () => {
    const { a, a2, b } = w.incubators;
    const national = await listIncubators('national');
    expect(national.items.map((i) => i.id).sort()).toEqual([a.id, a2.id, b.id].sort());

    const hubei = await listIncubators('provinceHubei');
    expect(hubei.items.every((i) => i.provinceCode === HUBEI)).toBe(true);
    expect(hubei.items.map((i) => i.id).sort()).toEqual([a.id, a2.id].sort());
    expect(hubei.total).toBe(2);

    const beijing = await listIncubators('provinceBeijing');
    expect(beijing.items.every((i) => i.provinceCode === BEIJING)).toBe(true);
    expect(beijing.items.map((i) => i.id)).toEqual([b.id]);

    expect((await listIncubators('managerA')).items.map((i) => i.id)).toEqual([a.id]);
    expect((await listIncubators('managerB')).items.map((i) => i.id)).toEqual([b.id]);
    const tenant = await listIncubators('tenantUser');
    expect(tenant).toMatchObject({ items: [], total: 0 });
  });

  it('does not widen scope through filters', async () => {
    expect((await listIncubators('provinceHubei', `?province=${BEIJING}`)).items).toEqual([]);
    expect((await listIncubators('managerA', `?province=${BEIJING}`)).items).toEqual([]);
    expect((await listIncubators('managerA', '?q=北京')).items).toEqual([]);
    expect((await listIncubators('managerB', '?park=1')).items.map((i) => i.id)).toEqual([w.incubators.b.id]);
    expect((await listIncubators('tenantUser', '?q=孵化器')).items).toEqual([]);
  });

  it("lists only the incubator's own tenants", async () => {
    const { a, b } = w.incubators;
    for (const role of ['national', 'provinceHubei', 'managerA'] as const) {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/incubators/${a.id}/tenants`,
        token: w.users[role].token,
      });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBe(2);
      expect(res.body.items.every((x: { incubatorId: string }) => x.incubatorId === a.id)).toBe(true);
    }
    for (const role of ['national', 'provinceBeijing', 'managerB'] as const) {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/incubators/${b.id}/tenants`,
        token: w.users[role].token,
      });
      expect(res.body.items.map((x: { id: string }) => x.id)).toEqual([w.tenants.tenantB.id]);
    }
  });

  it("a tenant user lists no incubator's tenants, its own incubator's included", async () => {
    for (const incubator of Object.values(w.incubators)) {
      expectProblem(
        await t.request({
          method: 'GET',
          url: `/api/v1/incubators/${incubator.id}/tenants`,
          token: w.users.tenantUser.token,
        }),
        404,
      );
    }
  });

  it('a tenant user edits its profile fields only, and only of its own company', async () => {
    const own = `/api/v1/tenants/${w.tenants.tenantA.id}`;
    const version = async () =>
      (await t.request({ method: 'GET', url: own, token: w.users.tenantUser.token })).body.version;
    const patch = async (url: string, fields: Record<string, unknown>) =>
      t.request({
        method: 'PATCH',
        url,
        token: w.users.tenantUser.token,
        payload: { version: await version(), ...fields },
      });

    for (const other of [w.tenants.otherTenantA, w.tenants.tenantA2, w.tenants.tenantB]) {
      expectProblem(await patch(`/api/v1/tenants/${other.id}`, { name: '冒名顶替有限公司' }), 404);
    }
    const refused: [string, unknown][] = [
      ['status', 'graduated'],
      ['admittedOn', '2024-07-01'],
      ['foundedOn', '2024-01-01'],
      ['highTechCertifiedOn', '2024-08-01'],
      ['areaOccupied', 500],
      ['admissionExceptionReason', '不需要的理由'],
      ['incubatorId', w.incubators.b.id],
      ['companyId', w.tenants.tenantB.companyId],
      ['uscc', w.tenants.tenantB.uscc],
      ['graduatedOn', '2024-09-01'],
      ['exitedOn', '2024-09-01'],
    ];
    const before = (await t.request({ method: 'GET', url: own, token: w.users.tenantUser.token })).body;
    for (const [field, value] of refused) {
      expectProblem(await patch(own, { [field]: value }), 403, [field]);
      // Mixed with a field it may write: still refused as a whole.
      expectProblem(await patch(own, { name: '混合修改有限公司', [field]: value }), 403, [field]);
    }
    const unchanged = (await t.request({ method: 'GET', url: own, token: w.users.tenantUser.token })).body;
    expect(unchanged).toEqual(before);

    const profile = {
      name: '光谷甲科技股份有限公司',
      nameEn: 'Optics Valley A Tech',
      field: 'biomedicine',
      integratedCircuit: true,
      registeredCapital: 5_000_000,
      founderTraits: ['returned_scholar', 'scientist'],
      legalRepresentative: '张三',
      contactPhone: '+86 27 8765 4321',
      website: 'https://a.example.cn',
    };
    const ok = await patch(own, profile);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    // The fields that would move the incubation deadline wait for the manager (pending-change.test.ts).
    const { field, integratedCircuit, ...applied } = profile;
    expect(ok.body).toMatchObject({
      ...applied,
      field: before.field,
      integratedCircuit: before.integratedCircuit,
      pendingChange: { field, integratedCircuit },
    });
    expect(ok.body.version).toBe(before.version + 1);
  });

  it("a manager cannot change an incubator's national-only fields; national can", async () => {
    const url = `/api/v1/incubators/${w.incubators.a.id}`;
    const version = async () =>
      (await t.request({ method: 'GET', url, token: w.national.token })).body.version;
    for (const [field, value] of [
      ['type', 'university_science_park'],
      ['level', 'provincial'],
      ['parkNumber', 2],
    ] as const) {
      const res = await t.request({
        method: 'PATCH',
        url,
        token: w.users.managerA.token,
        payload: { version: await version(), [field]: value },
      });
      expectProblem(res, 403, [field]);
      const byNational = await t.request({
        method: 'PATCH',
        url,
        token: w.national.token,
        payload: { version: await version(), [field]: value },
      });
      expect(byNational.status, JSON.stringify(byNational.body)).toBe(200);
      expect(byNational.body[field]).toBe(value);
    }
    const managed = await t.request({
      method: 'PATCH',
      url,
      token: w.users.managerA.token,
      payload: { version: await version(), name: '武汉甲孵化器（新）', staffCount: 12, fundSize: 8_000_000 },
    });
    expect(managed.status, JSON.stringify(managed.body)).toBe(200);
    expect(managed.body).toMatchObject({ name: '武汉甲孵化器（新）', staffCount: 12, fundSize: 8_000_000 });
  });

  it("a manager cannot move a tenant or write a tenant's read-only fields", async () => {
    const url = `/api/v1/tenants/${w.tenants.tenantA.id}`;
    const { version } = (await t.request({ method: 'GET', url, token: w.users.managerA.token })).body;
    for (const [field, value] of [
      ['incubatorId', w.incubators.a2.id],
      ['status', 'graduated'],
      ['uscc', w.tenants.tenantB.uscc],
    ] as const) {
      expectProblem(
        await t.request({
          method: 'PATCH',
          url,
          token: w.users.managerA.token,
          payload: { version, [field]: value },
        }),
        403,
        [field],
      );
    }
  });
});
