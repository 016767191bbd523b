// The statistics home: one panel per area, each figure with its latest value, then the numbered sources.
import type { TLocale } from '../../platform/i18n/locale.ts';
import { formatValue, panelLabel } from './indicators.format.ts';
import { CITY } from './indicators.geography.ts';
import { tp } from './indicators.pages.messages.ts';
import { Change, pagePath, SourceName, WhereWhen } from './indicators.pages.parts.tsx';
import type { TIndicatorEntry, TLatest, TPanelOverview, TSource } from './indicators.schemas.ts';

const sourceKey = (s: TSource) => `${s.name.en}|${s.url ?? ''}`;

/** Each distinct source once, in the order first met: its number (1-based) by key. */
const numberSources = (sources: readonly TSource[]): Map<string, { n: number; source: TSource }> => {
  const out = new Map<string, { n: number; source: TSource }>();
  for (const s of sources) if (!out.has(sourceKey(s))) out.set(sourceKey(s), { n: out.size + 1, source: s });
  return out;
};

/** The numbered list of sources the figures above refer to ("Source 1"). */
export const SourcesLine = (p: { locale: TLocale; sources: readonly TSource[] }) => {
  const numbered = numberSources(p.sources);
  if (numbered.size === 0) return null;
  return (
    <section class="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{tp(p.locale, 'indicators.pages.sources')}</h2>
      <ol>
        {[...numbered.values()].map(({ n, source }) => (
          <li class="source" id={`source-${n}`}>
            <SourceName locale={p.locale} source={source} />
          </li>
        ))}
      </ol>
    </section>
  );
};

/**
 * One figure in a panel: name (a link to its page), value, where and when, change, and its source as a
 * reference to the numbered list under the panels (the article's source is a paragraph long).
 */
const PanelItem = (p: {
  locale: TLocale;
  indicator: TIndicatorEntry;
  latest: TLatest | null;
  sourceNumber: number;
}) => {
  const { locale, indicator, latest } = p;
  return (
    <li id={indicator.code}>
      <a class="stat-name" href={pagePath(locale, indicator.code)}>
        {indicator.name[locale]}
      </a>
      {latest ? (
        <>
          <span class="stat-value">
            {formatValue(locale, {
              value: latest.latest.value,
              unit: indicator.unit,
              qualifier: latest.latest.qualifier,
            })}
          </span>
          <span class="stat-meta">
            <WhereWhen locale={locale} latest={latest} />
          </span>
          <Change locale={locale} latest={latest} />
          <span class="stat-meta">
            <a href={`#source-${p.sourceNumber}`}>
              {tp(locale, 'indicators.pages.sourceRef', { n: p.sourceNumber })}
            </a>
          </span>
        </>
      ) : (
        <span class="stat-meta">{tp(locale, 'indicators.pages.panel.empty')}</span>
      )}
    </li>
  );
};

// The article's figures (the city's, with a headline rank) lead each panel, then the rest as given.
const articleFirst = <T extends { indicator: TIndicatorEntry }>(items: readonly T[]): T[] =>
  items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => {
      const ka = a.item.indicator.defaultGeography === CITY ? 0 : 1;
      const kb = b.item.indicator.defaultGeography === CITY ? 0 : 1;
      const ra = a.item.indicator.headlineRank ?? 1000;
      const rb = b.item.indicator.headlineRank ?? 1000;
      return ka - kb || ra - rb || a.i - b.i;
    })
    .map((x) => x.item);

/** The statistics home: one panel per area with each figure's latest value, then every source. */
export const StatisticsHomeBody = (p: { locale: TLocale; overview: TPanelOverview }) => {
  const { locale } = p;
  const sources = p.overview.flatMap((panel) =>
    articleFirst(panel.items).flatMap((i) => (i.latest ? [i.latest.latest.source] : [])),
  );
  const numbers = numberSources(sources);
  return (
    <>
      <h1>{tp(locale, 'indicators.pages.title')}</h1>
      <p class="lead">{tp(locale, 'indicators.pages.lead')}</p>
      <h2 class="visually-hidden">{tp(locale, 'indicators.pages.panels')}</h2>
      <div class="stat-panels">
        {p.overview.map((panel) => (
          <section class="stat-panel" aria-labelledby={`panel-${panel.panel}`}>
            <h3 id={`panel-${panel.panel}`}>{panelLabel(locale, panel.panel)}</h3>
            {panel.items.length === 0 ? (
              <p class="stat-empty">{tp(locale, 'indicators.pages.panel.empty')}</p>
            ) : (
              <ul>
                {articleFirst(panel.items).map((i) => (
                  <PanelItem
                    locale={locale}
                    indicator={i.indicator}
                    latest={i.latest}
                    sourceNumber={i.latest ? (numbers.get(sourceKey(i.latest.latest.source))?.n ?? 0) : 0}
                  />
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
      <SourcesLine locale={locale} sources={sources} />
      <p>
        {tp(locale, 'indicators.pages.openData')}{' '}
        <a href="/api/v1/catalog.jsonld">{tp(locale, 'indicators.pages.catalog')}</a>
      </p>
    </>
  );
};
