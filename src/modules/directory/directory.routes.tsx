import { Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { cachedPage } from '../../platform/http/page-cache.ts';
import { renderPage } from '../../platform/views/page.tsx';
import { t } from './directory.messages.ts';
import { getOrganization, listOrganizations } from './directory.service.ts';
import { DirectoryBody, ProfileBody } from './directory.views.tsx';

/** Directory pages, mounted under /{locale}/directory. */
export const createDirectoryRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const cache = cachedPage(deps.pages);

  app.get('/', cache, async (c) => {
    const locale = c.get('locale');
    const items = await listOrganizations(deps);
    return renderPage(c, {
      title: t(locale, 'directory.title'),
      description: t(locale, 'directory.lead'),
      breadcrumbs: [{ label: t(locale, 'directory.title') }],
      body: <DirectoryBody locale={locale} items={items} />,
    });
  });

  // Only slug-shaped paths reach the database; anything else is a plain 404.
  app.get('/:slug{[a-z0-9-]+}', cache, async (c) => {
    const locale = c.get('locale');
    const org = await getOrganization(deps, c.req.param('slug'));
    return renderPage(c, {
      title: org.name[locale],
      description: org.summary[locale] ?? undefined,
      breadcrumbs: [
        { label: t(locale, 'directory.title'), href: `/${locale}/directory` },
        { label: org.name[locale] },
      ],
      body: <ProfileBody locale={locale} org={org} />,
    });
  });

  return app;
};
