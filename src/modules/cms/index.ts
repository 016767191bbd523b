// The cms module's public surface: other modules, the CLI and seeds import only this file.

export { createCmsEditorialRoutes } from './cms.editorial.routes.tsx';
export { publishDue } from './cms.editorial.service.ts';
export { cmsMessages } from './cms.messages.ts';
export { createCmsRoutes } from './cms.routes.tsx';
export type { TNewsArticle } from './cms.schemas.ts';
export {
  latestNews,
  localized as localizedArticle,
  newsSitemapEntries,
  searchNews,
  seedNews,
} from './cms.service.ts';
export { NewsSummaryList } from './cms.views.tsx';
