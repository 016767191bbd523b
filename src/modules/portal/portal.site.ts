import { Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { LOCALES, langTag } from '../../platform/i18n/locale.ts';
import { isoInstant, xmlEscape as x } from '../../platform/xml.ts';
import { newsSitemapEntries } from '../cms/index.ts';
import { listOrganizations } from '../directory/index.ts';
import { HELP_TOPICS, helpSitemapEntries } from '../pages/index.ts';

// robots.txt and sitemap.xml at the site root: what search engines may read, and every public page in
// both languages with its alternates.

const PUBLIC_SECTIONS = [
  '/',
  '/about',
  '/directory',
  '/news',
  '/statistics',
  '/contact',
  '/help',
  '/government',
  '/residents',
  '/visitors',
  '/business',
] as const;

// Private or per-person pages: never worth crawling (they answer 404 or ask to sign in anyway).
const DISALLOWED = [
  '/account',
  '/staff',
  '/login',
  '/signup',
  '/password',
  '/verify-email',
  '/invitations',
  '/search',
];

/** The robots.txt text: everything public, nothing private, and where the sitemap is. */
export const robotsTxt = (publicUrl: string): string =>
  [
    'User-agent: *',
    ...LOCALES.flatMap((l) => DISALLOWED.map((p) => `Disallow: /${l}${p}`)),
    'Disallow: /api/',
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    '',
  ].join('\n');

type TEntry = Readonly<{ path: string; lastmod?: string }>;

/** The sitemap (sitemaps.org 0.9 with xhtml:link alternates): each page once per language. */
export const sitemapXml = (publicUrl: string, entries: readonly TEntry[]): string => {
  const urls = entries.flatMap((e) =>
    LOCALES.map((l) => {
      const loc = (locale: string) => `${publicUrl}/${locale}${e.path === '/' ? '/' : e.path}`;
      const alternates = LOCALES.map(
        (a) => `<xhtml:link rel="alternate" hreflang="${langTag(a)}" href="${x(loc(a))}"/>`,
      ).join('');
      const lastmod = e.lastmod ? `<lastmod>${isoInstant(e.lastmod).slice(0, 10)}</lastmod>` : '';
      return `<url><loc>${x(loc(l))}</loc>${lastmod}${alternates}</url>`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${urls.join('')}</urlset>
`;
};

/** /robots.txt and /sitemap.xml, mounted at the root. */
export const createSiteRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const maxAge = `public, max-age=${Math.max(60, deps.config.pageCacheSeconds)}`;

  app.get('/robots.txt', (c) => {
    c.header('Cache-Control', maxAge);
    return c.text(robotsTxt(deps.config.publicUrl));
  });

  app.get('/sitemap.xml', async (c) => {
    const [news, organizations, help] = await Promise.all([
      newsSitemapEntries(deps),
      listOrganizations(deps),
      helpSitemapEntries(deps),
    ]);
    const topics = HELP_TOPICS.filter((topic) => help.some((h) => h.topic === topic));
    const entries: TEntry[] = [
      ...PUBLIC_SECTIONS.map((path) => ({ path })),
      ...news.map((n) => ({ path: `/news/${n.slug}`, lastmod: n.updatedAt })),
      ...organizations.map((o) => ({ path: `/directory/${o.slug}`, lastmod: o.updatedAt })),
      ...topics.map((topic) => ({ path: `/help/topic/${topic}` })),
      ...help.map((h) => ({ path: `/help/${h.slug}`, lastmod: h.updatedAt })),
    ];
    c.header('Cache-Control', maxAge);
    return c.body(sitemapXml(deps.config.publicUrl, entries), 200, {
      'Content-Type': 'application/xml; charset=UTF-8',
    });
  });

  return app;
};
