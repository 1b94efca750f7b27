import { z } from 'zod';
import { Role } from './enums';

export const LoginBody = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** Browsers send the refresh token as a cookie; other clients may send it in the body. */
export const RefreshBody = z.strictObject({ refreshToken: z.string().min(1).max(200).optional() }).optional();

export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: Role,
  incubatorIds: z.array(z.uuid()),
  tenantId: z.uuid().nullable(),
  companyId: z.uuid().nullable(),
  provinceCode: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const TokenPair = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
  user: Me,
});
export type TokenPair = z.infer<typeof TokenPair>;

/** A password someone chooses for themselves: 12+ characters (the server also refuses common ones). */
export const NewPassword = z.string().min(12, 'password_too_short').max(200);

export const PasswordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
});
export type PasswordChangeBody = z.infer<typeof PasswordChangeBody>;
