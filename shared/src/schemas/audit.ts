import { z } from 'zod';
import { PageQuery } from './common';

export const AuditQuery = PageQuery.extend({
  entity: z.string().trim().min(1).max(40).optional(),
  id: z.string().trim().min(1).max(100).optional(),
  incubatorId: z.uuid().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.uuid().nullable(),
  userEmail: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  incubatorId: z.uuid().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
