// The directory module's public surface: other modules, the CLI and seeds import only this file.
export { directoryMessages } from './directory.messages.ts';
export { createDirectoryRoutes } from './directory.routes.tsx';
export type { TOrganization } from './directory.schemas.ts';
export { listOrganizations, searchOrganizations, seedOrganizations } from './directory.service.ts';
export { OrganizationList } from './directory.views.tsx';
