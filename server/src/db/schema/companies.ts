// One legal identity per USCC, nationally; its stays in incubators are tenancies (tenants.ts).

import { FIELD_CODES } from '@torch/shared';
import { sql } from 'drizzle-orm';
import { boolean, date, pgTable, text } from 'drizzle-orm/pg-core';
import { id, lifecycle, yuan } from './columns';
import { fields } from './reference';

export const companies = pgTable('companies', {
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
});
