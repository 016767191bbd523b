import type { TActor } from '../../platform/auth/actor.ts';
import { can } from '../accounts/index.ts';

// Who may do what in the directory, as one-liners. Editing by an organisation's owners and admins is
// decided by the organisations module's own policy (see accessTo in directory.profile.service.ts).

/** Directory staff: edit any record at once, review changes, merge duplicates, mark records verified. */
export const canManageDirectory = (actor: TActor | undefined) => can(actor, 'manage:directory');
/** Decides claims: approving one verifies the claiming organisation, so it takes verification rights. */
export const canDecideClaims = (actor: TActor | undefined) =>
  can(actor, 'manage:directory') && can(actor, 'verify:organization');
