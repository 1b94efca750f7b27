// Torch Entrepreneur Mentors Action: mentors per incubator, and whom they mentor.
import { date, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, lifecycle, version } from './columns';
import { incubatorRef, tenantRef } from './references';

export const mentors = pgTable(
  'mentors',
  {
    id: id(),
    incubatorId: incubatorRef(),
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
    tenantId: tenantRef(),
    /** Denormalised for scoped reads. */
    incubatorId: incubatorRef(),
    startedOn: date('started_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.mentorId, t.tenantId] }), index('mentorships_tenant_idx').on(t.tenantId)],
);
