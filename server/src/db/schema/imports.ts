// Spreadsheet imports: the file's cells are kept between the upload and the commit, so the
// commit needs no second upload and revalidates exactly what the manager previewed.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';
import { incubators } from './incubators';
import { users } from './users';

export const imports = pgTable(
  'imports',
  {
    id: id(),
    incubatorId: uuid('incubator_id')
      .notNull()
      .references(() => incubators.id),
    kind: text('kind', { enum: ['tenants', 'reports'] }).notNull(),
    status: text('status', { enum: ['validated', 'invalid', 'committing', 'committed'] }).notNull(),
    fileName: text('file_name').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** Zero-based index of the header row among `cells`. */
    headerIndex: integer('header_index').notNull(),
    /** Every row of the sheet up to and including the data: [[cell, …], …]; dates as YYYY-MM-DD. */
    cells: jsonb('cells').notNull(),
    /** The outcome of the last validation (Import in shared/schemas/imports.ts, less progress). */
    result: jsonb('result').notNull(),
    created: integer('created'),
    updated: integer('updated'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('imports_incubator_idx').on(t.incubatorId, t.createdAt)],
);

/** What an incubator's managers said their own headers mean, reused for its next imports. */
export const importMappings = pgTable(
  'import_mappings',
  {
    incubatorId: uuid('incubator_id')
      .notNull()
      .references(() => incubators.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['tenants', 'reports'] }).notNull(),
    mapping: jsonb('mapping').notNull().default(sql`'{}'::jsonb`),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incubatorId, t.kind] })],
);

/**
 * How far an upload's validation or a commit has got, for GET /imports/:id from any server process.
 * Written outside the work's own transaction (a commit's writes are invisible until it ends), in
 * bounded steps. Keyed by the import's id, which exists before the import's row does: an upload is
 * validated before anything of it is stored. The row is removed when the work ends.
 */
export const importProgress = pgTable('import_progress', {
  importId: uuid('import_id').primaryKey(),
  incubatorId: uuid('incubator_id')
    .notNull()
    .references(() => incubators.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['tenants', 'reports'] }).notNull(),
  fileName: text('file_name').notNull(),
  phase: text('phase', { enum: ['validating', 'committing'] }).notNull(),
  done: integer('done').notNull(),
  total: integer('total').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
