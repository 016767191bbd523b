// Pieces the statistics pages share: addresses, bilingual text, sources, "where and when", the change on
// a year earlier; and the two small documents (a bad parameter, the embeddable chart).
import { Chart, type TChartInput } from '../../platform/charts/chart.tsx';
import { formatDate, isoDay, langTag } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { fill } from '../../platform/views/page.tsx';
import { formatChange, formatValue, geographyName, periodLabel } from './indicators.format.ts';
import { tp } from './indicators.pages.messages.ts';
import type { TBilingualOpt, TIndicator, TLatest, TSource } from './indicators.schemas.ts';

export const pagePath = (locale: TLocale, code: string) => `/${locale}/statistics/${code}`;
/** The open-data addresses of an indicator (stable; the API serves them). */
export const downloadPaths = (code: string) => ({
  json: `/api/v1/indicators/${code}/observations`,
  csv: `/api/v1/indicators/${code}/observations?format=csv`,
  csvFor: (geography: string) =>
    `/api/v1/indicators/${code}/observations?format=csv&geography=${encodeURIComponent(geography)}`,
});

/** Text in the reader's language, else the other one marked with its language; undefined when neither. */
export const Bilingual = (p: { locale: TLocale; text: TBilingualOpt }) => {
  const mine = p.text[p.locale];
  if (mine) return <>{mine}</>;
  const otherLocale: TLocale = p.locale === 'en' ? 'zh' : 'en';
  const other = p.text[otherLocale];
  return other ? <span lang={langTag(otherLocale)}>{other}</span> : null;
};

export const SourceName = (p: { locale: TLocale; source: TSource }) =>
  p.source.url ? <a href={p.source.url}>{p.source.name[p.locale]}</a> : p.source.name[p.locale];

/** "Guangzhou, First half of 2017 · As of 30 June 2017". */
export const WhereWhen = (p: { locale: TLocale; latest: TLatest }) => {
  const o = p.latest.latest;
  const place = geographyName(p.locale, o.geography);
  return (
    <>
      {/* A stock on a date needs no period: "Guangzhou · As of 31 July 2017". */}
      {o.basis === 'stock'
        ? place
        : tp(p.locale, 'indicators.pages.where', {
            geography: place,
            period: periodLabel(p.locale, o.basis ?? o.period),
          })}{' '}
      ·{' '}
      <time datetime={isoDay(o.asOf)}>
        {tp(p.locale, 'indicators.pages.asOf', { date: formatDate(p.locale, o.asOf) })}
      </time>
    </>
  );
};

export const Change = (p: { locale: TLocale; latest: TLatest }) => {
  const { change, previous, indicator } = p.latest;
  if (!change || !previous) return null;
  return (
    <span class="stat-meta">
      <span class="stat-change">
        {tp(p.locale, 'indicators.pages.change', {
          change: formatChange(p.locale, change, indicator.unit),
          previous: formatValue(p.locale, {
            value: previous.value,
            unit: indicator.unit,
            qualifier: previous.qualifier,
          }),
        })}
      </span>
    </span>
  );
};

/** Where a bad `?year=` or `?geography=` lands: what was wrong and a way back (status 400). */
export const BadParameterBody = (p: {
  locale: TLocale;
  indicator: TIndicator;
  title: string;
  body: string;
}) => (
  <>
    <h1>{p.title}</h1>
    <p>{p.body}</p>
    <p>
      <a href={pagePath(p.locale, p.indicator.code)}>
        {tp(p.locale, 'indicators.pages.back', { name: p.indicator.name[p.locale] })}
      </a>
    </p>
  </>
);

/** The embeddable chart: a whole small document, the figure, its source and a link back. */
export const EmbedDocument = (p: {
  locale: TLocale;
  indicator: TIndicator;
  chart: TChartInput;
  chartDrawn: boolean;
  css: string;
  icon: string;
  siteName: string;
  pageUrl: string;
}) => (
  <html lang={langTag(p.locale)}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <title>{`${p.indicator.name[p.locale]} – ${p.siteName}`}</title>
      <link rel="canonical" href={p.pageUrl} />
      <link rel="icon" href={p.icon} type="image/svg+xml" />
      <link rel="stylesheet" href={p.css} />
    </head>
    <body class="embed">
      <main>
        <Chart {...p.chart} tableOnly={!p.chartDrawn} />
        <p class="source">
          {fill(tp(p.locale, 'indicators.pages.source'), {
            source: <SourceName locale={p.locale} source={p.indicator.source} />,
          })}
        </p>
        <p>
          <a href={p.pageUrl} target="_top">
            {tp(p.locale, 'indicators.pages.embed.back', { site: p.siteName })}
          </a>
        </p>
      </main>
    </body>
  </html>
);
