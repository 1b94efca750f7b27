// The indicator column lists of the statistics SQL, made from STATS_INDICATORS (shared): a new
// indicator needs no list edited by hand, only its events in events.ts (docs/statistics.md).
import { STATS_INDICATOR_INFO, STATS_INDICATORS, STATS_STOCK_INDICATORS } from '@torch/shared';
import { indicatorColumnName } from '../../../db/schema/stats-columns';

/** Column names in STATS_INDICATORS order: `tenants_incubating`, … */
export const INDICATOR_COLUMNS = STATS_INDICATORS.map(indicatorColumnName);
export const STOCK_COLUMNS = STATS_STOCK_INDICATORS.map(indicatorColumnName);

/**
 * Money (yuan) needs bigint sums; counts are summed as int (a by-value aggregate state, several
 * times cheaper than bigint's).
 */
export const isMoneyColumn = (column: string) =>
  STATS_INDICATORS.some((k) => indicatorColumnName(k) === column && STATS_INDICATOR_INFO[k].unit === 'yuan');

/** `template` for each indicator column (`$` is the column), joined. */
export const each = (template: (column: string) => string, separator = ', ') =>
  INDICATOR_COLUMNS.map(template).join(separator);

/** The stocks' columns as a row, and its all-zero value: `(incubators, …) <> (0, 0, 0, 0)`. */
export const stocksNonZero = (prefix: string) =>
  `(${STOCK_COLUMNS.map((c) => `${prefix}${c}`).join(', ')}) <> (${STOCK_COLUMNS.map(() => '0').join(', ')})`;
