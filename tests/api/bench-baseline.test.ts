// The benchmark's baseline (tests/bench/baseline-sql.ts) answers the same question as each
// benchmarked endpoint: the same rows in the same order, the same totals, the same 404 for a
// missing parent. Without this the baseline could drift into answering something easier.
import { addMonths, todayInChina } from '@torch/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, type BenchIds, benchReads, runnerFor } from '../bench/baseline-sql';
import { createTestApp, type TestApp } from '../helpers/app';
import { admit, markExited, nextUscc, sqlRows, userWithToken, world } from '../helpers/fixtures';

const today = todayInChina();
const NAMES = ['光谷', '科技', '东湖', 'Optics', '生物', '芯片'];

describe('the benchmark baseline answers what the endpoints answer', () => {
  let t: TestApp;
  let national: string;
  let ids: BenchIds;

  beforeAll(async () => {
    t = await createTestApp();
    const w = await world(t, 'bb');
    national = w.national.token;
    const incubator = await w.incubator('基准孵化器');
    await w.incubator('另一孵化器');
    const manager = await userWithToken(t, {
      email: 'bb.manager@test.cn',
      role: 'incubator_manager',
      incubatorIds: [incubator.id],
    });
    // 64 tenancies (more than a page): names with and without 科技, the same admission day for
    // several (the id decides their order), some overdue, graduated or exited.
    const admitted: { id: string; companyId: string; uscc: string }[] = [];
    for (let i = 0; i < 64; i += 1) {
      const monthsAgo = i % 7 === 0 ? 60 : 2 + (i % 5);
      const admittedOn = addMonths(today, -monthsAgo);
      const tenant = await admit(t, manager.token, incubator.id, {
        name: `${NAMES[i % NAMES.length]}${String.fromCharCode(0x4e00 + ((i * 37) % 500))}有限公司`,
        nameEn: i % 3 === 0 ? `Keji ${i}` : null,
        uscc: nextUscc(i % 2 ? '420100' : '420111'),
        foundedOn: addMonths(admittedOn, -3),
        admittedOn,
        admissionExceptionReason: null,
      });
      admitted.push(tenant);
      if (i % 11 === 5) await markExited(t, tenant.id, addMonths(today, -1));
    }
    const subject = admitted[1]!;
    for (const year of [2021, 2022, 2023, 2024]) {
      await sqlRows(
        t,
        `insert into reports (company_id, tenant_id, incubator_id, year, revenue, status)
         values ('${subject.companyId}', '${subject.id}', '${incubator.id}', ${year}, ${year * 1000}, 'approved')`,
      );
    }
    for (const [kind, instrument, amount, on] of [
      ['angel', 'equity', 500000, '2024-02-01'],
      ['vc', 'equity', 3000000, '2024-02-01'],
      ['government_grant', 'grant', 200000, '2023-11-15'],
    ] as const) {
      await sqlRows(
        t,
        `insert into investments (company_id, tenant_id, incubator_id, investor_kind, instrument, amount, invested_on)
         values ('${subject.companyId}', '${subject.id}', '${incubator.id}', '${kind}', '${instrument}', ${amount}, '${on}')`,
      );
    }
    const [{ name }] = (await sqlRows<{ name: string }>(
      t,
      `select name from companies where id = '${subject.companyId}'`,
    )) as [{ name: string }];
    ids = {
      incubatorId: incubator.id,
      tenantId: subject.id,
      usccPrefix: subject.uscc.slice(0, 9),
      nameFragment: name.slice(0, 3),
      nameBigram: name.slice(1, 3),
      today,
    };
  }, 120_000);
  afterAll(() => t?.close());

  const run = () => runnerFor((t.db as unknown as { $client: Parameters<typeof runnerFor>[0] }).$client);
  const idsOf = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

  it('has every read answer rows (the dataset exercises it)', async () => {
    for (const read of benchReads(ids)) {
      const res = await t.request({ method: 'GET', url: `/api/v1${read.path}`, token: national });
      expect(res.status, read.name).toBe(200);
      expect(res.body.items.length, read.name).toBeGreaterThan(0);
    }
  });

  for (const read of benchReads({
    incubatorId: '',
    tenantId: '',
    usccPrefix: '',
    nameFragment: '',
    nameBigram: '',
    today: '',
  })) {
    it(`${read.name}: the same rows, order and total`, async () => {
      const mine = benchReads(ids).find((r) => r.name === read.name)!;
      const res = await t.request({ method: 'GET', url: `/api/v1${mine.path}`, token: national });
      const base = answer(mine.shape, await run()(mine.statement)) as typeof res.body;
      expect(idsOf(base)).toEqual(idsOf(res.body));
      expect(base.items.map((i: { name?: string }) => i.name)).toEqual(
        res.body.items.map((i: { name?: string }) => i.name),
      );
      if (mine.shape === 'page') expect(base.total).toBe(res.body.total);
      else expect(base.totals).toEqual(res.body.totals);
    });
  }

  it('answers an unknown incubator or tenant with nothing, as the endpoints answer 404', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const read of benchReads({ ...ids, incubatorId: missing, tenantId: missing })) {
      if (!read.path.includes(missing)) continue;
      const res = await t.request({ method: 'GET', url: `/api/v1${read.path}`, token: national });
      expect(res.status, read.name).toBe(404);
      expect(answer(read.shape, await run()(read.statement)), read.name).toBeUndefined();
    }
  });
});
