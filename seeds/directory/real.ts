import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  rorRecord,
  type TRegistryRecordInput,
  type TSeedRelation,
} from '../../src/modules/directory/index.ts';
import { rorParents, rorSource } from './ror.ts';
import { ROR_OVERRIDES } from './ror-overrides.ts';

// The real part of the demo directory, from the files shipped in seeds/demo/: Guangdong's universities
// (Ministry of Education list), Guangzhou's ROR records, and the organisations the article names.

const DEMO_DIR = fileURLToPath(new URL('../demo/', import.meta.url));
const read = (file: string) => readFileSync(`${DEMO_DIR}${file}`, 'utf8');

/** The ROR data dump the Guangzhou subset was taken from (../shared/data/README.md). */
const ROR_DUMP = '2026-06';
const GUANGZHOU = { en: 'Guangzhou', zh: '广州' };

type TUniversity = {
  name: { en: string; zh: string };
  nameEnFrom: 'ror' | 'hipo' | 'demo';
  website: string | null;
  city: { en: string | null; zh: string | null };
  district: TRegistryRecordInput['district'];
  ror: string | null;
};
type TNamed = {
  slug: string;
  kind: TRegistryRecordInput['kind'];
  name: { en: string; zh: string };
  summary: { en: string; zh: string };
  website?: string;
  city?: { en: string; zh: string };
  acronym?: string;
  countryCode?: string;
  district?: TRegistryRecordInput['district'];
  sector?: TRegistryRecordInput['sector'];
};

export type TRealDirectory = Readonly<{
  records: TRegistryRecordInput[];
  relations: TSeedRelation[];
  /** When the subsets were extracted: the seed stamps its rows with it, so reruns leave them identical. */
  extractedOn: string;
}>;

const shortId = (rorId: string) => rorId.replace('https://ror.org/', '');
const uniqueNames = (names: readonly string[], exclude: readonly string[]): string[] => {
  const seen = new Set(exclude.map((n) => n.trim()));
  const out: string[] = [];
  for (const raw of names) {
    const n = raw.trim().slice(0, 300);
    if (n && !seen.has(n)) {
      seen.add(n);
      out.push(n);
    }
  }
  return out.slice(0, 30);
};

/** A ROR record mapped by the import's mapper, with its parents; null for withdrawn or inactive records. */
const fromRor = (line: string): { record: TRegistryRecordInput; id: string; parents: string[] } | null => {
  const raw = JSON.parse(line) as unknown;
  const m = rorRecord(raw);
  if (m.kind === 'skip') return null;
  if (m.kind === 'problems') throw new Error(`ROR record cannot be mapped: ${JSON.stringify(m.problems)}`);
  return { record: m.record, id: m.record.sourceUrl as string, parents: rorParents(raw) };
};

/** The real records and relations, read from seeds/demo/. */
export const realDirectory = (): TRealDirectory => {
  const uni = JSON.parse(read('directory-universities.json')) as {
    source: { en: string; zh: string };
    extractedOn: string;
    universities: TUniversity[];
  };
  const ror = read('directory-ror-guangzhou.jsonl')
    .split('\n')
    .filter((l) => l.trim())
    .map(fromRor)
    .filter((x) => x !== null);
  const rorById = new Map(ror.map((f) => [f.id, f.record]));
  const named = JSON.parse(read('organizations.json')) as {
    source: { en: string; zh: string };
    organizations: TNamed[];
  };

  const records: TRegistryRecordInput[] = [];
  const relations: TSeedRelation[] = [];
  const usedRor = new Set<string>();

  // Universities of the MoE list, merged with their ROR record when ROR has one in Guangzhou.
  for (const u of uni.universities) {
    const rorId = u.ror && !usedRor.has(u.ror) ? u.ror : null;
    if (rorId) usedRor.add(rorId);
    const f = rorId ? rorById.get(rorId) : undefined;
    records.push({
      kind: 'university',
      name: u.name,
      acronym: f?.acronym ?? null,
      aliases: f ? uniqueNames([f.name.zh, f.name.en, ...(f.aliases ?? [])], [u.name.en, u.name.zh]) : [],
      summary: {},
      website: u.website ?? f?.website ?? null,
      city: u.city,
      countryCode: 'CN',
      district: u.district ?? null,
      foundedYear: f?.foundedYear ?? null,
      source: rorId
        ? {
            en: `${uni.source.en}. ${rorSource(rorId, ROR_DUMP).en}`,
            zh: `${uni.source.zh}。${rorSource(rorId, ROR_DUMP).zh}`,
          }
        : uni.source,
      sourceKind: 'moe',
      sourceUrl: rorId,
      externalIds: [
        { scheme: 'moe', value: u.name.zh },
        ...(rorId ? [{ scheme: 'ror' as const, value: rorId }] : []),
        ...(f?.externalIds ?? []).filter((e) => e.scheme !== 'ror'),
      ],
    });
  }

  // The other ROR records of Guangzhou (the mapper leaves withdrawn ones out), with what ROR does not say.
  for (const { record: r, id } of ror) {
    if (usedRor.has(id)) continue;
    const o = ROR_OVERRIDES[shortId(id)] ?? {};
    usedRor.add(id);
    records.push({
      ...r,
      kind: o.kind ?? r.kind,
      name: { en: r.name.en, zh: o.zh ?? r.name.zh },
      city: GUANGZHOU,
      district: o.district ?? r.district ?? null,
      sector: o.sector ?? null,
      level: o.level ?? r.level ?? null,
      source: rorSource(id, ROR_DUMP),
    });
  }
  // ROR's parent links between records of the set: "part of".
  for (const { id, parents } of ror) {
    for (const parent of parents) {
      if (usedRor.has(parent))
        relations.push({ from: `ror:${id}`, to: `ror:${parent}`, type: 'part_of', sourceKind: 'ror' });
    }
  }

  // The organisations the article names, with the slugs they always had.
  for (const o of named.organizations) {
    records.push({
      slug: o.slug,
      kind: o.kind,
      name: o.name,
      acronym: o.acronym ?? null,
      summary: o.summary,
      website: o.website ?? null,
      city: o.city ?? {},
      countryCode: o.countryCode ?? null,
      district: o.district ?? null,
      sector: o.sector ?? null,
      source: named.source,
      sourceKind: 'demo',
      externalIds: [{ scheme: 'demo', value: o.slug }],
    });
  }

  // Relations the sources state in words: the article's agreements, and a laboratory ROR lists alone.
  relations.push(
    { from: 'demo:prditu', to: 'demo:petrochina', type: 'partner_of', sourceKind: 'demo' },
    {
      from: 'demo:prditu',
      to: 'demo:tsinghua-graduate-school-shenzhen',
      type: 'partner_of',
      sourceKind: 'demo',
    },
    { from: 'demo:cisco', to: 'ror:https://ror.org/0277xhz50', type: 'partner_of', sourceKind: 'demo' },
    { from: 'ror:https://ror.org/04hja5e04', to: 'moe:广州医科大学', type: 'part_of', sourceKind: 'demo' },
  );
  return { records, relations, extractedOn: uni.extractedOn };
};
