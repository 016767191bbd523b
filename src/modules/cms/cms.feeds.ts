import type { TLocale } from '../../platform/i18n/locale.ts';
import { langTag } from '../../platform/i18n/locale.ts';
import { isoInstant, xmlEscape as x } from '../../platform/xml.ts';
import { t } from './cms.messages.ts';
import type { TNewsArticle } from './cms.schemas.ts';
import { localized } from './cms.service.ts';

// RSS 2.0 and Atom 1.0 feeds of the news, per language and optionally per category.

export type TFeed = Readonly<{
  locale: TLocale;
  /** The site's public address, e.g. https://portal.example.gov.cn */
  base: string;
  siteName: string;
  owner: string;
  category: TNewsArticle['category'] | undefined;
  items: readonly TNewsArticle[];
}>;

const feedTitle = (f: TFeed) => {
  const news = t(f.locale, 'cms.news.title');
  const what = f.category ? `${news} · ${t(f.locale, `cms.category.${f.category}`)}` : news;
  return `${f.siteName} – ${what}`;
};

const query = (f: TFeed) => (f.category ? `?category=${f.category}` : '');
const articleUrl = (f: TFeed, a: TNewsArticle) => `${f.base}/${f.locale}/news/${a.slug}`;
/** The newest change among the items (ISO strings sort as times); now for an empty feed. */
const updatedOf = (f: TFeed) =>
  f.items
    .map((a) => new Date(isoInstant(a.updatedAt)).toISOString())
    .sort()
    .at(-1) ?? '1970-01-01T00:00:00.000Z';

/** RSS 2.0, with an atom:link to itself as the RSS Advisory Board recommends. */
export const rssFeed = (f: TFeed): string => {
  const self = `${f.base}/${f.locale}/news/feed.xml${query(f)}`;
  const items = f.items.map((a) => {
    const l = localized(a, f.locale);
    const url = articleUrl(f, a);
    return `<item><title>${x(l.title)}</title><link>${x(url)}</link><guid isPermaLink="true">${x(url)}</guid><pubDate>${new Date(isoInstant(a.publishedAt)).toUTCString()}</pubDate><category>${x(t(f.locale, `cms.category.${a.category}`))}</category><description>${x(l.summary || l.title)}</description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${x(feedTitle(f))}</title><link>${x(`${f.base}/${f.locale}/news`)}</link><description>${x(t(f.locale, 'cms.news.lead'))}</description><language>${langTag(f.locale)}</language><atom:link href="${x(self)}" rel="self" type="application/rss+xml"/><lastBuildDate>${new Date(updatedOf(f)).toUTCString()}</lastBuildDate>${items.join('')}</channel></rss>
`;
};

/** Atom 1.0 (RFC 4287): every entry with its id, link, published and updated times. */
export const atomFeed = (f: TFeed): string => {
  const self = `${f.base}/${f.locale}/news/feed.atom${query(f)}`;
  const entries = f.items.map((a) => {
    const l = localized(a, f.locale);
    const url = articleUrl(f, a);
    return `<entry><title xml:lang="${langTag(l.titleLang)}">${x(l.title)}</title><id>${x(url)}</id><link rel="alternate" type="text/html" href="${x(url)}"/><published>${isoInstant(a.publishedAt)}</published><updated>${isoInstant(a.updatedAt)}</updated><category term="${a.category}" label="${x(t(f.locale, `cms.category.${a.category}`))}"/><summary xml:lang="${langTag(l.summary ? l.summaryLang : l.titleLang)}">${x(l.summary || l.title)}</summary></entry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${langTag(f.locale)}"><title>${x(feedTitle(f))}</title><id>${x(self)}</id><link rel="self" type="application/atom+xml" href="${x(self)}"/><link rel="alternate" type="text/html" href="${x(`${f.base}/${f.locale}/news`)}"/><updated>${updatedOf(f)}</updated><author><name>${x(f.owner)}</name></author>${entries.join('')}</feed>
`;
};
