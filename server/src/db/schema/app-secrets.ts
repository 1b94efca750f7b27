// Secrets the server makes for itself on a first start (the JWT signing key when JWT_SECRET is
// not set and the database is PostgreSQL; the embedded database keeps it in a file beside it).
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
