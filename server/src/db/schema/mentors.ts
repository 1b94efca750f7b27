// Torch Entrepreneur Mentors Action: mentors per incubator, and whom they mentor.
import { date, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, lifecycle, version } from './columns';
import { incubators } from './incubators';
import { tenants } from './tenants';

export const mentors = pgTable(
  'mentors',
  {
    id: id(),
    incubatorId: uuid('incubator_id')
      .notNull()
      .references(() => incubators.id),
    name: text('name').notNull(),
    title: text('title'),
    expertise: text('expertise'),
    email: text('email'),
    phone: text('phone'),
    version: version(),
    ...lifecycle,
  },
  (t) => [index('mentors_incubator_idx').on(t.incubatorId)],
);

export const mentorships = pgTable(
  'mentorships',
  {
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => mentors.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** Denormalised for scoped reads. */
    incubatorId: uuid('incubator_id')
      .notNull()
      .references(() => incubators.id),
    startedOn: date('started_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.mentorId, t.tenantId] }), index('mentorships_tenant_idx').on(t.tenantId)],
);
