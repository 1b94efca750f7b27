// The list answers are serialised by fast-json-stringify from their schema's JSON Schema
// (server/src/json-serializer.ts), not by zod: what they send must be exactly what the zod schema
// accepts and would itself have sent — every field, the right types, nothing extra.
import { Company, Incubator, pageOf, Report, Tenant, TenantInvestments } from '@torch/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { admit, nextUscc, sqlRows, userWithToken, world } from '../helpers/fixtures';

describe('the list answers serialised from their JSON Schema', () => {
  let t: TestApp;
  let national: string;
  let incubatorId: string;
  let tenant: { id: string; companyId: string };

  beforeAll(async () => {
    t = await createTestApp();
    const w = await world(t, 'rs');
    national = w.national.token;
    const incubator = await w.incubator('序列化孵化器');
    incubatorId = incubator.id;
    const manager = await userWithToken(t, {
      email: 'rs.manager@test.cn',
      role: 'incubator_manager',
      incubatorIds: [incubator.id],
    });
    tenant = await admit(t, manager.token, incubator.id, {
      name: '序列化科技有限公司',
      uscc: nextUscc('420100'),
    });
    await admit(t, manager.token, incubator.id, {
      name: '另一科技有限公司',
      nameEn: 'Another Tech',
      uscc: nextUscc('420100'),
    });
    await sqlRows(
      t,
      `insert into reports (company_id, tenant_id, incubator_id, year, revenue, status)
       values ('${tenant.companyId}', '${tenant.id}', '${incubator.id}', 2024, 1234.5, 'approved')`,
    );
    await sqlRows(
      t,
      `insert into investments (company_id, tenant_id, incubator_id, investor_kind, instrument, amount, invested_on)
       values ('${tenant.companyId}', '${tenant.id}', '${incubator.id}', 'angel', 'equity', 500000, '2024-02-01')`,
    );
  }, 60_000);
  afterAll(() => t?.close());

  /** The zod schema's own encoding (what the zod serializer sends). */
  type Encodes = { safeEncode(value: unknown): { error?: unknown; data?: unknown } };
  const reads: [string, () => string, Encodes][] = [
    ['tenants', () => `/incubators/${incubatorId}/tenants`, pageOf(Tenant)],
    ['incubators', () => '/incubators', pageOf(Incubator)],
    ['companies', () => `/companies?q=${encodeURIComponent('科技')}`, pageOf(Company)],
    ['reports', () => `/tenants/${tenant.id}/reports`, pageOf(Report)],
    ['investments', () => `/tenants/${tenant.id}/investments`, TenantInvestments],
  ];

  for (const [name, path, schema] of reads) {
    it(`${name}: valid for the zod schema, and what zod would have sent`, async () => {
      const res = await t.request({ method: 'GET', url: `/api/v1${path()}`, token: national });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      const encoded = schema.safeEncode(res.body);
      expect(encoded.error).toBeUndefined();
      expect(JSON.parse(JSON.stringify(encoded.data))).toEqual(res.body);
    });
  }
});
