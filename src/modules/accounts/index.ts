// The accounts module's public surface: other modules, the CLI and seeds import only this file.
export { safeNext, requireActor, requirePermission } from './accounts.guard.ts';
export { buildMail, maskEmail } from './accounts.mail.ts';
export { can, effectiveRole, owesSecondFactor, ROLE_PERMISSIONS, type TPermission } from './accounts.policy.ts';
export { zEmail } from './accounts.schemas.ts';
export { link, sendMail } from './accounts.service.ts';
export { peopleNames, type TAccountHooks } from './accounts.settings.service.ts';
export { sessionMiddleware } from './accounts.session.ts';
