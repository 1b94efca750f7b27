import { pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { incubators } from './incubators';
import { users } from './users';

/** A manager may run several incubators. */
export const incubatorManagers = pgTable(
  'incubator_managers',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    incubatorId: uuid('incubator_id')
      .notNull()
      .references(() => incubators.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.incubatorId] })],
);
