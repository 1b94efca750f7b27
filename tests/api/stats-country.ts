// The random small countries of the statistics property test: what to build and how to change it.
// Indices (incubator, tenant, ...) pick modulo the lists built, so every value is usable.
import {
  EXCHANGES,
  FIELD_CODES,
  INCUBATOR_LEVELS,
  INCUBATOR_TYPES,
  INVESTOR_KINDS,
  STATS_GROUPINGS,
  todayInChina,
} from '@torch/shared';
import fc from 'fast-check';

const TODAY = todayInChina();
export const THIS_YEAR = Number(TODAY.slice(0, 4));
export const PROVINCE_CODES = ['420000', '110000', '440000', '510000'];
export const DAY = 86_400_000;
const EPOCH_2000 = Date.UTC(2000, 0, 1) / DAY;
export const LAST_DAY = Date.parse(TODAY) / DAY - 1;

export const iso = (day: number) => new Date(Math.min(day, LAST_DAY) * DAY).toISOString().slice(0, 10);
export const dayOf = (date: string) => Date.parse(date) / DAY;
export const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;

const day = fc.integer({ min: EPOCH_2000, max: LAST_DAY });
const later = fc.integer({ min: 0, max: 2000 });

const incubatorArb = fc.record({
  province: fc.nat(),
  park: fc.option(fc.nat(), { nil: null }),
  type: fc.constantFrom(...INCUBATOR_TYPES.filter((t) => t !== 'specialized')),
  level: fc.constantFrom(...INCUBATOR_LEVELS),
  founded: fc.integer({ min: Date.UTC(1988, 0, 1) / DAY, max: LAST_DAY }),
});

const tenantArb = fc.record({
  incubator: fc.nat(),
  field: fc.constantFrom(...FIELD_CODES),
  admitted: day,
  foundedBefore: fc.integer({ min: 0, max: 600 }),
  end: fc.constantFrom('none', 'graduated', 'exited', 'moved'),
  endAfter: later,
  movedTo: fc.nat(),
});

const updateArb = fc.oneof(
  fc.record({ kind: fc.constant('graduate' as const), tenant: fc.nat(), after: later }),
  fc.record({ kind: fc.constant('exit' as const), tenant: fc.nat(), after: later }),
  // Data-entry slips the definitions must survive: left on or before the day it was admitted.
  fc.record({
    kind: fc.constant('leftEarly' as const),
    tenant: fc.nat(),
    before: fc.integer({ min: 0, max: 400 }),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    tenant: fc.nat(),
    field: fc.constantFrom(...FIELD_CODES),
  }),
  fc.record({ kind: fc.constant('province' as const), incubator: fc.nat(), province: fc.nat() }),
  fc.record({
    kind: fc.constant('attributes' as const),
    incubator: fc.nat(),
    type: fc.constantFrom('general', 'university_science_park', 'international'),
    level: fc.constantFrom(...INCUBATOR_LEVELS),
    park: fc.option(fc.nat(), { nil: null }),
  }),
  fc.record({ kind: fc.constant('founded' as const), incubator: fc.nat(), founded: day }),
  fc.record({
    kind: fc.constant('report' as const),
    report: fc.nat(),
    status: fc.constantFrom('approved', 'returned'),
  }),
  fc.record({
    kind: fc.constant('investment' as const),
    investment: fc.nat(),
    amount: fc.integer({ min: 0, max: 9_000_000 }),
  }),
  fc.record({ kind: fc.constant('unlist' as const), listing: fc.nat() }),
);

const checkArb = fc.record({
  year: fc.integer({ min: 1995, max: THIS_YEAR }),
  dayOfYear: fc.option(fc.integer({ min: 0, max: 364 }), { nil: null }),
  groupBy: fc.constantFrom(...STATS_GROUPINGS),
  scope: fc.constantFrom('national', 'province', 'manager', 'drill'),
  pick: fc.nat(),
});

export const countryArb = fc.record({
  incubators: fc.array(incubatorArb, { minLength: 1, maxLength: 4 }),
  tenants: fc.array(tenantArb, { maxLength: 10 }),
  investments: fc.array(
    fc.record({
      tenant: fc.nat(),
      kind: fc.constantFrom(...INVESTOR_KINDS),
      amount: fc.integer({ min: 1, max: 9_000_000 }),
      after: later,
    }),
    { maxLength: 6 },
  ),
  listings: fc.array(fc.record({ tenant: fc.nat(), after: later, exchange: fc.constantFrom(...EXCHANGES) }), {
    maxLength: 4,
  }),
  reports: fc.array(
    fc.record({
      tenant: fc.nat(),
      yearAfter: fc.integer({ min: 0, max: 6 }),
      status: fc.constantFrom('draft', 'submitted', 'approved', 'returned'),
      revenue: fc.integer({ min: 0, max: 50_000_000 }),
      employees: fc.integer({ min: 0, max: 300 }),
      ip: fc.integer({ min: 0, max: 20 }),
    }),
    { maxLength: 6 },
  ),
  updates: fc.array(updateArb, { maxLength: 5 }),
  checks: fc.array(checkArb, { minLength: 3, maxLength: 5 }),
});

export type Country = typeof countryArb extends fc.Arbitrary<infer T> ? T : never;
