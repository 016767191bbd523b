// The portal module's public surface.
export { portalMessages } from './portal.messages.ts';
export { createPortalRoutes } from './portal.routes.tsx';
export { createSiteRoutes, robotsTxt, sitemapXml } from './portal.site.ts';
