import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { negotiateLocale, type TLocale } from '../../platform/i18n/locale.ts';
import {
  LICENSES,
  ORIGINS,
  PANELS,
  STATUSES,
  type TOrigin,
  type TPanel,
  type TStatus,
} from './indicators.codes.ts';
import { csvHeader, csvLines } from './indicators.csv.ts';
import { type TDataKey, td } from './indicators.data.messages.ts';
import { echo, indicatorLinks, unitLabel } from './indicators.format.ts';
import { geographyOf, normalizeGeography } from './indicators.geography.ts';
import type { TBreakdownFilter, TIndicator, TIndicatorDetail, TObservation } from './indicators.schemas.ts';
import { catalog, getIndicator, listIndicators, observationPage } from './indicators.series.service.ts';

// The open-data API: /api/v1/indicators, one indicator, its observations (JSON pages or CSV) and the
// DCAT catalogue. Read-only and public; errors are JSON in the reader's language (Accept-Language).

export const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;
const MAX_GEOGRAPHIES = 50;
const CSV_PAGE = 5000;

const bad = (locale: TLocale, key: TDataKey, params?: Record<string, string | number>) =>
  new AppError('BAD_REQUEST', td(locale, key, params));

/** A query parameter, or undefined when absent or empty. */
const param = (c: Context<TAppEnv>, name: string): string | undefined => {
  const v = c.req.query(name);
  return v === undefined || v.trim() === '' ? undefined : v.trim();
};

const oneOf = <T extends string>(
  locale: TLocale,
  value: string | undefined,
  values: readonly T[],
  key: TDataKey,
): T | undefined => {
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) throw bad(locale, key, { values: values.join(', ') });
  return value as T;
};

const parseGeographies = (c: Context<TAppEnv>, locale: TLocale): string[] | undefined => {
  const raw = (c.req.queries('geography') ?? []).flatMap((v) => v.split(',')).map((v) => v.trim());
  const given = raw.filter((v) => v !== '');
  if (given.length === 0) return undefined;
  if (given.length > MAX_GEOGRAPHIES)
    throw bad(locale, 'indicators.api.tooManyGeographies', { max: MAX_GEOGRAPHIES });
  return given.map((v) => {
    const code = v.length <= 80 ? normalizeGeography(v) : undefined;
    if (!code) throw bad(locale, 'indicators.api.badGeography', { value: echo(v) });
    return code;
  });
};

const PART = /^[a-z][a-z0-9_]{0,39}$/;
const parseBreakdown = (locale: TLocale, raw: string | undefined): TBreakdownFilter => {
  if (raw === undefined) return 'all';
  if (raw === 'none' || raw === 'all') return raw;
  const [dimension = '', value, ...rest] = raw.split(':');
  if (rest.length > 0 || !PART.test(dimension) || (value !== undefined && !PART.test(value)))
    throw bad(locale, 'indicators.api.badBreakdown');
  return value === undefined ? { dimension } : { dimension, value };
};

const parseLimit = (locale: TLocale, raw: string | undefined): number => {
  if (raw === undefined) return DEFAULT_LIMIT;
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= 1 && n <= MAX_LIMIT)) throw bad(locale, 'indicators.api.badLimit', { max: MAX_LIMIT });
  return n;
};

type TCursor = readonly [string, string, string, string, string];
const encodeCursor = (k: TCursor): string => Buffer.from(JSON.stringify(k), 'utf8').toString('base64url');
const decodeCursor = (locale: TLocale, raw: string | undefined): TCursor | undefined => {
  if (raw === undefined) return undefined;
  try {
    if (raw.length > 600 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw new Error('shape');
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 5 && v.every((x) => typeof x === 'string' && x.length <= 80))
      return v as unknown as TCursor;
  } catch {
    // fall through to the message below
  }
  throw bad(locale, 'indicators.api.badCursor');
};

const indicatorJson = (publicUrl: string, i: TIndicator) => {
  const links = indicatorLinks(publicUrl, i.code);
  return {
    code: i.code,
    name: i.name,
    definition: i.definition,
    unit: { code: i.unit, label: { en: unitLabel('en', i.unit), zh: unitLabel('zh', i.unit) } },
    frequency: i.frequency,
    panel: i.panel,
    origin: i.origin,
    source: i.source,
    methodology: i.methodology,
    comparability: i.comparability,
    owner: i.owner,
    license: { id: i.license, url: LICENSES[i.license].url },
    defaultGeography: i.defaultGeography,
    coverage: i.coverage,
    modified: i.modifiedAt,
    dataVersion: i.dataVersion,
    links: { self: links.api, observations: links.observations, csv: links.csv, page: links.page },
  };
};

const detailJson = (publicUrl: string, i: TIndicatorDetail) => ({
  ...indicatorJson(publicUrl, i),
  geographies: i.geographies.map((code) => ({ code, name: geographyOf(code)?.name ?? null })),
  breakdowns: i.breakdowns,
});

const observationJson = (o: TObservation) => ({
  geography: o.geography,
  geographyName: geographyOf(o.geography)?.name ?? null,
  period: o.period,
  periodKind: o.periodKind,
  periodStart: o.periodStart,
  periodEnd: o.periodEnd,
  asOf: o.asOf,
  basis: o.basis,
  breakdown: o.breakdown,
  value: o.value,
  qualifier: o.qualifier,
  status: o.status,
  source: o.source,
  note: o.note,
  revision: o.revision,
});

const wantsCsv = (c: Context<TAppEnv>, locale: TLocale): boolean => {
  const format = oneOf(locale, param(c, 'format'), ['json', 'csv'] as const, 'indicators.api.badFormat');
  if (format) return format === 'csv';
  const accept = (c.req.header('accept') ?? '').toLowerCase();
  return accept.includes('text/csv') && !accept.includes('application/json');
};

/** The open-data API routes, mounted under /api/v1. */
export const createIndicatorsApi = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const publicUrl = deps.config.publicUrl;

  // Only on this module's paths: mounted at /api/v1, a bare use() would wrap the other modules' routes too.
  const common: MiddlewareHandler<TAppEnv> = async (c, next) => {
    c.set('locale', negotiateLocale(c.req.header('accept-language')));
    await next();
    if (c.res.status === 200) {
      c.header('Cache-Control', 'public, max-age=60');
      // Open data: other sites may fetch it (CORS) and load it (resource policy).
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
      c.header('Vary', 'Accept, Accept-Language', { append: true });
    }
  };
  for (const path of ['/indicators', '/indicators/*', '/catalog.jsonld']) app.use(path, common);

  app.get('/indicators', async (c) => {
    const locale = c.get('locale');
    const panel = oneOf<TPanel>(locale, param(c, 'panel'), PANELS, 'indicators.api.badPanel');
    const origin = oneOf<TOrigin>(locale, param(c, 'origin'), ORIGINS, 'indicators.api.badOrigin');
    const list = await listIndicators(deps, { ...(panel ? { panel } : {}), ...(origin ? { origin } : {}) });
    return c.json({
      data: list.map((i) => indicatorJson(publicUrl, i)),
      links: { self: `${publicUrl}/api/v1/indicators`, catalog: `${publicUrl}/api/v1/catalog.jsonld` },
    });
  });

  app.get('/indicators/:code', async (c) => {
    const locale = c.get('locale');
    const code = c.req.param('code');
    const indicator = code.length <= 120 ? await getIndicator(deps, code) : undefined;
    if (!indicator)
      throw new AppError('NOT_FOUND', td(locale, 'indicators.api.notFound', { code: echo(code) }));
    return c.json(detailJson(publicUrl, indicator));
  });

  app.get('/indicators/:code/observations', async (c) => {
    const locale = c.get('locale');
    const code = c.req.param('code');
    const csv = wantsCsv(c, locale);
    const query = {
      geography: parseGeographies(c, locale),
      from: param(c, 'from'),
      to: param(c, 'to'),
      breakdown: parseBreakdown(locale, param(c, 'breakdown')),
      status: oneOf<TStatus>(locale, param(c, 'status'), STATUSES, 'indicators.api.badStatus'),
    };
    if (code.length > 120)
      throw new AppError('NOT_FOUND', td(locale, 'indicators.api.notFound', { code: echo(code) }));
    if (csv) {
      // The whole selection, read a page at a time.
      let out = csvHeader();
      let after: TCursor | undefined;
      do {
        const page = await observationPage(deps, code, { ...query, limit: CSV_PAGE, after }, locale);
        out += csvLines(page.indicator, page.observations);
        after = page.next ?? undefined;
      } while (after);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${code}.csv"`);
      return c.body(out);
    }
    const limit = parseLimit(locale, param(c, 'limit'));
    const after = decodeCursor(locale, param(c, 'cursor'));
    const page = await observationPage(deps, code, { ...query, limit, after }, locale);
    const links = indicatorLinks(publicUrl, code);
    const here = new URL(c.req.url);
    const self = `${links.observations}${here.search}`;
    let next: string | null = null;
    if (page.next) {
      const u = new URL(links.observations);
      for (const [k, v] of here.searchParams) if (k !== 'cursor') u.searchParams.append(k, v);
      u.searchParams.set('cursor', encodeCursor(page.next));
      next = u.toString();
    }
    const csvUrl = new URL(links.observations);
    for (const [k, v] of here.searchParams)
      if (k !== 'cursor' && k !== 'limit' && k !== 'format') csvUrl.searchParams.append(k, v);
    csvUrl.searchParams.set('format', 'csv');
    return c.json({
      indicator: code,
      unit: page.indicator.unit,
      data: page.observations.map(observationJson),
      next: page.next ? encodeCursor(page.next) : null,
      links: { self, next, csv: csvUrl.toString(), indicator: links.api },
    });
  });

  app.get('/catalog.jsonld', async (c) => {
    c.header('Content-Type', 'application/ld+json; charset=utf-8');
    return c.body(JSON.stringify(await catalog(deps)));
  });

  return app;
};
