import { FIELD_CODES, INCUBATOR_LEVELS, INCUBATOR_TYPES, LEGAL_NATURES } from '@torch/shared';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, text } from 'drizzle-orm/pg-core';
import { id, lifecycle, version, yuan } from './columns';
import { fields, parks, provinces } from './reference';

export const incubators = pgTable(
  'incubators',
  {
    id: id(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    city: text('city').notNull(),
    parkNumber: integer('park_number').references(() => parks.number),
    type: text('type', {
      enum: INCUBATOR_TYPES,
    }).notNull(),
    field: text('field', { enum: FIELD_CODES }).references(() => fields.code),
    level: text('level', { enum: INCUBATOR_LEVELS }).notNull(),
    legalNature: text('legal_nature', { enum: LEGAL_NATURES }).notNull(),
    foundedOn: date('founded_on').notNull(),
    totalArea: numeric('total_area', { mode: 'number' }).notNull().default(0),
    tenantArea: numeric('tenant_area', { mode: 'number' }).notNull().default(0),
    publicServiceArea: numeric('public_service_area', { mode: 'number' }).notNull().default(0),
    fundSize: yuan('fund_size').notNull().default(0),
    staffCount: integer('staff_count').notNull().default(0),
    mentorCount: integer('mentor_count').notNull().default(0),
    version: version(),
    ...lifecycle,
  },
  (t) => [
    check('incubators_areas', sql`${t.tenantArea} <= ${t.totalArea}`),
    index('incubators_province_idx').on(t.provinceCode),
    index('incubators_park_idx').on(t.parkNumber),
  ],
);
