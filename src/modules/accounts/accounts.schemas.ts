import { z } from 'zod';
import { ROLES } from '../../platform/auth/actor.ts';
import { MAX_PASSWORD_LENGTH } from '../../platform/auth/password.ts';
import { zLine } from '../../platform/schemas.ts';

/** An e-mail address: trimmed, lower-cased, at most 254 characters (RFC 5321). */
export const zEmail = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email());

/** A password as typed: never trimmed (spaces count), length checked again by the policy. */
const zPassword = z.string().min(1).max(MAX_PASSWORD_LENGTH);

/** An optional text field: empty means absent. */
const zOptionalText = (max: number) =>
  z
    .string()
    .transform((v) => v.trim())
    .pipe(z.union([z.literal(''), zLine(max)]))
    .transform((v) => (v === '' ? null : v))
    .optional()
    .transform((v) => v ?? null);

export const ZSignUp = z.object({
  email: zEmail,
  password: zPassword,
  name_latin: zOptionalText(200),
  name_zh: zOptionalText(200),
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZLogIn = z.object({ email: zEmail, password: zPassword, next: z.string().max(500).optional() });
export const ZSecondFactor = z.object({
  code: z.string().trim().min(1).max(40),
  next: z.string().max(500).optional(),
});
export const ZEmailOnly = z.object({ email: zEmail });
export const ZTokenForm = z.object({ token: z.string().min(1).max(100) });
export const ZResetPassword = z.object({ token: z.string().min(1).max(100), password: zPassword });
export const ZProfile = z.object({
  name_latin: zOptionalText(200),
  name_zh: zOptionalText(200),
  locale: z.enum(['en', 'zh']),
});
export const ZChangeEmail = z.object({ email: zEmail, confirm_password: zPassword });
export const ZChangePassword = z.object({ current_password: zPassword, password: zPassword });
export const ZPasswordOnly = z.object({ password: zPassword });
export const ZDisableTotp = z.object({
  disable_password: zPassword,
  disable_code: z.string().trim().min(1).max(40),
});
export const ZEnableTotp = z.object({
  pending: z.string().min(1).max(400),
  code: z.string().trim().min(1).max(20),
});
export const ZRoleChange = z.object({ role: z.enum(ROLES) });
export const ZPeopleQuery = z.object({
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export const ZAuditQuery = z.object({
  actor: z
    .union([
      z.literal(''),
      z.coerce
        .number()
        .int()
        .min(1)
        .max(2 ** 31),
    ])
    .optional(),
  action: z.string().max(80).optional(),
  subject_type: z.string().max(40).optional(),
  subject_id: z.string().max(80).optional(),
  q: z.string().max(200).optional(),
  from: z.union([z.literal(''), z.iso.date()]).optional(),
  to: z.union([z.literal(''), z.iso.date()]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
