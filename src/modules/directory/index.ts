// The directory module's public surface: other modules, the CLI and seeds import only this file.
export { directoryMessages } from './directory.messages.ts';
export { createDirectoryApi, directoryOpenApi } from './directory.api.ts';
export { createDirectoryRoutes } from './directory.routes.tsx';
export { writeRecords } from './directory.registry.service.ts';
export type { TSearchParams } from './directory.search.schemas.ts';
export { directoryCounts, searchDirectory } from './directory.search.service.ts';
export type { TOrganization } from './directory.schemas.ts';
export { listOrganizations, searchOrganizations, seedOrganizations } from './directory.service.ts';
export { OrganizationList } from './directory.views.tsx';
