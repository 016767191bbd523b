import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { DirectoryTables, PersonTable, RelationTable } from './directory.tables.ts';

// Relations and people as loaders (the demo seed) hand them over: inserted when missing, updated when they
// differ, left alone when they are the same, so a second run writes nothing.

type RelationRow = Selectable<RelationTable>;
type PersonRow = Selectable<PersonTable>;
const q = (db: Db) => db as unknown as Kysely<DirectoryTables>;

export type TCounts = { inserted: number; updated: number; unchanged: number };
const zero = (): TCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

const chunks = <T>(xs: readonly T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

export type TRelationRow = Readonly<{
  fromId: number;
  toId: number;
  type: string;
  since: string | null;
  sourceKind: string;
}>;

/** Inserts missing relations and corrects the date or source of existing ones (unique by from, to, type). */
export const upsertRelations = async (
  db: Db,
  rows: readonly TRelationRow[],
  now: string,
): Promise<TCounts> => {
  const counts = zero();
  const key = (from: number, to: number, type: string) => `${from}\u0000${to}\u0000${type}`;
  const existing = new Map<string, RelationRow>();
  for (const part of chunks([...new Set(rows.map((r) => r.fromId))], 500)) {
    for (const r of await q(db)
      .selectFrom('directory_relation')
      .selectAll()
      .where('from_id', 'in', part)
      .execute())
      existing.set(key(Number(r.from_id), Number(r.to_id), r.type), r);
  }
  const inserts: Omit<RelationRow, 'id'>[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const k = key(r.fromId, r.toId, r.type);
    if (seen.has(k)) continue;
    seen.add(k);
    const old = existing.get(k);
    if (!old) {
      inserts.push({
        from_id: r.fromId,
        to_id: r.toId,
        type: r.type,
        since: r.since,
        source_kind: r.sourceKind,
        created_at: now,
      });
      counts.inserted++;
    } else if ((old.since ?? null) !== r.since || old.source_kind !== r.sourceKind) {
      await q(db)
        .updateTable('directory_relation')
        .set({ since: r.since, source_kind: r.sourceKind })
        .where('id', '=', old.id)
        .execute();
      counts.updated++;
    } else counts.unchanged++;
  }
  for (const part of chunks(inserts, 200))
    await q(db).insertInto('directory_relation').values(part).execute();
  return counts;
};

export type TPersonRow = Readonly<{
  slug: string;
  nameEn: string;
  nameZh: string;
  headlineEn: string | null;
  headlineZh: string | null;
  orgId: number | null;
  isTalent: boolean;
  talentProgram: string | null;
  publicFields: readonly string[];
  isListed: boolean;
  isGenerated: boolean;
}>;

/** Inserts or updates people by slug. */
export const upsertPeople = async (db: Db, people: readonly TPersonRow[], now: string): Promise<TCounts> => {
  const counts = zero();
  const existing = new Map<string, PersonRow>();
  for (const part of chunks(
    people.map((p) => p.slug),
    500,
  )) {
    for (const r of await q(db)
      .selectFrom('directory_person')
      .selectAll()
      .where('slug', 'in', part)
      .execute())
      existing.set(r.slug, r);
  }
  for (const p of people) {
    const values = {
      name_en: p.nameEn,
      name_zh: p.nameZh,
      headline_en: p.headlineEn,
      headline_zh: p.headlineZh,
      org_id: p.orgId,
      is_talent: p.isTalent ? 1 : 0,
      talent_program: p.talentProgram,
      public_fields: JSON.stringify(p.publicFields),
      is_listed: p.isListed ? 1 : 0,
      is_generated: p.isGenerated ? 1 : 0,
    };
    const old = existing.get(p.slug);
    if (!old) {
      await q(db)
        .insertInto('directory_person')
        .values({ slug: p.slug, ...values, created_at: now, updated_at: now })
        .execute();
      counts.inserted++;
      continue;
    }
    const changed = (Object.keys(values) as (keyof typeof values)[]).some(
      (k) => (old[k] === null ? null : k === 'org_id' ? Number(old[k]) : old[k]) !== values[k],
    );
    if (!changed) {
      counts.unchanged++;
      continue;
    }
    await q(db)
      .updateTable('directory_person')
      .set({ ...values, updated_at: now })
      .where('id', '=', old.id)
      .execute();
    counts.updated++;
  }
  return counts;
};
