// The organisations module's public surface: other modules, the CLI and seeds import only this file.
export { createInvitationRoutes } from './organizations.invitations.routes.tsx';
export {
  createOrganizationForClaim,
  mayManageOrganization,
  organizationBriefs,
  organizationManagers,
  organizationsManagedBy,
  standingWith,
  type TOrgBrief,
  verifyOrganizationIn,
} from './organizations.link.service.ts';
export { organizationBySlug, organizationsOfKinds } from './organizations.lookup.service.ts';
export { requestToJoin } from './organizations.members.service.ts';
export { organizationsMessages } from './organizations.messages.ts';
export { createOrganizationsRoutes } from './organizations.routes.tsx';
export { isValidCreditCode, ORG_KINDS, type TOrgKind } from './organizations.schemas.ts';
export { myOrganizations, organizationHooks } from './organizations.service.ts';
export { createOrganizationsStaffRoutes } from './organizations.staff.routes.tsx';
