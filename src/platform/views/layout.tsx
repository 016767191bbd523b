import type { Child } from 'hono/jsx';
import type { TActor } from '../auth/actor.ts';
import type { TShell } from '../http/context.ts';
import { CSRF_FIELD } from '../http/csrf.ts';
import { langTag, switchLocalePath, type TLocale } from '../i18n/locale.ts';
import { type TShellKey, ts } from '../i18n/shell.messages.ts';

export type TCrumb = Readonly<{ label: string; href?: string }>;
export type TFeedLink = Readonly<{ type: string; title: string; href: string }>;

export type TLayoutProps = Readonly<{
  locale: TLocale;
  shell: TShell;
  /** The request path with its query, e.g. `/en/news?page=2`. */
  path: string;
  title: string;
  description?: string;
  breadcrumbs?: readonly TCrumb[];
  /** False for error pages: no canonical or alternate links, and robots are asked not to index. */
  indexable?: boolean;
  /** Extra `<meta>` for the page, e.g. publication date and source of an article. */
  meta?: Readonly<Record<string, string>>;
  feeds?: readonly TFeedLink[] | undefined;
  og?: Readonly<{ type: 'website' | 'article'; extra?: Readonly<Record<string, string>> }> | undefined;
  /**
   * Content pages: the plain-link way to report an error on this page (`/{locale}/report?page=…`); the
   * page script adds Ctrl+Enter on a selection, with the dialog it fetches from next to that address.
   */
  reportHref?: string | undefined;
  /** The signed-in person, and the CSRF token for the sign-out button. */
  actor?: TActor | undefined;
  csrf?: string | undefined;
  children: Child;
}>;

const MAIN_NAV: readonly [string, TShellKey][] = [
  ['/', 'shell.nav.home'],
  ['/about', 'shell.nav.about'],
  ['/directory', 'shell.nav.directory'],
  ['/news', 'shell.nav.news'],
  ['/statistics', 'shell.nav.statistics'],
  ['/contact', 'shell.nav.contact'],
  ['/help', 'shell.nav.help'],
];

const AUDIENCES: readonly [string, TShellKey][] = [
  ['/government', 'shell.audience.government'],
  ['/residents', 'shell.audience.residents'],
  ['/visitors', 'shell.audience.visitors'],
  ['/business', 'shell.audience.business'],
];

/** The path inside the locale (`/en/news?x` → `/news`); `/` for anything outside `/en` or `/zh`. */
const localPath = (path: string, locale: TLocale): string => {
  const bare = path.split('?')[0] ?? '/';
  const prefix = `/${locale}`;
  if (bare !== prefix && !bare.startsWith(`${prefix}/`)) return '/';
  return bare.slice(prefix.length).replace(/\/+$/, '') || '/';
};

const isCurrent = (section: string, current: string): boolean =>
  section === '/' ? current === '/' : current === section || current.startsWith(`${section}/`);

/** The portal shell: skip link, header with language switch and search, navigation, footer. */
export const Layout = (p: TLayoutProps) => {
  const { locale, shell } = p;
  const t = (key: TShellKey, params?: Record<string, string | number>) => ts(locale, key, params);
  const other: TLocale = locale === 'en' ? 'zh' : 'en';
  const current = localPath(p.path, locale);
  const href = (section: string) => `/${locale}${section === '/' ? '/' : section}`;
  const siteName = t('shell.siteName');
  // `current` is `/` or `/news`: `/en` + it is the canonical path either way.
  const absolute = (l: TLocale) => `${shell.publicUrl}/${l}${current}`;
  const owner = locale === 'zh' ? shell.site.ownerZh : shell.site.ownerEn;
  return (
    <html lang={langTag(locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{p.title === siteName ? siteName : `${p.title} – ${siteName}`}</title>
        {p.description ? <meta name="description" content={p.description} /> : null}
        {Object.entries(p.meta ?? {}).map(([name, content]) => (
          <meta name={name} content={content} />
        ))}
        {p.indexable === false ? (
          <meta name="robots" content="noindex" />
        ) : (
          <>
            <link rel="canonical" href={absolute(locale)} />
            <meta property="og:site_name" content={siteName} />
            <meta property="og:title" content={p.title} />
            <meta property="og:type" content={p.og?.type ?? 'website'} />
            <meta property="og:url" content={absolute(locale)} />
            <meta property="og:locale" content={locale === 'zh' ? 'zh_CN' : 'en_GB'} />
            <meta property="og:locale:alternate" content={locale === 'zh' ? 'en_GB' : 'zh_CN'} />
            {p.description ? <meta property="og:description" content={p.description} /> : null}
            {Object.entries(p.og?.extra ?? {}).map(([property, content]) => (
              <meta property={property} content={content} />
            ))}
            <link rel="alternate" hreflang="en" href={absolute('en')} />
            <link rel="alternate" hreflang="zh-CN" href={absolute('zh')} />
            <link rel="alternate" hreflang="x-default" href={absolute('en')} />
          </>
        )}
        {(p.feeds ?? []).map((f) => (
          <link rel="alternate" type={f.type} title={f.title} href={f.href} />
        ))}
        <link rel="icon" href={shell.assets.icon} type="image/svg+xml" />
        <link rel="stylesheet" href={shell.assets.css} />
        <script type="module" src={shell.assets.js} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('shell.skipLink')}
        </a>
        <header class="site-header">
          <div class="container">
            <div class="header-top">
              <a class="site-name" href={`/${locale}/`}>
                {siteName}
                <small>{t('shell.tagline')}</small>
              </a>
              <div class="header-tools">
                {/* biome-ignore lint/a11y/useSemanticElements: role=search on the form is the pattern every screen reader knows */}
                <form class="search-form" role="search" method="get" action={`/${locale}/search`}>
                  <label class="visually-hidden" for="site-search">
                    {t('shell.search.label')}
                  </label>
                  <input id="site-search" type="search" name="q" maxlength={200} autocomplete="off" />
                  <button type="submit">{t('shell.search.button')}</button>
                </form>
                <nav class="account-nav" aria-label={t('shell.account.label')}>
                  {p.actor ? (
                    <>
                      {p.actor.role !== 'member' ? (
                        <a href={`/${locale}/staff`}>{t('shell.account.staff')}</a>
                      ) : null}
                      <a href={`/${locale}/account`}>{t('shell.account.mine')}</a>
                      <form method="post" action={`/${locale}/logout`} class="inline-form">
                        <input type="hidden" name={CSRF_FIELD} value={p.csrf ?? ''} />
                        <button type="submit" class="link-button">
                          {t('shell.account.signOut')}
                        </button>
                      </form>
                    </>
                  ) : (
                    <a href={`/${locale}/login`}>{t('shell.account.signIn')}</a>
                  )}
                </nav>
                <a
                  class="lang-switch"
                  href={switchLocalePath(p.path, other)}
                  lang={langTag(other)}
                  hreflang={langTag(other)}
                >
                  {t('shell.langSwitch')}
                </a>
                <button
                  type="button"
                  class="menu-toggle"
                  data-menu-toggle
                  aria-controls="main-nav"
                  aria-expanded="true"
                  hidden
                >
                  {t('shell.menu')}
                </button>
              </div>
            </div>
            <nav class="main-nav" id="main-nav" aria-label={t('shell.nav.label')}>
              <ul>
                {MAIN_NAV.map(([section, key]) => (
                  <li>
                    <a href={href(section)} aria-current={isCurrent(section, current) ? 'page' : undefined}>
                      {t(key)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <nav class="audience-nav" aria-label={t('shell.audience.label')}>
          <div class="container">
            <ul>
              <li>
                <span>{t('shell.audience.prefix')}</span>
              </li>
              {AUDIENCES.map(([section, key]) => (
                <li>
                  <a href={href(section)} aria-current={isCurrent(section, current) ? 'page' : undefined}>
                    {t(key)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </nav>
        <div class="container">
          {p.breadcrumbs && p.breadcrumbs.length > 0 ? (
            <nav class="breadcrumbs" aria-label={t('shell.breadcrumbs')}>
              <ol>
                <li>
                  <a href={`/${locale}/`}>{t('shell.nav.home')}</a>
                </li>
                {p.breadcrumbs.map((b) => (
                  <li>
                    {b.href ? <a href={b.href}>{b.label}</a> : <span aria-current="page">{b.label}</span>}
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <main id="main" tabindex={-1}>
            {p.children}
            {p.reportHref ? (
              <div class="page-report">
                <p>
                  <a href={p.reportHref} data-report-link data-report-dialog={`/${locale}/report/dialog`}>
                    {t('shell.report.link')}
                  </a>
                </p>
                {/* Shown by the script: without it, Ctrl+Enter does nothing. */}
                <p class="hint" data-report-hint hidden>
                  {t('shell.report.hint')}
                </p>
              </div>
            ) : null}
          </main>
        </div>
        <footer class="site-footer">
          <div class="container">
            <h2 class="visually-hidden">{t('shell.footer.label')}</h2>
            <ul>
              <li>
                <a href={href('/about')}>{t('shell.nav.about')}</a>
              </li>
              <li>
                <a href={`/${locale}/about#sources`}>{t('shell.footer.sources')}</a>
              </li>
              <li>
                <a href={href('/contact')}>{t('shell.nav.contact')}</a>
              </li>
              <li>
                <a href={href('/help')}>{t('shell.nav.help')}</a>
              </li>
            </ul>
            <p>{t('shell.footer.demo')}</p>
            <p>{t('shell.footer.copyright', { year: new Date().getUTCFullYear(), owner })}</p>
            {shell.site.icpRecord ? (
              <p>
                <a href="https://beian.miit.gov.cn/" rel="noopener">
                  {shell.site.icpRecord}
                </a>
              </p>
            ) : null}
            {shell.site.psbRecord ? <p>{shell.site.psbRecord}</p> : null}
            <p>{t('shell.footer.software')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
};
