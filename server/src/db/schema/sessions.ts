// A session is one sign-in: every access token names it (`sid`) and every refresh token of its
// rotation family belongs to it (refresh_tokens.family_id = sessions.id). Revoking the row ends
// the session at the caller's next request, whatever tokens it still holds.
import { index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';
import { users } from './users';

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
