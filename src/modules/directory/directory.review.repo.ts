import type { Insertable, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ChangeTable, ClaimTable, DirectoryTables, DuplicateTable } from './directory.tables.ts';

// What waits for staff: changes to verified fields, claims of records by organisations, and duplicate
// suggestions.

const q = (db: Db) => db as unknown as Kysely<DirectoryTables>;

export type TChangeRow = Selectable<ChangeTable>;
export type TClaimRow = Selectable<ClaimTable>;
export type TDuplicateRow = Selectable<DuplicateTable>;

const count = (v: unknown) => Number(v ?? 0);

/** Closes a pending change or claim with the decision; false when it was no longer pending. */
const closePending = async (
  db: Db,
  table: 'directory_change' | 'directory_claim',
  id: number,
  status: string,
  by: number,
  note: string | null,
  now: string,
): Promise<boolean> => {
  const r = await q(db)
    .updateTable(table)
    .set({ status, decided_by: by, decided_at: now, decision_note: note })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

// Changes of verified fields

/** Stores a change waiting for review; returns its id. */
export const insertChange = async (db: Db, values: Insertable<ChangeTable>): Promise<number> =>
  Number(
    (await q(db).insertInto('directory_change').values(values).returning('id').executeTakeFirstOrThrow()).id,
  );

/** One change by id. */
export const findChange = (db: Db, id: number) =>
  q(db).selectFrom('directory_change').selectAll().where('id', '=', id).executeTakeFirst();

/** Pending changes, of one record or of all, oldest first. */
export const listPendingChanges = (db: Db, recordId?: number, limit = 200) => {
  let s = q(db).selectFrom('directory_change').selectAll().where('status', '=', 'pending');
  if (recordId !== undefined) s = s.where('org_id', '=', recordId);
  return s.orderBy('id').limit(limit).execute();
};

/** Closes a pending change; false when it was no longer pending. */
export const decideChange = (
  db: Db,
  id: number,
  status: 'approved' | 'rejected' | 'withdrawn',
  by: number,
  note: string | null,
  now: string,
): Promise<boolean> => closePending(db, 'directory_change', id, status, by, note, now);

// Claims

/** Stores a claim waiting for staff; returns its id. */
export const insertClaim = async (db: Db, values: Insertable<ClaimTable>): Promise<number> =>
  Number(
    (await q(db).insertInto('directory_claim').values(values).returning('id').executeTakeFirstOrThrow()).id,
  );

/** One claim by id. */
export const findClaim = (db: Db, id: number) =>
  q(db).selectFrom('directory_claim').selectAll().where('id', '=', id).executeTakeFirst();

/** Pending claims, of one record or of all, oldest first. */
export const listPendingClaims = (db: Db, recordId?: number, limit = 200) => {
  let s = q(db).selectFrom('directory_claim').selectAll().where('status', '=', 'pending');
  if (recordId !== undefined) s = s.where('record_id', '=', recordId);
  return s.orderBy('id').limit(limit).execute();
};

/** Closes a pending claim; false when it was no longer pending. */
export const decideClaim = (
  db: Db,
  id: number,
  status: 'approved' | 'rejected',
  by: number,
  note: string | null,
  now: string,
): Promise<boolean> => closePending(db, 'directory_claim', id, status, by, note, now);

/** A person's claims (for "download my data"), newest first. */
export const claimsOfPerson = (db: Db, personId: number) =>
  q(db)
    .selectFrom('directory_claim as c')
    .innerJoin('directory_organization as o', 'o.id', 'c.record_id')
    .select(['o.slug', 'c.evidence', 'c.status', 'c.created_at', 'c.decided_at'])
    .where('c.requested_by', '=', personId)
    .orderBy('c.id', 'desc')
    .execute();

/** Erases a person's words from their claims and drops the ones still waiting. */
export const eraseClaimsOfPerson = async (db: Db, personId: number) => {
  await q(db)
    .deleteFrom('directory_claim')
    .where('requested_by', '=', personId)
    .where('status', '=', 'pending')
    .execute();
  await q(db)
    .updateTable('directory_claim')
    .set({ evidence: null })
    .where('requested_by', '=', personId)
    .execute();
};

// Duplicate suggestions

/** Open duplicate suggestions whose two records are both still active, best first, and how many. */
export const listOpenDuplicates = async (db: Db, limit: number, offset: number) => {
  const base = q(db)
    .selectFrom('directory_duplicate as d')
    .innerJoin('directory_organization as a', 'a.id', 'd.a_id')
    .innerJoin('directory_organization as b', 'b.id', 'd.b_id')
    .where('d.status', '=', 'open')
    .where('a.status', '=', 'active')
    .where('b.status', '=', 'active');
  const rows = await base
    .select([
      'd.id',
      'd.reason',
      'd.score',
      'd.created_at',
      'a.slug as a_slug',
      'a.name_en as a_name_en',
      'a.name_zh as a_name_zh',
      'b.slug as b_slug',
      'b.name_en as b_name_en',
      'b.name_zh as b_name_zh',
    ])
    .orderBy('d.score', 'desc')
    .orderBy('d.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const total = await base.select(sql<string>`count(*)`.as('n')).executeTakeFirst();
  return { rows, total: count(total?.n) };
};

/** One duplicate suggestion by id. */
export const findDuplicate = (db: Db, id: number) =>
  q(db).selectFrom('directory_duplicate').selectAll().where('id', '=', id).executeTakeFirst();

/** Marks an open suggestion "not duplicates"; false when it was no longer open. */
export const dismissDuplicate = async (db: Db, id: number, by: number, now: string): Promise<boolean> => {
  const r = await q(db)
    .updateTable('directory_duplicate')
    .set({ status: 'dismissed', decided_by: by, decided_at: now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};
