import { isStaffRole, type TActor, type TRole } from '../../platform/auth/actor.ts';

// Who may do what. Permissions read `verb:thing[:scope]`; `:own` ones are checked against the record
// (a membership, the person themself) by the module's policy one-liners.

const MEMBER = [
  'read:account:own',
  'update:account:own',
  'create:organization',
  'update:organization:own',
  'request:membership',
] as const;
const REVIEWER = [...MEMBER, 'review:application:assigned'] as const;
// Editors write, review, schedule, publish and archive news, keep the help centre and the audience pages,
// and answer error reports and contact messages. They also keep the directory: edit any record, review
// organisations' changes to verified fields, merge duplicates, mark records verified.
const EDITOR = [
  ...MEMBER,
  'write:news',
  'publish:news',
  'manage:pages',
  'manage:directory',
  'manage:error-report',
  'manage:contact',
] as const;
const STAFF_ADMIN = [
  ...new Set([
    ...REVIEWER,
    ...EDITOR,
    'verify:organization',
    'update:organization:any',
    'review:organization-change',
    'read:person:any',
    'update:person:role',
    'read:audit',
    // Take an article off the site with a reason, whoever published it.
    'unpublish:news',
    // Correct published statistics (the old value stays in the history).
    'manage:statistics',
  ]),
] as const;

export type TPermission = (typeof STAFF_ADMIN)[number];

export const ROLE_PERMISSIONS: Readonly<Record<TRole, readonly TPermission[]>> = Object.freeze({
  member: MEMBER,
  reviewer: REVIEWER,
  editor: EDITOR,
  'staff-admin': STAFF_ADMIN,
});

/** The role that counts for this session: staff powers need a second factor first. */
export const effectiveRole = (actor: TActor): TRole =>
  isStaffRole(actor.role) && !actor.hasMfa ? 'member' : actor.role;

/** True when the actor holds the permission (visitors hold none). */
export const can = (actor: TActor | undefined, permission: TPermission): boolean =>
  actor !== undefined && ROLE_PERMISSIONS[effectiveRole(actor)].includes(permission);

/** A staff member whose role needs a second factor this session has not given yet. */
export const owesSecondFactor = (actor: TActor | undefined): boolean =>
  actor !== undefined && isStaffRole(actor.role) && !actor.hasMfa;

// One-liners for this module's records.
export const canReadPerson = (actor: TActor | undefined, personId: number) =>
  actor?.personId === personId || can(actor, 'read:person:any');
export const canChangeRole = (actor: TActor | undefined, personId: number) =>
  can(actor, 'update:person:role') && actor?.personId !== personId;
export const canReadAudit = (actor: TActor | undefined) => can(actor, 'read:audit');
