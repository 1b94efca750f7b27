import { z } from 'zod';
import { IsoDate, PastDate, Uuid, Version } from './common';

const mentorFields = {
  name: z.string().trim().min(1).max(60),
  title: z.string().trim().max(100).nullable(),
  expertise: z.string().trim().max(500).nullable(),
  email: z.string().trim().toLowerCase().pipe(z.email()).nullable(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,30}$/, 'phone')
    .nullable(),
};

export const MentorCreate = z.strictObject({
  name: mentorFields.name,
  title: mentorFields.title.optional(),
  expertise: mentorFields.expertise.optional(),
  email: mentorFields.email.optional(),
  phone: mentorFields.phone.optional(),
});
export type MentorCreate = z.infer<typeof MentorCreate>;

export const MentorPatch = z.strictObject({
  version: Version,
  name: mentorFields.name.optional(),
  title: mentorFields.title.optional(),
  expertise: mentorFields.expertise.optional(),
  email: mentorFields.email.optional(),
  phone: mentorFields.phone.optional(),
});
export type MentorPatch = z.infer<typeof MentorPatch>;

export const Mentor = z.object({
  id: z.uuid(),
  incubatorId: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  expertise: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Mentor = z.infer<typeof Mentor>;

/** A mentor takes on a tenant of the same incubator. */
export const MentoringCreate = z.strictObject({
  tenantId: Uuid,
  startedOn: PastDate,
});
export type MentoringCreate = z.infer<typeof MentoringCreate>;

/** A mentoring relation as stored: the mentor, the tenancy, and since when. */
export const Mentoring = z.object({
  mentorId: z.uuid(),
  tenantId: z.uuid(),
  /** The company's name, so a list needs no second call. */
  tenantName: z.string(),
  startedOn: IsoDate,
});
export type Mentoring = z.infer<typeof Mentoring>;

/** A mentor with the tenants it mentors, as the incubator's mentor list shows it. */
export const MentorWithTenants = Mentor.extend({
  tenants: z.array(Mentoring.omit({ mentorId: true })),
});
export type MentorWithTenants = z.infer<typeof MentorWithTenants>;
