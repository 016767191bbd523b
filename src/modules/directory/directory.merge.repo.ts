import { type Kysely, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { DirectoryTables } from './directory.tables.ts';

// A staff merge of two directory records: the suggestion, the two records, and the moves that fold one
// into the other (external ids, relations, people, the claim), all in the caller's transaction.

const q = (db: Db) => db as unknown as Kysely<DirectoryTables>;

/** One suggestion by id. */
export const getDuplicate = (db: Db, id: number) =>
  q(db).selectFrom('directory_duplicate').selectAll().where('id', '=', id).executeTakeFirst();

/** The records a merge reads (to check and to audit). */
export const getRecords = (db: Db, ids: readonly number[]) =>
  q(db)
    .selectFrom('directory_organization')
    .select(['id', 'slug', 'name_en', 'name_zh', 'status', 'merged_into', 'claimed_org_id'])
    .where('id', 'in', [...ids])
    .execute();

/**
 * Folds record `from` into `into`: its external ids, relations and people move over (a relation the kept
 * record already has, or one between the two, is dropped), its claim carries over when the kept record
 * has none, and it becomes status "merged" with merged_into set. Returns what moved.
 */
export const mergeRecordInto = async (
  db: Db,
  from: number,
  into: number,
  seq: number,
  now: string,
): Promise<{ externalIds: number; relations: number; people: number }> => {
  const ext = await q(db)
    .updateTable('directory_external_id')
    .set({ org_id: into })
    .where('org_id', '=', from)
    .executeTakeFirst();
  // Relations: drop the ones between the two and the ones the kept record has already, move the rest.
  await q(db)
    .deleteFrom('directory_relation')
    .where((eb) =>
      eb.or([
        eb.and([eb('from_id', '=', from), eb('to_id', '=', into)]),
        eb.and([eb('from_id', '=', into), eb('to_id', '=', from)]),
      ]),
    )
    .execute();
  await q(db)
    .deleteFrom('directory_relation as r')
    .where('r.from_id', '=', from)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('directory_relation as k')
          .select('k.id')
          .where('k.from_id', '=', into)
          .whereRef('k.to_id', '=', 'r.to_id')
          .whereRef('k.type', '=', 'r.type'),
      ),
    )
    .execute();
  await q(db)
    .deleteFrom('directory_relation as r')
    .where('r.to_id', '=', from)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('directory_relation as k')
          .select('k.id')
          .where('k.to_id', '=', into)
          .whereRef('k.from_id', '=', 'r.from_id')
          .whereRef('k.type', '=', 'r.type'),
      ),
    )
    .execute();
  const outgoing = await q(db)
    .updateTable('directory_relation')
    .set({ from_id: into })
    .where('from_id', '=', from)
    .executeTakeFirst();
  const incoming = await q(db)
    .updateTable('directory_relation')
    .set({ to_id: into })
    .where('to_id', '=', from)
    .executeTakeFirst();
  const people = await q(db)
    .updateTable('directory_person')
    .set({ org_id: into, updated_at: now })
    .where('org_id', '=', from)
    .executeTakeFirst();
  const [source] = await q(db)
    .selectFrom('directory_organization')
    .select('claimed_org_id')
    .where('id', '=', from)
    .execute();
  await q(db)
    .updateTable('directory_organization')
    .set({
      seq,
      updated_at: now,
      claimed_org_id: sql`coalesce(claimed_org_id, ${source?.claimed_org_id ?? null})`,
    })
    .where('id', '=', into)
    .execute();
  await q(db)
    .updateTable('directory_organization')
    .set({ status: 'merged', merged_into: into, claimed_org_id: null, seq, updated_at: now })
    .where('id', '=', from)
    .execute();
  return {
    externalIds: Number(ext.numUpdatedRows ?? 0),
    relations: Number(outgoing.numUpdatedRows ?? 0) + Number(incoming.numUpdatedRows ?? 0),
    people: Number(people.numUpdatedRows ?? 0),
  };
};

/** Closes a suggestion as merged by `by`; false when it was no longer open. */
export const closeDuplicateMerged = async (db: Db, id: number, by: number, now: string): Promise<boolean> => {
  const r = await q(db)
    .updateTable('directory_duplicate')
    .set({ status: 'merged', decided_by: by, decided_at: now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};
