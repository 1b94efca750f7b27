import { ROLES } from '@torch/shared';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, lifecycle } from './columns';
import { companies } from './companies';
import { provinces } from './reference';

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** Set for `province` users. */
    provinceCode: text('province_code').references(() => provinces.code),
    /** Set for `tenant` users: the company they speak for. */
    companyId: uuid('company_id').references(() => companies.id),
    disabled: boolean('disabled').notNull().default(false),
    /** Bumped whenever the user's scope changes (incubators managed): cached scopes are then stale. */
    scopeVersion: integer('scope_version').notNull().default(1),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'string' }),
    ...lifecycle,
  },
  (t) => [
    check('users_province_scope', sql`(${t.role} = 'province') = (${t.provinceCode} is not null)`),
    check('users_tenant_scope', sql`(${t.role} = 'tenant') = (${t.companyId} is not null)`),
    index('users_company_idx').on(t.companyId),
  ],
);
