import { type Context, Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { allowFraming } from '../../platform/http/middleware.ts';
import { cachedPage } from '../../platform/http/page-cache.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { ts } from '../../platform/i18n/shell.messages.ts';
import { renderPage } from '../../platform/views/page.tsx';
import { formatValue, geographyName } from './indicators.format.ts';
import { CITY, geographyOf } from './indicators.geography.ts';
import { breakdownChart, comparisonChart, trendChart } from './indicators.pages.charts.ts';
import { StatisticsHomeBody } from './indicators.pages.home.views.tsx';
import { tp } from './indicators.pages.messages.ts';
import { BadParameterBody, EmbedDocument } from './indicators.pages.parts.tsx';
import { IndicatorPageBody, YearPicker } from './indicators.pages.views.tsx';
import type { TIndicatorDetail, TObservation } from './indicators.schemas.ts';
import {
  compareGeographies,
  getIndicator,
  latestWithChange,
  observationSeries,
  panelOverview,
} from './indicators.service.ts';

// Only code-shaped paths reach the database; anything else is a plain 404.
const CODE = ':code{[a-z][a-z0-9_]{0,119}}';
const YEAR = /^\d{4}$/;
const GEOGRAPHY = /^[A-Z]{2}(?:-[A-Z0-9]{1,24}){0,3}$/;

type TBad = { title: string; body: string };

const badRequest = (c: Context<TAppEnv>, indicator: TIndicatorDetail, bad: TBad) =>
  renderPage(c, {
    title: bad.title,
    status: 400,
    noindex: true,
    breadcrumbs: [
      { label: tp(c.get('locale'), 'indicators.pages.title'), href: `/${c.get('locale')}/statistics` },
      { label: indicator.name[c.get('locale')], href: `/${c.get('locale')}/statistics/${indicator.code}` },
    ],
    body: (
      <BadParameterBody locale={c.get('locale')} indicator={indicator} title={bad.title} body={bad.body} />
    ),
  });

/** The indicator, or a 404 for a code nobody registered. */
const indicatorOr404 = async (deps: TDeps, code: string): Promise<TIndicatorDetail> => {
  const indicator = await getIndicator(deps, code);
  if (!indicator) throw new AppError('NOT_FOUND', 'No such indicator');
  return indicator;
};

/** Which region the page shows: `?geography=` when it has values, else the indicator's own. */
const chooseGeography = (
  locale: TLocale,
  indicator: TIndicatorDetail,
  raw: string | undefined,
): { geography: string } | { bad: TBad } => {
  if (raw !== undefined && (!GEOGRAPHY.test(raw) || !indicator.geographies.includes(raw))) {
    return {
      bad: {
        title: tp(locale, 'indicators.pages.badGeography.title'),
        body: tp(locale, 'indicators.pages.badGeography.body'),
      },
    };
  }
  return { geography: raw ?? indicator.defaultGeography ?? indicator.geographies[0] ?? CITY };
};

const atLevel = (indicator: TIndicatorDetail, level: string) =>
  indicator.geographies.filter((g) => geographyOf(g)?.level === level);

/** Statistics pages, mounted under /{locale}/statistics: the home, indicator pages, embeddable charts. */
export const createStatisticsPageRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  // A chart that cannot be drawn leaves its table on the page; the log says why.
  const onError = (e: unknown) =>
    deps.log.error('chart not drawn', { reason: e instanceof Error ? e.message : String(e) });

  app.get('/', cachedPage(deps.pages), async (c) => {
    const locale = c.get('locale');
    const overview = await panelOverview(deps);
    return renderPage(c, {
      title: tp(locale, 'indicators.pages.title'),
      description: tp(locale, 'indicators.pages.lead'),
      breadcrumbs: [{ label: tp(locale, 'indicators.pages.title') }],
      body: <StatisticsHomeBody locale={locale} overview={overview} />,
    });
  });

  // Other sites may frame the embeddable chart, and only it.
  app.get(
    `/${CODE}/embed`,
    allowFraming({ trustProxy: deps.config.trustProxy }),
    cachedPage(deps.pages, { params: ['geography'] }),
    async (c) => {
      const locale = c.get('locale');
      const indicator = await indicatorOr404(deps, c.req.param('code'));
      const chosen = chooseGeography(locale, indicator, c.req.query('geography'));
      if ('bad' in chosen) return badRequest(c, indicator, chosen.bad);
      const series = await observationSeries(deps, indicator.code, { geography: chosen.geography });
      const shell = c.get('shell');
      const chart = trendChart({
        locale,
        indicator,
        geography: chosen.geography,
        observations: series.observations,
        script: shell.assets.charts,
        onError,
      });
      c.header('Cache-Control', 'public, max-age=300');
      return c.html(
        `<!doctype html>${(
          <EmbedDocument
            locale={locale}
            indicator={indicator}
            chart={chart}
            chartDrawn={series.observations.length > 1}
            css={shell.assets.css}
            icon={shell.assets.icon}
            siteName={ts(locale, 'shell.siteName')}
            pageUrl={`${shell.publicUrl}/${locale}/statistics/${indicator.code}`}
          />
        )}`,
      );
    },
  );

  app.get(`/${CODE}`, cachedPage(deps.pages, { params: ['year', 'geography'] }), async (c) => {
    const locale = c.get('locale');
    const indicator = await indicatorOr404(deps, c.req.param('code'));
    const chosen = chooseGeography(locale, indicator, c.req.query('geography'));
    if ('bad' in chosen) return badRequest(c, indicator, chosen.bad);
    const { geography } = chosen;
    const script = c.get('shell').assets.charts;
    const [series, latest] = await Promise.all([
      observationSeries(deps, indicator.code, { geography }),
      latestWithChange(deps, indicator.code, geography),
    ]);
    const observations: readonly TObservation[] = series.observations;

    // Comparisons: the region among the provinces for a chosen year; the city's districts.
    const years = [...new Set(observations.filter((o) => o.periodKind === 'year').map((o) => o.period))];
    const year = c.req.query('year');
    if (year !== undefined && (!YEAR.test(year) || !years.includes(year))) {
      return badRequest(c, indicator, {
        title: tp(locale, 'indicators.pages.badYear.title'),
        body: tp(locale, 'indicators.pages.badYear.body', { years: years.join(', ') || '–' }),
      });
    }
    const provinces = atLevel(indicator, 'province');
    const districts = atLevel(indicator, 'district');
    const [byProvince, byDistrict, ...byBreakdown] = await Promise.all([
      provinces.length > 1
        ? // The region's latest period, named: cheaper than letting the service search for one.
          compareGeographies(deps, indicator.code, year ?? years.at(-1) ?? observations.at(-1)?.period, {
            level: 'province',
          })
        : undefined,
      districts.length > 1
        ? compareGeographies(deps, indicator.code, undefined, { level: 'district' })
        : undefined,
      ...indicator.breakdowns.map((b) =>
        observationSeries(deps, indicator.code, { geography, breakdown: { dimension: b.dimension } }),
      ),
    ]);

    const name = indicator.name[locale];
    const comparisons = [];
    if (byProvince && byProvince.rows.length > 1) {
      const focus = geographyOf(geography)?.level === 'province' ? geography : 'CN-GD';
      const period = byProvince.period;
      comparisons.push({
        heading: tp(locale, 'indicators.pages.compare.provinces'),
        form:
          years.length > 1 ? (
            <YearPicker
              locale={locale}
              code={indicator.code}
              years={years}
              current={period}
              geography={c.req.query('geography')}
            />
          ) : undefined,
        note: byProvince.reference
          ? tp(locale, 'indicators.pages.compare.reference', {
              geography: geographyName(locale, byProvince.reference.geography),
              value: formatValue(locale, { value: byProvince.reference.value, unit: indicator.unit }),
            })
          : undefined,
        chart: comparisonChart({
          locale,
          onError,
          comparison: byProvince,
          focus,
          title: tp(locale, 'indicators.pages.compare.provinces.title', {
            name,
            focus: geographyName(locale, focus),
            period: locale === 'zh' && YEAR.test(period) ? `${period}年` : period,
          }),
          script,
        }),
      });
    }
    if (byDistrict && byDistrict.rows.length > 1) {
      comparisons.push({
        heading: tp(locale, 'indicators.pages.compare.districts'),
        chart: comparisonChart({
          locale,
          onError,
          comparison: byDistrict,
          focus: '',
          title: tp(locale, 'indicators.pages.compare.districts.title', {
            name,
            city: geographyName(locale, CITY),
            period: byDistrict.period,
          }),
          script,
        }),
      });
    }

    const breakdowns = indicator.breakdowns.flatMap((b, i) => {
      const chart = breakdownChart({
        locale,
        indicator,
        geography,
        dimension: b.dimension,
        observations: byBreakdown[i]?.observations ?? [],
        script,
        onError,
      });
      return chart ? [chart] : [];
    });

    return renderPage(c, {
      title: name,
      description: indicator.definition[locale] ?? tp(locale, 'indicators.pages.lead'),
      breadcrumbs: [
        { label: tp(locale, 'indicators.pages.title'), href: `/${locale}/statistics` },
        { label: name },
      ],
      body: (
        <IndicatorPageBody
          locale={locale}
          indicator={indicator}
          geography={geography}
          latest={latest}
          trend={trendChart({ locale, indicator, geography, observations, script, onError })}
          trendDrawn={observations.length > 1}
          breakdowns={breakdowns}
          comparisons={comparisons}
          geographies={indicator.geographies}
          publicUrl={c.get('shell').publicUrl}
        />
      ),
    });
  });

  return app;
};
