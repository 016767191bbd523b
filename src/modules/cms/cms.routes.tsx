import { type Context, Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { cachedPage } from '../../platform/http/page-cache.ts';
import { parseQuery } from '../../platform/http/validate.ts';
import { ts } from '../../platform/i18n/shell.messages.ts';
import { renderPage } from '../../platform/views/page.tsx';
import { isoInstant } from '../../platform/xml.ts';
import { FiguresCited, figuresByCode } from '../indicators/index.ts';
import { atomFeed, rssFeed } from './cms.feeds.ts';
import { t } from './cms.messages.ts';
import { ZFeedQuery, ZNewsListQuery } from './cms.schemas.ts';
import { feedItems, getArticle, listNews, localized, PAGE_SIZE } from './cms.service.ts';
import { ArticleView, NewsListBody } from './cms.views.tsx';

/** News pages, mounted under /{locale}/news. */
export const createCmsRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const cache = cachedPage(deps.pages);

  app.get('/', cachedPage(deps.pages, { params: ['page', 'category', 'year'] }), async (c) => {
    const locale = c.get('locale');
    const query = parseQuery(c, ZNewsListQuery);
    const list = await listNews(deps, query);
    return renderPage(c, {
      title:
        list.page > 1 ? t(locale, 'cms.news.titlePage', { page: list.page }) : t(locale, 'cms.news.title'),
      description: t(locale, 'cms.news.lead'),
      breadcrumbs: [{ label: t(locale, 'cms.news.title') }],
      feeds: [
        {
          type: 'application/rss+xml',
          title: `RSS – ${t(locale, 'cms.news.title')}`,
          href: `/${locale}/news/feed.xml`,
        },
        {
          type: 'application/atom+xml',
          title: `Atom – ${t(locale, 'cms.news.title')}`,
          href: `/${locale}/news/feed.atom`,
        },
      ],
      body: (
        <NewsListBody
          locale={locale}
          query={query}
          items={list.items}
          page={list.page}
          total={list.total}
          pageSize={PAGE_SIZE}
          years={list.years}
          tags={list.tags}
        />
      ),
    });
  });

  // Feeds per language, optionally per category (?category=policies); cached like pages, not cookie-bound.
  const feed = (kind: 'rss' | 'atom') => async (c: Context<TAppEnv>) => {
    const locale = c.get('locale');
    const { category } = parseQuery(c, ZFeedQuery);
    const shell = c.get('shell');
    const f = {
      locale,
      base: shell.publicUrl,
      siteName: ts(locale, 'shell.siteName'),
      owner: locale === 'zh' ? shell.site.ownerZh : shell.site.ownerEn,
      category,
      items: await feedItems(deps, category),
    };
    // Shared caches may keep a feed for a minute; a signed-in reader's copy stays private.
    if (!c.get('actor'))
      c.header('Cache-Control', `public, max-age=${Math.max(60, deps.config.pageCacheSeconds)}`);
    return kind === 'rss'
      ? c.body(rssFeed(f), 200, { 'Content-Type': 'application/rss+xml; charset=UTF-8' })
      : c.body(atomFeed(f), 200, { 'Content-Type': 'application/atom+xml; charset=UTF-8' });
  };
  app.get('/feed.xml', feed('rss'));
  app.get('/feed.atom', feed('atom'));

  // Only slug-shaped paths reach the database; anything else is a plain 404.
  app.get('/:slug{[a-z0-9-]+}', cache, async (c) => {
    const locale = c.get('locale');
    const a = await getArticle(deps, c.req.param('slug'));
    const l = localized(a, locale);
    const figures = await figuresByCode(deps, a.figures);
    return renderPage(c, {
      title: l.title,
      description: l.summary || undefined,
      breadcrumbs: [{ label: t(locale, 'cms.news.title'), href: `/${locale}/news` }, { label: l.title }],
      // Chinese government-website metadata: title, publication date and source of the article.
      meta: { ArticleTitle: l.title, PubDate: a.publishedAt, ContentSource: l.source },
      og: {
        type: 'article',
        extra: {
          'article:published_time': isoInstant(a.publishedAt),
          'article:modified_time': isoInstant(a.updatedAt),
          'article:section': t(locale, `cms.category.${a.category}`),
        },
      },
      // An archived article stays readable at its address, marked, but search engines drop it.
      noindex: a.state === 'archived',
      body: (
        <ArticleView
          locale={locale}
          slug={a.slug}
          content={a}
          publishedAt={a.publishedAt}
          updatedAt={a.updatedAt}
          archivedAt={a.archivedAt}
          isDemo={a.isDemo}
          figures={<FiguresCited locale={locale} figures={figures} />}
        />
      ),
    });
  });

  return app;
};
