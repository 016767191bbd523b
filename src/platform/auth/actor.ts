import type { TLocale } from '../i18n/locale.ts';

/** Site-wide roles; "organisation admin" is a membership role, held per organisation. */
export const ROLES = ['member', 'reviewer', 'editor', 'staff-admin'] as const;
export type TRole = (typeof ROLES)[number];

/** Roles whose powers need a second factor in the session before they apply. */
export const isStaffRole = (role: TRole): boolean => role !== 'member';

/** The signed-in person behind a request, as the session middleware resolved it. */
export type TActor = Readonly<{
  personId: number;
  /** The session's stored id (a hash of the cookie value). */
  sessionId: string;
  email: string;
  displayName: string;
  role: TRole;
  emailVerified: boolean;
  totpEnabled: boolean;
  /** True when this session passed a second factor. */
  hasMfa: boolean;
}>;

/** What a service needs from the request besides the actor: for audit rows and e-mails. */
export type TCallMeta = Readonly<{ requestId: string; ip: string; locale: TLocale }>;
