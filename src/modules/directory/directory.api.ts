import { Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { negotiateLocale, type TLocale } from '../../platform/i18n/locale.ts';
import { exportResponse, problemText, publicRecord } from './directory.export.ts';
import { t } from './directory.messages.ts';
import { parseSearchParams } from './directory.search.schemas.ts';
import { getRecord, searchByCursor, searchDirectory } from './directory.search.service.ts';

// GET /api/v1/organizations and /api/v1/organizations/{slug or id}: the search page's filters as JSON,
// with cursor pagination. Without a text query the default order is by id and the cursor is a keyset
// ("after id N"), so a client can walk the whole registry while records are added. With sort=relevance,
// name, newest or oldest the cursor is a position in that order, within the first 10,000 results.

type TCursor = { a: number } | { o: number };

const encodeCursor = (c: TCursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');
const decodeCursor = (s: string): TCursor | undefined => {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (Number.isSafeInteger(o.a) && (o.a as number) >= 0) return { a: o.a as number };
      if (Number.isSafeInteger(o.o) && (o.o as number) >= 0 && (o.o as number) < 10_000)
        return { o: o.o as number };
    }
  } catch {
    // Falls through: any undecodable cursor is the same client error.
  }
  return undefined;
};

const apiLocale = (c: {
  req: { query: (k: string) => string | undefined; header: (k: string) => string | undefined };
}): TLocale => {
  const lang = c.req.query('lang');
  return lang === 'zh' || lang === 'en' ? lang : negotiateLocale(c.req.header('accept-language'));
};

export const createDirectoryApi = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const publicUrl = deps.config.publicUrl;

  app.get('/', async (c) => {
    const locale = apiLocale(c);
    c.set('locale', locale);
    const url = new URL(c.req.url);
    const search = new URLSearchParams(url.searchParams);
    const format = search.get('format') ?? 'json';
    if (format !== 'json' && format !== 'csv')
      throw new AppError('BAD_REQUEST', t(locale, 'directory.error.format'));
    const byId = search.get('sort') === 'id' || (!search.get('sort') && !search.get('q')?.trim());
    if (search.get('sort') === 'id') search.delete('sort');
    search.delete('lang');
    const parsed = parseSearchParams(search, ['cursor', 'format']);
    if (!parsed.ok) throw new AppError('BAD_REQUEST', problemText(locale, parsed.problems));
    if (format === 'csv') return exportResponse(c, deps, 'csv', parsed.value);
    const params = parsed.value;
    const rawCursor = search.get('cursor');
    const cursor = rawCursor ? decodeCursor(rawCursor) : undefined;
    if (rawCursor && (!cursor || 'a' in cursor !== byId)) {
      throw new AppError('BAD_REQUEST', t(locale, 'directory.error.cursor'));
    }
    const next = (cur: TCursor) => {
      const u = new URL(url);
      u.searchParams.set('cursor', encodeCursor(cur));
      return `${publicUrl}${u.pathname}?${u.searchParams.toString()}`;
    };
    if (byId) {
      const after = cursor && 'a' in cursor ? cursor.a : 0;
      const r = await searchByCursor(deps, params, after, params.limit);
      return c.json({
        data: r.items.map((row) => publicRecord(row, publicUrl, locale)),
        total: r.total,
        facets: r.facets,
        next_cursor: r.nextAfter === null ? null : encodeCursor({ a: r.nextAfter }),
        links: { next: r.nextAfter === null ? null : next({ a: r.nextAfter }) },
      });
    }
    const offset = cursor && 'o' in cursor ? cursor.o : 0;
    // The page search wants a page number: run it at the cursor's position with the same limit.
    const r = await searchDirectory(deps, { ...params, page: 1 }, locale, { offset });
    const end = offset + r.items.length;
    const more = end < Math.min(r.total, 10_000);
    return c.json({
      data: r.items.map((row) => publicRecord(row, publicUrl, locale)),
      total: r.total,
      facets: r.facets,
      corrected_query: r.correctedTo,
      next_cursor: more ? encodeCursor({ o: end }) : null,
      links: { next: more ? next({ o: end }) : null },
    });
  });

  app.get('/:key', async (c) => {
    const locale = apiLocale(c);
    c.set('locale', locale);
    const key = c.req.param('key');
    const found = await getRecord(deps, key);
    if (!found) throw new AppError('NOT_FOUND', 'No such organisation');
    return c.json({
      data: {
        ...publicRecord(found.row, publicUrl, locale),
        status: found.status,
        merged_into: found.mergedIntoSlug,
        external_ids: found.externalIds,
      },
    });
  });

  return app;
};

const organizationSchema = {
  type: 'object',
  properties: Object.fromEntries(
    [
      'slug',
      'kind',
      'name_en',
      'name_zh',
      'acronym',
      'district',
      'sector',
      'level',
      'website',
      'city_en',
      'city_zh',
      'country_code',
      'certificate_no',
      'certificate_valid_until',
      'subtype',
      'summary_en',
      'summary_zh',
      'source',
      'source_kind',
      'confirmed_at',
      'verified_at',
      'updated_at',
      'url',
    ].map((k) => [k, { type: ['string', 'null'] }]),
  ),
} as const;

const filterParams = [
  {
    name: 'q',
    in: 'query',
    description: 'Free text in Chinese or English (names, acronyms, summaries)',
    schema: { type: 'string', maxLength: 200 },
  },
  {
    name: 'kind',
    in: 'query',
    description: 'Kind codes; repeat or comma-separate',
    schema: { type: 'string' },
  },
  {
    name: 'district',
    in: 'query',
    description: 'Guangzhou district codes (e.g. tianhe)',
    schema: { type: 'string' },
  },
  {
    name: 'sector',
    in: 'query',
    description: 'Strategic emerging industry codes',
    schema: { type: 'string' },
  },
  {
    name: 'level',
    in: 'query',
    description: 'Certification level: national, provincial, municipal, district',
    schema: { type: 'string' },
  },
  { name: 'founded_from', in: 'query', schema: { type: 'integer', minimum: 1000, maximum: 2100 } },
  { name: 'founded_to', in: 'query', schema: { type: 'integer', minimum: 1000, maximum: 2100 } },
  {
    name: 'sort',
    in: 'query',
    schema: { type: 'string', enum: ['id', 'relevance', 'name', 'newest', 'oldest'] },
  },
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
  {
    name: 'cursor',
    in: 'query',
    description: 'next_cursor of the previous response',
    schema: { type: 'string' },
  },
  { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'] } },
  {
    name: 'lang',
    in: 'query',
    description: 'Language of messages and source notes',
    schema: { type: 'string', enum: ['en', 'zh'] },
  },
];

/** The directory's part of the OpenAPI document. */
export const directoryOpenApi = {
  paths: {
    '/organizations': {
      get: {
        summary: 'Search and list organisations of the directory',
        operationId: 'listOrganizations',
        parameters: filterParams,
        responses: {
          '200': {
            description:
              'A page of organisations with total, facet counts and the next cursor (or CSV with format=csv)',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: { type: 'array', items: { $ref: '#/components/schemas/Organization' } },
                    total: { type: 'integer' },
                    facets: { type: 'object' },
                    next_cursor: { type: ['string', 'null'] },
                  },
                },
              },
              'text/csv': {},
            },
          },
          '400': {
            description: 'A parameter is unknown or out of range',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        },
      },
    },
    '/organizations/{key}': {
      get: {
        summary: 'One organisation by slug (or numeric id), with its external identifiers',
        operationId: 'getOrganization',
        parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The organisation', content: { 'application/json': {} } },
          '404': {
            description: 'No such organisation',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        },
      },
    },
  },
  schemas: { Organization: organizationSchema },
};
