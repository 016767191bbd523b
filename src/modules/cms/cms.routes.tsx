import { Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { cachedPage } from '../../platform/http/page-cache.ts';
import { parseQuery } from '../../platform/http/validate.ts';
import { renderPage } from '../../platform/views/page.tsx';
import { t } from './cms.messages.ts';
import { ZNewsListQuery } from './cms.schemas.ts';
import { getArticle, listNews, localized } from './cms.service.ts';
import { ArticleBody, NewsListBody } from './cms.views.tsx';

/** News pages, mounted under /{locale}/news. */
export const createCmsRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const cache = cachedPage(deps.pages);

  app.get('/', cachedPage(deps.pages, { params: ['page'] }), async (c) => {
    const locale = c.get('locale');
    const { page } = parseQuery(c, ZNewsListQuery);
    const { items, pages } = await listNews(deps, page);
    return renderPage(c, {
      title: t(locale, 'cms.news.title'),
      description: t(locale, 'cms.news.lead'),
      breadcrumbs: [{ label: t(locale, 'cms.news.title') }],
      body: <NewsListBody locale={locale} items={items} page={page} pages={pages} />,
    });
  });

  // Only slug-shaped paths reach the database; anything else is a plain 404.
  app.get('/:slug{[a-z0-9-]+}', cache, async (c) => {
    const locale = c.get('locale');
    const a = await getArticle(deps, c.req.param('slug'));
    const l = localized(a, locale);
    return renderPage(c, {
      title: l.title,
      description: l.summary || undefined,
      breadcrumbs: [{ label: t(locale, 'cms.news.title'), href: `/${locale}/news` }, { label: l.title }],
      // Chinese government-website metadata: title, publication date and source of the article.
      meta: { ArticleTitle: l.title, PubDate: a.publishedAt, ContentSource: l.source },
      body: <ArticleBody locale={locale} a={a} />,
    });
  });

  return app;
};
