// The accounts module's public surface: other modules, the CLI and seeds import only this file.

export { createAccountRoutes, type TAccountRoutesOptions } from './accounts.account.routes.tsx';
export type { TMyOrganization } from './accounts.account.views.tsx';
export { requireActor, requirePermission, safeNext } from './accounts.guard.ts';
export { buildMail, maskEmail } from './accounts.mail.ts';
export { accountsMessages } from './accounts.messages.ts';
export {
  can,
  effectiveRole,
  owesSecondFactor,
  ROLE_PERMISSIONS,
  type TPermission,
} from './accounts.policy.ts';
export type { TPersonName } from './accounts.repo.ts';
export { createAuthRoutes } from './accounts.routes.tsx';
export { zEmail } from './accounts.schemas.ts';
export { createUserFromCli, link, sendMail } from './accounts.service.ts';
export { sessionMiddleware } from './accounts.session.ts';
export type { TAccountHooks } from './accounts.shared.ts';
export { createStaffRoutes } from './accounts.staff.routes.tsx';
export { peopleNames } from './accounts.staff.service.ts';
export { preferredName } from './accounts.staff.views.tsx';
