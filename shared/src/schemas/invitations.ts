// One-time links (API.md "Accounts, invitations and sessions"): invitations and password resets.
import { z } from 'zod';
import { NewPassword } from './auth';
import { Role } from './enums';

export const InvitationCreate = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(60),
  role: Role,
  /** A province user's province. */
  provinceCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  /** The incubator a manager will run. */
  incubatorId: z.uuid().optional(),
  /** The tenancy whose company a tenant user will speak for. */
  tenantId: z.uuid().optional(),
});
export type InvitationCreate = z.infer<typeof InvitationCreate>;

export const InvitationStatus = z.enum(['pending', 'used', 'revoked', 'expired']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const InvitationKind = z.enum(['invite', 'reset']);

export const Invitation = z.object({
  id: z.uuid(),
  kind: InvitationKind,
  email: z.string(),
  name: z.string(),
  role: Role,
  provinceCode: z.string().nullable(),
  incubatorId: z.uuid().nullable(),
  tenantId: z.uuid().nullable(),
  companyId: z.uuid().nullable(),
  /** The organisation the account is for, in words (province, incubator or company name). */
  organisation: z.string().nullable(),
  status: InvitationStatus,
  invitedBy: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;

/** The answer to a new link: the only place the token appears in clear (besides the mail). */
export const InvitationCreated = z.object({
  id: z.uuid(),
  email: z.string(),
  role: Role,
  expiresAt: z.string(),
  url: z.string(),
  /** Whether the link was also mailed (SMTP_URL set and the server accepted it). */
  mailed: z.boolean(),
});
export type InvitationCreated = z.infer<typeof InvitationCreated>;

export const InvitationListQuery = z.object({
  status: InvitationStatus.optional(),
  incubatorId: z.uuid().optional(),
  tenantId: z.uuid().optional(),
});
export type InvitationListQuery = z.infer<typeof InvitationListQuery>;

/** What the accept page shows before the password is set. */
export const InvitationPreview = z.object({
  kind: InvitationKind,
  email: z.string(),
  name: z.string(),
  role: Role,
  organisation: z.string().nullable(),
  invitedBy: z.string().nullable(),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const InvitationAccept = z.strictObject({
  password: NewPassword,
  name: z.string().trim().min(1).max(60).optional(),
});
export type InvitationAccept = z.infer<typeof InvitationAccept>;
