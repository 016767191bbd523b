import { z } from 'zod';
import { zHttpUrl, zLine, zText } from '../../platform/schemas.ts';
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
  name_en: zLine(300),
  name_zh: zLine(300),
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

/** The proposed values of a change request's key fields. */
export type TKeyChanges = Partial<Record<TKeyField, string | null>>;

const zValue = z.string().max(500).nullable();
// Stored as `{ field: { from, to } }`, so the record shows what was replaced; only key fields count.
const ZStoredChanges = z.record(
  z.string(),
  z.union([zValue, z.object({ from: zValue.optional(), to: zValue })]),
);

/** Stores a change request's key fields with their values before and after. */
export const encodeChanges = (from: TKeyChanges, to: TKeyChanges): string =>
  JSON.stringify(
    Object.fromEntries(
      Object.keys(to).map((k) => [k, { from: from[k as TKeyField] ?? null, to: to[k as TKeyField] ?? null }]),
    ),
  );

/** The proposed values in stored changes; anything unreadable or not a key field is ignored. */
export const decodeChanges = (json: string): TKeyChanges => {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {};
  }
  const parsed = ZStoredChanges.safeParse(raw);
  if (!parsed.success) return {};
  const out: TKeyChanges = {};
  for (const k of KEY_FIELDS) {
    const v = parsed.data[k];
    const to = typeof v === 'object' && v !== null ? v.to : v;
    if (to === undefined || (to === null && k !== 'website' && k !== 'credit_code')) continue;
    if (k === 'kind' && !(ORG_KINDS as readonly (string | null)[]).includes(to)) continue;
    out[k] = to;
  }
  return out;
};
