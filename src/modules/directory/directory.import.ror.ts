import type { TOrgKind } from '../organizations/index.ts';
import type { TIdScheme, TLevel } from './directory.codes.ts';
import type { TMapped, TProblem } from './directory.import.types.ts';
import { CITY_ZH, districtIn, isGuangzhou } from './directory.places.ts';
import type { TExternalId, TRegistryRecordInput } from './directory.record.ts';

// Research Organization Registry records (https://ror.org, CC0) → registry records. One file may mix
// schema v1 (name, labels, acronyms, aliases, addresses, country, external_ids as an object) and v2 (names
// with types and languages, locations, links and external_ids as lists); both map to the same record.

export const ROR_SOURCE = {
  en: 'Research Organization Registry (ROR), CC0',
  zh: '科研组织注册库（ROR），CC0',
} as const;

type TObj = Record<string, unknown>;
const isObj = (v: unknown): v is TObj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const strs = (v: unknown): string[] =>
  arr(v)
    .map(str)
    .filter((s): s is string => s !== null);

const RESEARCH =
  /\b(institutes?|academy|academies|laborator(y|ies)|research|observatory|observatories)\b|研究院|研究所|研究中心|科学院|实验室/i;
const KEY_LAB = /\bkey lab(oratory|oratories)?\b|重点实验室/i;

/** A key lab's level from its name: state/national, provincial (省), municipal (市). */
const keyLabLevel = (names: readonly string[]): TLevel | null => {
  const all = names.join(' ');
  if (/\b(state|national) key lab|国家重点实验室|全国重点实验室/i.test(all)) return 'national';
  if (/\bprovincial key lab|\bguangdong key lab|省.*重点实验室|省部共建/i.test(all)) return 'provincial';
  if (/\bmunicipal key lab|\b(guangzhou|shenzhen|beijing|shanghai) key lab|市.*重点实验室/i.test(all))
    return 'municipal';
  return null;
};

/**
 * ROR types → directory kinds (a record with several types takes the first in this order):
 * education → university; company → enterprise; facility → rnd_institute (key_lab when the name says
 * "key laboratory"); government → rnd_institute when its name reads like research (academy, institute,
 * laboratory, 研究院 …), else agency; healthcare → service_provider; nonprofit, archive, other →
 * rnd_institute when the name reads like research, else service_provider; funder alone → agency.
 */
export const rorKind = (types: readonly string[], names: readonly string[]): TOrgKind => {
  const t = new Set(types.map((x) => x.toLowerCase()));
  const research = names.some((n) => RESEARCH.test(n));
  if (t.has('education')) return 'university';
  if (t.has('company')) return 'enterprise';
  if (t.has('facility')) return names.some((n) => KEY_LAB.test(n)) ? 'key_lab' : 'rnd_institute';
  if (t.has('government')) return research ? 'rnd_institute' : 'agency';
  if (t.has('healthcare')) return 'service_provider';
  if (t.has('nonprofit') || t.has('archive') || t.has('other'))
    return research ? 'rnd_institute' : 'service_provider';
  if (t.has('funder')) return 'agency';
  return research ? 'rnd_institute' : 'service_provider';
};

const V1_SCHEMES: Readonly<Record<string, TIdScheme>> = {
  GRID: 'grid',
  Wikidata: 'wikidata',
  ISNI: 'isni',
  FundRef: 'fundref',
};
const V2_SCHEMES: Readonly<Record<string, TIdScheme>> = {
  grid: 'grid',
  wikidata: 'wikidata',
  isni: 'isni',
  fundref: 'fundref',
};

/** The preferred value of an external id, else its first. */
const preferredOf = (e: TObj): string | null => str(e.preferred) ?? strs(e.all)[0] ?? null;

type TParts = {
  en: string | null;
  zh: string | null;
  acronyms: string[];
  others: string[];
  types: string[];
  website: string | null;
  city: string | null;
  countryCode: string | null;
  addressLines: string[];
  ids: TExternalId[];
};

const v1Parts = (r: TObj): TParts => {
  const labels = arr(r.labels).filter(isObj);
  const zhLabels = labels
    .filter((l) => str(l.iso639)?.toLowerCase().startsWith('zh'))
    .map((l) => str(l.label));
  const addresses = arr(r.addresses).filter(isObj);
  const first = addresses[0];
  const geo = first && isObj(first.geonames_city) ? first.geonames_city : undefined;
  const ext = isObj(r.external_ids) ? r.external_ids : {};
  const ids: TExternalId[] = [];
  for (const [k, scheme] of Object.entries(V1_SCHEMES)) {
    const e = ext[k];
    const value = isObj(e) ? preferredOf(e) : null;
    if (value) ids.push({ scheme, value });
  }
  return {
    en: str(r.name),
    zh: zhLabels.find((l): l is string => !!l) ?? null,
    acronyms: strs(r.acronyms),
    others: [...strs(r.aliases), ...labels.map((l) => str(l.label)).filter((l): l is string => !!l)],
    types: strs(r.types),
    website: strs(r.links)[0] ?? null,
    city: (first && str(first.city)) ?? (geo ? str(geo.city) : null),
    countryCode: isObj(r.country) ? str(r.country.country_code) : null,
    addressLines: addresses.map((a) => str(a.line)).filter((l): l is string => !!l),
    ids,
  };
};

const v2Parts = (r: TObj): TParts => {
  const names = arr(r.names).filter(isObj);
  const typed = (type: string) =>
    names.filter((n) => strs(n.types).includes(type) && str(n.value)) as (TObj & { value: string })[];
  const display = typed('ror_display')[0];
  const labels = typed('label');
  const zhOf = (xs: (TObj & { value: string })[]) =>
    xs.find((n) => str(n.lang)?.toLowerCase().startsWith('zh'))?.value.trim() ?? null;
  const loc = arr(r.locations).filter(isObj)[0];
  const geo = loc && isObj(loc.geonames_details) ? loc.geonames_details : undefined;
  const ids: TExternalId[] = [];
  for (const e of arr(r.external_ids).filter(isObj)) {
    const scheme = V2_SCHEMES[str(e.type)?.toLowerCase() ?? ''];
    const value = preferredOf(e);
    if (scheme && value && !ids.some((x) => x.scheme === scheme)) ids.push({ scheme, value });
  }
  const links = arr(r.links).filter(isObj);
  return {
    en: display ? display.value.trim() : (labels[0]?.value.trim() ?? null),
    zh: zhOf(labels) ?? zhOf(typed('ror_display')) ?? zhOf(typed('alias')),
    acronyms: typed('acronym').map((n) => n.value.trim()),
    others: [...labels, ...typed('alias')].map((n) => n.value.trim()),
    types: strs(r.types),
    website: links.filter((l) => str(l.type) === 'website').map((l) => str(l.value))[0] ?? null,
    city: geo ? str(geo.name) : null,
    countryCode: geo ? str(geo.country_code) : null,
    addressLines: [],
    ids,
  };
};

const HTTP = /^https?:\/\/[^\s]+$/i;

/**
 * One ROR record (v1 or v2, as parsed JSON) → a registry record, a skip (withdrawn and inactive records:
 * their id is retired if the directory has it), or the problems that stop it.
 */
export const rorRecord = (raw: unknown): TMapped => {
  if (!isObj(raw))
    return { kind: 'problems', problems: [{ field: '(record)', problem: 'not a JSON object', value: raw }] };
  const id = str(raw.id);
  const problems: TProblem[] = [];
  if (!id) problems.push({ field: 'id', problem: 'missing ROR id' });
  else if (!/^https:\/\/ror\.org\/0[a-z0-9]{8}$/.test(id))
    problems.push({ field: 'id', problem: 'not a ROR id (https://ror.org/0xxxxxxxx)', value: id });
  const status = str(raw.status) ?? 'active';
  if (id && problems.length === 0 && status !== 'active') {
    return { kind: 'skip', reason: status, retire: { scheme: 'ror', value: id } };
  }
  const p = Array.isArray(raw.names) ? v2Parts(raw) : v1Parts(raw);
  if (!p.en) problems.push({ field: 'name', problem: 'missing name' });
  if (problems.length > 0 || !id || !p.en) return { kind: 'problems', problems };

  const en = p.en;
  const zh = p.zh ?? en;
  const acronym = p.acronyms.find((a) => a.length <= 40) ?? null;
  const aliases = [
    ...new Set([...p.acronyms.filter((a) => a !== acronym), ...p.others].filter((a) => a !== en && a !== zh)),
  ]
    .filter((a) => a.length <= 300)
    .slice(0, 30);
  const names = [en, zh, ...aliases];
  const kind = rorKind(p.types, names);
  const cityZh = p.city ? (CITY_ZH[p.city.toLowerCase()] ?? null) : null;
  const district = isGuangzhou(p.city)
    ? ([...names, ...p.addressLines].map(districtIn).find((d) => d !== null) ?? null)
    : null;
  const year = typeof raw.established === 'number' ? raw.established : null;
  const record: TRegistryRecordInput = {
    kind,
    name: { en, zh },
    acronym,
    aliases,
    summary: {},
    website: p.website && HTTP.test(p.website) ? p.website : null,
    city: { en: p.city, zh: cityZh },
    countryCode: p.countryCode?.toUpperCase() ?? null,
    district,
    foundedYear: year,
    level: kind === 'key_lab' ? keyLabLevel(names) : null,
    source: ROR_SOURCE,
    sourceKind: 'ror',
    sourceUrl: id,
    externalIds: [{ scheme: 'ror', value: id }, ...p.ids],
  };
  return { kind: 'record', record };
};
