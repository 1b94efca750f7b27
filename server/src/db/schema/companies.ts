// One legal identity per USCC, nationally; its stays in incubators are tenancies (tenants.ts).

import { FIELD_CODES } from '@torch/shared';
import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text } from 'drizzle-orm/pg-core';
import { id, lifecycle, yuan } from './columns';
import { fields } from './reference';

export const companies = pgTable(
  'companies',
  {
    id: id(),
    uscc: text('uscc').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    foundedOn: date('founded_on').notNull(),
    field: text('field', { enum: FIELD_CODES })
      .notNull()
      .references(() => fields.code),
    integratedCircuit: boolean('integrated_circuit').notNull().default(false),
    registeredCapital: yuan('registered_capital').notNull().default(0),
    founderTraits: text('founder_traits').array().notNull().default(sql`'{}'::text[]`),
    highTechCertifiedOn: date('high_tech_certified_on'),
    legalRepresentative: text('legal_representative'),
    contactPhone: text('contact_phone'),
    website: text('website'),
    ...lifecycle,
  },
  (t) => [
    // Name search is `ILIKE '%…%'`: trigram indexes (pg_trgm, migration 0009) answer it for three
    // characters or more; two-character queries have no whole trigram and fall back to a scan.
    // No (name) b-tree: with one, the planner read an incubator's tenants sorted by name by walking
    // every company in name order, hoping to meet 50 of them early (7 s instead of 50 ms).
    index('companies_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('companies_name_en_trgm_idx').using('gin', t.nameEn.op('gin_trgm_ops')),
    // USCC search is by prefix (`LIKE 'ABC%'`): the unique index's collation is not C, so a
    // pattern-ops index serves the prefix.
    index('companies_uscc_prefix_idx').on(t.uscc.op('text_pattern_ops')),
  ],
);
