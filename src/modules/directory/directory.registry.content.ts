import { nameKey, nameKeyZh } from '../../platform/search/name-key.ts';
import { searchTokens } from '../../platform/search/tokens.ts';
import { type TRegistryRecord, websiteDomain } from './directory.record.ts';

// What the registry stores for a record: its columns, computed once here for the write path (upsertBatch),
// staff edits and reindexing, so search tokens, name keys and the static weight never drift apart.

export type OrgRow = {
  id: number;
  slug: string;
  kind: string;
  name_en: string;
  name_zh: string;
  acronym: string | null;
  aliases: string | null;
  summary_en: string | null;
  summary_zh: string | null;
  website: string | null;
  domain: string | null;
  city_en: string | null;
  city_zh: string | null;
  country_code: string | null;
  district: string | null;
  sector: string | null;
  founded_year: number | null;
  level: string | null;
  certificate_no: string | null;
  certificate_valid_until: string | null;
  subtype: string | null;
  attributes: string | null;
  source_name_en: string;
  source_name_zh: string;
  source_kind: string;
  source_url: string | null;
  is_generated: number;
  status: string;
  confirmed_at: string | null;
  imported_at: string | null;
  weight: number;
  search_text: string;
  name_key: string | null;
  name_key_zh: string | null;
  seq: number;
  created_at: string;
  updated_at: string;
};

/** Columns compared to decide whether a record changed (everything the record carries). */
export const CONTENT_COLUMNS = [
  'kind',
  'name_en',
  'name_zh',
  'acronym',
  'aliases',
  'summary_en',
  'summary_zh',
  'website',
  'domain',
  'city_en',
  'city_zh',
  'country_code',
  'district',
  'sector',
  'founded_year',
  'level',
  'certificate_no',
  'certificate_valid_until',
  'subtype',
  'attributes',
  'source_name_en',
  'source_name_zh',
  'source_kind',
  'source_url',
  'is_generated',
  'weight',
  'search_text',
  'name_key',
  'name_key_zh',
] as const;
export type TContent = Pick<OrgRow, (typeof CONTENT_COLUMNS)[number]>;

const LEVEL_WEIGHT: Record<string, number> = { national: 30, provincial: 20, municipal: 10, district: 5 };

/** The stored columns of a record (search tokens and static weight included). */
export const contentOf = (r: TRegistryRecord, opts: { search?: boolean } = {}): TContent => {
  const aliases = r.aliases.length > 0 ? JSON.stringify(r.aliases) : null;
  return {
    kind: r.kind,
    name_en: r.name.en,
    name_zh: r.name.zh,
    acronym: r.acronym ?? null,
    aliases,
    summary_en: r.summary.en ?? null,
    summary_zh: r.summary.zh ?? null,
    website: r.website ?? null,
    domain: websiteDomain(r.website),
    city_en: r.city.en ?? null,
    city_zh: r.city.zh ?? null,
    country_code: r.countryCode ?? null,
    district: r.district ?? null,
    sector: r.sector ?? null,
    founded_year: r.foundedYear ?? null,
    level: r.level ?? null,
    certificate_no: r.certificateNo ?? null,
    certificate_valid_until: r.certificateValidUntil ?? null,
    subtype: r.subtype ?? null,
    attributes: r.investorFocus ? JSON.stringify(r.investorFocus) : null,
    source_name_en: r.source.en,
    source_name_zh: r.source.zh,
    source_kind: r.sourceKind,
    source_url: r.sourceUrl ?? null,
    is_generated: r.isGenerated ? 1 : 0,
    weight:
      (r.isGenerated ? 0 : 100) +
      (r.summary.en || r.summary.zh ? 10 : 0) +
      (r.website ? 5 : 0) +
      (r.level ? (LEVEL_WEIGHT[r.level] ?? 0) : 0),
    // Tokens follow from the names, summaries and cities above; `search: false` leaves them out (empty)
    // for a comparison with a stored row, since computing them is the costly part.
    search_text:
      opts.search === false
        ? ''
        : searchTextOf({
            nameEn: r.name.en,
            nameZh: r.name.zh,
            acronym: r.acronym,
            aliases: r.aliases,
            summaryEn: r.summary.en,
            summaryZh: r.summary.zh,
            cityEn: r.city.en,
            cityZh: r.city.zh,
          }),
    name_key: nameKey(r.name.en),
    name_key_zh: nameKeyZh(r.name.zh),
  };
};

type TSearchable = Readonly<{
  nameEn: string;
  nameZh: string;
  acronym?: string | null | undefined;
  aliases: readonly string[];
  summaryEn?: string | null | undefined;
  summaryZh?: string | null | undefined;
  cityEn?: string | null | undefined;
  cityZh?: string | null | undefined;
}>;

/** The search column of a record: one definition for the write path and for reindexing. */
export const searchTextOf = (f: TSearchable): string =>
  searchTokens({
    names: [f.nameEn, f.nameZh, f.acronym, ...f.aliases],
    texts: [f.summaryEn, f.summaryZh, f.cityEn, f.cityZh],
  });
