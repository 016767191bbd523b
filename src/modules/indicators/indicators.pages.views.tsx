// An indicator page: latest value, chart and table, breakdowns, comparisons, metadata, downloads, embed code.
import type { Child } from 'hono/jsx';
import { Chart, type TChartInput } from '../../platform/charts/chart.tsx';
import { formatDate, formatDateTime } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { LICENSES } from './indicators.codes.ts';
import { formatValue, frequencyLabel, geographyName, originLabel, unitLabel } from './indicators.format.ts';
import { tp } from './indicators.pages.messages.ts';
import {
  Bilingual,
  Change,
  downloadPaths,
  pagePath,
  SourceName,
  WhereWhen,
} from './indicators.pages.parts.tsx';
import type { TBilingualOpt, TIndicatorDetail, TLatest } from './indicators.schemas.ts';

const About = (p: { locale: TLocale; indicator: TIndicatorDetail }) => {
  const { locale, indicator: i } = p;
  const stated = (text: TBilingualOpt) =>
    text.en || text.zh ? (
      <Bilingual locale={locale} text={text} />
    ) : (
      tp(locale, 'indicators.pages.about.notStated')
    );
  const license = LICENSES[i.license];
  const row = (key: Parameters<typeof tp>[1], value: Child) => (
    <>
      <dt>{tp(locale, key)}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <dl class="metadata">
      {row('indicators.pages.about.definition', stated(i.definition))}
      {row('indicators.pages.about.unit', unitLabel(locale, i.unit))}
      {row('indicators.pages.about.source', <SourceName locale={locale} source={i.source} />)}
      {row('indicators.pages.about.frequency', frequencyLabel(locale, i.frequency))}
      {row('indicators.pages.about.methodology', stated(i.methodology))}
      {row('indicators.pages.about.comparability', stated(i.comparability))}
      {row('indicators.pages.about.origin', originLabel(locale, i.origin))}
      {row('indicators.pages.about.owner', stated(i.owner))}
      {row('indicators.pages.about.license', <a href={license.url}>{license.name}</a>)}
      {row(
        'indicators.pages.about.coverage',
        i.coverage.from && i.coverage.to
          ? tp(locale, 'indicators.pages.about.coverageText', {
              from: formatDate(locale, i.coverage.from),
              to: formatDate(locale, i.coverage.to),
              count: i.coverage.observations,
              places: i.coverage.geographies,
            })
          : tp(locale, 'indicators.pages.about.notStated'),
      )}
      {row(
        'indicators.pages.about.updated',
        <time datetime={i.modifiedAt}>{formatDateTime(locale, i.modifiedAt)}</time>,
      )}
      {row('indicators.pages.about.code', <code>{i.code}</code>)}
    </dl>
  );
};

export type TIndicatorPage = Readonly<{
  locale: TLocale;
  indicator: TIndicatorDetail;
  geography: string;
  latest: TLatest | undefined;
  trend: TChartInput;
  /** False when there is a single value: the table stays, no chart is drawn. */
  trendDrawn: boolean;
  breakdowns: readonly TChartInput[];
  comparisons: readonly Readonly<{ heading: string; chart: TChartInput; form?: Child; note?: string }>[];
  /** Regions with values, for the region picker (when there is more than one). */
  geographies: readonly string[];
  publicUrl: string;
}>;

const RegionPicker = (p: {
  locale: TLocale;
  code: string;
  current: string;
  geographies: readonly string[];
}) =>
  p.geographies.length < 2 ? null : (
    <form class="year-picker" method="get" action={pagePath(p.locale, p.code)}>
      <div class="field">
        <label for="geography">{tp(p.locale, 'indicators.pages.geography.label')}</label>
        <select id="geography" name="geography">
          {p.geographies.map((g) => (
            <option value={g} selected={g === p.current}>
              {geographyName(p.locale, g)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button">
        {tp(p.locale, 'indicators.pages.geography.show')}
      </button>
    </form>
  );

/** The year picker of a comparison: a plain GET form, so it works without JavaScript. */
export const YearPicker = (p: {
  locale: TLocale;
  code: string;
  years: readonly string[];
  current: string;
  geography?: string | undefined;
}) => (
  <form class="year-picker" method="get" action={`${pagePath(p.locale, p.code)}#compare`}>
    {p.geography ? <input type="hidden" name="geography" value={p.geography} /> : null}
    <div class="field">
      <label for="compare-year">{tp(p.locale, 'indicators.pages.compare.year')}</label>
      <select id="compare-year" name="year">
        {p.years.map((y) => (
          <option value={y} selected={y === p.current}>
            {y}
          </option>
        ))}
      </select>
    </div>
    <button type="submit" class="button">
      {tp(p.locale, 'indicators.pages.compare.show')}
    </button>
  </form>
);

/** An indicator page: latest value, chart and table, breakdowns, comparisons, metadata, downloads, embed. */
export const IndicatorPageBody = (p: TIndicatorPage) => {
  const { locale, indicator } = p;
  const links = downloadPaths(indicator.code);
  const embedUrl = `${p.publicUrl}${pagePath(locale, indicator.code)}/embed`;
  const hasCompare = p.comparisons.length > 0;
  const nav: [string, Parameters<typeof tp>[1]][] = [
    ...(p.trendDrawn ? [['trend', 'indicators.pages.nav.chart'] as [string, Parameters<typeof tp>[1]]] : []),
    [`${p.trend.id}-table`, 'indicators.pages.nav.table'],
    ...(hasCompare
      ? [['compare', 'indicators.pages.nav.compare'] as [string, Parameters<typeof tp>[1]]]
      : []),
    ['about', 'indicators.pages.nav.about'],
    ['download', 'indicators.pages.nav.download'],
  ];
  return (
    <>
      <h1>{indicator.name[locale]}</h1>
      {indicator.definition.en || indicator.definition.zh ? (
        <p class="lead">
          <Bilingual locale={locale} text={indicator.definition} />
        </p>
      ) : null}
      {p.latest ? (
        <div class="figure">
          <p class="stat-name">{tp(locale, 'indicators.pages.latest')}</p>
          <p class="stat-value">
            {formatValue(locale, {
              value: p.latest.latest.value,
              unit: indicator.unit,
              qualifier: p.latest.latest.qualifier,
            })}
          </p>
          <p class="stat-meta">
            <WhereWhen locale={locale} latest={p.latest} />
          </p>
          {p.latest.change ? (
            <p>
              <Change locale={locale} latest={p.latest} />
            </p>
          ) : null}
        </div>
      ) : null}
      <nav class="on-this-page" aria-label={tp(locale, 'indicators.pages.onThisPage')}>
        <ul class="downloads">
          {nav.map(([anchor, key]) => (
            <li>
              <a href={`#${anchor}`}>{tp(locale, key)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="trend" aria-labelledby="trend-heading">
        <h2 id="trend-heading">{tp(locale, 'indicators.pages.trend.heading')}</h2>
        <RegionPicker
          locale={locale}
          code={indicator.code}
          current={p.geography}
          geographies={p.geographies}
        />
        {p.trendDrawn ? null : <p>{tp(locale, 'indicators.pages.trend.one')}</p>}
        <Chart {...p.trend} tableOnly={!p.trendDrawn} />
        {p.breakdowns.map((b) => (
          <Chart {...b} />
        ))}
      </section>

      {hasCompare ? (
        <section id="compare" aria-labelledby="compare-heading">
          <h2 id="compare-heading">{tp(locale, 'indicators.pages.nav.compare')}</h2>
          {p.comparisons.map((c) => (
            <>
              <h3>{c.heading}</h3>
              {c.form ?? null}
              {c.note ? <p>{c.note}</p> : null}
              <Chart {...c.chart} />
            </>
          ))}
        </section>
      ) : null}

      <section id="about" aria-labelledby="about-heading">
        <h2 id="about-heading">{tp(locale, 'indicators.pages.nav.about')}</h2>
        <About locale={locale} indicator={indicator} />
      </section>

      <section id="download" aria-labelledby="download-heading">
        <h2 id="download-heading">{tp(locale, 'indicators.pages.nav.download')}</h2>
        <ul>
          <li>
            <a href={links.csv} download={`${indicator.code}.csv`}>
              {tp(locale, 'indicators.pages.download.csv')}
            </a>
          </li>
          <li>
            <a href={links.json}>{tp(locale, 'indicators.pages.download.json')}</a>
          </li>
          {p.geographies.length > 1 ? (
            <li>
              <a href={links.csvFor(p.geography)} download={`${indicator.code}-${p.geography}.csv`}>
                {tp(locale, 'indicators.pages.download.csvPlace', {
                  geography: geographyName(locale, p.geography),
                })}
              </a>
            </li>
          ) : null}
        </ul>
        <p class="source">{tp(locale, 'indicators.pages.download.note')}</p>
        {p.trendDrawn ? (
          <>
            <h3>{tp(locale, 'indicators.pages.embed.heading')}</h3>
            <p>{tp(locale, 'indicators.pages.embed.intro')}</p>
            <pre class="embed-code">
              <code>{`<iframe src="${embedUrl}" title="${tp(locale, 'indicators.pages.embed.frameTitle', { name: indicator.name[locale] }).replace(/"/g, '&quot;')}" width="720" height="560" loading="lazy"></iframe>`}</code>
            </pre>
            <p>
              <a href={`${pagePath(locale, indicator.code)}/embed`}>
                {tp(locale, 'indicators.pages.embed.preview')}
              </a>
            </p>
          </>
        ) : null}
      </section>
    </>
  );
};
