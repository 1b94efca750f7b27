// One legal identity per USCC, nationally, with its current profile; its stays in incubators are
// tenancies (tenants.ts), each with the profile as that incubator recorded it.

import { sql } from 'drizzle-orm';
import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { id, lifecycle } from './columns';
import { companyProfileColumns } from './company-profile';

export const companies = pgTable(
  'companies',
  {
    id: id(),
    uscc: text('uscc').notNull().unique(),
    ...companyProfileColumns(),
    ...lifecycle,
  },
  (t) => [
    // Name search is `LIKE/ILIKE '%…%'`: trigram indexes (pg_trgm, migration 0009) answer it for
    // three characters or more.
    // No (name) b-tree: with one, the planner read an incubator's tenants sorted by name by walking
    // every company in name order, hoping to meet 50 of them early (7 s instead of 50 ms).
    index('companies_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('companies_name_en_trgm_idx').using('gin', t.nameEn.op('gin_trgm_ops')),
    // Two characters (光电, 医药) have no whole trigram: the names' bigrams (function name_bigrams,
    // migration 0016) narrow a two-character search to the companies that can match.
    index('companies_name_bigram_idx').using(
      'gin',
      sql`name_bigrams(${t.name} || ' ' || coalesce(${t.nameEn}, ''))`,
    ),
    // USCC search is by prefix (`LIKE 'ABC%'`): the unique index's collation is not C, so a
    // pattern-ops index serves the prefix.
    index('companies_uscc_prefix_idx').on(t.uscc.op('text_pattern_ops')),
  ],
);
