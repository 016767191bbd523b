import { nameKeyZh } from '../../platform/search/name-key.ts';
import type { TMapped, TProblem } from './directory.import.types.ts';
import type { TRegistryRecordInput } from './directory.record.ts';

// Two university lists that are small JSON documents (read whole): the Ministry of Education list of
// mainland higher-education institutions by province (names in Chinese only), optionally with the
// companion file of official websites; and the Hipo world list (English names, domains, web pages).

export const MOE_SOURCE = {
  en: 'Ministry of Education list of higher-education institutions (2021), via github.com/codeudan/crawler-china-mainland-universities, MIT',
  zh: '教育部全国高等学校名单（2021年），经 github.com/codeudan/crawler-china-mainland-universities 整理，MIT 许可',
} as const;
export const MOE_SOURCE_URL = 'https://github.com/codeudan/crawler-china-mainland-universities';

export const HIPO_SOURCE = {
  en: 'Hipo university-domains-list (2026-06), MIT',
  zh: 'Hipo 全球高校域名列表（2026年6月），MIT 许可',
} as const;
export const HIPO_SOURCE_URL = 'https://github.com/Hipo/university-domains-list';

type TObj = Record<string, unknown>;
const isObj = (v: unknown): v is TObj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** The four municipalities are provinces and cities at once. */
const MUNICIPALITIES: Readonly<Record<string, string>> = {
  北京: 'Beijing',
  上海: 'Shanghai',
  天津: 'Tianjin',
  重庆: 'Chongqing',
};

export type TMoeItem = Readonly<{ province: string; name: unknown }>;

/**
 * The MoE list's items in document order: `{ "广东": { "all": ["中山大学", …] }, … }` (a province may also
 * map straight to an array). Throws when the document has another shape.
 */
export const moeItems = (doc: unknown): TMoeItem[] => {
  if (!isObj(doc)) throw new Error('expected an object of provinces, e.g. { "广东": { "all": [ … ] } }');
  const out: TMoeItem[] = [];
  for (const [province, v] of Object.entries(doc)) {
    const names = Array.isArray(v) ? v : isObj(v) && Array.isArray(v.all) ? v.all : null;
    if (!names) throw new Error(`province "${province}" has no list of institutions ("all": [ … ])`);
    for (const name of names) out.push({ province, name });
  }
  return out;
};

/** Websites by institution (Chinese name key), from `{ "广东": { "中山大学": "http://…" } }`. */
export const moeWebsites = (doc: unknown): Map<string, string> => {
  if (!isObj(doc)) throw new Error('expected an object of provinces, each mapping names to websites');
  const out = new Map<string, string>();
  for (const v of Object.values(doc)) {
    if (!isObj(v)) continue;
    for (const [name, site] of Object.entries(v)) {
      const key = nameKeyZh(name);
      const url = str(site);
      if (key && url && /^https?:\/\//i.test(url)) out.set(key, url);
    }
  }
  return out;
};

/** One MoE institution → a registry record (kind university; the external id `moe` is its name). */
export const moeRecord = (item: TMoeItem, websites: ReadonlyMap<string, string>): TMapped => {
  const name = str(item.name);
  if (!name)
    return { kind: 'problems', problems: [{ field: 'name', problem: 'missing name', value: item.name }] };
  const cityEn = MUNICIPALITIES[item.province] ?? null;
  const record: TRegistryRecordInput = {
    kind: 'university',
    // The list has no English names: the Chinese one stands in until another source supplies it.
    name: { en: name, zh: name },
    aliases: [],
    summary: {},
    website: websites.get(nameKeyZh(name) ?? '') ?? null,
    city: { en: cityEn, zh: cityEn ? item.province : null },
    countryCode: 'CN',
    source: MOE_SOURCE,
    sourceKind: 'moe',
    sourceUrl: MOE_SOURCE_URL,
    // The list carries no institution codes; the full name is unique in it and stable between editions.
    externalIds: [{ scheme: 'moe', value: name }],
  };
  return { kind: 'record', record };
};

/** The Hipo list: an array of universities; throws when the document is something else. */
export const hipoItems = (doc: unknown): unknown[] => {
  if (!Array.isArray(doc)) throw new Error('expected a JSON array of universities');
  return doc;
};

/** The ISO country code of a Hipo entry (for --country). */
export const hipoCountry = (raw: unknown): string | null =>
  isObj(raw) ? (str(raw.alpha_two_code)?.toUpperCase() ?? null) : null;

/** One Hipo entry → a registry record (kind university; the external id `domain` is its first domain). */
export const hipoRecord = (raw: unknown): TMapped => {
  if (!isObj(raw))
    return { kind: 'problems', problems: [{ field: '(record)', problem: 'not a JSON object', value: raw }] };
  const problems: TProblem[] = [];
  const name = str(raw.name);
  if (!name) problems.push({ field: 'name', problem: 'missing name', value: raw.name });
  const domains = (Array.isArray(raw.domains) ? raw.domains : []).map(str).filter((d): d is string => !!d);
  const domain = domains[0]?.toLowerCase().replace(/^www\./, '');
  if (!domain)
    problems.push({ field: 'domains', problem: 'missing domain (the list’s key)', value: raw.domains });
  if (!name || !domain || problems.length > 0) return { kind: 'problems', problems };
  const pages = (Array.isArray(raw.web_pages) ? raw.web_pages : []).map(str);
  const website =
    pages.find((p): p is string => !!p && /^https?:\/\/[^\s]+$/i.test(p)) ?? `https://${domain}/`;
  const record: TRegistryRecordInput = {
    kind: 'university',
    name: { en: name, zh: name },
    aliases: [],
    summary: {},
    website,
    city: {},
    countryCode: hipoCountry(raw),
    source: HIPO_SOURCE,
    sourceKind: 'hipo',
    sourceUrl: HIPO_SOURCE_URL,
    externalIds: [{ scheme: 'domain', value: domain }],
  };
  return { kind: 'record', record };
};
