import type { TFieldError } from '../../platform/http/errors.ts';
import { FACET_NAMES, FACETS, type TFacet } from './directory.facets.ts';

// The search parameters, shared by the results page, the exports and /api/v1/organizations. Parsed by
// hand from URLSearchParams because facets repeat (kind=a&kind=b) and every problem must name itself in
// the reader's language (keys of directory.messages.ts).

export const SORTS = ['relevance', 'name', 'newest', 'oldest'] as const;
export type TSort = (typeof SORTS)[number];

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;
/** Ranked results can be paged this deep; the API's id-ordered cursor walks everything. */
export const MAX_WINDOW = 10_000;
export const MAX_QUERY = 200;

export type TSearchParams = Readonly<{
  q: string;
  filters: Readonly<Record<TFacet, readonly string[]>>;
  foundedFrom: number | null;
  foundedTo: number | null;
  sort: TSort;
  page: number;
  limit: number;
}>;

export type TParamProblem = Readonly<{ param: string } & TFieldError>;

const INT = /^\d{1,9}$/;

/**
 * Reads search parameters; `extra` names further parameters the caller handles (cursor, format).
 * Unknown parameters, unknown facet values and out-of-range numbers are problems, never silently dropped.
 */
export const parseSearchParams = (
  params: URLSearchParams,
  extra: readonly string[] = [],
): { ok: true; value: TSearchParams } | { ok: false; problems: TParamProblem[] } => {
  const problems: TParamProblem[] = [];
  const known = new Set<string>([
    'q',
    ...FACET_NAMES,
    'founded_from',
    'founded_to',
    'sort',
    'page',
    'limit',
    ...extra,
  ]);
  for (const key of new Set(params.keys())) {
    if (!known.has(key))
      problems.push({ param: key, key: 'directory.error.unknownParam', params: { name: key.slice(0, 40) } });
  }
  const single = (name: string): string | undefined => {
    const all = params.getAll(name).filter((v) => v.trim() !== '');
    if (all.length > 1) problems.push({ param: name, key: 'directory.error.repeated', params: { name } });
    return all[0]?.trim();
  };
  const q = (params.getAll('q')[0] ?? '').trim();
  if (q.length > MAX_QUERY)
    problems.push({ param: 'q', key: 'directory.error.queryTooLong', params: { max: MAX_QUERY } });

  const filters = {} as Record<TFacet, string[]>;
  for (const f of FACET_NAMES) {
    const values = params
      .getAll(f)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
    const allowed = FACETS[f] as readonly string[];
    const bad = values.find((v) => !allowed.includes(v));
    if (bad !== undefined)
      problems.push({
        param: f,
        key: 'directory.error.unknownValue',
        params: { name: f, value: bad.slice(0, 40) },
      });
    filters[f] = [...new Set(values.filter((v) => allowed.includes(v)))];
  }

  const year = (name: string): number | null => {
    const v = single(name);
    if (v === undefined) return null;
    const n = INT.test(v) ? Number(v) : Number.NaN;
    if (!(n >= 1000 && n <= 2100)) {
      problems.push({ param: name, key: 'directory.error.year', params: { name } });
      return null;
    }
    return n;
  };
  const foundedFrom = year('founded_from');
  const foundedTo = year('founded_to');
  if (foundedFrom !== null && foundedTo !== null && foundedFrom > foundedTo) {
    problems.push({ param: 'founded_to', key: 'directory.error.yearOrder' });
  }

  const sortRaw = single('sort') ?? (q ? 'relevance' : 'name');
  const sort = (SORTS as readonly string[]).includes(sortRaw) ? (sortRaw as TSort) : 'relevance';
  if (sort !== sortRaw)
    problems.push({ param: 'sort', key: 'directory.error.sort', params: { value: sortRaw.slice(0, 40) } });

  const int = (name: string, min: number, max: number, fallback: number): number => {
    const v = single(name);
    if (v === undefined) return fallback;
    const n = INT.test(v) ? Number(v) : Number.NaN;
    if (!(n >= min && n <= max)) {
      problems.push({ param: name, key: 'directory.error.range', params: { name, min, max } });
      return fallback;
    }
    return n;
  };
  const limit = int('limit', 1, MAX_LIMIT, DEFAULT_LIMIT);
  const page = int('page', 1, Math.floor(MAX_WINDOW / limit), 1);

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { q, filters, foundedFrom, foundedTo, sort, page, limit } };
};

/** The query string for a search, with changes (a facet toggled, another page); defaults left out. */
export const searchHref = (
  base: string,
  p: TSearchParams,
  change: Partial<Omit<TSearchParams, 'filters'>> & {
    filters?: Partial<Record<TFacet, readonly string[]>>;
  } = {},
): string => {
  const next = { ...p, ...change, filters: { ...p.filters, ...change.filters } };
  const u = new URLSearchParams();
  if (next.q) u.set('q', next.q);
  for (const f of FACET_NAMES) for (const v of next.filters[f] ?? []) u.append(f, v);
  if (next.foundedFrom !== null) u.set('founded_from', String(next.foundedFrom));
  if (next.foundedTo !== null) u.set('founded_to', String(next.foundedTo));
  if (next.sort !== (next.q ? 'relevance' : 'name')) u.set('sort', next.sort);
  if (next.page !== 1) u.set('page', String(next.page));
  if (next.limit !== DEFAULT_LIMIT) u.set('limit', String(next.limit));
  const s = u.toString();
  return s ? `${base}?${s}` : base;
};
