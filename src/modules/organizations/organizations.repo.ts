import type { Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { engineOf } from '../../platform/db/schema.ts';
import type { TMemberRole, TOrg, TOrgKind } from './organizations.schemas.ts';

type OrganizationTable = {
  id: Generated<number>;
  slug: string;
  kind: string;
  name_en: string;
  name_zh: string;
  website: string | null;
  credit_code: string | null;
  summary_en: string | null;
  summary_zh: string | null;
  verified_at: string | null;
  verified_by: number | null;
  verification_note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
};
type MembershipTable = { org_id: number; person_id: number; role: string; created_at: string };
type InvitationTable = {
  id: Generated<number>;
  org_id: number;
  email: string;
  role: string;
  token_hash: string;
  invited_by: number | null;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
  created_at: string;
};
type JoinRequestTable = {
  id: Generated<number>;
  org_id: number;
  person_id: number;
  message: string | null;
  status: string;
  decided_by: number | null;
  decided_at: string | null;
  created_at: string;
};
type ChangeRequestTable = {
  id: Generated<number>;
  org_id: number;
  requested_by: number | null;
  changes_json: string;
  status: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
  created_at: string;
};
type Tables = {
  organizations_organization: OrganizationTable;
  organizations_membership: MembershipTable;
  organizations_invitation: InvitationTable;
  organizations_join_request: JoinRequestTable;
  organizations_change_request: ChangeRequestTable;
};
const q = (db: Db) => db as unknown as Kysely<Tables>;

export type TOrgRow = Selectable<OrganizationTable>;
export type TOrgPatch = Updateable<OrganizationTable>;
export type TInvitationRow = Selectable<InvitationTable>;
export type TJoinRequestRow = Selectable<JoinRequestTable>;
export type TChangeRequestRow = Selectable<ChangeRequestTable>;
export type TMembership = Readonly<{ orgId: number; personId: number; role: TMemberRole; since: string }>;

/** The page shape of an organisation row. */
export const toOrg = (r: TOrgRow): TOrg => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind as TOrgKind,
  name: { en: r.name_en, zh: r.name_zh },
  summary: { en: r.summary_en, zh: r.summary_zh },
  website: r.website,
  creditCode: r.credit_code,
  verifiedAt: r.verified_at,
  verificationNote: r.verification_note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toMembership = (r: Selectable<MembershipTable>): TMembership => ({
  orgId: r.org_id,
  personId: r.person_id,
  role: r.role as TMemberRole,
  since: r.created_at,
});

// Organisations

/** One organisation row by slug. */
/**
 * Locks an organisation's row for the rest of the transaction on PostgreSQL, so two concurrent changes
 * to its members (two owners demoting each other) run one after the other. SQLite write transactions
 * are serialised already.
 */
export const lockOrg = async (db: Db, id: number): Promise<void> => {
  if (engineOf(db) !== 'postgres') return;
  await q(db)
    .selectFrom('organizations_organization')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .execute();
};

export const findOrgBySlug = (db: Db, slug: string) =>
  q(db).selectFrom('organizations_organization').selectAll().where('slug', '=', slug).executeTakeFirst();

/** One organisation row by id. */
export const findOrgById = (db: Db, id: number) =>
  q(db).selectFrom('organizations_organization').selectAll().where('id', '=', id).executeTakeFirst();

/** True when a slug is in use. */
export const slugExists = async (db: Db, slug: string): Promise<boolean> =>
  (await q(db)
    .selectFrom('organizations_organization')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst()) !== undefined;

/** The id of the organisation holding this credit code, if any. */
export const orgIdByCreditCode = async (db: Db, code: string): Promise<number | undefined> =>
  (
    await q(db)
      .selectFrom('organizations_organization')
      .select('id')
      .where('credit_code', '=', code)
      .executeTakeFirst()
  )?.id;

/** Inserts an organisation; returns its id. */
export const insertOrg = async (db: Db, values: Insertable<OrganizationTable>): Promise<number> =>
  (
    await q(db)
      .insertInto('organizations_organization')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

/** Updates an organisation's columns. */
export const updateOrg = async (db: Db, id: number, patch: TOrgPatch, now: string) => {
  await q(db)
    .updateTable('organizations_organization')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
};

/** Organisations not verified yet, oldest first. */
export const listUnverified = async (db: Db): Promise<TOrg[]> =>
  (
    await q(db)
      .selectFrom('organizations_organization')
      .selectAll()
      .where('verified_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  ).map(toOrg);

// Memberships

/** A person's membership of an organisation, if any. */
export const findMembership = async (db: Db, orgId: number, personId: number) => {
  const r = await q(db)
    .selectFrom('organizations_membership')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return r ? toMembership(r) : undefined;
};

/** Every member of an organisation, owners first, oldest first. */
export const listMembers = async (db: Db, orgId: number): Promise<TMembership[]> =>
  (
    await q(db)
      .selectFrom('organizations_membership')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy(sql`case role when 'owner' then 0 when 'admin' then 1 else 2 end`)
      .orderBy('created_at')
      .orderBy('person_id')
      .execute()
  ).map(toMembership);

/** Adds a member. */
export const insertMembership = async (
  db: Db,
  orgId: number,
  personId: number,
  role: TMemberRole,
  now: string,
) => {
  await q(db)
    .insertInto('organizations_membership')
    .values({ org_id: orgId, person_id: personId, role, created_at: now })
    .execute();
};

/** Changes a member's role. */
export const updateMembershipRole = async (db: Db, orgId: number, personId: number, role: TMemberRole) => {
  await q(db)
    .updateTable('organizations_membership')
    .set({ role })
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .execute();
};

/** Removes a member. */
export const deleteMembership = async (db: Db, orgId: number, personId: number) => {
  await q(db)
    .deleteFrom('organizations_membership')
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .execute();
};

/** A person's memberships with their organisations, by English name. */
export const listMembershipsOfPerson = async (db: Db, personId: number) =>
  (
    await q(db)
      .selectFrom('organizations_membership as m')
      .innerJoin('organizations_organization as o', 'o.id', 'm.org_id')
      .select(['o.id', 'o.slug', 'o.name_en', 'o.name_zh', 'o.verified_at', 'm.role', 'm.created_at'])
      .where('m.person_id', '=', personId)
      .orderBy('o.name_en')
      .execute()
  ).map((r) => ({ ...r, role: r.role as TMemberRole }));

/** Removes every membership of a person. */
export const deleteMembershipsOfPerson = async (db: Db, personId: number) => {
  await q(db).deleteFrom('organizations_membership').where('person_id', '=', personId).execute();
};

// Invitations

/** Stores an invitation (only the token's hash). */
export const insertInvitation = async (db: Db, values: Insertable<InvitationTable>): Promise<number> =>
  (
    await q(db)
      .insertInto('organizations_invitation')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

/** Invitations of an organisation that can still be accepted, newest first. */
export const listOpenInvitations = (db: Db, orgId: number, now: string) =>
  q(db)
    .selectFrom('organizations_invitation')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('id', 'desc')
    .execute();

/** An invitation by the hash of its token. */
export const findInvitationByHash = (db: Db, tokenHash: string) =>
  q(db)
    .selectFrom('organizations_invitation')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();

/** An invitation of an organisation by id. */
export const findInvitation = (db: Db, orgId: number, id: number) =>
  q(db)
    .selectFrom('organizations_invitation')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Marks an open invitation accepted; false when it was already used or revoked (single use under races). */
export const markInvitationAccepted = async (db: Db, id: number, now: string): Promise<boolean> => {
  const r = await q(db)
    .updateTable('organizations_invitation')
    .set({ accepted_at: now })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

/** Revokes open invitations by id, or every open one for an address; returns how many. */
export const revokeInvitations = async (
  db: Db,
  orgId: number,
  by: { id: number } | { email: string } | { invitedBy: number },
  now: string,
): Promise<number> => {
  let u = q(db)
    .updateTable('organizations_invitation')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null);
  u =
    'id' in by
      ? u.where('id', '=', by.id)
      : 'email' in by
        ? u.where('email', '=', by.email)
        : u.where('invited_by', '=', by.invitedBy);
  return Number((await u.executeTakeFirst()).numUpdatedRows);
};

// Join requests

/** Stores a pending join request. */
export const insertJoinRequest = async (db: Db, values: Insertable<JoinRequestTable>): Promise<number> =>
  (
    await q(db)
      .insertInto('organizations_join_request')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

/** The person's pending request to join the organisation, if any. */
export const findPendingJoinRequest = (db: Db, orgId: number, personId: number) =>
  q(db)
    .selectFrom('organizations_join_request')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .where('status', '=', 'pending')
    .executeTakeFirst();

/** Pending join requests of an organisation, oldest first. */
export const listPendingJoinRequests = (db: Db, orgId: number) =>
  q(db)
    .selectFrom('organizations_join_request')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', '=', 'pending')
    .orderBy('id')
    .execute();

/** A join request of an organisation by id. */
export const findJoinRequest = (db: Db, orgId: number, id: number) =>
  q(db)
    .selectFrom('organizations_join_request')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Decides a pending join request; false when it was no longer pending. */
export const decideJoinRequest = async (
  db: Db,
  id: number,
  status: 'approved' | 'declined',
  by: number,
  now: string,
): Promise<boolean> => {
  const r = await q(db)
    .updateTable('organizations_join_request')
    .set({ status, decided_by: by, decided_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

/** A person's join requests with the organisation's slug, newest first. */
export const listJoinRequestsOfPerson = (db: Db, personId: number) =>
  q(db)
    .selectFrom('organizations_join_request as j')
    .innerJoin('organizations_organization as o', 'o.id', 'j.org_id')
    .select(['o.slug', 'j.message', 'j.status', 'j.created_at', 'j.decided_at'])
    .where('j.person_id', '=', personId)
    .orderBy('j.id', 'desc')
    .execute();

/** Deletes a person's pending join requests. */
export const deletePendingJoinRequestsOfPerson = async (db: Db, personId: number) => {
  await q(db)
    .deleteFrom('organizations_join_request')
    .where('person_id', '=', personId)
    .where('status', '=', 'pending')
    .execute();
  // Decided requests stay as a record of the decision, without the person's own words.
  await q(db)
    .updateTable('organizations_join_request')
    .set({ message: null })
    .where('person_id', '=', personId)
    .execute();
};

// Change requests (key fields of verified organisations)

/** Stores a pending change request. */
export const insertChangeRequest = async (db: Db, values: Insertable<ChangeRequestTable>): Promise<number> =>
  (
    await q(db)
      .insertInto('organizations_change_request')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

/** One change request by id. */
export const findChangeRequest = (db: Db, id: number) =>
  q(db).selectFrom('organizations_change_request').selectAll().where('id', '=', id).executeTakeFirst();

/** Pending change requests, of one organisation or of all, oldest first. */
export const listPendingChanges = (db: Db, orgId?: number) => {
  let s = q(db).selectFrom('organizations_change_request').selectAll().where('status', '=', 'pending');
  if (orgId !== undefined) s = s.where('org_id', '=', orgId);
  return s.orderBy('id').execute();
};

/** Closes a pending change request; false when it was no longer pending. */
export const decideChange = async (
  db: Db,
  id: number,
  status: 'approved' | 'declined' | 'withdrawn',
  by: number,
  note: string | null,
  now: string,
): Promise<boolean> => {
  const r = await q(db)
    .updateTable('organizations_change_request')
    .set({ status, decided_by: by, decided_at: now, decision_note: note })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};
