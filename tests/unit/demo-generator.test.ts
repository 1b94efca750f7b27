// The national demo generator in memory (no database): `scale N` multiplies the exact 2006
// figures, a different last year moves the horizon, and what it makes respects its calendar.
import { describe, expect, it } from 'vitest';
import { dayOf, iso, yearEnd } from '../../server/src/demo/national/calendar';
import { graduatedBy2006, incubatingAtEnd2006 } from '../../server/src/demo/national/exact-2006';
import { generateNationalDataset } from '../../server/src/demo/national/generate';
import { EXCHANGE_OPENED, TARGETS_2006 } from '../../server/src/demo/national/plan';

describe('national demo generator', () => {
  it('multiplies the 2006 figures exactly at scale 2, with the demo accounts once', () => {
    const world = generateNationalDataset({ scale: 2, lastYear: 2012 });
    const stays = [...world.tenancies()];
    const by2006 = world.incubators.filter((i) => i.foundedOn <= yearEnd(2006));
    expect(by2006.length).toBe(2 * TARGETS_2006.incubators);
    expect(by2006.filter((i) => i.type === 'university_science_park').length).toBe(
      2 * TARGETS_2006.universitySciencePark,
    );
    expect(by2006.filter((i) => i.type === 'returned_scholars').length).toBe(
      2 * TARGETS_2006.returnedScholars,
    );
    expect(by2006.filter((i) => i.type === 'international').length).toBe(2 * TARGETS_2006.international);
    expect(by2006.filter((i) => i.type === 'specialized').length).toBe(2 * TARGETS_2006.specialized);
    expect(stays.filter(incubatingAtEnd2006).length).toBe(2 * TARGETS_2006.tenantsIncubating);
    expect(stays.filter(graduatedBy2006).length).toBe(2 * TARGETS_2006.graduatesCumulative);
    const listed = new Set(
      world.listings.filter((l) => l.listedOn <= yearEnd(2006)).map((l) => l.tenancy.company),
    );
    expect(listed.size).toBe(2 * TARGETS_2006.listedCumulative);
    expect(world.users.map((u) => u.email).sort()).toEqual([
      'hubei@torch.demo',
      'manager.wuhan@torch.demo',
      'manager.zgc@torch.demo',
      'national@torch.demo',
      'tenant.wuhan@torch.demo',
    ]);
    expect(world.incubators.filter((i) => i.demo).length).toBe(2);
    const usccs = world.companies.filter((c) => !c.removed).map((c) => c.uscc);
    expect(new Set(usccs).size).toBe(usccs.length);
  }, 120_000);

  it('dates nothing after 31 December of the last year, and lists only on open exchanges', () => {
    const world = generateNationalDataset({ scale: 1, lastYear: 2013 });
    const horizon = dayOf('2013-12-31');
    const stays = [...world.tenancies()];
    expect(stays.filter((t) => t.admittedOn > horizon || (t.endedOn ?? 0) > horizon)).toEqual([]);
    expect(world.incubators.filter((i) => i.foundedOn > horizon)).toEqual([]);
    expect(world.investments.filter((v) => v.investedOn > horizon)).toEqual([]);
    expect(
      world.listings.filter((l) => l.listedOn > horizon || iso(l.listedOn) < EXCHANGE_OPENED[l.exchange]!),
    ).toEqual([]);
    expect(world.listings.some((l) => l.exchange === 'sse_star')).toBe(false);
    const tickers = world.listings.map((l) => `${l.exchange}:${l.ticker}`);
    expect(new Set(tickers).size).toBe(tickers.length);
    // The demo tenant was admitted two years before the horizon and is still incubating.
    expect(iso(world.demo.tenant!.admittedOn)).toBe('2011-03-15');
    expect(world.demo.tenant!.status).toBe('incubating');
  }, 120_000);

  it('refuses a scale or last year it cannot honour', () => {
    expect(() => generateNationalDataset({ scale: 0, lastYear: 2020 })).toThrow(/scale/);
    expect(() => generateNationalDataset({ scale: 1.5, lastYear: 2020 })).toThrow(/scale/);
    expect(() => generateNationalDataset({ scale: 1, lastYear: 2008 })).toThrow(/lastYear/);
  });
});
