// Money into a company while it is (or was) a tenant. `incubator_fund` rows are incubator investments.
import { INVESTMENT_INSTRUMENTS, INVESTOR_KINDS } from '@torch/shared';
import { sql } from 'drizzle-orm';
import { check, date, index, numeric, pgTable, text } from 'drizzle-orm/pg-core';
import { id, lifecycle, version, yuan } from './columns';
import { companyRef, incubatorRef, tenantRef } from './references';

export const investments = pgTable(
  'investments',
  {
    id: id(),
    companyId: companyRef(),
    /** The tenancy it was recorded under: decides which incubator's totals it is in. */
    tenantId: tenantRef(),
    incubatorId: incubatorRef(),
    investorKind: text('investor_kind', {
      enum: INVESTOR_KINDS,
    }).notNull(),
    investorName: text('investor_name'),
    instrument: text('instrument', {
      enum: INVESTMENT_INSTRUMENTS,
    }).notNull(),
    amount: yuan('amount').notNull(),
    investedOn: date('invested_on').notNull(),
    round: text('round'),
    equityShare: numeric('equity_share', { mode: 'number' }),
    /** For a parallel investment: the co-investing VC's equity amount the cap is measured against. */
    coInvestingVcAmount: yuan('co_investing_vc_amount'),
    version: version(),
    ...lifecycle,
  },
  (t) => [
    check('investments_amount_positive', sql`${t.amount} > 0`),
    index('investments_tenant_idx').on(t.tenantId, t.investedOn),
    index('investments_incubator_idx').on(t.incubatorId, t.investedOn),
    index('investments_company_idx').on(t.companyId),
  ],
);
