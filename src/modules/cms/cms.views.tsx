import type { Child } from 'hono/jsx';
import { formatDate, isoDay } from '../../platform/i18n/format.ts';
import { langTag, type TLocale } from '../../platform/i18n/locale.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { fill } from '../../platform/views/page.tsx';
import { Pager } from '../../platform/views/pager.tsx';
import { t } from './cms.messages.ts';
import {
  NEWS_CATEGORIES,
  type TNewsArticle,
  type TNewsCategory,
  type TNewsContent,
  type TNewsListQuery,
  type TTag,
} from './cms.schemas.ts';
import { localized } from './cms.service.ts';

/** A `lang` attribute only where a part is not in the page's language. */
export const langIf = (partLang: TLocale, pageLocale: TLocale) =>
  partLang === pageLocale ? undefined : langTag(partLang);

const Day = (p: { locale: TLocale; value: string }) => (
  <time datetime={isoDay(p.value)}>{formatDate(p.locale, p.value)}</time>
);

const DateLine = (p: { locale: TLocale; a: TNewsArticle }) => (
  <p class="meta">
    <span class="tag">{t(p.locale, `cms.category.${p.a.category}`)}</span>{' '}
    {fill(t(p.locale, 'cms.news.updated'), { date: <Day locale={p.locale} value={p.a.updatedAt} /> })}
  </p>
);

/** Headline, date and summary of each article: the home page block and the news list. */
export const NewsSummaryList = (p: { locale: TLocale; items: TNewsArticle[]; headingLevel?: 2 | 3 }) => {
  if (p.items.length === 0) return <p>{t(p.locale, 'cms.news.empty')}</p>;
  return (
    <ul class="news-list">
      {p.items.map((a) => {
        const l = localized(a, p.locale);
        const link = (
          <a href={`/${p.locale}/news/${a.slug}`} lang={langIf(l.titleLang, p.locale)}>
            {l.title}
          </a>
        );
        return (
          <li>
            {p.headingLevel === 2 ? <h2>{link}</h2> : <h3>{link}</h3>}
            <DateLine locale={p.locale} a={a} />
            {l.summary ? <p lang={langIf(l.summaryLang, p.locale)}>{l.summary}</p> : null}
          </li>
        );
      })}
    </ul>
  );
};

/** The news list's query string for a page, keeping the filters. */
export const listHref = (locale: TLocale, q: Partial<TNewsListQuery>, page?: number): string => {
  const params = new URLSearchParams();
  if (q.q) params.set('q', q.q);
  if (q.category) params.set('category', q.category);
  if (q.tag) params.set('tag', q.tag);
  if (q.year) params.set('year', String(q.year));
  if (page && page > 1) params.set('page', String(page));
  const s = params.toString();
  return `/${locale}/news${s ? `?${s}` : ''}`;
};

const tagLabel = (locale: TLocale, tag: Pick<TTag, 'en' | 'zh'>) => (locale === 'zh' ? tag.zh : tag.en);

export const NewsListBody = (p: {
  locale: TLocale;
  query: TNewsListQuery;
  items: TNewsArticle[];
  page: number;
  total: number;
  pageSize: number;
  years: number[];
  tags: (TTag & { count: number })[];
}) => {
  const { locale, query } = p;
  const filtered = Boolean(query.q || query.category || query.tag || query.year);
  return (
    <>
      <h1>{t(locale, 'cms.news.title')}</h1>
      <p class="lead">{t(locale, 'cms.news.lead')}</p>
      <p class="meta">
        {t(locale, 'cms.feed.follow')} <a href={`/${locale}/news/feed.xml`}>RSS</a> ·{' '}
        <a href={`/${locale}/news/feed.atom`}>Atom</a>
      </p>
      <form method="get" action={`/${locale}/news`} class="filters" aria-labelledby="news-filter">
        <h2 id="news-filter" class="visually-hidden">
          {t(locale, 'cms.filter.title')}
        </h2>
        <div class="field">
          <label for="f-q">{t(locale, 'cms.filter.q')}</label>
          <input id="f-q" name="q" type="search" value={query.q ?? ''} maxlength={200} />
        </div>
        <div class="field">
          <label for="f-category">{t(locale, 'cms.filter.category')}</label>
          <select id="f-category" name="category">
            <option value="">{t(locale, 'cms.filter.any')}</option>
            {NEWS_CATEGORIES.map((c) => (
              <option value={c} selected={query.category === c}>
                {t(locale, `cms.category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-tag">{t(locale, 'cms.filter.tag')}</label>
          <select id="f-tag" name="tag">
            <option value="">{t(locale, 'cms.filter.any')}</option>
            {p.tags.map((tag) => (
              <option value={tag.key} selected={query.tag === tag.key}>
                {tagLabel(locale, tag)} ({tag.count})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-year">{t(locale, 'cms.filter.year')}</label>
          <select id="f-year" name="year">
            <option value="">{t(locale, 'cms.filter.any')}</option>
            {p.years.map((y) => (
              <option value={String(y)} selected={query.year === y}>
                {String(y)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t(locale, 'cms.filter.apply')}</button>{' '}
        {filtered ? <a href={`/${locale}/news`}>{t(locale, 'cms.filter.clear')}</a> : null}
      </form>
      <p role="status">
        {filtered
          ? t(locale, 'cms.filter.found', { count: p.total })
          : t(locale, 'cms.news.count', { count: p.total })}
      </p>
      {p.items.length === 0 && filtered ? (
        <p>{t(locale, 'cms.filter.none')}</p>
      ) : (
        <NewsSummaryList locale={locale} items={p.items} headingLevel={2} />
      )}
      <Pager
        locale={locale}
        page={p.page}
        total={p.total}
        size={p.pageSize}
        href={(n) => listHref(locale, query, n)}
      />
    </>
  );
};

/** The article as readers see it; editors' preview shows a revision through the same view. */
export const ArticleView = (p: {
  locale: TLocale;
  slug: string;
  content: TNewsContent;
  publishedAt: string | null;
  updatedAt: string | null;
  archivedAt?: string | null;
  isDemo?: boolean;
  figures?: Child;
}) => {
  const { locale, content } = p;
  const l = localized(content, locale);
  return (
    <article class="reading" data-report-scope="">
      {p.archivedAt ? (
        <div class="notice" role="note">
          <p>
            {fill(t(locale, 'cms.news.archived'), { date: <Day locale={locale} value={p.archivedAt} /> })}
          </p>
        </div>
      ) : null}
      {l.isFallback ? (
        <div class="notice" role="note">
          <p>{t(locale, 'cms.news.missingTranslation')}</p>
        </div>
      ) : null}
      <h1 lang={langIf(l.titleLang, locale)}>{l.title}</h1>
      {l.summary ? (
        <p class="lead" lang={langIf(l.summaryLang, locale)}>
          {l.summary}
        </p>
      ) : null}
      <dl class="meta article-meta">
        <dt>{t(locale, 'cms.meta.category')}</dt>
        <dd>
          <a class="tag" href={listHref(locale, { category: content.category as TNewsCategory })}>
            {t(locale, `cms.category.${content.category}`)}
          </a>
        </dd>
        <dt>{t(locale, 'cms.meta.published')}</dt>
        <dd>
          {p.publishedAt ? <Day locale={locale} value={p.publishedAt} /> : t(locale, 'cms.meta.notYet')}
        </dd>
        <dt>{t(locale, 'cms.meta.updated')}</dt>
        <dd>{p.updatedAt ? <Day locale={locale} value={p.updatedAt} /> : t(locale, 'cms.meta.notYet')}</dd>
        <dt>{t(locale, 'cms.meta.source')}</dt>
        <dd>{content.source.url ? <a href={content.source.url}>{l.source}</a> : l.source}</dd>
        {l.author ? (
          <>
            <dt>{t(locale, 'cms.meta.author')}</dt>
            <dd>{l.author}</dd>
          </>
        ) : null}
      </dl>
      <div
        class="article-body"
        lang={langIf(l.bodyLang, locale)}
        dangerouslySetInnerHTML={{ __html: renderMarkdown(l.body) }}
      />
      {p.figures}
      {content.tags.length > 0 ? (
        <div class="tags">
          <h2 class="visually-hidden">{t(locale, 'cms.meta.tags')}</h2>
          <p>
            {t(locale, 'cms.meta.tags')}:{' '}
            {content.tags.map((tag, i) => (
              <>
                {i > 0 ? ' · ' : null}
                <a href={listHref(locale, { tag: tag.key })}>{tagLabel(locale, tag)}</a>
              </>
            ))}
          </p>
        </div>
      ) : null}
      {p.isDemo ? <p class="source">{t(locale, 'cms.news.demo')}</p> : null}
      <p>
        <a href={`/${locale}/news`}>{t(locale, 'cms.news.all')}</a>
      </p>
    </article>
  );
};
