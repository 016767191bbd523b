// The directory module's public surface: other modules, the CLI and seeds import only this file.

export { createDirectoryApi, directoryOpenApi } from './directory.api.ts';
export { bulkLoadPending } from './directory.bulk.repo.ts';
export { findDuplicates, mergeDuplicate } from './directory.duplicates.ts';
export {
  ARTICLE_FIGURES,
  articleFigure,
  FIGURE_CITY,
  figureRule,
  type TArticleFigure,
  type TArticleIndicator,
} from './directory.figures.ts';
export { sendFreshnessReminders } from './directory.freshness.service.ts';
export { directoryHooks } from './directory.hooks.ts';
export { rorRecord } from './directory.import.ror.ts';
export {
  importFile,
  type TImportOptions,
  type TImportProgress,
  type TImportSummary,
} from './directory.import.ts';
export { IMPORT_FORMATS, ImportInputError, type TImportFormat } from './directory.import.types.ts';
export { recordsManagedBy, type TManagedRecord } from './directory.lookup.service.ts';
export { directoryMessages } from './directory.messages.ts';
export type { TRegistryRecordInput } from './directory.record.ts';
export { writeRecords } from './directory.registry.service.ts';
export { reindexDirectory } from './directory.reindex.ts';
export { createDirectoryRoutes } from './directory.routes.tsx';
export type { TOrganization } from './directory.schemas.ts';
export type { TSearchParams } from './directory.search.schemas.ts';
export { directoryCounts, searchDirectory, warmDirectory } from './directory.search.service.ts';
export {
  PERSON_PUBLIC_FIELDS,
  seedRegistry,
  type TRegistrySeedReport,
  type TSeedPerson,
  type TSeedRelation,
} from './directory.seed.service.ts';
export { listOrganizations, searchOrganizations } from './directory.service.ts';
export { createDirectoryStaffRoutes } from './directory.staff.routes.tsx';
export { countRegistry, type TRegistryRule } from './directory.stats.service.ts';
export { OrganizationList } from './directory.views.tsx';
