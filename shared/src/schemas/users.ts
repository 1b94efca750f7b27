// Accounts as the people who manage them see them (API.md "Accounts, invitations and sessions").
import { z } from 'zod';
import { QueryFlag } from './common';
import { Role } from './enums';

export const UserSummary = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: Role,
  provinceCode: z.string().nullable(),
  companyId: z.uuid().nullable(),
  companyName: z.string().nullable(),
  incubatorIds: z.array(z.uuid()),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  disabled: QueryFlag.optional(),
  incubatorId: z.uuid().optional(),
  companyId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserPatch = z
  .strictObject({ disabled: z.boolean().optional(), name: z.string().trim().min(1).max(60).optional() })
  .refine((v) => v.disabled !== undefined || v.name !== undefined, { message: 'nothing_to_change' });
export type UserPatch = z.infer<typeof UserPatch>;
