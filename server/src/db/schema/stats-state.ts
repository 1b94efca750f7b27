// One row: `version` rises in every transaction that changes what statistics read (readers cache
// answers by it); `horizon` is the last year whose year-end stocks are materialised.
import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, smallint } from 'drizzle-orm/pg-core';

export const statsState = pgTable(
  'stats_state',
  {
    id: smallint('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
    horizon: integer('horizon').notNull(),
  },
  (t) => [check('stats_state_single_row', sql`${t.id} = 1`)],
);
