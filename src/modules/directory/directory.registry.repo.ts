import { type Kysely, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/schema.ts';
import { latinWords, searchTokens } from '../../platform/search/tokens.ts';
import { slugify, type TRegistryRecord, websiteDomain } from './directory.record.ts';

// The registry's write path: imports, seeds and staff edits all go through upsertBatch, which keeps the
// search column, the change sequence, the name vocabulary and the external ids in step.

type OrgRow = {
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
  seq: number;
  created_at: string;
  updated_at: string;
};
type Tables = {
  directory_organization: OrgRow;
  directory_counter: { name: string; value: number };
  directory_external_id: { scheme: string; value: string; org_id: number };
  directory_term: { term: string };
};
const q = (db: Db) => db as unknown as Kysely<Tables>;

/** Columns compared to decide whether a record changed (everything the record carries). */
const CONTENT_COLUMNS = [
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
] as const;
type TContent = Pick<OrgRow, (typeof CONTENT_COLUMNS)[number]>;

const LEVEL_WEIGHT: Record<string, number> = { national: 30, provincial: 20, municipal: 10, district: 5 };

/** The stored columns of a record (search tokens and static weight included). */
export const contentOf = (r: TRegistryRecord): TContent => {
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
    search_text: searchTokens({
      names: [r.name.en, r.name.zh, r.acronym, ...r.aliases],
      texts: [r.summary.en, r.summary.zh, r.city.en, r.city.zh],
    }),
  };
};

/** Takes the next change sequence number (serialises writers on PostgreSQL through the row lock). */
export const nextSeq = async (db: Db): Promise<number> => {
  const row = await q(db)
    .updateTable('directory_counter')
    .set({ value: sql`value + 1` })
    .where('name', '=', 'seq')
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
};

/** The current change sequence number. */
export const currentSeq = async (db: Db): Promise<number> => {
  const row = await q(db)
    .selectFrom('directory_counter')
    .select('value')
    .where('name', '=', 'seq')
    .executeTakeFirst();
  return Number(row?.value ?? 0);
};

export type TBatchOutcome = Readonly<{
  outcome: 'inserted' | 'updated' | 'unchanged';
  id: number;
  slug: string;
}>;

const CHUNK = 200;
const rec = <T>(xs: readonly T[], i: number): T => xs[i] as T;
const chunks = <T>(xs: readonly T[], n = CHUNK): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

/**
 * Inserts or updates a batch of records, matched by any of their external ids, else by their slug.
 * Run it inside the caller's transaction: a batch commits whole. Returns one outcome per record, in order.
 */
export const upsertBatch = async (
  db: Db,
  records: readonly TRegistryRecord[],
  opts: { now?: string } = {},
): Promise<TBatchOutcome[]> => {
  if (records.length === 0) return [];
  const now = opts.now ?? nowIso();
  const seq = await nextSeq(db);

  // 1. Existing rows, by external id then by slug.
  const idValues = [...new Set(records.flatMap((r) => r.externalIds.map((e) => e.value)))];
  const byExternal = new Map<string, number>();
  for (const part of chunks(idValues, 500)) {
    const rows = await q(db)
      .selectFrom('directory_external_id')
      .select(['scheme', 'value', 'org_id'])
      .where('value', 'in', part)
      .execute();
    for (const r of rows) byExternal.set(`${r.scheme}\u0000${r.value}`, Number(r.org_id));
  }
  const slugs = [...new Set(records.map((r) => r.slug).filter((s): s is string => !!s))];
  const bySlug = new Map<string, number>();
  for (const part of chunks(slugs, 500)) {
    const rows = await q(db)
      .selectFrom('directory_organization')
      .select(['id', 'slug'])
      .where('slug', 'in', part)
      .execute();
    for (const r of rows) bySlug.set(r.slug, Number(r.id));
  }
  const matched = records.map((r) => {
    for (const e of r.externalIds) {
      const id = byExternal.get(`${e.scheme}\u0000${e.value}`);
      if (id !== undefined) return id;
    }
    return r.slug ? bySlug.get(r.slug) : undefined;
  });

  const existingIds = [...new Set(matched.filter((id): id is number => id !== undefined))];
  const existing = new Map<number, OrgRow>();
  for (const part of chunks(existingIds, 500)) {
    const rows = await q(db)
      .selectFrom('directory_organization')
      .selectAll()
      .where('id', 'in', part)
      .execute();
    for (const r of rows) existing.set(Number(r.id), r as OrgRow);
  }

  // 2. Slugs for new records: the given slug, else the English name's, made unique against the table
  // and the batch with a short suffix from the record's first external id (or a counter).
  const newIdx = records.map((_, i) => i).filter((i) => matched[i] === undefined);
  const wanted = new Map(newIdx.map((i) => [i, rec(records, i).slug ?? slugify(rec(records, i).name.en)]));
  const taken = new Set<string>();
  for (const part of chunks([...new Set(wanted.values())], 500)) {
    const rows = await q(db)
      .selectFrom('directory_organization')
      .select('slug')
      .where('slug', 'in', part)
      .execute();
    for (const r of rows) taken.add(r.slug);
  }
  const finalSlug = new Map<number, string>();
  for (const [i, base] of wanted) {
    let slug = base;
    if (taken.has(slug)) {
      const ext = rec(records, i).externalIds[0]?.value;
      const suffix = ext ? slugify(ext.split('/').pop() ?? ext).slice(-10) : '';
      slug = `${base.slice(0, 140)}-${suffix || 'x'}`.replace(/-+$/, '');
    }
    for (let n = 2; taken.has(slug); n++) slug = `${base.slice(0, 140)}-${n}`;
    // The counter may land on a slug the first query did not ask about.
    if (slug !== base) {
      const clash = await q(db)
        .selectFrom('directory_organization')
        .select('slug')
        .where('slug', '=', slug)
        .execute();
      if (clash.length > 0) slug = `${slug}-${seq}`;
    }
    taken.add(slug);
    finalSlug.set(i, slug);
  }

  // 3. Writes.
  const outcomes: TBatchOutcome[] = new Array(records.length);
  const inserts: (TContent & Record<string, unknown>)[] = [];
  const confirmedOnly: number[] = [];
  for (const [i, r] of records.entries()) {
    const content = contentOf(r);
    const id = matched[i];
    if (id === undefined) {
      inserts.push({
        ...content,
        slug: finalSlug.get(i) as string,
        status: 'active',
        confirmed_at: r.confirmedAt ?? now,
        imported_at: r.sourceKind === 'demo' || r.sourceKind === 'manual' ? null : now,
        seq,
        created_at: now,
        updated_at: now,
      });
      continue;
    }
    const row = existing.get(id);
    if (!row) throw new Error(`directory row ${id} vanished during the batch`);
    const changed = CONTENT_COLUMNS.some((c) => (row[c] ?? null) !== (content[c] ?? null));
    if (changed) {
      await q(db)
        .updateTable('directory_organization')
        .set({
          ...content,
          confirmed_at: r.confirmedAt ?? now,
          imported_at: r.sourceKind === 'demo' || r.sourceKind === 'manual' ? row.imported_at : now,
          seq,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      outcomes[i] = { outcome: 'updated', id, slug: row.slug };
    } else {
      // The source still says the same: that confirms the record without changing it.
      if (r.sourceKind !== 'demo' && r.sourceKind !== 'manual') confirmedOnly.push(id);
      outcomes[i] = { outcome: 'unchanged', id, slug: row.slug };
    }
  }
  for (const part of chunks(confirmedOnly, 500)) {
    await q(db)
      .updateTable('directory_organization')
      .set({ confirmed_at: now, imported_at: now })
      .where('id', 'in', part)
      .execute();
  }
  const insertedIds = new Map<string, number>();
  for (const part of chunks(inserts)) {
    const rows = await q(db)
      .insertInto('directory_organization')
      .values(part as never)
      .returning(['id', 'slug'])
      .execute();
    for (const r of rows) insertedIds.set(r.slug, Number(r.id));
  }
  for (const i of newIdx) {
    const slug = finalSlug.get(i) as string;
    outcomes[i] = { outcome: 'inserted', id: insertedIds.get(slug) as number, slug };
  }

  // 4. External ids (new ones only; an id already owned by another record stays with it) and name words.
  const ids = records.flatMap((r, i) =>
    r.externalIds.map((e) => ({ scheme: e.scheme, value: e.value, org_id: rec(outcomes, i).id })),
  );
  const uniqueIds = [...new Map(ids.map((e) => [`${e.scheme}\u0000${e.value}`, e])).values()];
  for (const part of chunks(uniqueIds, 300)) {
    await q(db)
      .insertInto('directory_external_id')
      .values(part)
      .onConflict((oc) => oc.columns(['scheme', 'value']).doNothing())
      .execute();
  }
  const terms = new Set<string>();
  for (const r of records)
    for (const w of latinWords(`${r.name.en} ${r.acronym ?? ''}`)) if (w.length >= 3) terms.add(w);
  for (const part of chunks([...terms], 500)) {
    await q(db)
      .insertInto('directory_term')
      .values(part.map((term) => ({ term })))
      .onConflict((oc) => oc.column('term').doNothing())
      .execute();
  }
  return outcomes;
};
