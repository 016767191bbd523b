// Extracts the small real subsets the demo directory ships, from the shared data folder (../shared/data by
// default; --from <dir> for another copy). Run it only to refresh them; `npm start` and `npm test` read the
// committed output and never need the shared folder.
//
//   npx tsx seeds/build/directory.mts [--from ../shared/data] [--date 2026-11-26]
//
// Writes into seeds/demo/:
// - directory-universities.json: Guangdong's institutions of the Ministry of Education list (MIT), each
//   with its website (the list's companion file, MIT), an English name (ROR, else the Hipo world list by
//   web domain, else written for this demo), its city and, in Guangzhou, its district (written for this
//   demo), and the ROR id of the same institution when ROR has it;
// - directory-ror-guangzhou.jsonl: the ROR records located in Guangzhou (CC0), lines copied unchanged.
// Prints the row counts for seeds/demo/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CITY_EN, ENGLISH, GUANGZHOU, OTHER_CITY, ROR_OF } from './guangdong-universities.ts';

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: fileURLToPath(new URL('../../../shared/data/', import.meta.url)) },
    date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
  },
});
const FROM = values.from as string;
const OUT = fileURLToPath(new URL('../demo/', import.meta.url));

type TRorName = { value: string; lang?: string | null; types?: string[] };
type TRor = {
  id: string;
  name?: string;
  labels?: { label: string; iso639: string }[];
  aliases?: string[];
  names?: TRorName[];
  addresses?: { city?: string | null; geonames_city?: { city?: string } | null }[];
  locations?: { geonames_details?: { name?: string } }[];
  types?: string[];
  links?: (string | { type: string; value: string })[];
};

const HAN = /[\u4e00-\u9fff]/;
const domainOf = (url: string | null | undefined): string | null => {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
};
const isV2 = (r: TRor) => Array.isArray(r.names);
const englishName = (r: TRor): string =>
  isV2(r) ? ((r.names ?? []).find((n) => n.types?.includes('ror_display'))?.value ?? '') : (r.name ?? '');
const chineseNames = (r: TRor): string[] =>
  isV2(r)
    ? (r.names ?? []).filter((n) => n.lang === 'zh' || HAN.test(n.value)).map((n) => n.value)
    : [
        ...(r.labels ?? []).filter((l) => l.iso639 === 'zh').map((l) => l.label),
        ...(r.aliases ?? []).filter((a) => HAN.test(a)),
      ];
const cities = (r: TRor): string[] =>
  isV2(r)
    ? (r.locations ?? []).map((l) => l.geonames_details?.name ?? '')
    : (r.addresses ?? []).map((a) => a.city ?? a.geonames_city?.city ?? '');
const types = (r: TRor): string[] => (r.types ?? []).map((t) => t.toLowerCase());

// 1. ROR: every Chinese record indexed by its Chinese names; the Guangzhou ones kept as they are.
const rorLines = readFileSync(join(FROM, 'ror/ror_records_latest_CN.jsonl'), 'utf8').split('\n');
const rorByZh = new Map<string, TRor>();
const rorById = new Map<string, TRor>();
const guangzhouLines: string[] = [];
for (const line of rorLines) {
  if (!line.trim()) continue;
  const r = JSON.parse(line) as TRor;
  rorById.set(r.id, r);
  for (const zh of chineseNames(r)) if (!rorByZh.has(zh)) rorByZh.set(zh, r);
  if (cities(r).includes('Guangzhou')) guangzhouLines.push(line);
}

// 2. Hipo world list: English names by web domain.
const hipo = JSON.parse(
  readFileSync(join(FROM, 'universities/world_universities_and_domains.json'), 'utf8'),
) as { name: string; domains: string[]; web_pages: string[]; alpha_two_code: string }[];
const hipoByDomain = new Map<string, string>();
for (const h of hipo.filter((x) => x.alpha_two_code === 'CN')) {
  for (const d of [...h.domains, ...h.web_pages.map(domainOf)]) {
    if (d && !hipoByDomain.has(d.replace(/^www\./, ''))) hipoByDomain.set(d.replace(/^www\./, ''), h.name);
  }
}

// 3. The MoE list for Guangdong, with websites.
const moe = JSON.parse(
  readFileSync(join(FROM, 'universities/china_mainland_universities.json'), 'utf8'),
) as Record<string, { all: string[] }>;
const websites = JSON.parse(
  readFileSync(join(FROM, 'universities/chinese_universities_with_website.json'), 'utf8'),
) as Record<string, Record<string, string>>;
const names = moe.广东?.all ?? [];
const problems: string[] = [];
const matchedRor = new Set<string>();
const universities = names.map((zh) => {
  const website = websites.广东?.[zh] ?? null;
  const explicit = ROR_OF[zh];
  const ror = explicit ? rorById.get(explicit) : rorByZh.get(zh);
  if (explicit && !ror) problems.push(`ROR record ${explicit} for ${zh} is not in the ROR file`);
  if (ror) matchedRor.add(ror.id);
  const hipoName = hipoByDomain.get(domainOf(website) ?? '');
  const en = ror ? englishName(ror) : (hipoName ?? ENGLISH[zh]);
  if (!en) problems.push(`no English name for ${zh}`);
  const district = GUANGZHOU[zh];
  const cityZh = district ? '广州' : OTHER_CITY[zh];
  if (!cityZh) problems.push(`no city for ${zh}`);
  return {
    name: { en: en ?? zh, zh },
    nameEnFrom: ror ? 'ror' : hipoName ? 'hipo' : 'demo',
    website,
    city: { en: CITY_EN[cityZh ?? ''] ?? null, zh: cityZh ?? null },
    district: district ?? null,
    ror: ror?.id ?? null,
  };
});
for (const line of guangzhouLines) {
  const r = JSON.parse(line) as TRor;
  if (types(r).includes('education') && !matchedRor.has(r.id)) {
    console.log(`note: Guangzhou ROR education record not in the MoE list: ${r.id} ${englishName(r)}`);
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}

const extractedOn = values.date as string;
writeFileSync(
  join(OUT, 'directory-universities.json'),
  `${JSON.stringify(
    {
      source: {
        en: `Ministry of Education list of higher-education institutions (April 2021) with their websites; English names from ROR (CC0) or the Hipo university-domains-list (MIT); extracted ${extractedOn}`,
        zh: `教育部全国高等学校名单（2021年4月）及其网址；英文名称取自 ROR（CC0）或 Hipo university-domains-list（MIT）；${extractedOn}提取`,
      },
      licence: 'MIT',
      extractedOn,
      universities,
    },
    null,
    2,
  )}\n`,
);
writeFileSync(join(OUT, 'directory-ror-guangzhou.jsonl'), `${guangzhouLines.join('\n')}\n`);

const v2 = guangzhouLines.filter((l) => isV2(JSON.parse(l) as TRor)).length;
console.log(
  `directory-universities.json: ${universities.length} Guangdong institutions (${universities.filter((u) => u.district).length} in Guangzhou; English names: ${universities.filter((u) => u.nameEnFrom === 'ror').length} ROR, ${universities.filter((u) => u.nameEnFrom === 'hipo').length} Hipo, ${universities.filter((u) => u.nameEnFrom === 'demo').length} written for the demo; ${universities.filter((u) => u.ror).length} with a ROR id)`,
);
console.log(
  `directory-ror-guangzhou.jsonl: ${guangzhouLines.length} ROR records in Guangzhou (${guangzhouLines.length - v2} schema v1, ${v2} schema v2)`,
);
