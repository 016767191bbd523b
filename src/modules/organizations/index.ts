// The organisations module's public surface: other modules, the CLI and seeds import only this file.
export { createInvitationRoutes } from './organizations.invitations.routes.tsx';
export { organizationsMessages } from './organizations.messages.ts';
export { createOrganizationsRoutes } from './organizations.routes.tsx';
export { ORG_KINDS, type TOrgKind } from './organizations.schemas.ts';
export { myOrganizations, organizationHooks } from './organizations.service.ts';
export { createOrganizationsStaffRoutes } from './organizations.staff.routes.tsx';
