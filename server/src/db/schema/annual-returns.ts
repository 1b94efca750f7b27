// Annual statistical returns (年度统计报表, SPEC §3): one per incubator and year, its transitions
// (the history), the reviewers' comments, the deadline of each year, and the snapshots taken when a
// return is accepted. Official statistics read `official_cells` only, never the live records.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, lifecycle, version } from './columns';
import { incubators } from './incubators';
import { cellKeyColumns, indicatorColumns } from './stats-columns';
import { users } from './users';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const annualReturns = pgTable(
  'annual_returns',
  {
    id: id(),
    incubatorId: uuid('incubator_id')
      .notNull()
      .references(() => incubators.id),
    year: integer('year').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'approved', 'accepted', 'returned'] })
      .notNull()
      .default('draft'),
    /** The manager's incubator-level figures (ReturnFigures). */
    figures: jsonb('figures').notNull(),
    /** The tenant aggregates as of the last save or transition: the cohort rules compare these. */
    computed: jsonb('computed').notNull(),
    /** The tenant aggregates per company field as submitted: accepting copies them to official_cells. */
    cells: jsonb('cells'),
    /** Written explanations of warning flags, by flag code. */
    explanations: jsonb('explanations').notNull().default(sql`'{}'::jsonb`),
    /** The figures as they stood when the return was last sent back: the resubmission's diff. */
    returnedFigures: jsonb('returned_figures'),
    submittedAt: at('submitted_at'),
    /** On time is judged by the first submission (a return sent back and fixed stays on time). */
    firstSubmittedAt: at('first_submitted_at'),
    acceptedAt: at('accepted_at'),
    version: version(),
    ...lifecycle,
  },
  (t) => [
    uniqueIndex('annual_returns_incubator_year').on(t.incubatorId, t.year),
    index('annual_returns_year_status_idx').on(t.year, t.status),
    check('annual_returns_year_range', sql`${t.year} between 1987 and 2100`),
  ],
);

/** Every transition of a return, in order: its history (the audit log has the same rows too). */
export const returnTransitions = pgTable(
  'return_transitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    returnId: uuid('return_id')
      .notNull()
      .references(() => annualReturns.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    /** Null for the demo loader (a system action). */
    userId: uuid('user_id').references(() => users.id),
    reason: text('reason'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('return_transitions_return_idx').on(t.returnId, t.id)],
);

/** A reviewer's comments when returning: one general (path null) and any per field. */
export const returnComments = pgTable(
  'return_comments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    returnId: uuid('return_id')
      .notNull()
      .references(() => annualReturns.id, { onDelete: 'cascade' }),
    transitionId: bigint('transition_id', { mode: 'number' }).references(() => returnTransitions.id),
    /** `figures.tenantArea`; null for the comment on the whole return. */
    path: text('path'),
    comment: text('comment').notNull(),
    userId: uuid('user_id').references(() => users.id),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('return_comments_return_idx').on(t.returnId, t.id)],
);

/** A year whose deadline national changed; other years fall due on 31 January of the next year. */
export const returnDeadlines = pgTable('return_deadlines', {
  year: integer('year').primaryKey(),
  deadline: date('deadline').notNull(),
  setBy: uuid('set_by').references(() => users.id),
  ...lifecycle,
});

/** What was accepted, each time a return was accepted (kept when it is reopened). */
export const returnSnapshots = pgTable(
  'return_snapshots',
  {
    id: id(),
    returnId: uuid('return_id')
      .notNull()
      .references(() => annualReturns.id, { onDelete: 'cascade' }),
    incubatorId: uuid('incubator_id').notNull(),
    year: integer('year').notNull(),
    figures: jsonb('figures').notNull(),
    computed: jsonb('computed').notNull(),
    /** The incubator's province, park, type and level when accepted: official rows group by these. */
    attributes: jsonb('attributes').notNull(),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    acceptedAt: at('accepted_at').notNull().defaultNow(),
  },
  (t) => [index('return_snapshots_return_idx').on(t.returnId, t.acceptedAt)],
);

/**
 * The statistics cells of each currently accepted return: the incubator's tenant aggregates of the
 * year per company field (the `incubators` count under field '-'), with the incubator attributes
 * as accepted. The same shape as `stats_cube`'s cells, so official summaries use the same rollup
 * for every grouping. Removed when the return is reopened.
 */
export const officialCells = pgTable(
  'official_cells',
  {
    snapshotId: uuid('snapshot_id')
      .notNull()
      .references(() => returnSnapshots.id, { onDelete: 'cascade' }),
    returnId: uuid('return_id').notNull(),
    incubatorId: uuid('incubator_id').notNull(),
    ...cellKeyColumns(),
    ...indicatorColumns(),
  },
  (t) => [
    index('official_cells_year_idx').on(t.year, t.provinceCode),
    index('official_cells_return_idx').on(t.returnId),
    index('official_cells_incubator_idx').on(t.incubatorId, t.year),
  ],
);
