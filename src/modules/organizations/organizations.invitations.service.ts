import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import { hashToken, isTokenShaped, newToken } from '../../platform/auth/tokens.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fieldError } from '../../platform/http/form.ts';
import { link, maskEmail, peopleNames, sendMail } from '../accounts/index.ts';
import { invitationMail } from './organizations.mail.ts';
import { canGrant } from './organizations.policy.ts';
import * as repo from './organizations.repo.ts';
import type { TInvitationForm, TMemberRole } from './organizations.schemas.ts';
import { auditOrg, managedOrg } from './organizations.service.ts';

// Invitations by e-mail: a single-use link for 7 days; only the token's SHA-256 is stored.

const INVITATION_TTL_MS = 7 * 86_400_000;

/** Invites an address (by e-mail, in the inviter's page language); only the token's hash is stored. */
export const inviteMember = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  slug: string,
  input: TInvitationForm,
): Promise<void> => {
  // Checked before the transaction: the accounts module reads on its own connection (one, on SQLite).
  const { row: target, m: mine } = await managedOrg(deps.db, actor, slug);
  if (!canGrant(actor, mine, input.role)) throw fieldError('role', 'organizations.error.roleNotAllowed');
  const members = await repo.listMembers(deps.db, target.id);
  const names = await peopleNames(
    deps,
    members.map((x) => x.personId),
  );
  if ([...names.values()].some((p) => p.email.toLowerCase() === input.email))
    throw fieldError('email', 'organizations.error.alreadyMember');
  const token = newToken();
  const org = await deps.db.transaction().execute(async (trx) => {
    const { row, m } = await managedOrg(trx, actor, slug);
    if (!canGrant(actor, m, input.role)) throw fieldError('role', 'organizations.error.roleNotAllowed');
    const now = Date.now();
    await repo.revokeInvitations(trx, row.id, { email: input.email }, new Date(now).toISOString());
    const id = await repo.insertInvitation(trx, {
      org_id: row.id,
      email: input.email,
      role: input.role,
      token_hash: hashToken(token),
      invited_by: actor.personId,
      expires_at: new Date(now + INVITATION_TTL_MS).toISOString(),
      accepted_at: null,
      revoked_at: null,
      created_at: new Date(now).toISOString(),
    });
    await auditOrg(trx, meta, actor, 'create:invitation', row.id, undefined, {
      invitation: id,
      email: maskEmail(input.email),
      role: input.role,
    });
    return row;
  });
  await sendMail(
    deps,
    invitationMail(meta.locale, input.email, {
      org: { en: org.name_en, zh: org.name_zh },
      role: input.role,
      inviter: actor.displayName,
      link: link(deps, meta.locale, `/invitations/${token}`),
    }),
  );
};

/** Revokes an open invitation. */
export const revokeInvitation = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  slug: string,
  id: number,
) => {
  await deps.db.transaction().execute(async (trx) => {
    const { row } = await managedOrg(trx, actor, slug);
    if ((await repo.revokeInvitations(trx, row.id, { id }, nowIso())) !== 1) throw new AppError('NOT_FOUND');
    await auditOrg(trx, meta, actor, 'revoke:invitation', row.id, undefined, { invitation: id });
  });
};

const liveInvitation = async (db: TDeps['db'], token: string) => {
  if (!isTokenShaped(token)) throw new AppError('NOT_FOUND');
  const inv = await repo.findInvitationByHash(db, hashToken(token));
  if (!inv || inv.accepted_at || inv.revoked_at || inv.expires_at <= nowIso())
    throw new AppError('NOT_FOUND');
  const org = await repo.findOrgById(db, inv.org_id);
  if (!org) throw new AppError('NOT_FOUND');
  return { inv, org };
};

export type TInvitationState = 'accept' | 'signIn' | 'otherAccount' | 'confirmEmail';

/** An open invitation as its link shows it, and what this reader can do with it. */
export const invitationFor = async (deps: TDeps, actor: TActor | undefined, token: string) => {
  const { inv, org } = await liveInvitation(deps.db, token);
  const state: TInvitationState = !actor
    ? 'signIn'
    : actor.email.toLowerCase() !== inv.email
      ? 'otherAccount'
      : !actor.emailVerified
        ? 'confirmEmail'
        : 'accept';
  return { org: repo.toOrg(org), role: inv.role as TMemberRole, state };
};

const RANK: Record<TMemberRole, number> = { owner: 3, admin: 2, member: 1 };

/** Accepts an invitation as the invited, confirmed address (once); returns the organisation's slug. */
export const acceptInvitation = async (deps: TDeps, meta: TCallMeta, actor: TActor, token: string) =>
  deps.db.transaction().execute(async (trx) => {
    const { inv, org } = await liveInvitation(trx, token);
    if (actor.email.toLowerCase() !== inv.email || !actor.emailVerified) throw new AppError('NOT_FOUND');
    if (!(await repo.markInvitationAccepted(trx, inv.id, nowIso()))) throw new AppError('NOT_FOUND');
    const role = inv.role as TMemberRole;
    const existing = await repo.findMembership(trx, org.id, actor.personId);
    if (!existing) await repo.insertMembership(trx, org.id, actor.personId, role, nowIso());
    else if (RANK[role] > RANK[existing.role])
      await repo.updateMembershipRole(trx, org.id, actor.personId, role);
    for (const r of [await repo.findPendingJoinRequest(trx, org.id, actor.personId)]) {
      if (r) await repo.decideJoinRequest(trx, r.id, 'approved', actor.personId, nowIso());
    }
    await auditOrg(
      trx,
      meta,
      actor,
      'accept:invitation',
      org.id,
      existing ? { role: existing.role } : undefined,
      {
        invitation: inv.id,
        person: actor.personId,
        role,
      },
    );
    return org.slug;
  });
