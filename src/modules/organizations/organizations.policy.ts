import type { TActor } from '../../platform/auth/actor.ts';
import { can } from '../accounts/index.ts';
import type { TMemberRole } from './organizations.schemas.ts';

// Who may do what with an organisation, as one-liners. `membership` is the actor's own, if any.
type TM = Readonly<{ role: TMemberRole }> | undefined;

const RANK: Readonly<Record<TMemberRole, number>> = { owner: 3, admin: 2, member: 1 };

/** Staff who may change any organisation act as its owner. */
const actsAsOwner = (actor: TActor | undefined, m: TM) =>
  can(actor, 'update:organization:any') || (can(actor, 'update:organization:own') && m?.role === 'owner');

/** Creates organisations (a confirmed e-mail address is checked separately). */
export const canCreate = (actor: TActor | undefined) => can(actor, 'create:organization');
/** Edits the profile, invites, decides join requests, manages members. */
export const canManage = (actor: TActor | undefined, m: TM) =>
  can(actor, 'update:organization:any') ||
  (can(actor, 'update:organization:own') && (m?.role === 'owner' || m?.role === 'admin'));
/** Sees the members list (members and staff). */
export const canSeeMembers = (actor: TActor | undefined, m: TM) =>
  m !== undefined || can(actor, 'update:organization:any');
/** Gives a role: owners give any; admins only roles below their own ("only owners can grant owner"). */
export const canGrant = (actor: TActor | undefined, m: TM, role: TMemberRole) =>
  actsAsOwner(actor, m) || (canManage(actor, m) && m !== undefined && RANK[role] < RANK[m.role]);
/** Changes or removes another member: owners anyone, admins only those below them. */
export const canManageMember = (actor: TActor | undefined, m: TM, target: TMemberRole) =>
  actsAsOwner(actor, m) || (canManage(actor, m) && m !== undefined && RANK[target] < RANK[m.role]);
/** Asks to join (signed in, not a member yet). */
export const canRequestJoin = (actor: TActor | undefined, m: TM) => can(actor, 'request:membership') && !m;
/** Verifies or un-verifies organisations (staff). */
export const canVerify = (actor: TActor | undefined) => can(actor, 'verify:organization');
/** Approves or declines key-field changes (staff). */
export const canReviewChange = (actor: TActor | undefined) => can(actor, 'review:organization-change');
