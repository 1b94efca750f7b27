// IPO / 挂牌 listings of a (usually graduated) tenant company.
import { EXCHANGES } from '@torch/shared';
import { date, index, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { id, lifecycle, version, yuan } from './columns';
import { companyRef, incubatorRef, tenantRef } from './references';

export const listings = pgTable(
  'listings',
  {
    id: id(),
    companyId: companyRef(),
    tenantId: tenantRef(),
    incubatorId: incubatorRef(),
    exchange: text('exchange', { enum: EXCHANGES }).notNull(),
    ticker: text('ticker').notNull(),
    listedOn: date('listed_on').notNull(),
    amountRaised: yuan('amount_raised').notNull().default(0),
    version: version(),
    ...lifecycle,
  },
  (t) => [
    unique('listings_exchange_ticker').on(t.exchange, t.ticker),
    index('listings_tenant_idx').on(t.tenantId),
    index('listings_incubator_idx').on(t.incubatorId, t.listedOn),
  ],
);
