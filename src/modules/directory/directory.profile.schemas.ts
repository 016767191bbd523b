import { z } from 'zod';
import { zHttpUrl, zIsoDay, zLine, zText } from '../../platform/schemas.ts';
import { isValidCreditCode, ORG_KINDS, type TOrgBrief, type TOrgKind } from '../organizations/index.ts';
import {
  DISTRICTS,
  INVESTOR_TYPES,
  LEVELS,
  RELATION_TYPES,
  SECTOR_CODES,
  STAGES,
  type TRelationType,
} from './directory.codes.ts';
import type { TExternalId, TInvestorFocus } from './directory.record.ts';

// Profiles as pages show them, the edit form, and the changes of verified fields that wait for staff.

/** Fields an organisation's admins change only through staff review (staff change them directly). */
export const VERIFIED_FIELDS = [
  'name_en',
  'name_zh',
  'kind',
  'level',
  'certificate_no',
  'certificate_valid_until',
  'uscc',
] as const;
export type TVerifiedField = (typeof VERIFIED_FIELDS)[number];
export type TVerifiedValues = Record<TVerifiedField, string | null>;

/** Fields that apply at once. */
export type TFreeValues = Readonly<{
  acronym: string | null;
  aliases: string[];
  summary_en: string | null;
  summary_zh: string | null;
  website: string | null;
  founded_year: number | null;
  district: string | null;
  sector: string | null;
  subtype: string | null;
  focus: TInvestorFocus | null;
}>;

/** Kinds that carry a level or certification, and kinds that carry a certificate. */
export const LEVELLED_KINDS: readonly TOrgKind[] = [
  'rnd_institute',
  'key_lab',
  'new_rnd_institution',
  'incubator',
  'makerspace',
  'enterprise',
];
export const CERTIFIED_KINDS: readonly TOrgKind[] = ['enterprise', 'incubator', 'makerspace'];

/** How relation groups read from this record's side: its own relations, then the ones pointing at it. */
export const RELATION_GROUPS = [
  'part_of',
  'hosted_by',
  'tenant_of',
  'invested_in',
  'partners',
  'has_part',
  'hosts',
  'tenants',
  'investors',
] as const;
export type TRelationGroup = (typeof RELATION_GROUPS)[number];

/** The group a relation falls in, seen from this record. */
export const relationGroup = (direction: 'out' | 'in', type: TRelationType): TRelationGroup => {
  if (type === 'partner_of') return 'partners';
  if (direction === 'out') return type;
  return (
    { part_of: 'has_part', hosted_by: 'hosts', tenant_of: 'tenants', invested_in: 'investors' } as const
  )[type];
};
export const isRelationType = (v: string): v is TRelationType =>
  (RELATION_TYPES as readonly string[]).includes(v);

export type TRelated = Readonly<{ slug: string; name: { en: string; zh: string }; kind: string }>;

/** A person listed on a profile: their name, and only the fields they chose to show. */
export type TListedPerson = Readonly<{
  name: { en: string; zh: string };
  headline: { en: string | null; zh: string | null } | null;
  talentProgram: string | null;
  isTalent: boolean;
  isGenerated: boolean;
}>;

export type TProfile = Readonly<{
  id: number;
  slug: string;
  kind: TOrgKind;
  name: { en: string; zh: string };
  acronym: string | null;
  aliases: string[];
  summary: { en: string | null; zh: string | null };
  website: string | null;
  city: { en: string | null; zh: string | null };
  district: string | null;
  sector: string | null;
  foundedYear: number | null;
  level: string | null;
  certificateNo: string | null;
  certificateValidUntil: string | null;
  subtype: string | null;
  focus: TInvestorFocus | null;
  source: { en: string; zh: string };
  sourceKind: string;
  sourceUrl: string | null;
  isGenerated: boolean;
  confirmedAt: string | null;
  verifiedAt: string | null;
  importedAt: string | null;
  updatedAt: string;
  externalIds: TExternalId[];
  relations: readonly { group: TRelationGroup; items: TRelated[]; total: number }[];
  people: TListedPerson[];
  /** The organisation that manages the record (an approved claim by a verified organisation). */
  managedBy: TOrgBrief | undefined;
}>;

// Form fields: empty (or only spaces) means "none".
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess(blank, schema.optional()).transform((v) => (v === undefined ? null : v));
const checkbox = z.preprocess(blank, z.literal('1').optional()).transform((v) => v === '1');

const zUscc = z.string().trim().toUpperCase().refine(isValidCreditCode, 'directory.edit.error.uscc');
const zYear = z
  .string()
  .trim()
  .refine((v) => /^\d{4}$/.test(v) && Number(v) >= 1000 && Number(v) <= 2100, 'directory.edit.error.year')
  .transform(Number);
const zYuan = z
  .string()
  .trim()
  .refine((v) => /^\d{1,15}$/.test(v), 'directory.edit.error.amount')
  .transform(Number);
/** Lines (or commas) of short texts: aliases, regions. */
const zList = (maxItems: number, maxLength: number, key: string) =>
  z
    .string()
    .max(maxItems * (maxLength + 2))
    .transform((v) => [
      ...new Set(
        v
          .split(/[\r\n,，;；]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .refine((xs) => xs.length <= maxItems && xs.every((x) => x.length <= maxLength), key)
    .pipe(z.array(zLine(maxLength)));

const focusSectors = Object.fromEntries(SECTOR_CODES.map((s) => [`focus_sector_${s}`, checkbox])) as Record<
  `focus_sector_${string}`,
  typeof checkbox
>;
const focusStages = Object.fromEntries(STAGES.map((s) => [`focus_stage_${s}`, checkbox])) as Record<
  `focus_stage_${string}`,
  typeof checkbox
>;

export const ZRecordEditForm = z
  .object({
    name_en: zLine(300),
    name_zh: zLine(300),
    kind: z.enum(ORG_KINDS),
    level: optional(z.enum(LEVELS)),
    certificate_no: optional(zLine(60)),
    certificate_valid_until: optional(zIsoDay),
    uscc: optional(zUscc),
    acronym: optional(zLine(40)),
    aliases: optional(zList(30, 300, 'directory.edit.error.aliases')),
    summary_en: optional(zText(4000)),
    summary_zh: optional(zText(4000)),
    website: optional(z.string().trim().max(500).pipe(zHttpUrl)),
    founded_year: optional(zYear),
    district: optional(z.enum(DISTRICTS)),
    sector: optional(z.enum(SECTOR_CODES as [string, ...string[]])),
    subtype: optional(z.enum(INVESTOR_TYPES)),
    ticket_min: optional(zYuan),
    ticket_max: optional(zYuan),
    regions: optional(zList(20, 60, 'directory.edit.error.regions')),
    ...focusSectors,
    ...focusStages,
  })
  .refine((f) => f.ticket_min === null || f.ticket_max === null || f.ticket_min <= f.ticket_max, {
    message: 'directory.edit.error.ticket',
    path: ['ticket_max'],
  });
export type TRecordEditForm = z.infer<typeof ZRecordEditForm>;

/** The edit form's values split into verified fields and fields that apply at once. */
export const splitEdit = (
  f: TRecordEditForm,
  isInvestor: boolean,
): { verified: TVerifiedValues; free: TFreeValues } => {
  const sectors = SECTOR_CODES.filter((s) => (f as Record<string, unknown>)[`focus_sector_${s}`] === true);
  const stages = STAGES.filter((s) => (f as Record<string, unknown>)[`focus_stage_${s}`] === true);
  const regions = f.regions ?? [];
  const hasFocus =
    sectors.length > 0 ||
    stages.length > 0 ||
    regions.length > 0 ||
    f.ticket_min !== null ||
    f.ticket_max !== null;
  return {
    verified: {
      name_en: f.name_en,
      name_zh: f.name_zh,
      kind: f.kind,
      level: f.level,
      certificate_no: f.certificate_no,
      certificate_valid_until: f.certificate_valid_until,
      uscc: f.uscc,
    },
    free: {
      acronym: f.acronym,
      aliases: f.aliases ?? [],
      summary_en: f.summary_en,
      summary_zh: f.summary_zh,
      website: f.website,
      founded_year: f.founded_year,
      district: f.district,
      sector: f.sector,
      subtype: isInvestor ? f.subtype : null,
      focus:
        isInvestor && hasFocus
          ? { sectors, stages, ticketMinCny: f.ticket_min, ticketMaxCny: f.ticket_max, regions }
          : null,
    },
  };
};

export type TStoredChange = Partial<Record<TVerifiedField, { from: string | null; to: string | null }>>;

const zValue = z.string().max(500).nullable();
const ZStoredChange = z.record(z.string(), z.object({ from: zValue, to: zValue }));

/** Stores a change with the values before and after, so staff see what would be replaced. */
export const encodeChange = (c: TStoredChange): string => JSON.stringify(c);

/** The verified fields in a stored change; anything unreadable or unknown is ignored. */
export const decodeChange = (json: string): TStoredChange => {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {};
  }
  const parsed = ZStoredChange.safeParse(raw);
  if (!parsed.success) return {};
  const out: TStoredChange = {};
  for (const k of VERIFIED_FIELDS) {
    const v = parsed.data[k];
    if (!v) continue;
    if ((k === 'name_en' || k === 'name_zh' || k === 'kind') && v.to === null) continue;
    if (k === 'kind' && !(ORG_KINDS as readonly (string | null)[]).includes(v.to)) continue;
    if (k === 'level' && v.to !== null && !(LEVELS as readonly string[]).includes(v.to)) continue;
    out[k] = v;
  }
  return out;
};

export const ZClaimForm = z.object({
  // "new" for a new organisation account named after the record, else the id of one the person manages.
  on_behalf: z.string().regex(/^(new|[0-9]{1,9})$/, 'directory.claim.error.onBehalf'),
  evidence: zText(2000).min(10),
});
export const ZJoinForm = z.object({ message: optional(zText(1000)) });
export const ZEmpty = z.object({});
export const ZNoteOptional = z.object({ note: optional(zText(2000)) });
export const ZNoteRequired = z.object({ note: zText(2000).min(10) });
export const ZReason = z.object({ reason: zText(2000) });
export const ZPage = z.object({ page: z.coerce.number().int().min(1).max(10_000).optional() });
export const ZMergeForm = z.object({
  keep: z
    .string()
    .regex(/^[0-9]{1,9}$/)
    .transform(Number),
});
