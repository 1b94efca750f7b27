// Column helpers every table shares.
import { sql } from 'drizzle-orm';
import { bigint, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

export const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);

/** Money in integer yuan; int8 read as a JS number (safe to 9e15 yuan). */
export const yuan = (name: string) => bigint(name, { mode: 'number' });

export const lifecycle = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
};

/** Optimistic concurrency: a PATCH carries the version it read. */
export const version = () => integer('version').notNull().default(1);
