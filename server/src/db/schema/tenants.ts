// A tenancy: one company's stay in one incubator, with the company as that incubator recorded it.
// The API's "tenant" is this row plus its company's USCC.
import { EXIT_REASONS, TENANT_STATUSES } from '@torch/shared';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, lifecycle, version } from './columns';
import { companies } from './companies';
import { companyProfileColumns } from './company-profile';
import { incubators } from './incubators';

export const tenants = pgTable(
  'tenants',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    incubatorId: uuid('incubator_id')
      .notNull()
      .references(() => incubators.id),
    /** The company as this incubator recorded it (company-profile.ts); the national record is companies. */
    ...companyProfileColumns(),
    admittedOn: date('admitted_on').notNull(),
    areaOccupied: numeric('area_occupied', { mode: 'number' }).notNull().default(0),
    admissionExceptionReason: text('admission_exception_reason'),
    /** Last day of the incubation limit, from the shared rule at each write; drives `overdue`. */
    incubationEndsOn: date('incubation_ends_on').notNull(),
    /**
     * A company user's edit that would move the incubation deadline ({ field, integratedCircuit }),
     * held until the manager confirms or rejects it; null when nothing waits.
     */
    pendingProfile: jsonb('pending_profile').$type<{ field: string; integratedCircuit: boolean }>(),
    pendingSince: timestamp('pending_since', { withTimezone: true, mode: 'string' }),
    status: text('status', { enum: TENANT_STATUSES }).notNull().default('incubating'),
    graduatedOn: date('graduated_on'),
    graduationCriteria: text('graduation_criteria').array().notNull().default(sql`'{}'::text[]`),
    /** Claimed criteria the records did not prove, with the manager's evidence note. */
    unverifiedCriteria: text('unverified_criteria').array().notNull().default(sql`'{}'::text[]`),
    graduationEvidence: text('graduation_evidence'),
    exitedOn: date('exited_on'),
    exitReason: text('exit_reason', { enum: EXIT_REASONS }),
    exitNote: text('exit_note'),
    version: version(),
    ...lifecycle,
  },
  (t) => [
    // A company incubates in at most one incubator at a time (SPEC §3).
    uniqueIndex('tenants_one_incubating_per_company').on(t.companyId).where(sql`${t.status} = 'incubating'`),
    // A status filter in the list's default order (company_id: the walk from an incubator's tenancies
    // of one status to their companies stays index-only).
    index('tenants_incubator_status_idx').on(t.incubatorId, t.status, t.admittedOn.desc(), t.id, t.companyId),
    index('tenants_company_idx').on(t.companyId),
    // The tenant list's default order: a page is read straight off this index, then joined. It
    // carries the names and the company (after id, which is unique, they change no order: drizzle
    // cannot spell INCLUDE) so that a name search counts an incubator's matches from the index
    // alone, without visiting each tenancy's heap page (docs/search.md).
    index('tenants_incubator_admitted_idx').on(
      t.incubatorId,
      t.admittedOn.desc(),
      t.id,
      t.name,
      t.nameEn,
      t.companyId,
    ),
    // With tenants_incubator_admitted_idx, the tenancies of some incubators with an event in a
    // window (an as-of statistic: stats_facts), found by three index ranges rather than by
    // reading every tenancy of theirs (docs/statistics.md).
    index('tenants_incubator_graduated_idx')
      .on(t.incubatorId, t.graduatedOn)
      .where(sql`${t.graduatedOn} is not null`),
    index('tenants_incubator_exited_idx').on(t.incubatorId, t.exitedOn).where(sql`${t.exitedOn} is not null`),
    index('tenants_overdue_idx').on(t.incubationEndsOn).where(sql`${t.status} = 'incubating'`),
    // The dashboard's "needs attention" list reads the few tenancies with a change waiting.
    index('tenants_pending_idx').on(t.incubatorId).where(sql`${t.pendingProfile} is not null`),
    check('tenants_pending_since', sql`(${t.pendingProfile} is null) = (${t.pendingSince} is null)`),
    check(
      'tenants_status_dates',
      sql`(${t.status} = 'graduated') = (${t.graduatedOn} is not null) and (${t.status} = 'exited') = (${t.exitedOn} is not null)`,
    ),
  ],
);
