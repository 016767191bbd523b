import { type Generated, type Kysely, type Selectable, sql } from 'kysely';
import type { TRole } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { containsText } from '../../platform/db/like.ts';
import { asLocale } from '../../platform/i18n/locale.ts';

type PersonTable = {
  id: Generated<number>;
  email: string;
  email_verified_at: string | null;
  password_hash: string | null;
  name_latin: string | null;
  name_zh: string | null;
  locale: string;
  role: string;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
};
type SessionTable = {
  id: string;
  person_id: number;
  stage: string;
  mfa_at: string | null;
  created_at: string;
  last_seen_at: string;
  idle_seconds: number;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
};
type TokenTable = {
  id: string;
  person_id: number;
  purpose: string;
  new_email: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
};
type RecoveryCodeTable = {
  id: Generated<number>;
  person_id: number;
  code_hash: string;
  used_at: string | null;
};
type Tables = {
  accounts_person: PersonTable;
  accounts_session: SessionTable;
  accounts_token: TokenTable;
  accounts_recovery_code: RecoveryCodeTable;
};
const q = (db: Db) => db as unknown as Kysely<Tables>;

export type TPersonRow = Selectable<PersonTable> & { role: TRole };
export type TSessionRow = Selectable<SessionTable>;
export type TTokenPurpose = 'verify_email' | 'reset_password' | 'change_email';

/** One person by id (deleted ones included: callers decide). */
export const findPerson = async (db: Db, id: number): Promise<TPersonRow | undefined> =>
  (await q(db).selectFrom('accounts_person').selectAll().where('id', '=', id).executeTakeFirst()) as
    | TPersonRow
    | undefined;

/** A live (not deleted) person by e-mail, compared lower-cased. */
export const findPersonByEmail = async (db: Db, email: string): Promise<TPersonRow | undefined> =>
  (await q(db)
    .selectFrom('accounts_person')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .where('deleted_at', 'is', null)
    .executeTakeFirst()) as TPersonRow | undefined;

export type TNewPerson = Readonly<{
  email: string;
  passwordHash: string | null;
  nameLatin: string | null;
  nameZh: string | null;
  locale: string;
  role: TRole;
  emailVerifiedAt: string | null;
}>;

/** Inserts a person; returns the id, or undefined when the e-mail is taken (unique constraint). */
export const insertPerson = async (db: Db, p: TNewPerson, now: string): Promise<number | undefined> => {
  const row = await q(db)
    .insertInto('accounts_person')
    .values({
      email: p.email.toLowerCase(),
      email_verified_at: p.emailVerifiedAt,
      password_hash: p.passwordHash,
      name_latin: p.nameLatin,
      name_zh: p.nameZh,
      locale: p.locale,
      role: p.role,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
};

export type TPersonPatch = Partial<
  Pick<
    PersonTable,
    | 'email'
    | 'email_verified_at'
    | 'password_hash'
    | 'name_latin'
    | 'name_zh'
    | 'locale'
    | 'role'
    | 'totp_secret'
    | 'totp_enabled_at'
    | 'totp_last_step'
    | 'deleted_at'
  >
>;

/** Updates a person's columns and their updated_at. */
export const updatePerson = async (db: Db, id: number, patch: TPersonPatch, now: string): Promise<void> => {
  await q(db)
    .updateTable('accounts_person')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
};

/**
 * Records a used TOTP step only if it is newer than the last one, atomically, so one code cannot be
 * used twice even by two requests at once. True when this call won.
 */
export const claimTotpStep = async (db: Db, id: number, step: number): Promise<boolean> => {
  const r = await q(db)
    .updateTable('accounts_person')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

/** Live people whose e-mail or names contain the text, newest first. */
export const searchPeople = async (
  db: Db,
  text: string,
  limit: number,
  offset: number,
): Promise<{ rows: TPersonRow[]; total: number }> => {
  let base = q(db).selectFrom('accounts_person').where('deleted_at', 'is', null);
  if (text) {
    base = base.where((eb) =>
      eb.or([containsText('email', text), containsText('name_latin', text), containsText('name_zh', text)]),
    );
  }
  const [rows, n] = await Promise.all([
    base.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as TPersonRow[], total: Number(n.n) };
};

export type TPersonName = Readonly<{
  nameLatin: string | null;
  nameZh: string | null;
  email: string;
  deleted: boolean;
  /** The language the person reads their e-mail in. */
  locale: 'en' | 'zh';
}>;

/** Display names for a set of ids (for lists that show who did something). */
export const namesOf = async (db: Db, ids: readonly number[]): Promise<Map<number, TPersonName>> => {
  const out = new Map<number, TPersonName>();
  if (ids.length === 0) return out;
  const rows = await q(db)
    .selectFrom('accounts_person')
    .select(['id', 'name_latin', 'name_zh', 'email', 'deleted_at', 'locale'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  for (const r of rows) {
    out.set(r.id, {
      nameLatin: r.name_latin,
      nameZh: r.name_zh,
      email: r.email,
      deleted: r.deleted_at !== null,
      locale: asLocale(r.locale),
    });
  }
  return out;
};

/** People with a given role (for the first-administrator check and staff lists). */
export const countByRole = async (db: Db, role: TRole): Promise<number> =>
  Number(
    (
      await q(db)
        .selectFrom('accounts_person')
        .select(sql<number>`count(*)`.as('n'))
        .where('role', '=', role)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

// Sessions

export const insertSession = async (db: Db, s: TSessionRow): Promise<void> => {
  await q(db).insertInto('accounts_session').values(s).execute();
};

/** A session and its person in one query: what every signed-in request costs. */
export const findSessionWithPerson = async (db: Db, id: string) =>
  q(db)
    .selectFrom('accounts_session as s')
    .innerJoin('accounts_person as p', 'p.id', 's.person_id')
    .select([
      's.id as session_id',
      's.stage',
      's.mfa_at',
      's.last_seen_at',
      's.idle_seconds',
      's.expires_at',
      'p.id as person_id',
      'p.email',
      'p.email_verified_at',
      'p.name_latin',
      'p.name_zh',
      'p.role',
      'p.totp_enabled_at',
      'p.deleted_at',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();

export const touchSession = async (db: Db, id: string, now: string): Promise<void> => {
  await q(db).updateTable('accounts_session').set({ last_seen_at: now }).where('id', '=', id).execute();
};

export const deleteSession = async (db: Db, id: string): Promise<void> => {
  await q(db).deleteFrom('accounts_session').where('id', '=', id).execute();
};

/** Deletes a person's sessions, except `keep` when given; returns how many went. */
export const deleteSessionsOf = async (db: Db, personId: number, keep?: string): Promise<number> => {
  let d = q(db).deleteFrom('accounts_session').where('person_id', '=', personId);
  if (keep) d = d.where('id', '!=', keep);
  return Number((await d.executeTakeFirst()).numDeletedRows);
};

export const listSessionsOf = async (db: Db, personId: number): Promise<TSessionRow[]> =>
  q(db)
    .selectFrom('accounts_session')
    .selectAll()
    .where('person_id', '=', personId)
    .where('stage', '=', 'active')
    .orderBy('last_seen_at', 'desc')
    .execute();

/** Removes sessions past their absolute expiry (idle ones are removed when next seen). */
export const purgeExpiredSessions = async (db: Db, now: string): Promise<number> =>
  Number(
    (await q(db).deleteFrom('accounts_session').where('expires_at', '<=', now).executeTakeFirst())
      .numDeletedRows,
  );

// One-time tokens (e-mail links)

export const insertToken = async (db: Db, t: Selectable<TokenTable>): Promise<void> => {
  await q(db).insertInto('accounts_token').values(t).execute();
};

export const findToken = async (db: Db, id: string) =>
  q(db).selectFrom('accounts_token').selectAll().where('id', '=', id).executeTakeFirst();

/** Marks a token used only if it was not used yet: true when this call won (single use under races). */
export const useToken = async (db: Db, id: string, now: string): Promise<boolean> =>
  Number(
    (
      await q(db)
        .updateTable('accounts_token')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

/** Deletes a person's tokens of one purpose (or all of them). */
export const deleteTokensOf = async (db: Db, personId: number, purpose?: TTokenPurpose): Promise<void> => {
  let d = q(db).deleteFrom('accounts_token').where('person_id', '=', personId);
  if (purpose) d = d.where('purpose', '=', purpose);
  await d.execute();
};

// Recovery codes

export const replaceRecoveryCodes = async (
  db: Db,
  personId: number,
  hashes: readonly string[],
): Promise<void> => {
  await q(db).deleteFrom('accounts_recovery_code').where('person_id', '=', personId).execute();
  if (hashes.length > 0) {
    await q(db)
      .insertInto('accounts_recovery_code')
      .values(hashes.map((code_hash) => ({ person_id: personId, code_hash, used_at: null })))
      .execute();
  }
};

/** Uses one unused recovery code matching the hash; true when it existed and this call used it. */
export const useRecoveryCode = async (
  db: Db,
  personId: number,
  hash: string,
  now: string,
): Promise<boolean> =>
  Number(
    (
      await q(db)
        .updateTable('accounts_recovery_code')
        .set({ used_at: now })
        .where('person_id', '=', personId)
        .where('code_hash', '=', hash)
        .where('used_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

export const countUnusedRecoveryCodes = async (db: Db, personId: number): Promise<number> =>
  Number(
    (
      await q(db)
        .selectFrom('accounts_recovery_code')
        .select(sql<number>`count(*)`.as('n'))
        .where('person_id', '=', personId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );
