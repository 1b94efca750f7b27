// National statistics, materialised: per year and cell, the year's flows and the year-end stock
// LEVELS (STATS_STOCK_INDICATORS), through stats_state.horizon. Two granularities share the table
// (their rows never mix): by the incubator's attributes (field = '*'), and by province and the
// tenant company's field (park_number = -1, type and level '*'; the `incubators` count, which has
// no company field, under field '-'). A few tens of thousands of rows however many companies, so
// a national summary reads one year's few hundred cells. Kept exact in the same transaction as
// every write by the triggers of drizzle/0004_stats_triggers.sql.
import { pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { cellKeyColumns, indicatorColumns } from './stats-columns';

export const statsCube = pgTable(
  'stats_cube',
  {
    ...cellKeyColumns(),
    ...indicatorColumns(),
  },
  (t) => [
    primaryKey({
      columns: [t.year, t.provinceCode, t.parkNumber, t.incubatorType, t.incubatorLevel, t.field],
    }),
  ],
);
