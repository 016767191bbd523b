import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fieldError } from '../../platform/http/form.ts';
import { link, peopleNames, sendMail, type TPersonName } from '../accounts/index.ts';
import { joinDecidedMail } from './organizations.mail.ts';
import {
  canGrant,
  canManage,
  canManageMember,
  canRequestJoin,
  canSeeMembers,
} from './organizations.policy.ts';
import * as repo from './organizations.repo.ts';
import type { TMemberRole, TOrg } from './organizations.schemas.ts';
import { auditOrg, loadOrg, managedOrg } from './organizations.service.ts';

// People and organisations: the profile as each reader sees it, invitations, requests to join, roles.

export type { TPersonName };
export type TMemberView = Readonly<{
  personId: number;
  role: TMemberRole;
  since: string;
  person?: TPersonName;
}>;

export type TProfile = Readonly<{
  org: TOrg;
  role: TMemberRole | undefined;
  canManage: boolean;
  /** Roles this reader may give (for the invitation form and the role menus). */
  grantable: readonly TMemberRole[];
  /** Whose role this reader may change or who they may remove. */
  manageable: readonly number[];
  members: readonly TMemberView[] | undefined;
  invitations: readonly repo.TInvitationRow[] | undefined;
  joinRequests: readonly (repo.TJoinRequestRow & { person?: TPersonName })[] | undefined;
  hasPendingChange: boolean;
  joinPending: boolean;
  canJoin: boolean;
}>;

/**
 * The public profile, with members for members and the management lists for owners and admins. Staff who
 * see the members' personal data without belonging to the organisation leave an audit row.
 */
export const profileFor = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  slug: string,
): Promise<TProfile> => {
  const row = await loadOrg(deps.db, slug);
  const m = actor ? await repo.findMembership(deps.db, row.id, actor.personId) : undefined;
  const manage = canManage(actor, m);
  const list = canSeeMembers(actor, m) ? await repo.listMembers(deps.db, row.id) : undefined;
  if (actor && list && !m) await auditOrg(deps.db, meta, actor, 'read:organization:members', row.id);
  const requests = manage ? await repo.listPendingJoinRequests(deps.db, row.id) : undefined;
  const names = await peopleNames(deps, [
    ...(list ?? []).map((x) => x.personId),
    ...(requests ?? []).map((r) => r.person_id),
  ]);
  const withName = <T>(id: number, x: T) => {
    const person = names.get(id);
    return person ? { ...x, person } : x;
  };
  return {
    org: repo.toOrg(row),
    role: m?.role,
    canManage: manage,
    grantable: (['owner', 'admin', 'member'] as const).filter((r) => canGrant(actor, m, r)),
    manageable: (list ?? [])
      .filter((x) => x.personId === actor?.personId || canManageMember(actor, m, x.role))
      .map((x) => x.personId),
    members: list?.map((x) => withName(x.personId, x)),
    invitations: manage ? await repo.listOpenInvitations(deps.db, row.id, nowIso()) : undefined,
    joinRequests: requests?.map((r) => withName(r.person_id, r)),
    hasPendingChange: manage && (await repo.listPendingChanges(deps.db, row.id)).length > 0,
    joinPending:
      actor !== undefined &&
      !m &&
      (await repo.findPendingJoinRequest(deps.db, row.id, actor.personId)) !== undefined,
    canJoin: canRequestJoin(actor, m),
  };
};

/** Asks to join (one request waiting at a time). */
export const requestToJoin = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  slug: string,
  message: string | null,
): Promise<void> => {
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadOrg(trx, slug);
    const m = await repo.findMembership(trx, row.id, actor.personId);
    if (!canRequestJoin(actor, m) || !actor.emailVerified) throw new AppError('NOT_FOUND');
    if (await repo.findPendingJoinRequest(trx, row.id, actor.personId))
      throw fieldError('message', 'organizations.error.joinPending');
    const id = await repo.insertJoinRequest(trx, {
      org_id: row.id,
      person_id: actor.personId,
      message,
      status: 'pending',
      decided_by: null,
      decided_at: null,
      created_at: nowIso(),
    });
    await auditOrg(trx, meta, actor, 'create:join-request', row.id, undefined, { joinRequest: id });
  });
};

// The requester's saved language when the accounts module tells it, else the page the decider used.
/** Approves (adds a member) or declines a request to join; the requester hears by e-mail. */
export const decideJoin = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  slug: string,
  id: number,
  decision: 'approve' | 'decline',
): Promise<void> => {
  const approved = decision === 'approve';
  const { row, personId } = await deps.db.transaction().execute(async (trx) => {
    const { row } = await managedOrg(trx, actor, slug);
    const r = await repo.findJoinRequest(trx, row.id, id);
    if (
      !r ||
      !(await repo.decideJoinRequest(trx, r.id, approved ? 'approved' : 'declined', actor.personId, nowIso()))
    )
      throw new AppError('NOT_FOUND');
    if (approved && !(await repo.findMembership(trx, row.id, r.person_id)))
      await repo.insertMembership(trx, row.id, r.person_id, 'member', nowIso());
    const action = approved ? 'approve:join-request' : 'decline:join-request';
    await auditOrg(trx, meta, actor, action, row.id, undefined, { joinRequest: r.id, person: r.person_id });
    return { row, personId: r.person_id };
  });
  const person = (await peopleNames(deps, [personId])).get(personId);
  if (!person || person.deleted) return;
  const locale = person.locale;
  await sendMail(
    deps,
    joinDecidedMail(locale, person.email, {
      org: { en: row.name_en, zh: row.name_zh },
      approved,
      link: link(deps, locale, `/organizations/${row.slug}`),
    }),
  );
};

const ownersLeft = async (db: TDeps['db'], orgId: number, without: number) =>
  (await repo.listMembers(db, orgId)).filter((x) => x.role === 'owner' && x.personId !== without).length;

/** Changes a member's role; the last owner stays an owner. */
export const changeMemberRole = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  slug: string,
  personId: number,
  role: TMemberRole,
): Promise<void> => {
  await deps.db.transaction().execute(async (trx) => {
    const { row, m } = await managedOrg(trx, actor, slug);
    const target = await repo.findMembership(trx, row.id, personId);
    if (!target) throw new AppError('NOT_FOUND');
    if (target.role === role) return;
    const self = personId === actor.personId;
    if (!(self || canManageMember(actor, m, target.role)) || !canGrant(actor, m, role))
      throw fieldError('members', 'organizations.error.roleNotAllowed');
    if (target.role === 'owner' && (await ownersLeft(trx, row.id, personId)) === 0)
      throw fieldError('members', 'organizations.error.lastOwner');
    await repo.updateMembershipRole(trx, row.id, personId, role);
    // Invitations they sent with their old powers do not outlive them.
    const revoked = await repo.revokeInvitations(trx, row.id, { invitedBy: personId }, nowIso());
    if (revoked > 0)
      await auditOrg(trx, meta, actor, 'revoke:invitation', row.id, undefined, {
        invitedBy: personId,
        revoked,
      });
    await auditOrg(
      trx,
      meta,
      actor,
      'update:membership',
      row.id,
      { person: personId, role: target.role },
      { person: personId, role },
    );
  });
};

/** Removes a member, or lets a member leave; never the last owner. Returns whether the actor left. */
export const removeMember = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  slug: string,
  personId: number,
): Promise<'removed' | 'left'> =>
  deps.db.transaction().execute(async (trx) => {
    const row = await loadOrg(trx, slug);
    const m = await repo.findMembership(trx, row.id, actor.personId);
    const target = await repo.findMembership(trx, row.id, personId);
    const self = personId === actor.personId;
    if (!target || !(self || (canManage(actor, m) && canManageMember(actor, m, target.role))))
      throw new AppError('NOT_FOUND');
    if (target.role === 'owner' && (await ownersLeft(trx, row.id, personId)) === 0)
      throw fieldError('members', 'organizations.error.lastOwner');
    await repo.deleteMembership(trx, row.id, personId);
    const revoked = await repo.revokeInvitations(trx, row.id, { invitedBy: personId }, nowIso());
    if (revoked > 0)
      await auditOrg(trx, meta, actor, 'revoke:invitation', row.id, undefined, {
        invitedBy: personId,
        revoked,
      });
    await auditOrg(trx, meta, actor, self ? 'leave:organization' : 'delete:membership', row.id, {
      person: personId,
      role: target.role,
    });
    return self ? ('left' as const) : ('removed' as const);
  });
