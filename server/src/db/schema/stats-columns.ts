// The indicator columns every statistics table carries, one per STATS_INDICATORS entry, in that
// order (the statistics SQL, modules/stats/sql, is made from the same list).
import { STATS_INDICATORS, type StatsIndicator } from '@torch/shared';
import { bigint } from 'drizzle-orm/pg-core';

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
