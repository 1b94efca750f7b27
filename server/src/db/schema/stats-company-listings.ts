// Each listed company's first listing (earliest date, then id): the one its cumulative listing is
// counted under. Lets the listings trigger see what it counted before a change.
import { date, pgTable, uuid } from 'drizzle-orm/pg-core';

export const statsCompanyListings = pgTable('stats_company_listings', {
  companyId: uuid('company_id').primaryKey(),
  incubatorId: uuid('incubator_id').notNull(),
  listedOn: date('listed_on').notNull(),
});
