// What an admission records of a company (SPEC "Company identity across incubators"). The national
// record (companies) holds the current values; each tenancy holds them as its incubator recorded
// them, so that a later incubator admitting the company never rewrites an earlier one's view.
import { FIELD_CODES } from '@torch/shared';
import { sql } from 'drizzle-orm';
import { boolean, date, text } from 'drizzle-orm/pg-core';
import { yuan } from './columns';
import { fields } from './reference';

/** The profile columns, fresh builders per table (companies, tenants). */
export const companyProfileColumns = () => ({
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
});

/** The profile's keys, in the API's names (a tenancy's snapshot is these keys of the company). */
export const COMPANY_PROFILE_KEYS = Object.keys(companyProfileColumns()) as (keyof ReturnType<
  typeof companyProfileColumns
>)[];
