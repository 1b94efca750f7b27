// Invalid input is refused with a 4xx problem (field problems listed in errors[]) and writes
// nothing; no input at all makes the server answer 5xx.
import { todayInChina } from '@torch/shared';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import {
  admit,
  incubatorBody,
  nextUscc,
  PASSWORD,
  rowCounts,
  tenantBody,
  twoProvinceWorld,
} from '../helpers/fixtures';
import { expectNoServerError, expectProblem } from './problem';

type World = Awaited<ReturnType<typeof twoProvinceWorld>>;
type Request = InjectOptions & { token?: string };

/** Tomorrow in China, where the product's dates live. */
const tomorrow = () => nextDay(todayInChina());
function nextDay(date: string) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

interface Case {
  name: string;
  request: (w: World) => Request;
  status: number;
  /** Paths errors[] must name (field-level problems). */
  fields?: string[];
  /** Text some errors[] message must contain (e.g. the unknown key). */
  message?: string;
}

const json = { 'content-type': 'application/json' };

const CASES: Case[] = [
  // Admission.
  {
    name: 'USCC with a wrong check digit',
    request: (w) => postTenant(w, { uscc: breakCheckDigit(nextUscc()) }),
    status: 400,
    fields: ['uscc'],
  },
  {
    name: 'USCC too short',
    request: (w) => postTenant(w, { uscc: '91420100' }),
    status: 400,
    fields: ['uscc'],
  },
  {
    name: 'USCC not a string',
    request: (w) => postTenant(w, { uscc: 914201001234567 }),
    status: 400,
    fields: ['uscc'],
  },
  {
    name: 'founded and admitted in the future',
    request: (w) => postTenant(w, { foundedOn: tomorrow(), admittedOn: tomorrow() }),
    status: 400,
    fields: ['foundedOn', 'admittedOn'],
  },
  {
    name: 'a date that does not exist',
    request: (w) => postTenant(w, { foundedOn: '2023-02-29' }),
    status: 400,
    fields: ['foundedOn'],
  },
  {
    name: 'a date in another format',
    request: (w) => postTenant(w, { admittedOn: '2024/06/01' }),
    status: 400,
    fields: ['admittedOn'],
  },
  {
    name: 'admitted before founded',
    request: (w) => postTenant(w, { foundedOn: '2024-06-01', admittedOn: '2024-05-31' }),
    status: 400,
    fields: ['admittedOn'],
  },
  {
    name: 'certified before founded',
    request: (w) => postTenant(w, { foundedOn: '2024-06-01', highTechCertifiedOn: '2024-01-01' }),
    status: 400,
    fields: ['highTechCertifiedOn'],
  },
  {
    name: 'negative area occupied',
    request: (w) => postTenant(w, { areaOccupied: -1 }),
    status: 400,
    fields: ['areaOccupied'],
  },
  {
    name: 'negative registered capital',
    request: (w) => postTenant(w, { registeredCapital: -100 }),
    status: 400,
    fields: ['registeredCapital'],
  },
  {
    name: 'fractional yuan',
    request: (w) => postTenant(w, { registeredCapital: 10.5 }),
    status: 400,
    fields: ['registeredCapital'],
  },
  {
    name: 'an astronomical capital',
    request: (w) => postTenant(w, { registeredCapital: 1e20 }),
    status: 400,
    fields: ['registeredCapital'],
  },
  {
    name: 'a string where a number goes',
    request: (w) => postTenant(w, { areaOccupied: '120' }),
    status: 400,
    fields: ['areaOccupied'],
  },
  {
    name: 'an unknown field',
    request: (w) => postTenant(w, { favouriteColour: 'red' }),
    status: 400,
    message: 'favouriteColour',
  },
  {
    name: 'a status at admission (mass assignment)',
    request: (w) => postTenant(w, { status: 'graduated' }),
    status: 400,
    message: 'status',
  },
  {
    name: 'another incubator id in the body',
    request: (w) => postTenant(w, { incubatorId: w.incubators.b.id }),
    status: 400,
    message: 'incubatorId',
  },
  {
    name: 'an unknown field code',
    request: (w) => postTenant(w, { field: 'alchemy' }),
    status: 400,
    fields: ['field'],
  },
  {
    name: 'duplicate founder traits',
    request: (w) => postTenant(w, { founderTraits: ['scientist', 'scientist'] }),
    status: 400,
    fields: ['founderTraits'],
  },
  {
    name: 'a website that is not a URL',
    request: (w) => postTenant(w, { website: 'not a url' }),
    status: 400,
    fields: ['website'],
  },
  {
    name: 'a NUL character in a name',
    request: (w) => postTenant(w, { name: '空\u0000字符有限公司' }),
    status: 400,
  },
  { name: 'a name too short', request: (w) => postTenant(w, { name: 'A' }), status: 400, fields: ['name'] },
  {
    name: 'a required field missing',
    request: (w) => postTenant(w, { uscc: undefined }),
    status: 400,
    fields: ['uscc'],
  },
  // Registering an incubator.
  {
    name: 'tenant area above total area',
    request: (w) => postIncubator(w, { totalArea: 100, tenantArea: 101 }),
    status: 400,
    fields: ['tenantArea'],
  },
  {
    name: 'negative total area',
    request: (w) => postIncubator(w, { totalArea: -5, tenantArea: 0 }),
    status: 400,
    fields: ['totalArea'],
  },
  {
    name: 'incubator founded in the future',
    request: (w) => postIncubator(w, { foundedOn: tomorrow() }),
    status: 400,
    fields: ['foundedOn'],
  },
  {
    name: 'specialized without its field',
    request: (w) => postIncubator(w, { type: 'specialized' }),
    status: 400,
    fields: ['field'],
  },
  {
    name: 'an unknown province',
    request: (w) => postIncubator(w, { provinceCode: '990000' }),
    status: 400,
    fields: ['provinceCode'],
  },
  {
    name: 'a malformed province code',
    request: (w) => postIncubator(w, { provinceCode: '42' }),
    status: 400,
    fields: ['provinceCode'],
  },
  {
    name: 'a park that does not exist',
    request: (w) => postIncubator(w, { parkNumber: 55 }),
    status: 400,
    fields: ['parkNumber'],
  },
  {
    // Accounts come by invitation: nobody registers a manager with a password chosen for them.
    name: 'a manager with a password chosen by someone else',
    request: (w) =>
      postIncubator(w, { manager: { email: 'm@test.cn', name: 'm', password: 'long-enough-password' } }),
    status: 400,
    fields: ['password'],
  },
  {
    name: 'a manager whose email is taken',
    request: (w) =>
      postIncubator(w, {
        manager: { email: 'val.national@test.cn', name: 'm' },
      }),
    status: 409,
    fields: ['manager.email'],
  },
  {
    name: 'an id in the body',
    request: (w) => postIncubator(w, { id: w.incubators.a.id }),
    status: 400,
    message: 'id',
  },
  // Editing.
  {
    name: 'PATCH incubator: tenant area above the stored total',
    request: (w) => patchIncubator(w, { tenantArea: 999_999 }),
    status: 400,
    fields: ['tenantArea'],
  },
  {
    name: 'PATCH incubator: no version',
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/incubators/${w.incubators.a.id}`,
      token: w.users.managerA.token,
      payload: { staffCount: 3 },
    }),
    status: 400,
    fields: ['version'],
  },
  {
    name: 'PATCH incubator: moving it to another province',
    request: (w) => patchIncubator(w, { provinceCode: '110000' }),
    status: 400,
    message: 'provinceCode',
  },
  {
    name: 'PATCH incubator: a negative count',
    request: (w) => patchIncubator(w, { staffCount: -1 }),
    status: 400,
    fields: ['staffCount'],
  },
  {
    name: 'PATCH tenant: a future date',
    request: (w) => patchTenant(w, { highTechCertifiedOn: tomorrow() }),
    status: 400,
    fields: ['highTechCertifiedOn'],
  },
  {
    name: 'PATCH tenant: an unknown field',
    request: (w) => patchTenant(w, { shoeSize: 42 }),
    status: 400,
    message: 'shoeSize',
  },
  {
    name: 'PATCH tenant: version 0',
    request: (w) => patchTenant(w, { version: 0, name: '新名字有限公司' }),
    status: 400,
    fields: ['version'],
  },
  {
    name: 'PATCH tenant: version as a string',
    request: (w) => patchTenant(w, { version: '1', name: '新名字有限公司' }),
    status: 400,
    fields: ['version'],
  },
  {
    name: 'PATCH tenant: admitted before founded (with the stored founding date)',
    request: (w) => patchTenant(w, { admittedOn: '2000-01-01' }),
    status: 422,
    fields: ['admittedOn'],
  },
  {
    name: 'PATCH tenant: negative area',
    request: (w) => patchTenant(w, { areaOccupied: -0.5 }),
    status: 400,
    fields: ['areaOccupied'],
  },
  // Transport.
  {
    name: 'malformed JSON',
    request: (w) => ({ ...postTenant(w, {}), payload: '{"name": "半截', headers: json }),
    status: 400,
  },
  {
    name: 'a JSON array body',
    request: (w) => ({ ...postTenant(w, {}), payload: '[]', headers: json }),
    status: 400,
  },
  {
    name: 'a null body',
    request: (w) => ({ ...postTenant(w, {}), payload: 'null', headers: json }),
    status: 400,
  },
  {
    name: 'an empty JSON body',
    request: (w) => ({ ...postTenant(w, {}), payload: '', headers: json }),
    status: 400,
  },
  {
    name: 'a __proto__ key',
    request: (w) => ({
      ...postTenant(w, {}),
      payload: `{"__proto__": {"status": "graduated"}}`,
      headers: json,
    }),
    status: 400,
  },
  {
    name: 'XML',
    request: (w) => ({
      ...postTenant(w, {}),
      payload: '<tenant/>',
      headers: { 'content-type': 'application/xml' },
    }),
    status: 415,
  },
  {
    name: 'form encoding',
    request: (w) => ({
      ...postTenant(w, {}),
      payload: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
    status: 415,
  },
  {
    name: 'plain text',
    request: (w) => ({
      ...postTenant(w, {}),
      payload: JSON.stringify(tenantBody()),
      headers: { 'content-type': 'text/plain' },
    }),
    status: 400,
  },
  {
    name: 'a body over 1 MiB (tenant)',
    request: (w) => postTenant(w, { name: '大'.repeat(400_000) }),
    status: 413,
  },
  {
    name: 'a body over 1 MiB (incubator)',
    request: (w) => postIncubator(w, { nameEn: 'x'.repeat(1024 * 1024 + 1) }),
    status: 413,
  },
  {
    name: 'a body over 1 MiB (login)',
    request: () => ({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.cn', password: 'x'.repeat(1024 * 1024 + 1) },
    }),
    status: 413,
  },
  // Paths and queries.
  {
    name: 'a bad UUID in GET /tenants/:id',
    request: (w) => ({ method: 'GET', url: '/api/v1/tenants/not-a-uuid', token: w.users.managerA.token }),
    status: 400,
    fields: ['id'],
  },
  {
    name: 'a bad UUID in PATCH /tenants/:id',
    request: (w) => ({ ...patchTenant(w, {}), url: '/api/v1/tenants/123' }),
    status: 400,
    fields: ['id'],
  },
  {
    name: 'a bad UUID in POST /incubators/:id/tenants',
    request: (w) => ({ ...postTenant(w, {}), url: '/api/v1/incubators/zzz/tenants' }),
    status: 400,
    fields: ['id'],
  },
  {
    name: 'a bad UUID in GET /incubators/:id',
    request: (w) => ({
      method: 'GET',
      url: `/api/v1/incubators/${w.incubators.a.id}x`,
      token: w.national.token,
    }),
    status: 400,
    fields: ['id'],
  },
  {
    name: 'pageSize above 200',
    request: (w) => listTenants(w, '?pageSize=201'),
    status: 400,
    fields: ['pageSize'],
  },
  { name: 'pageSize 0', request: (w) => listTenants(w, '?pageSize=0'), status: 400, fields: ['pageSize'] },
  { name: 'page 0', request: (w) => listTenants(w, '?page=0'), status: 400, fields: ['page'] },
  { name: 'page not a number', request: (w) => listTenants(w, '?page=two'), status: 400, fields: ['page'] },
  {
    name: 'an unknown sort',
    request: (w) => listTenants(w, '?sort=password'),
    status: 400,
    fields: ['sort'],
  },
  {
    name: 'an unknown status filter',
    request: (w) => listTenants(w, '?status=dead'),
    status: 400,
    fields: ['status'],
  },
  {
    name: 'overdue not a boolean',
    request: (w) => listTenants(w, '?overdue=maybe'),
    status: 400,
    fields: ['overdue'],
  },
  {
    name: 'incubators: pageSize above 200',
    request: (w) => ({ method: 'GET', url: '/api/v1/incubators?pageSize=1000', token: w.national.token }),
    status: 400,
    fields: ['pageSize'],
  },
  {
    name: 'incubators: a bad park',
    request: (w) => ({ method: 'GET', url: '/api/v1/incubators?park=abc', token: w.national.token }),
    status: 400,
    fields: ['park'],
  },
  { name: 'a NUL character in a search', request: (w) => listTenants(w, '?q=%00'), status: 400 },
  {
    name: 'a search over 100 characters',
    request: (w) => listTenants(w, `?q=${'光'.repeat(101)}`),
    status: 400,
    fields: ['q'],
  },
];

function postTenant(w: World, overrides: Record<string, unknown>): Request {
  return {
    method: 'POST',
    url: `/api/v1/incubators/${w.incubators.a.id}/tenants`,
    token: w.users.managerA.token,
    payload: tenantBody(overrides),
  };
}
function postIncubator(w: World, overrides: Record<string, unknown>): Request {
  return {
    method: 'POST',
    url: '/api/v1/incubators',
    token: w.national.token,
    payload: incubatorBody({ name: '校验孵化器', ...overrides }),
  };
}
function patchIncubator(w: World, fields: Record<string, unknown>): Request {
  return {
    method: 'PATCH',
    url: `/api/v1/incubators/${w.incubators.a.id}`,
    token: w.users.managerA.token,
    payload: { version: w.incubators.a.version, ...fields },
  };
}
function patchTenant(w: World, fields: Record<string, unknown>): Request {
  return {
    method: 'PATCH',
    url: `/api/v1/tenants/${w.tenants.tenantA.id}`,
    token: w.users.managerA.token,
    payload: { version: w.tenants.tenantA.version, ...fields },
  };
}
function listTenants(w: World, query: string): Request {
  return {
    method: 'GET',
    url: `/api/v1/incubators/${w.incubators.a.id}/tenants${query}`,
    token: w.users.managerA.token,
  };
}
function breakCheckDigit(uscc: string) {
  return uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
}

describe('invalid input', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await twoProvinceWorld(t, 'val');
  });
  afterAll(() => t.close());

  it.each(CASES)('$name → $status, nothing written', async (c) => {
    const before = await rowCounts(t);
    const tenantBefore = await t.request({
      method: 'GET',
      url: `/api/v1/tenants/${w.tenants.tenantA.id}`,
      token: w.national.token,
    });
    const res = await t.request(c.request(w));
    expectProblem(res, c.status, c.fields);
    if (c.fields?.length || c.message) expect(res.body.errors?.length).toBeGreaterThan(0);
    if (c.message) expect(JSON.stringify(res.body.errors)).toContain(c.message);
    expect(await rowCounts(t)).toEqual(before);
    const tenantAfter = await t.request({
      method: 'GET',
      url: `/api/v1/tenants/${w.tenants.tenantA.id}`,
      token: w.national.token,
    });
    expect(tenantAfter.body).toEqual(tenantBefore.body);
  });

  it('the valid versions of these requests do write (the cases above are not refused for another reason)', async () => {
    const before = await rowCounts(t);
    expect((await t.request(postTenant(w, {}))).status).toBe(201);
    expect((await t.request(postIncubator(w, {}))).status).toBe(201);
    const patched = await t.request(patchTenant(w, { areaOccupied: 10 }));
    expect(patched.status).toBe(200);
    expect(await rowCounts(t)).toMatchObject({
      tenants: before.tenants + 1,
      companies: before.companies + 1,
      incubators: before.incubators + 1,
      audit_log: before.audit_log + 3,
    });
  });
});

// Values that have broken servers before: wrong types, extremes, odd strings.
const ODD_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  -0,
  1e308,
  -1e308,
  2 ** 53 + 2,
  '',
  ' ',
  'x'.repeat(10_000),
  '\u0000',
  'a\u0000b',
  '\ud83d\ude00',
  '\ud800',
  '2024-02-30',
  '9999-12-31',
  '0000-01-01',
  "'; drop table companies; --",
  '<script>alert(1)</script>',
  [],
  [null],
  ['scientist', 'scientist'],
  {},
  { $gt: '' },
  '00000000-0000-0000-0000-000000000000',
];

const ODD_BODIES: unknown[] = [null, [], 'text', 0, true, {}, [{}], { a: { a: { a: { a: { a: {} } } } } }];

describe('no 5xx for anything a client sends', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await twoProvinceWorld(t, 'fuzz');
  });
  afterAll(() => t.close());

  interface Endpoint {
    name: string;
    method: 'POST' | 'PATCH';
    url: () => string;
    token: () => string | undefined;
    valid: () => Record<string, unknown>;
    /** For PATCH: the record's version now, so that valid-enough bodies reach the UPDATE. */
    version?: () => Promise<number>;
  }

  const versionOf = (url: () => string) => async () =>
    (await t.request({ method: 'GET', url: url(), token: w.national.token })).body.version as number;
  const incubatorA = () => `/api/v1/incubators/${w.incubators.a.id}`;
  const tenantA = () => `/api/v1/tenants/${w.tenants.tenantA.id}`;

  const ENDPOINTS: Endpoint[] = [
    {
      name: 'POST /auth/login',
      method: 'POST',
      url: () => '/api/v1/auth/login',
      token: () => undefined,
      valid: () => ({ email: 'fuzz.national@test.cn', password: PASSWORD }),
    },
    {
      name: 'POST /auth/refresh',
      method: 'POST',
      url: () => '/api/v1/auth/refresh',
      token: () => undefined,
      valid: () => ({ refreshToken: 'x' }),
    },
    {
      name: 'POST /auth/logout',
      method: 'POST',
      url: () => '/api/v1/auth/logout',
      token: () => undefined,
      valid: () => ({ refreshToken: 'x' }),
    },
    {
      name: 'POST /incubators',
      method: 'POST',
      url: () => '/api/v1/incubators',
      token: () => w.national.token,
      valid: () =>
        incubatorBody({
          nameEn: 'Fuzz',
          parkNumber: 3,
          fundSize: 1,
          staffCount: 1,
          mentorCount: 1,
          publicServiceArea: 1,
        }),
    },
    {
      name: 'PATCH /incubators/:id',
      method: 'PATCH',
      url: incubatorA,
      token: () => w.national.token,
      valid: () => ({ version: 1, ...incubatorBody(), provinceCode: undefined }),
      version: versionOf(incubatorA),
    },
    {
      name: 'POST /incubators/:id/tenants',
      method: 'POST',
      url: () => `/api/v1/incubators/${w.incubators.a.id}/tenants`,
      token: () => w.users.managerA.token,
      valid: () =>
        tenantBody({
          nameEn: 'Fuzz',
          registeredCapital: 1,
          founderTraits: ['scientist'],
          website: 'https://x.cn',
          contactPhone: '12345',
          legalRepresentative: 'x',
          highTechCertifiedOn: '2024-06-01',
          areaOccupied: 1,
          admissionExceptionReason: 'reason',
        }),
    },
    {
      name: 'PATCH /tenants/:id (manager)',
      method: 'PATCH',
      url: tenantA,
      token: () => w.users.managerA.token,
      valid: () => ({
        version: 1,
        ...tenantBody({
          uscc: undefined,
          areaOccupied: 1,
          registeredCapital: 1,
          founderTraits: [],
          highTechCertifiedOn: '2024-06-01',
        }),
      }),
      version: versionOf(tenantA),
    },
    {
      name: 'PATCH /tenants/:id (tenant user)',
      method: 'PATCH',
      url: tenantA,
      token: () => w.users.tenantUser.token,
      valid: () => ({ version: 1, name: '模糊测试有限公司', website: 'https://x.cn', founderTraits: [] }),
      version: versionOf(tenantA),
    },
  ];

  const send = (e: Endpoint, payload: unknown) =>
    t.request({
      method: e.method,
      url: e.url(),
      token: e.token(),
      payload: JSON.stringify(payload) ?? 'null',
      headers: json,
    });

  it.each(ENDPOINTS)(
    '$name: every field set to odd values, and odd whole bodies',
    async (e) => {
      const valid = e.valid();
      for (const body of ODD_BODIES)
        expectNoServerError(await send(e, body), `${e.name} body ${JSON.stringify(body)}`);
      for (const key of [...Object.keys(valid), 'unknownField', 'status', 'id']) {
        for (const value of ODD_VALUES) {
          const current = e.version ? { version: await e.version() } : {};
          const res = await send(e, { ...valid, ...current, [key]: value });
          expectNoServerError(res, `${e.name} ${key}=${JSON.stringify(value)?.slice(0, 40)}`);
        }
      }
    },
    120_000,
  );

  it.each(ENDPOINTS)(
    '$name: random JSON bodies',
    async (e) => {
      const keys = [...Object.keys(e.valid()), 'version', 'status'];
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.jsonValue(),
            fc
              .dictionary(fc.constantFrom(...keys), fc.jsonValue(), { maxKeys: keys.length })
              .map((d) => ({ ...e.valid(), ...d })),
          ),
          async (body) => {
            // version 1 is valid()'s placeholder: swap in the current one.
            if (
              e.version &&
              body &&
              typeof body === 'object' &&
              (body as { version?: unknown }).version === 1
            ) {
              Object.assign(body, { version: await e.version() });
            }
            const res = await send(e, body);
            expect(
              res.status,
              `${e.name} ${JSON.stringify(body)} → ${JSON.stringify(res.body)}`,
            ).toBeLessThan(500);
          },
        ),
        { numRuns: 60 },
      );
    },
    120_000,
  );

  it('odd path parameters and query strings on every read endpoint', async () => {
    const a = w.incubators.a.id;
    const paths = [
      '/api/v1/incubators/%00',
      `/api/v1/incubators/${'a'.repeat(5000)}`,
      '/api/v1/tenants/%F0%9F%98%80',
      '/api/v1/tenants/..%2F..%2Fetc%2Fpasswd',
      '/api/v1/incubators/00000000-0000-0000-0000-000000000000/tenants',
      '/api/v1/incubators/%E0%A4%A',
      '/api/v1/tenants/%',
    ];
    for (const url of paths) {
      for (const method of ['GET', 'PATCH'] as const) {
        const res = await t.request({ method, url, token: w.national.token, payload: { version: 1 } });
        // Problems all the way, the router's own refusals (bad encoding, overlong parameter) included.
        expectProblem(res, res.status);
        expectNoServerError(res, `${method} ${url.slice(0, 60)}`);
      }
    }

    const queries: Record<string, string[]> = {
      page: ['-1', '1e400', '1.5', 'NaN', 'Infinity', '9007199254740993', ''],
      pageSize: ['-5', '1e3', '[]', ''],
      q: ['%00', '%', '_', '\\', "'", '%FF', 'a'.repeat(100), ''],
      sort: ['', 'name;drop', '-'],
      status: ['', 'INCUBATING'],
      field: ['', 'x'],
      overdue: ['', 'TRUE', '1'],
      province: ['', '0', '999999', '42000'],
      park: ['0', '55', '-1', '1.5', 'x'],
      type: ['x'],
      level: ['x'],
    };
    for (const [name, values] of Object.entries(queries)) {
      for (const value of values) {
        for (const url of [
          `/api/v1/incubators?${name}=${value}`,
          `/api/v1/incubators/${a}/tenants?${name}=${value}`,
        ]) {
          expectNoServerError(await t.request({ method: 'GET', url, token: w.national.token }), url);
        }
      }
    }
    // The same key twice becomes an array.
    expectNoServerError(
      await t.request({ method: 'GET', url: '/api/v1/incubators?page=1&page=2', token: w.national.token }),
      'page twice',
    );
    expectNoServerError(
      await t.request({
        method: 'GET',
        url: `/api/v1/incubators/${a}/tenants?q=a&q=b`,
        token: w.national.token,
      }),
      'q twice',
    );
  });

  it('the world is still consistent after the fuzzing', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/incubators/${w.incubators.a.id}/tenants?pageSize=200`,
      token: w.national.token,
    });
    expect(res.status).toBe(200);
    // A company incubates in at most one incubator at a time, whatever was sent.
    const incubating = res.body.items.filter((x: { status: string }) => x.status === 'incubating');
    expect(new Set(incubating.map((x: { companyId: string }) => x.companyId)).size).toBe(incubating.length);
    await admit(t, w.users.managerA.token, w.incubators.a.id);
  });
});
