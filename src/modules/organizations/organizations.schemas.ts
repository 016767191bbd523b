import { z } from 'zod';
import { zHttpUrl, zText } from '../../platform/schemas.ts';
import { zEmail } from '../accounts/index.ts';

/** Organisation kinds, as in the product brief. */
export const ORG_KINDS = [
  'university',
  'rnd_institute',
  'key_lab',
  'new_rnd_institution',
  'incubator',
  'makerspace',
  'enterprise',
  'investor',
  'agency',
  'service_provider',
] as const;
export type TOrgKind = (typeof ORG_KINDS)[number];

/** Membership roles, strongest first. */
export const MEMBER_ROLES = ['owner', 'admin', 'member'] as const;
export type TMemberRole = (typeof MEMBER_ROLES)[number];

/** Fields of a verified organisation that change only through staff review. */
export const KEY_FIELDS = ['name_en', 'name_zh', 'kind', 'credit_code', 'website'] as const;
export type TKeyField = (typeof KEY_FIELDS)[number];

// GB 32100-2015: 18 characters from this alphabet (no I, O, S, V, Z); the last is a check character.
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** True for a unified social credit code (统一社会信用代码) whose check character is right. */
export const isValidCreditCode = (code: string): boolean => {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(code[i] as string) * (CREDIT_WEIGHTS[i] as number);
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CHARS[check] === code[17];
};

/** A slug from an English name: ASCII letters and digits joined by single hyphens ("org" when nothing is left). */
export const slugify = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/g, '') || 'org';

/** An optional form field: empty (or only spaces) means absent (null). */
const optional = <S extends z.ZodType>(schema: S) =>
  z
    .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional())
    .transform((v) => (v === undefined ? null : v));

const zCreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, 'organizations.error.creditCode');

export const ZOrganizationForm = z.object({
  name_en: zText(300),
  name_zh: zText(300),
  kind: z.enum(ORG_KINDS),
  website: optional(z.string().trim().max(500).pipe(zHttpUrl)),
  credit_code: optional(zCreditCode),
  summary_en: optional(zText(2000)),
  summary_zh: optional(zText(2000)),
});
export type TOrganizationForm = z.infer<typeof ZOrganizationForm>;

export const ZInvitationForm = z.object({ email: zEmail, role: z.enum(['admin', 'member']) });
export type TInvitationForm = z.infer<typeof ZInvitationForm>;

export const ZJoinForm = z.object({ message: optional(zText(1000)) });
export const ZRoleForm = z.object({ role: z.enum(MEMBER_ROLES) });
export const ZVerifyForm = z.object({ note: zText(2000).min(10) });
export const ZReasonForm = z.object({ reason: zText(2000) });
export const ZDecisionForm = z.object({ note: optional(zText(2000)) });
export const ZEmpty = z.object({});

/** An organisation as pages show it. */
export type TOrg = Readonly<{
  id: number;
  slug: string;
  kind: TOrgKind;
  name: { en: string; zh: string };
  summary: { en: string | null; zh: string | null };
  website: string | null;
  creditCode: string | null;
  verifiedAt: string | null;
  verificationNote: string | null;
  createdAt: string;
  updatedAt: string;
}>;

/** The key-field changes a change request carries, as stored in changes_json. */
export type TKeyChanges = Partial<Record<TKeyField, string | null>>;
