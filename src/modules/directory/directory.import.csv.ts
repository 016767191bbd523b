import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ID_SCHEMES, LEVELS, type TIdScheme } from './directory.codes.ts';
import { ImportInputError, type TMapped, type TProblem } from './directory.import.types.ts';
import { districtOf } from './directory.places.ts';
import type { TExternalId, TRegistryRecordInput } from './directory.record.ts';

// Generic CSV: a mapping file says which column feeds which record field, which fields are constant for
// the whole file, and how a column's values translate into codes (e.g. 类型 "高校" → kind "university").
//
//   { "columns": { "name.zh": "机构名称", "kind": { "column": "类型", "values": { "高校": "university" } },
//                  "aliases": { "column": "别名", "split": ";" }, "externalIds.uscc": "统一社会信用代码" },
//     "constants": { "source.en": "…", "source.zh": "…", "countryCode": "CN" } }

const TEXT_FIELDS = [
  'slug',
  'kind',
  'name.en',
  'name.zh',
  'acronym',
  'aliases',
  'summary.en',
  'summary.zh',
  'website',
  'city.en',
  'city.zh',
  'countryCode',
  'district',
  'sector',
  'foundedYear',
  'level',
  'certificateNo',
  'certificateValidUntil',
  'subtype',
  'source.en',
  'source.zh',
  'sourceUrl',
] as const;
type TField = (typeof TEXT_FIELDS)[number] | `externalIds.${TIdScheme}`;
const FIELDS = new Set<string>([...TEXT_FIELDS, ...ID_SCHEMES.map((s) => `externalIds.${s}`)]);

const ZColumn = z.union([
  z.string().min(1),
  z
    .object({
      column: z.string().min(1),
      values: z.record(z.string(), z.string()).optional(),
      split: z.string().min(1).max(3).optional(),
    })
    .strict(),
]);
export const ZCsvMapping = z
  .object({
    columns: z.record(z.string(), ZColumn),
    constants: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  })
  .strict();
export type TCsvMapping = z.infer<typeof ZCsvMapping>;

/** Checks a parsed mapping file; throws ImportInputError listing every problem. */
export const parseCsvMapping = (doc: unknown): TCsvMapping => {
  const parsed = ZCsvMapping.safeParse(doc);
  if (!parsed.success) {
    throw new ImportInputError(
      `the mapping file is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`,
    );
  }
  const m = parsed.data;
  const unknown = [...Object.keys(m.columns), ...Object.keys(m.constants)].filter((f) => !FIELDS.has(f));
  const problems: string[] = [];
  if (unknown.length > 0)
    problems.push(`unknown field(s) ${unknown.join(', ')} (known: ${[...FIELDS].join(', ')})`);
  const has = (f: string) => f in m.columns || f in m.constants;
  if (!has('kind')) problems.push('no "kind" column or constant');
  if (!m.columns['name.en'] && !m.columns['name.zh']) problems.push('no "name.en" or "name.zh" column');
  if (!has('source.en') && !has('source.zh'))
    problems.push('no "source.en" or "source.zh" (where the data comes from)');
  if (problems.length > 0)
    throw new ImportInputError(`the mapping file is not valid: ${problems.join('; ')}`);
  return m;
};

const KEY_ORDER: readonly TIdScheme[] = ['csv', ...ID_SCHEMES.filter((s) => s !== 'csv')];

const LEVEL_ZH: Readonly<Record<string, string>> = {
  国家级: 'national',
  国家: 'national',
  省级: 'provincial',
  省: 'provincial',
  市级: 'municipal',
  市: 'municipal',
  区级: 'district',
  区: 'district',
};

const yearOf = (v: string): number | string => {
  const m = /^(\d{4})(?:$|[-/.年])/.exec(v);
  return m ? Number(m[1]) : v;
};
const dayOf = (v: string): string => {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  return m ? `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}` : v;
};
const websiteOf = (v: string): string => (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(v) ? `http://${v}` : v);

/**
 * A function from one CSV row to a record, for a file with this header. Throws ImportInputError when the
 * mapping names a column the file lacks.
 */
export const csvMapper = (mapping: TCsvMapping, header: readonly string[]): ((row: string[]) => TMapped) => {
  const names = header.map((h, i) => (i === 0 ? h.replace(/^\ufeff/, '') : h).trim());
  const missing: string[] = [];
  const cols = new Map<TField, { index: number; values?: Record<string, string>; split?: string }>();
  for (const [field, spec] of Object.entries(mapping.columns)) {
    const column = typeof spec === 'string' ? spec : spec.column;
    const index = names.indexOf(column.trim());
    if (index === -1) missing.push(column);
    else
      cols.set(field as TField, {
        index,
        ...(typeof spec === 'string' ? {} : { values: spec.values, split: spec.split }),
      });
  }
  if (missing.length > 0) {
    throw new ImportInputError(
      `the mapping names column(s) the file lacks: ${missing.map((c) => `"${c}"`).join(', ')} (the file has ${names.map((c) => `"${c}"`).join(', ')})`,
    );
  }
  const constants = mapping.constants;

  return (row) => {
    if (row.some((v) => v.includes('\ufffd'))) {
      const bad = row.find((v) => v.includes('\ufffd'));
      return {
        kind: 'problems',
        problems: [
          { field: '(row)', problem: 'bytes that are not valid text in the file’s encoding', value: bad },
        ],
      };
    }
    const get = (field: TField): string | undefined => {
      const c = cols.get(field);
      const raw = c ? (row[c.index] ?? '').trim() : '';
      if (c && raw !== '') return c.values && raw in c.values ? c.values[raw] : raw;
      const k = constants[field];
      return k === undefined ? undefined : String(k);
    };
    const problems: TProblem[] = [];
    const aliasSpec = cols.get('aliases');
    const aliasText = get('aliases');
    const aliases = aliasText
      ? aliasText
          .split(aliasSpec?.split ?? /[;；]/)
          .map((a) => a.trim())
          .filter(Boolean)
      : [];
    const en = get('name.en');
    const zh = get('name.zh');
    if (!en && !zh) problems.push({ field: 'name', problem: 'missing name (name.en and name.zh are empty)' });
    const kind = get('kind');
    if (!kind) problems.push({ field: 'kind', problem: 'missing kind' });
    const district = get('district');
    const level = get('level');
    const founded = get('foundedYear');
    const until = get('certificateValidUntil');
    const website = get('website');
    // The first id is the row's key (what a later import matches it by): the csv column when mapped.
    const externalIds: TExternalId[] = [];
    for (const scheme of KEY_ORDER) {
      const v = get(`externalIds.${scheme}`);
      if (v) externalIds.push({ scheme, value: v });
    }
    if (problems.length > 0 || (!en && !zh) || !kind) return { kind: 'problems', problems };
    const nameEn = (en ?? zh) as string;
    const nameZh = (zh ?? en) as string;
    const cityEn = get('city.en');
    if (externalIds.length === 0) {
      // No id column: a key from what identifies the row, so that a second import updates, not duplicates.
      const key = createHash('sha256')
        .update([kind, nameZh, nameEn, cityEn ?? ''].join('\u0000'))
        .digest('hex');
      externalIds.push({ scheme: 'csv', value: `name:${key.slice(0, 24)}` });
    }
    const record = {
      slug: get('slug'),
      kind: kind.toLowerCase(),
      name: { en: nameEn, zh: nameZh },
      acronym: get('acronym'),
      aliases,
      summary: { en: get('summary.en'), zh: get('summary.zh') },
      website: website ? websiteOf(website) : undefined,
      city: { en: cityEn, zh: get('city.zh') },
      countryCode: get('countryCode')?.toUpperCase(),
      district: district ? (districtOf(district) ?? district) : undefined,
      sector: get('sector'),
      foundedYear: founded ? yearOf(founded) : undefined,
      level: level ? (LEVELS.find((l) => l === level.toLowerCase()) ?? LEVEL_ZH[level] ?? level) : undefined,
      certificateNo: get('certificateNo'),
      certificateValidUntil: until ? dayOf(until) : undefined,
      subtype: get('subtype'),
      source: { en: get('source.en') ?? get('source.zh'), zh: get('source.zh') ?? get('source.en') },
      sourceKind: 'csv',
      sourceUrl: get('sourceUrl'),
      externalIds,
    };
    return { kind: 'record', record: record as TRegistryRecordInput };
  };
};
