// The indicator columns every statistics table carries, one per STATS_INDICATORS entry, in that
// order (the statistics SQL, modules/stats/sql, is made from the same list).
import { STATS_INDICATORS, type StatsIndicator } from '@torch/shared';
import { bigint, integer, text } from 'drizzle-orm/pg-core';

/** `tenantsIncubating` → `tenants_incubating`. */
export const indicatorColumnName = (indicator: StatsIndicator) =>
  indicator.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const indicatorColumn = (indicator: StatsIndicator) =>
  bigint(indicatorColumnName(indicator), { mode: 'number' }).notNull().default(0);

export function indicatorColumns() {
  return Object.fromEntries(STATS_INDICATORS.map((k) => [k, indicatorColumn(k)])) as {
    [K in StatsIndicator]: ReturnType<typeof indicatorColumn>;
  };
}

/**
 * The dimensions a statistics cell is keyed by (the cube's and the accepted returns' cells alike):
 * year, province, STIP (0 = outside the national STIPs; -1 on the cube's field rows), type, level, field.
 */
export function cellKeyColumns() {
  return {
    year: integer('year').notNull(),
    provinceCode: text('province_code').notNull(),
    parkNumber: integer('park_number').notNull(),
    incubatorType: text('incubator_type').notNull(),
    incubatorLevel: text('incubator_level').notNull(),
    field: text('field').notNull(),
  };
}
