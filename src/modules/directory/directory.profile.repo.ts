import { type Kysely, type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { engineOf } from '../../platform/db/schema.ts';
import type { TContent } from './directory.registry.content.ts';
import type { DirectoryTables, OrganizationTable } from './directory.tables.ts';

// Profile pages and record edits: one record with its external ids, relations and listed people; the
// single-record writes of editors, staff and the freshness job (content goes through contentOf, so the
// search column stays in step, and every change takes the next change sequence number).

const q = (db: Db) => db as unknown as Kysely<DirectoryTables>;

export type TRecordRow = Selectable<OrganizationTable>;

/** One record by slug, whatever its status. */
export const findRecordBySlug = (db: Db, slug: string): Promise<TRecordRow | undefined> =>
  q(db).selectFrom('directory_organization').selectAll().where('slug', '=', slug).executeTakeFirst();

/** One record by id, whatever its status. */
export const findRecordById = (db: Db, id: number): Promise<TRecordRow | undefined> =>
  q(db).selectFrom('directory_organization').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * Locks a record's row for the rest of the transaction on PostgreSQL, so two edits of one record run one
 * after the other (SQLite serialises write transactions already).
 */
export const lockRecord = async (db: Db, id: number): Promise<void> => {
  if (engineOf(db) !== 'postgres') return;
  await q(db).selectFrom('directory_organization').select('id').where('id', '=', id).forUpdate().execute();
};

/** A record's external ids, by scheme. */
export const externalIdsOf = (db: Db, id: number) =>
  q(db)
    .selectFrom('directory_external_id')
    .select(['scheme', 'value'])
    .where('org_id', '=', id)
    .orderBy('scheme')
    .orderBy('value')
    .execute();

export type TRelationRow = Readonly<{
  direction: 'out' | 'in';
  type: string;
  slug: string;
  name_en: string;
  name_zh: string;
  kind: string;
}>;

// A big incubator can have thousands of tenants: the page shows the first ones and a count.
const RELATIONS_PER_DIRECTION = 600;

/** A record's relations in both directions, with the other record's names, active records only. */
export const relationsOf = async (db: Db, id: number): Promise<TRelationRow[]> => {
  const side = (direction: 'out' | 'in') =>
    q(db)
      .selectFrom('directory_relation as r')
      .innerJoin('directory_organization as o', 'o.id', direction === 'out' ? 'r.to_id' : 'r.from_id')
      .select(['r.type', 'o.slug', 'o.name_en', 'o.name_zh', 'o.kind'])
      .where(direction === 'out' ? 'r.from_id' : 'r.to_id', '=', id)
      .where('o.status', '=', 'active')
      .orderBy('r.type')
      .orderBy('o.name_en')
      .limit(RELATIONS_PER_DIRECTION)
      .execute();
  const [out, inn] = await Promise.all([side('out'), side('in')]);
  return [
    ...out.map((r) => ({ ...r, direction: 'out' as const })),
    ...inn.map((r) => ({ ...r, direction: 'in' as const })),
  ];
};

/** How many relations of each type and direction a record has (for "and N more"). */
export const relationCounts = async (db: Db, id: number): Promise<Map<string, number>> => {
  const out = new Map<string, number>();
  for (const direction of ['out', 'in'] as const) {
    const rows = await q(db)
      .selectFrom('directory_relation as r')
      .innerJoin('directory_organization as o', 'o.id', direction === 'out' ? 'r.to_id' : 'r.from_id')
      .select(['r.type', sql<string>`count(*)`.as('n')])
      .where(direction === 'out' ? 'r.from_id' : 'r.to_id', '=', id)
      .where('o.status', '=', 'active')
      .groupBy('r.type')
      .execute();
    for (const r of rows) out.set(`${direction}:${r.type}`, Number(r.n));
  }
  return out;
};

/** People listed on a record's page (they agreed to be listed), by English name. */
export const listedPeopleOf = (db: Db, id: number) =>
  q(db)
    .selectFrom('directory_person')
    .select([
      'slug',
      'name_en',
      'name_zh',
      'headline_en',
      'headline_zh',
      'is_talent',
      'talent_program',
      'public_fields',
      'is_generated',
    ])
    .where('org_id', '=', id)
    .where('is_listed', '=', 1)
    .orderBy('name_en')
    .limit(200)
    .execute();

/** Writes a record's content columns (from contentOf) with a new change sequence number. */
export const updateContent = async (db: Db, id: number, content: TContent, seq: number, now: string) => {
  await q(db)
    .updateTable('directory_organization')
    .set({ ...content, seq, updated_at: now })
    .where('id', '=', id)
    .execute();
};

/** Sets bookkeeping columns of a record (confirmation, verification, claim) with a new sequence number. */
export const updateMarks = async (
  db: Db,
  id: number,
  patch: Partial<
    Pick<
      OrganizationTable,
      'confirmed_at' | 'confirmed_by' | 'verified_at' | 'verified_by' | 'claimed_org_id'
    >
  >,
  seq: number,
  now: string,
) => {
  await q(db)
    .updateTable('directory_organization')
    .set({ ...patch, seq, updated_at: now })
    .where('id', '=', id)
    .execute();
};

/** The record holding an external id, if any. */
export const holderOf = async (db: Db, scheme: string, value: string): Promise<number | undefined> => {
  const r = await q(db)
    .selectFrom('directory_external_id')
    .select('org_id')
    .where('scheme', '=', scheme)
    .where('value', '=', value)
    .executeTakeFirst();
  return r ? Number(r.org_id) : undefined;
};

/** Replaces a record's id in one scheme (e.g. its unified social credit code); null removes it. */
export const replaceExternalId = async (db: Db, id: number, scheme: string, value: string | null) => {
  await q(db)
    .deleteFrom('directory_external_id')
    .where('org_id', '=', id)
    .where('scheme', '=', scheme)
    .execute();
  if (value !== null)
    await q(db).insertInto('directory_external_id').values({ scheme, value, org_id: id }).execute();
};

/** Adds words to the name vocabulary ("did you mean"). */
export const addTerms = async (db: Db, terms: readonly string[]) => {
  if (terms.length === 0) return;
  await q(db)
    .insertInto('directory_term')
    .values(terms.map((term) => ({ term })))
    .onConflict((oc) => oc.column('term').doNothing())
    .execute();
};

/**
 * Active records managed by an organisation, not confirmed since `confirmedBefore` and not reminded
 * since `remindedBefore`, oldest confirmation first.
 */
export const staleManagedRecords = (db: Db, confirmedBefore: string, remindedBefore: string, limit: number) =>
  q(db)
    .selectFrom('directory_organization')
    .select(['id', 'slug', 'name_en', 'name_zh', 'claimed_org_id', 'confirmed_at'])
    .where('status', '=', 'active')
    .where('claimed_org_id', 'is not', null)
    .where((eb) => eb.or([eb('confirmed_at', 'is', null), eb('confirmed_at', '<=', confirmedBefore)]))
    .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<=', remindedBefore)]))
    .orderBy('confirmed_at')
    .orderBy('id')
    .limit(limit)
    .execute();

/** Stamps a reminder unless another run did since `remindedBefore`; true when this run did. */
export const claimReminder = async (db: Db, id: number, remindedBefore: string, now: string) => {
  const r = await q(db)
    .updateTable('directory_organization')
    .set({ reminded_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<=', remindedBefore)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};
