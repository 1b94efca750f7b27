// The foreign keys company records carry: the company, the tenancy it was recorded under and that
// tenancy's incubator (scoped reads filter on them; see scope.ts).
import { uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';
import { incubators } from './incubators';
import { tenants } from './tenants';

export const companyRef = () =>
  uuid('company_id')
    .notNull()
    .references(() => companies.id);
export const tenantRef = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id);
export const incubatorRef = () =>
  uuid('incubator_id')
    .notNull()
    .references(() => incubators.id);
