// Reference data, loaded by migration and read-only in the API.
import { integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';

export const provinces = pgTable('provinces', {
  code: text('code').primaryKey(),
  abbr: text('abbr').notNull(),
  nameEn: text('name_en').notNull(),
  nameZh: text('name_zh').notNull(),
  region: text('region').notNull(),
});

export const parks = pgTable('parks', {
  number: integer('number').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameZh: text('name_zh').notNull(),
  city: text('city').notNull(),
  provinceCode: text('province_code')
    .notNull()
    .references(() => provinces.code),
  website: text('website').notNull(),
});

export const fields = pgTable('fields', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  incubationMonths: smallint('incubation_months').notNull(),
});
