import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { TAppEnv } from '../http/context.ts';
import type { TLocale } from '../i18n/locale.ts';
import { ts } from '../i18n/shell.messages.ts';
import { Layout, type TCrumb, type TFeedLink } from './layout.tsx';

export type TPageOptions = Readonly<{
  title: string;
  description?: string;
  breadcrumbs?: readonly TCrumb[];
  meta?: Readonly<Record<string, string>>;
  status?: ContentfulStatusCode;
  /** Feeds to announce in the head (`<link rel="alternate">`). */
  feeds?: readonly TFeedLink[];
  /** Open Graph type and extra properties (e.g. `article:published_time`). */
  og?: Readonly<{ type: 'website' | 'article'; extra?: Readonly<Record<string, string>> }>;
  /** Account and staff pages: not indexed, no canonical links. */
  private?: boolean;
  /** A public page search engines should drop (e.g. an archived article). */
  noindex?: boolean;
  body: Child;
}>;

const pathWithQuery = (url: string): string => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

/**
 * Renders a full HTML page in the request's locale inside the portal shell. Content pages (not private,
 * not an error) end with a link to report an error on them.
 */
export const renderPage = (c: Context<TAppEnv>, o: TPageOptions): Response | Promise<Response> => {
  const path = pathWithQuery(c.req.url);
  const isContent = (o.status ?? 200) < 400 && !o.private;
  return c.html(
    `<!doctype html>${(
      <Layout
        locale={c.get('locale')}
        shell={c.get('shell')}
        path={path}
        title={o.title}
        description={o.description}
        breadcrumbs={o.breadcrumbs}
        meta={o.meta}
        feeds={o.feeds}
        og={o.og}
        indexable={isContent && !o.noindex}
        reportHref={isContent ? `/${c.get('locale')}/report?page=${encodeURIComponent(path)}` : undefined}
        actor={c.get('actor')}
        csrf={c.get('actor') ? c.get('shell').csrf(c) : undefined}
      >
        {o.body}
      </Layout>
    )}`,
    o.status ?? 200,
  );
};

/** A plain statement that a part of the portal is not built yet, and what it will offer. */
export const NotBuilt = (p: { locale: TLocale; children: Child }) => (
  <div class="notice" role="note">
    <p>
      <strong>{ts(p.locale, 'shell.notBuilt.title')}</strong>
    </p>
    {p.children}
  </div>
);

/**
 * Puts rendered nodes into a translated sentence at its `{name}` placeholders, wherever each language
 * puts them: `fill(t(locale, 'cms.news.updated'), { date: <time …/> })`.
 */
export const fill = (template: string, nodes: Readonly<Record<string, Child>>): Child[] =>
  template.split(/(\{\w+\})/).map((part) => {
    const m = /^\{(\w+)\}$/.exec(part);
    return m && m[1] !== undefined && m[1] in nodes ? nodes[m[1]] : part;
  });
