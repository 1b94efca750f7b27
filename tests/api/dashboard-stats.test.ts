// One definition of incubating, graduated and listed: an incubator's dashboard tiles equal the
// statistics for that incubator as of today, also for a company listed under two incubators
// (it counts once, under its first listing's incubator).
import { todayInChina } from '@torch/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { admit, userWithToken } from '../helpers/fixtures';
import { admitVeteran, api, type LifecycleWorld, lifecycleWorld } from './lifecycle-helpers';

describe('dashboard tiles and statistics', () => {
  let t: TestApp;
  let w: LifecycleWorld;
  let call: ReturnType<typeof api>;
  let managerA2: string;
  beforeAll(async () => {
    t = await createTestApp();
    w = await lifecycleWorld(t, 'tiles');
    call = api(t);
    managerA2 = (
      await userWithToken(t, {
        email: 'tiles.manager.a2b@test.cn',
        role: 'incubator_manager',
        incubatorIds: [w.incubators.a2.id],
      })
    ).token;
  });
  afterAll(() => t.close());

  const post = async (url: string, token: string, body: unknown) => {
    const res = await call.post(url, token, body);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  };

  it('agree for each incubator, with a company listed under two of them counted under its first', async () => {
    const { a, a2 } = w.incubators;
    const managerA = w.users.managerA.token;
    // Graduates from A and is listed there, then is admitted to A2 and listed again from there.
    const first = await admitVeteran(t, managerA, a.id, {
      name: '两地上市公司',
      highTechCertifiedOn: '2022-01-01',
    });
    await post(`/tenants/${first.id}/graduation`, managerA, {
      graduatedOn: '2023-12-29',
      criteria: ['high_tech_enterprise'],
    });
    await post(`/tenants/${first.id}/listings`, managerA, {
      exchange: 'neeq',
      ticker: '870101',
      listedOn: '2024-03-01',
      amountRaised: 0,
    });
    const second = await admit(t, managerA2, a2.id, {
      uscc: first.uscc,
      name: first.name,
      foundedOn: '2021-03-01',
      admittedOn: '2025-01-10',
      admissionExceptionReason: '毕业后再次入孵',
    });
    await post(`/tenants/${second.id}/listings`, managerA2, {
      exchange: 'bse',
      ticker: '920101',
      listedOn: '2025-06-02',
      amountRaised: 10_000_000,
    });

    const today = todayInChina();
    const tiles = async (incubatorId: string, token: string) =>
      (await call.get(`/incubators/${incubatorId}/dashboard`, token)).body.kpis;
    const stats = async (incubatorId: string) => {
      const res = await call.get(
        `/stats/summary?incubatorId=${incubatorId}&asOf=${today}`,
        w.users.national.token,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const { tenantsIncubating, graduatesCumulative, listingsCumulative } = res.body.total;
      return { incubating: tenantsIncubating, graduated: graduatesCumulative, listed: listingsCumulative };
    };

    const tilesA = await tiles(a.id, managerA);
    const tilesA2 = await tiles(a2.id, managerA2);
    expect(tilesA).toMatchObject(await stats(a.id));
    expect(tilesA2).toMatchObject(await stats(a2.id));
    // twoProvinceWorld's two tenants of A and one of A2, plus the company that moved.
    expect(tilesA).toMatchObject({ incubating: 2, graduated: 1, listed: 1 });
    expect(tilesA2).toMatchObject({ incubating: 2, graduated: 0, listed: 0 });
  });
});
