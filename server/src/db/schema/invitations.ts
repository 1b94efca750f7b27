// One-time links: invitations (a new account) and password resets (an existing one). Only the
// sha256 of the token is stored; the token is shown once to whoever made the link (and mailed).
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';
import { companies } from './companies';
import { incubators } from './incubators';
import { provinces } from './reference';
import { tenants } from './tenants';
import { users } from './users';

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    kind: text('kind', { enum: ['invite', 'reset'] }).notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['national', 'province', 'incubator_manager', 'tenant'] }).notNull(),
    provinceCode: text('province_code').references(() => provinces.code),
    incubatorId: uuid('incubator_id').references(() => incubators.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'cascade' }),
    /** The account a reset link is for; the account an invitation created once accepted. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'string' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    check('invitations_reset_user', sql`(${t.kind} = 'reset') <= (${t.userId} is not null)`),
    index('invitations_email_idx').on(t.email),
    index('invitations_incubator_idx').on(t.incubatorId),
  ],
);
