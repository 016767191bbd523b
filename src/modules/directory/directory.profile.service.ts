import type { TActor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { can } from '../accounts/index.ts';
import {
  mayManageOrganization,
  organizationBriefs,
  type TOrgBrief,
  type TOrgKind,
} from '../organizations/index.ts';
import * as repo from './directory.profile.repo.ts';
import {
  isRelationType,
  RELATION_GROUPS,
  relationGroup,
  type TListedPerson,
  type TProfile,
  type TRelated,
  type TRelationGroup,
} from './directory.profile.schemas.ts';
import {
  type TExternalId,
  type TInvestorFocus,
  type TRegistryRecord,
  ZInvestorFocus,
} from './directory.record.ts';

// Profile pages: one record as everyone sees it, and who may change it.

/** Relations shown per group on a page; the rest are counted. */
export const RELATIONS_SHOWN = 50;

const parseJson = (text: string | null): unknown => {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The aliases stored as a JSON array of strings (anything else reads as none). */
export const aliasesOf = (text: string | null): string[] => {
  const v = parseJson(text);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

/** The investor focus stored as JSON, or null when there is none or it cannot be read. */
export const focusOf = (text: string | null): TInvestorFocus | null => {
  const parsed = ZInvestorFocus.safeParse(parseJson(text));
  return parsed.success ? parsed.data : null;
};

/** A stored record as the registry's write path takes it, so an edit rewrites it whole. */
export const recordOf = (row: repo.TRecordRow, externalIds: readonly TExternalId[]): TRegistryRecord => ({
  slug: row.slug,
  kind: row.kind as TOrgKind,
  name: { en: row.name_en, zh: row.name_zh },
  acronym: row.acronym,
  aliases: aliasesOf(row.aliases),
  summary: { en: row.summary_en, zh: row.summary_zh },
  website: row.website,
  city: { en: row.city_en, zh: row.city_zh },
  countryCode: row.country_code,
  district: row.district as TRegistryRecord['district'],
  sector: row.sector,
  foundedYear: row.founded_year === null ? null : Number(row.founded_year),
  level: row.level as TRegistryRecord['level'],
  certificateNo: row.certificate_no,
  certificateValidUntil: row.certificate_valid_until,
  subtype: row.subtype as TRegistryRecord['subtype'],
  investorFocus: focusOf(row.attributes),
  source: { en: row.source_name_en, zh: row.source_name_zh },
  sourceKind: row.source_kind as TRegistryRecord['sourceKind'],
  sourceUrl: row.source_url,
  isGenerated: Number(row.is_generated) === 1,
  confirmedAt: row.confirmed_at,
  externalIds: [...externalIds] as TExternalId[],
});

/** The fields a person chose to show, from the stored JSON array. */
const publicFields = (text: string): Set<string> => {
  const v = parseJson(text);
  return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
};

type TPersonRow = Awaited<ReturnType<typeof repo.listedPeopleOf>>[number];

/** Listed people appear on their organisation's page only when they chose to show where they work. */
const showsOrganization = (r: TPersonRow) => publicFields(r.public_fields).has('organization');

const toPerson = (r: TPersonRow): TListedPerson => {
  const shown = publicFields(r.public_fields);
  const talent = shown.has('talent_program');
  return {
    name: { en: r.name_en, zh: r.name_zh },
    headline:
      shown.has('headline') && (r.headline_en || r.headline_zh)
        ? { en: r.headline_en, zh: r.headline_zh }
        : null,
    talentProgram: shown.has('talent_program') ? r.talent_program : null,
    isTalent: talent && Number(r.is_talent) === 1,
    isGenerated: Number(r.is_generated) === 1,
  };
};

/** The managing organisation of a record: an approved claim by an organisation that is still verified. */
export const managingOrg = async (db: Db, row: repo.TRecordRow): Promise<TOrgBrief | undefined> => {
  if (row.claimed_org_id === null) return undefined;
  const id = Number(row.claimed_org_id);
  const org = (await organizationBriefs(db, [id])).get(id);
  return org?.verifiedAt ? org : undefined;
};

const toProfile = async (db: Db, row: repo.TRecordRow): Promise<TProfile> => {
  const id = Number(row.id);
  const [externalIds, relations, counts, people, managedBy] = await Promise.all([
    repo.externalIdsOf(db, id),
    repo.relationsOf(db, id),
    repo.relationCounts(db, id),
    repo.listedPeopleOf(db, id),
    managingOrg(db, row),
  ]);
  const groups = new Map<TRelationGroup, { items: TRelated[]; total: number }>();
  for (const r of relations) {
    if (!isRelationType(r.type)) continue;
    const group = relationGroup(r.direction, r.type);
    const g = groups.get(group) ?? { items: [], total: 0 };
    g.total += 1;
    if (g.items.length < RELATIONS_SHOWN && !g.items.some((x) => x.slug === r.slug))
      g.items.push({ slug: r.slug, name: { en: r.name_en, zh: r.name_zh }, kind: r.kind });
    groups.set(group, g);
  }
  // Past what was fetched, the counts say how many there are in all.
  for (const [key, n] of counts) {
    const [direction, type] = key.split(':') as ['out' | 'in', string];
    if (!isRelationType(type)) continue;
    const g = groups.get(relationGroup(direction, type));
    if (g && type !== 'partner_of') g.total = Math.max(g.total, n);
  }
  return {
    id,
    slug: row.slug,
    kind: row.kind as TOrgKind,
    name: { en: row.name_en, zh: row.name_zh },
    acronym: row.acronym,
    aliases: aliasesOf(row.aliases),
    summary: { en: row.summary_en, zh: row.summary_zh },
    website: row.website,
    city: { en: row.city_en, zh: row.city_zh },
    district: row.district,
    sector: row.sector,
    foundedYear: row.founded_year === null ? null : Number(row.founded_year),
    level: row.level,
    certificateNo: row.certificate_no,
    certificateValidUntil: row.certificate_valid_until,
    subtype: row.subtype,
    focus: focusOf(row.attributes),
    source: { en: row.source_name_en, zh: row.source_name_zh },
    sourceKind: row.source_kind,
    sourceUrl: row.source_url,
    isGenerated: Number(row.is_generated) === 1,
    confirmedAt: row.confirmed_at,
    verifiedAt: row.verified_at,
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
    externalIds: externalIds as TExternalId[],
    relations: RELATION_GROUPS.flatMap((group) => {
      const g = groups.get(group);
      return g ? [{ group, ...g }] : [];
    }),
    people: people.filter(showsOrganization).map(toPerson),
    managedBy,
  };
};

export type TProfileResult =
  | Readonly<{ kind: 'profile'; profile: TProfile }>
  | Readonly<{ kind: 'moved'; slug: string }>;

/** The active record a merged one now lives in (a few hops at most), or undefined. */
const mergedTarget = async (db: Db, row: repo.TRecordRow): Promise<repo.TRecordRow | undefined> => {
  let current: repo.TRecordRow | undefined = row;
  for (let hop = 0; hop < 5 && current; hop++) {
    if (current.status === 'active') return current;
    if (current.status !== 'merged' || current.merged_into === null) return undefined;
    current = await repo.findRecordById(db, Number(current.merged_into));
  }
  return current?.status === 'active' ? current : undefined;
};

/** A record's profile; a merged record answers with the slug of the record it was merged into. */
export const profileBySlug = async (deps: TDeps, slug: string): Promise<TProfileResult> => {
  const row = await repo.findRecordBySlug(deps.db, slug);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status !== 'active') {
    const target = await mergedTarget(deps.db, row);
    if (!target || target.id === row.id) throw new AppError('NOT_FOUND');
    return { kind: 'moved', slug: target.slug };
  }
  return { kind: 'profile', profile: await toProfile(deps.db, row) };
};

/** An active record by slug, or NOT_FOUND. */
export const activeRecord = async (db: Db, slug: string): Promise<repo.TRecordRow> => {
  const row = await repo.findRecordBySlug(db, slug);
  if (row?.status !== 'active') throw new AppError('NOT_FOUND');
  return row;
};

/** An active record's profile for pages that need more than the row (staff pages). */
export const profileOfRow = (db: Db, row: repo.TRecordRow): Promise<TProfile> => toProfile(db, row);

export type TAccess = 'staff' | 'manager';

/**
 * Who may change a record: directory staff (any record, every field at once) or the owners and admins of
 * the organisation that manages it (verified fields through review); undefined for everyone else.
 */
export const accessTo = async (
  db: Db,
  actor: TActor | undefined,
  row: repo.TRecordRow,
): Promise<TAccess | undefined> => {
  if (!actor) return undefined;
  if (can(actor, 'manage:directory')) return 'staff';
  const org = await managingOrg(db, row);
  if (!org) return undefined;
  return (await mayManageOrganization(db, actor, org.id)) ? 'manager' : undefined;
};

const DAY_MS = 86_400_000;

/** The moment `months` calendar months before `now` (UTC). */
export const monthsBefore = (now: Date, months: number): Date => {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
};

/** Records not confirmed for this many months are flagged and their organisations reminded. */
export const STALE_AFTER_MONTHS = 12;
/** At most one reminder per record in this many days. */
export const REMIND_EVERY_DAYS = 30;

/** True when a record's last confirmation is 12 months old or more (or it was never confirmed). */
export const isStale = (confirmedAt: string | null, now: Date = new Date()): boolean => {
  const at = confirmedAt === null ? Number.NaN : Date.parse(confirmedAt);
  return Number.isNaN(at) || at <= monthsBefore(now, STALE_AFTER_MONTHS).getTime();
};

/** The moment REMIND_EVERY_DAYS before `now`. */
export const remindCutoff = (now: Date): Date => new Date(now.getTime() - REMIND_EVERY_DAYS * DAY_MS);
