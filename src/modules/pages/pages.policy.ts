import type { TActor } from '../../platform/auth/actor.ts';
import { can } from '../accounts/index.ts';

// Who may do what with the Help Center and the audience pages.

/** Editors and staff administrators keep the Help Center and the audience pages. */
export const canManagePages = (actor: TActor | undefined): boolean => can(actor, 'manage:pages');
