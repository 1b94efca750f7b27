// A company's yearly figures: draft → submitted (tenant) → approved | returned (incubator).
// Only approved reports feed statistics.
import { REPORT_STATUSES } from '@torch/shared';
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, lifecycle, version, yuan } from './columns';
import { companyRef, incubatorRef, tenantRef } from './references';
import { users } from './users';

export const reports = pgTable(
  'reports',
  {
    id: id(),
    companyId: companyRef(),
    /** The tenancy whose incubator reviews it. */
    tenantId: tenantRef(),
    incubatorId: incubatorRef(),
    year: integer('year').notNull(),
    revenue: yuan('revenue').notNull().default(0),
    netProfit: yuan('net_profit').notNull().default(0),
    rdSpending: yuan('rd_spending').notNull().default(0),
    taxesPaid: yuan('taxes_paid').notNull().default(0),
    exports: yuan('exports').notNull().default(0),
    employees: integer('employees').notNull().default(0),
    phdEmployees: integer('phd_employees').notNull().default(0),
    collegeEmployees: integer('college_employees').notNull().default(0),
    returnedScholarEmployees: integer('returned_scholar_employees').notNull().default(0),
    freshGraduatesHired: integer('fresh_graduates_hired').notNull().default(0),
    ipApplications: integer('ip_applications').notNull().default(0),
    ipGranted: integer('ip_granted').notNull().default(0),
    inventionPatents: integer('invention_patents').notNull().default(0),
    softwareCopyrights: integer('software_copyrights').notNull().default(0),
    otherIp: integer('other_ip').notNull().default(0),
    financingReceived: yuan('financing_received').notNull().default(0),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
    reviewComment: text('review_comment'),
    /** Flags from the shared rules (10× jumps), stored at submission for both sides to see. */
    flags: jsonb('flags').notNull().default(sql`'[]'::jsonb`),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    version: version(),
    ...lifecycle,
  },
  (t) => [
    // One yearly report per company and year (SPEC §3).
    uniqueIndex('reports_company_year').on(t.companyId, t.year),
    index('reports_incubator_status_idx').on(t.incubatorId, t.status),
    index('reports_incubator_year_idx').on(t.incubatorId, t.year),
    check('reports_year_range', sql`${t.year} between 1987 and 2100`),
  ],
);
