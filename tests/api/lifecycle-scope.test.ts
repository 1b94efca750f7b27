// Who may do what in the tenant lifecycle (SPEC §1), as a table: every lifecycle endpoint ×
// every role × own/other. Outside the caller's scope → 404; in it but not for the role → 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { admit, nextUscc, userWithToken } from '../helpers/fixtures';
import { type Answer, admitVeteran, api, lifecycleWorld } from './lifecycle-helpers';
import { expectProblem } from './problem';

const ROLES = [
  'national',
  'provinceHubei',
  'provinceBeijing',
  'managerA',
  'managerB',
  'companyA',
  'otherCompanyA',
  'companyB',
] as const;
type Role = (typeof ROLES)[number];
type Side = 'A' | 'B' | 'missing';
const MISSING = '00000000-0000-4000-8000-000000000000';

/** Per side: the records each case acts on, made in beforeAll so no case depends on another. */
interface SideRecords {
  incubatorId: string;
  tenantId: string;
  graduateId: string;
  leaverId: string;
  mentorId: string;
  menteeId: string;
  mentoredId: string;
  draftId: string;
  submitDraftId: string;
  submittedId: string;
  toReturnId: string;
}

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: (r: SideRecords) => string;
  body?: (r: SideRecords, version: () => Promise<number>) => unknown;
  /** The record whose version a PATCH carries, read as national. */
  versionOf?: (r: SideRecords) => string;
  expected: (side: Side) => Record<Role, number>;
}

// Expected statuses, by who sees the side (national always; a province and a manager their own).
const sees = (role: Role, side: Side) =>
  side !== 'missing' &&
  (role === 'national' ||
    (side === 'A' && ['provinceHubei', 'managerA', 'companyA'].includes(role)) ||
    (side === 'B' && ['provinceBeijing', 'managerB', 'companyB'].includes(role)));
const isCompany = (role: Role) => role.startsWith('company') || role === 'otherCompanyA';
const isManager = (role: Role) => role === 'managerA' || role === 'managerB';
const table = (f: (role: Role) => number) =>
  Object.fromEntries(ROLES.map((r) => [r, f(r)])) as Record<Role, number>;

/** Tenant-scoped reads: whoever sees the tenancy, including its own company. */
const tenantRead = (side: Side) => table((r) => (sees(r, side) ? 200 : 404));
/** Incubator-scoped reads: companies never read incubators. */
const incubatorRead = (side: Side) => table((r) => (sees(r, side) && !isCompany(r) ? 200 : 404));
/** Manager writes: other roles are refused before scope (403); a manager outside scope gets 404. */
const managerWrite = (ok: number) => (side: Side) =>
  table((r) => (!isManager(r) ? 403 : sees(r, side) ? ok : 404));
/** Company writes: other roles 403; a company user outside its own company gets 404. */
const companyWrite = (ok: number) => (side: Side) =>
  table((r) => (!isCompany(r) ? 403 : sees(r, side) ? ok : 404));

const CASES: Case[] = [
  {
    name: 'GET /tenants/:id/graduation-eligibility',
    method: 'GET',
    url: (r) => `/tenants/${r.tenantId}/graduation-eligibility`,
    expected: tenantRead,
  },
  {
    name: 'POST /tenants/:id/graduation',
    method: 'POST',
    url: (r) => `/tenants/${r.graduateId}/graduation`,
    body: () => ({ graduatedOn: '2024-06-30', criteria: ['listed'], evidence: '上市公告书 2024 第 1 号' }),
    expected: managerWrite(200),
  },
  {
    name: 'POST /tenants/:id/exit',
    method: 'POST',
    url: (r) => `/tenants/${r.leaverId}/exit`,
    body: () => ({ exitedOn: '2024-06-30', reason: 'moved_out' }),
    expected: managerWrite(200),
  },
  {
    name: 'GET /tenants/:id/listings',
    method: 'GET',
    url: (r) => `/tenants/${r.tenantId}/listings`,
    expected: tenantRead,
  },
  {
    name: 'POST /tenants/:id/listings',
    method: 'POST',
    url: (r) => `/tenants/${r.tenantId}/listings`,
    body: () => ({ exchange: 'neeq', ticker: nextTicker(), listedOn: '2024-01-02', amountRaised: 0 }),
    expected: managerWrite(201),
  },
  {
    name: 'GET /tenants/:id/investments',
    method: 'GET',
    url: (r) => `/tenants/${r.tenantId}/investments`,
    expected: tenantRead,
  },
  {
    name: 'POST /tenants/:id/investments',
    method: 'POST',
    url: (r) => `/tenants/${r.tenantId}/investments`,
    body: () => ({ investorKind: 'angel', instrument: 'equity', amount: 100_000, investedOn: '2024-01-02' }),
    expected: managerWrite(201),
  },
  {
    name: 'GET /incubators/:id/investments/totals',
    method: 'GET',
    url: (r) => `/incubators/${r.incubatorId}/investments/totals`,
    expected: incubatorRead,
  },
  {
    name: 'GET /incubators/:id/mentors',
    method: 'GET',
    url: (r) => `/incubators/${r.incubatorId}/mentors`,
    expected: incubatorRead,
  },
  {
    name: 'POST /incubators/:id/mentors',
    method: 'POST',
    url: (r) => `/incubators/${r.incubatorId}/mentors`,
    body: () => ({ name: '矩阵导师' }),
    expected: managerWrite(201),
  },
  {
    name: 'PATCH /mentors/:id',
    method: 'PATCH',
    url: (r) => `/mentors/${r.mentorId}`,
    versionOf: (r) => r.incubatorId,
    body: async (_r, version) => ({ version: await version(), expertise: '投融资' }),
    expected: managerWrite(200),
  },
  {
    name: 'POST /mentors/:id/tenants',
    method: 'POST',
    url: (r) => `/mentors/${r.mentorId}/tenants`,
    body: (r) => ({ tenantId: r.menteeId, startedOn: '2024-07-01' }),
    expected: managerWrite(201),
  },
  {
    name: 'DELETE /mentors/:id/tenants/:tenantId',
    method: 'DELETE',
    url: (r) => `/mentors/${r.mentorId}/tenants/${r.mentoredId}`,
    expected: managerWrite(204),
  },
  {
    name: 'GET /tenants/:id/reports',
    method: 'GET',
    url: (r) => `/tenants/${r.tenantId}/reports`,
    expected: tenantRead,
  },
  {
    name: 'POST /tenants/:id/reports',
    method: 'POST',
    url: (r) => `/tenants/${r.tenantId}/reports`,
    body: () => ({ year: 2025 }),
    expected: companyWrite(201),
  },
  {
    name: 'GET /incubators/:id/reports',
    method: 'GET',
    url: (r) => `/incubators/${r.incubatorId}/reports?status=submitted`,
    expected: incubatorRead,
  },
  { name: 'GET /reports/:id', method: 'GET', url: (r) => `/reports/${r.submittedId}`, expected: tenantRead },
  {
    name: 'PATCH /reports/:id',
    method: 'PATCH',
    url: (r) => `/reports/${r.draftId}`,
    versionOf: (r) => r.draftId,
    body: async (_r, version) => ({ version: await version(), revenue: 123 }),
    expected: companyWrite(200),
  },
  {
    name: 'POST /reports/:id/submit',
    method: 'POST',
    url: (r) => `/reports/${r.submitDraftId}/submit`,
    expected: companyWrite(200),
  },
  {
    name: 'POST /reports/:id/approve',
    method: 'POST',
    url: (r) => `/reports/${r.submittedId}/approve`,
    expected: managerWrite(200),
  },
  {
    name: 'POST /reports/:id/return',
    method: 'POST',
    url: (r) => `/reports/${r.toReturnId}/return`,
    body: () => ({ comment: '请核实营业收入' }),
    expected: managerWrite(200),
  },
  {
    name: 'GET /incubators/:id/dashboard',
    method: 'GET',
    url: (r) => `/incubators/${r.incubatorId}/dashboard`,
    expected: incubatorRead,
  },
  {
    name: 'GET /tenants/:id/timeline',
    method: 'GET',
    url: (r) => `/tenants/${r.tenantId}/timeline`,
    expected: tenantRead,
  },
];

let tickers = 0;
const nextTicker = () => {
  tickers += 1;
  return `M${String(tickers).padStart(5, '0')}`;
};

describe('lifecycle scope matrix', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  const tokens = {} as Record<Role, string>;
  const sides = {} as Record<Side, SideRecords>;

  beforeAll(async () => {
    t = await createTestApp();
    call = api(t);
    const w = await lifecycleWorld(t, 'lscope');
    const managers = { A: w.users.managerA.token, B: w.users.managerB.token };
    const made = async (res: Promise<Answer>) => {
      const answer = await res;
      if (answer.status >= 300)
        throw new Error(`fixture failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    for (const side of ['A', 'B'] as const) {
      const manager = managers[side];
      const incubatorId = side === 'A' ? w.incubators.a.id : w.incubators.b.id;
      const uscc = () => nextUscc(side === 'A' ? '420100' : '110108');
      const tenant = await admitVeteran(t, manager, incubatorId, { uscc: uscc() });
      const company = await userWithToken(t, {
        email: `lscope.company.${side.toLowerCase()}@test.cn`,
        role: 'tenant',
        companyId: tenant.companyId,
      });
      tokens[side === 'A' ? 'companyA' : 'companyB'] = company.token;
      const fresh = () => admit(t, manager, incubatorId, { uscc: uscc() });
      const mentor = await made(
        call.post(`/incubators/${incubatorId}/mentors`, manager, { name: `导师${side}` }),
      );
      const mentee = await fresh();
      const mentored = await fresh();
      await made(
        call.post(`/mentors/${mentor.id}/tenants`, manager, {
          tenantId: mentored.id,
          startedOn: '2024-07-01',
        }),
      );
      const report = (year: number) =>
        made(call.post(`/tenants/${tenant.id}/reports`, company.token, { year }));
      const draft = await report(2021);
      const submitDraft = await report(2022);
      const submitted = await report(2023);
      const toReturn = await report(2024);
      for (const r of [submitted, toReturn]) await made(call.post(`/reports/${r.id}/submit`, company.token));
      sides[side] = {
        incubatorId,
        tenantId: tenant.id,
        graduateId: (await fresh()).id,
        leaverId: (await fresh()).id,
        mentorId: mentor.id,
        menteeId: mentee.id,
        mentoredId: mentored.id,
        draftId: draft.id,
        submitDraftId: submitDraft.id,
        submittedId: submitted.id,
        toReturnId: toReturn.id,
      };
    }
    sides.missing = Object.fromEntries(
      Object.keys(sides.A).map((k) => [k, MISSING]),
    ) as unknown as SideRecords;
    Object.assign(tokens, {
      national: w.users.national.token,
      provinceHubei: w.users.provinceHubei.token,
      provinceBeijing: w.users.provinceBeijing.token,
      managerA: w.users.managerA.token,
      managerB: w.users.managerB.token,
      otherCompanyA: w.users.otherTenantUser.token,
    });
  });
  afterAll(() => t.close());

  const rows = CASES.flatMap((c) =>
    (['A', 'B', 'missing'] as const).flatMap((side) =>
      [...ROLES, 'anonymous' as const].map((role) => ({
        c,
        side,
        role,
        label: `${c.name} (${side}) as ${role}`,
      })),
    ),
  );

  it.each(rows)('$label', async ({ c, side, role }) => {
    const r = sides[side];
    const version = async () => {
      const target = c.versionOf?.(r);
      if (!target || side === 'missing') return 1;
      // Mentors have no GET of their own: read the version from the incubator's list.
      if (c.url(r).startsWith('/mentors/')) {
        const list = await call.get(`/incubators/${target}/mentors?pageSize=200`, tokens.national);
        return list.body.items.find((m: { id: string }) => m.id === r.mentorId).version;
      }
      return (await call.get(`/reports/${target}`, tokens.national)).body.version;
    };
    const token = role === 'anonymous' ? undefined : tokens[role];
    const body = c.body ? await c.body(r, version) : undefined;
    const res = await t.request({
      method: c.method,
      url: `/api/v1${c.url(r)}`,
      token,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const expected = role === 'anonymous' ? 401 : c.expected(side)[role];
    if (expected >= 400) expectProblem(res, expected);
    else expect(res.status, JSON.stringify(res.body)).toBe(expected);
  });
});

describe('lifecycle lists leak nothing', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: Awaited<ReturnType<typeof lifecycleWorld>>;
  beforeAll(async () => {
    t = await createTestApp();
    call = api(t);
    w = await lifecycleWorld(t, 'lleak');
    // Reports and investments on both sides, so a leak would show.
    const fileAndSubmit = async (tenantId: string, token: string) => {
      const draft = await call.post(`/tenants/${tenantId}/reports`, token, { year: 2024, revenue: 5 });
      expect(draft.status).toBe(201);
      expect((await call.post(`/reports/${draft.body.id}/submit`, token)).status).toBe(200);
    };
    await fileAndSubmit(w.tenants.tenantA.id, w.users.tenantUser.token);
    await fileAndSubmit(w.tenants.otherTenantA.id, w.users.otherTenantUser.token);
    await fileAndSubmit(w.tenants.tenantB.id, w.users.tenantUserB.token);
    for (const [tenantId, token] of [
      [w.tenants.tenantA.id, w.users.managerA.token],
      [w.tenants.tenantB.id, w.users.managerB.token],
    ] as const) {
      const res = await call.post(`/tenants/${tenantId}/investments`, token, {
        investorKind: 'incubator_fund',
        instrument: 'equity',
        amount: 1_000,
        investedOn: '2024-09-01',
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => t.close());

  it("shows an incubator's review queue with its own reports only, to each reader", async () => {
    for (const token of [w.users.managerA.token, w.users.provinceHubei.token, w.users.national.token]) {
      const res = await call.get(`/incubators/${w.incubators.a.id}/reports?pageSize=200`, token);
      expect(res.body.total).toBe(2);
      expect(res.body.items.every((r: { incubatorId: string }) => r.incubatorId === w.incubators.a.id)).toBe(
        true,
      );
    }
    const b = await call.get(`/incubators/${w.incubators.b.id}/reports`, w.users.managerB.token);
    expect(b.body.items.map((r: { tenantId: string }) => r.tenantId)).toEqual([w.tenants.tenantB.id]);
  });

  it("shows a company its own reports only, and never a reviewer's identity", async () => {
    const own = await call.get(`/tenants/${w.tenants.tenantA.id}/reports`, w.users.tenantUser.token);
    expect(own.body.items.map((r: { companyId: string }) => r.companyId)).toEqual([
      w.tenants.tenantA.companyId,
    ]);
    expect(own.body.items[0]).not.toHaveProperty('reviewedBy');
    expect(
      (await call.get(`/tenants/${w.tenants.otherTenantA.id}/reports`, w.users.tenantUser.token)).status,
    ).toBe(404);
  });

  it("totals and dashboards count the incubator's own records only", async () => {
    const totalsA = await call.get(
      `/incubators/${w.incubators.a.id}/investments/totals`,
      w.users.managerA.token,
    );
    expect(totalsA.body).toMatchObject({ count: 1, total: 1_000 });
    const dashA = await call.get(`/incubators/${w.incubators.a.id}/dashboard`, w.users.provinceHubei.token);
    expect(dashA.body.kpis.incubating).toBe(2);
    expect(dashA.body.flags.pendingReviews.count).toBe(2);
    const dashB = await call.get(`/incubators/${w.incubators.b.id}/dashboard`, w.users.managerB.token);
    expect(dashB.body.kpis.incubating).toBe(1);
    expect(dashB.body.flags.pendingReviews.count).toBe(1);
  });
});
