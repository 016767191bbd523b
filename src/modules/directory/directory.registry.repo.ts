import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { insertRows } from '../../platform/db/insert-rows.ts';
import { nowIso } from '../../platform/db/schema.ts';
import { latinWords } from '../../platform/search/tokens.ts';
import { slugify, type TRegistryRecord, websiteDomain } from './directory.record.ts';
import { CONTENT_COLUMNS, contentOf, type OrgRow } from './directory.registry.content.ts';

export { contentOf } from './directory.registry.content.ts';

// The registry's write path: imports, seeds and staff edits all go through upsertBatch, which keeps the
// search column, the change sequence, the name vocabulary and the external ids in step.
// Bulk writes are multi-row statements of a fixed shape per chunk size (platform/db/insert-rows.ts), so
// SQLite's prepared-statement cache reuses them: Kysely's builder costs more than the insert for wide rows.

type Tables = {
  directory_organization: OrgRow;
  directory_counter: { name: string; value: number };
  directory_external_id: { scheme: string; value: string; org_id: number };
  directory_term: { term: string };
};
const q = (db: Db) => db as unknown as Kysely<Tables>;

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

/**
 * Takes the writers' lock without a new change number: a no-op update of the counter row (the row lock on
 * PostgreSQL, the write lock on SQLite, so a later write cannot meet a newer snapshot).
 */
const lockSeq = async (db: Db): Promise<void> => {
  await q(db).updateTable('directory_counter').set({ value: sql`value` }).where('name', '=', 'seq').execute();
};

/**
 * The change sequence number, and whether a bulk load is under way (ADR 0012: its records are missing
 * from the full-text index until it ends), in one read.
 */
export const readCounters = async (db: Db): Promise<{ seq: number; bulkLoading: boolean }> => {
  const rows = await q(db)
    .selectFrom('directory_counter')
    .select(['name', 'value'])
    .where('name', 'in', ['seq', 'bulk'])
    .execute();
  const value = (name: string) => Number(rows.find((r) => r.name === name)?.value ?? 0);
  return { seq: value('seq'), bulkLoading: value('bulk') > 0 };
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

/**
 * The slug a new record asks for: its own, else its English name's; a name without Latin letters (a Chinese
 * name standing in for a missing English one) takes its website's host, else a short hash of its first
 * external id, rather than a run of "organisation-2", "organisation-3".
 */
const baseSlug = (r: TRegistryRecord): string => {
  if (r.slug) return r.slug;
  const fromName = slugify(r.name.en);
  if (fromName !== 'organisation' || /organi[sz]ation/i.test(r.name.en)) return fromName;
  const host = websiteDomain(r.website);
  if (host) return slugify(host);
  const ext = r.externalIds[0];
  if (!ext) return fromName;
  return `${ext.scheme}-${createHash('sha256').update(ext.value).digest('hex').slice(0, 10)}`;
};

export type TBatchOutcome = Readonly<{
  outcome: 'inserted' | 'updated' | 'unchanged';
  id: number;
  slug: string;
}>;

const rec = <T>(xs: readonly T[], i: number): T => xs[i] as T;
const chunks = <T>(xs: readonly T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};
const extKey = (scheme: string, value: string) => `${scheme}\u0000${value}`;

/** Row-store chunk sizes: under SQLite's 32,766 and PostgreSQL's 65,535 bind parameters. */
const ORG_CHUNK = 250;
const SMALL_CHUNK = 1000;

const INSERT_COLUMNS = [
  ...CONTENT_COLUMNS,
  'slug',
  'status',
  'confirmed_at',
  'imported_at',
  'seq',
  'created_at',
  'updated_at',
] as const;

/**
 * Inserts or updates a batch of records, matched by any of their external ids (or, with `matchBy: 'first'`,
 * by their first one only), else by their slug. Run it inside the caller's transaction: a batch commits
 * whole. Returns one outcome per record, in order.
 */
export const upsertBatch = async (
  db: Db,
  records: readonly TRegistryRecord[],
  opts: {
    now?: string;
    /**
     * Imports set this: a record that matches a row from another source (source_kind differs: a demo or
     * staff-edited record, or the kept side of a merge) leaves that row's fields as they are; its new
     * external ids are still added and it counts as unchanged.
     */
    onlyOwn?: boolean;
    /**
     * 'first': only a record's first external id (its key in its source: ROR id, MoE name, CSV id) finds
     * an existing row; the others are attached when free but never match. Registries share secondary ids
     * between distinct records (a parent and its child with one ISNI), and matching on them would
     * overwrite one with the other. Default 'any'.
     */
    matchBy?: 'any' | 'first';
  } = {},
): Promise<TBatchOutcome[]> => {
  if (records.length === 0) return [];
  const now = opts.now ?? nowIso();
  // Writers serialise from the start, but only a batch that inserts or changes a record takes a change
  // number: an unchanged re-import leaves the search caches (keyed by the number) valid.
  await lockSeq(db);
  let seq: number | undefined;
  const takeSeq = async () => {
    seq ??= await nextSeq(db);
    return seq;
  };

  // 1. Existing rows, by external id then by slug. Lookups go by scheme so the (scheme, value) key serves.
  const lookFor = new Map<string, Set<string>>();
  for (const r of records) {
    for (const e of opts.matchBy === 'first' ? r.externalIds.slice(0, 1) : r.externalIds) {
      const values = lookFor.get(e.scheme);
      if (values) values.add(e.value);
      else lookFor.set(e.scheme, new Set([e.value]));
    }
  }
  const byExternal = new Map<string, number>();
  for (const [scheme, values] of lookFor) {
    for (const part of chunks([...values], 500)) {
      const rows = await q(db)
        .selectFrom('directory_external_id')
        .select(['value', 'org_id'])
        .where('scheme', '=', scheme)
        .where('value', 'in', part)
        .execute();
      for (const r of rows) byExternal.set(extKey(scheme, r.value), Number(r.org_id));
    }
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
    for (const e of opts.matchBy === 'first' ? r.externalIds.slice(0, 1) : r.externalIds) {
      const id = byExternal.get(extKey(e.scheme, e.value));
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
  const wanted = new Map(newIdx.map((i) => [i, baseSlug(rec(records, i))]));
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
    // The suffix or counter may land on a slug the first query did not ask about.
    if (slug !== base) {
      const clash = await q(db)
        .selectFrom('directory_organization')
        .select('slug')
        .where('slug', '=', slug)
        .execute();
      if (clash.length > 0) slug = `${slug}-${await takeSeq()}`;
    }
    taken.add(slug);
    finalSlug.set(i, slug);
  }

  // 3. Writes.
  const outcomes: TBatchOutcome[] = new Array(records.length);
  const inserts: unknown[][] = [];
  const confirmedOnly: number[] = [];
  for (const [i, r] of records.entries()) {
    const id = matched[i];
    if (id === undefined) {
      const content = contentOf(r);
      const values: unknown[] = CONTENT_COLUMNS.map((c) => content[c] ?? null);
      values.push(
        finalSlug.get(i) as string,
        'active',
        r.confirmedAt ?? now,
        r.sourceKind === 'demo' || r.sourceKind === 'manual' ? null : now,
        await takeSeq(),
        now,
        now,
      );
      inserts.push(values);
      continue;
    }
    const row = existing.get(id);
    if (!row) throw new Error(`directory row ${id} vanished during the batch`);
    if (opts.onlyOwn && row.source_kind !== r.sourceKind) {
      // Another source's record (or a merged one, or a staff edit): leave its fields alone.
      outcomes[i] = { outcome: 'unchanged', id, slug: row.slug };
      continue;
    }
    // The search tokens follow from the other columns: compare those first, tokenize only on a change
    // (a stale search column after a tokenizer change is `directory reindex`'s job).
    const cheap = contentOf(r, { search: false });
    const changed = CONTENT_COLUMNS.some(
      (c) => c !== 'search_text' && (row[c] ?? null) !== (cheap[c] ?? null),
    );
    if (changed) {
      const content = { ...cheap, search_text: contentOf(r).search_text };
      await q(db)
        .updateTable('directory_organization')
        .set({
          ...content,
          confirmed_at: r.confirmedAt ?? now,
          imported_at: r.sourceKind === 'demo' || r.sourceKind === 'manual' ? row.imported_at : now,
          seq: await takeSeq(),
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
  for (const part of chunks(inserts, ORG_CHUNK)) {
    const rows = await insertRows<{ id: number; slug: string }>(
      db,
      'directory_organization',
      INSERT_COLUMNS,
      part,
      'returning id, slug',
    );
    for (const r of rows) insertedIds.set(r.slug, Number(r.id));
  }
  for (const i of newIdx) {
    const slug = finalSlug.get(i) as string;
    outcomes[i] = { outcome: 'inserted', id: insertedIds.get(slug) as number, slug };
  }

  // 4. External ids (new ones only; an id already owned by another record stays with it) and name words.
  const ids = new Map<string, unknown[]>();
  for (const [i, r] of records.entries()) {
    for (const e of r.externalIds) {
      const k = extKey(e.scheme, e.value);
      if (!ids.has(k)) ids.set(k, [e.scheme, e.value, rec(outcomes, i).id]);
    }
  }
  for (const part of chunks([...ids.values()], SMALL_CHUNK)) {
    await insertRows(
      db,
      'directory_external_id',
      ['scheme', 'value', 'org_id'],
      part,
      'on conflict (scheme, value) do nothing',
    );
  }
  const terms = new Set<string>();
  for (const r of records)
    for (const w of latinWords(`${r.name.en} ${r.acronym ?? ''}`)) if (w.length >= 3) terms.add(w);
  for (const part of chunks([...terms], SMALL_CHUNK)) {
    await insertRows(
      db,
      'directory_term',
      ['term'],
      part.map((t) => [t]),
      'on conflict (term) do nothing',
    );
  }
  return outcomes;
};
