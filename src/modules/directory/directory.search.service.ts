import type { TDeps } from '../../platform/deps.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { parseQuery, type TParsedQuery, type TQueryTerm } from '../../platform/search/query.ts';
import { foldLatin, latinWords } from '../../platform/search/tokens.ts';
import { closestWord } from '../../platform/search/typo.ts';
import {
  codeAt,
  FACET_NAMES,
  facetIndex,
  positionOf,
  type TFacet,
  type TFacetIndex,
} from './directory.facets.ts';
import { GUANGZHOU_FIGURES } from './directory.figures.ts';
import { NAME_OVERLAY, nameRanks } from './directory.name-order.ts';
import type { TListRow, TRankRow } from './directory.search.repo.ts';
import * as repo from './directory.search.repo.ts';
import type { TSearchParams } from './directory.search.schemas.ts';
import { countRegistry } from './directory.stats.service.ts';
import { FREQUENT_TERM, queryHits } from './directory.terms.ts';

// Search over the registry (ADR 0008): the engine finds hit ids from application-computed tokens; the
// facet index filters and counts them; small hit sets are ranked here, the same way on both engines;
// large ones are ordered by a static weight (bm25 over hundreds of thousands of hits is what makes naive
// full-text search slow). Name order, any size, comes from the in-memory name order
// (directory.name-order.ts).

/** Limits of the in-memory structures; tests pass lower ones to reach the large-set paths on a few records. */
export type TSearchTuning = Readonly<{
  /** Hit sets up to this many records are ranked by relevance in memory: measured at 1M records,
   * fetching the names of 2,000 hits cost 35-200 ms on a loaded machine. */
  rank: number;
  /** A term with at least this many hits is kept as a bitset (directory.terms.ts). */
  frequentTerm: number;
  /** Records written since the name order was built that it keeps beside it before building again. */
  nameOverlay: number;
}>;
export const SEARCH_TUNING: TSearchTuning = Object.freeze({
  rank: 1_000,
  frequentTerm: FREQUENT_TERM,
  nameOverlay: NAME_OVERLAY,
});
type TSearchOptions = { tuning?: Partial<TSearchTuning> };
const tuningOf = (opts: TSearchOptions): TSearchTuning => ({ ...SEARCH_TUNING, ...opts.tuning });

export type TFacetCounts = Readonly<Record<TFacet, ReadonlyArray<{ code: string; count: number }>>>;

export type TSearchResult = Readonly<{
  total: number;
  items: readonly TListRow[];
  facets: TFacetCounts;
  /** Parsed query, for highlights. */
  query: TParsedQuery;
  /** When nothing matched as typed and a spelling fix did: the corrected query text. */
  correctedFrom: string | null;
  correctedTo: string | null;
  /** Whether the order is by relevance (small sets) or by the static weight (large sets). */
  isRanked: boolean;
}>;

/** Hits: a list of ids, a bitset over ids (frequent terms), or null for every record. */
export type THitIds = readonly number[] | Uint32Array | null;

type TCollect = Readonly<{
  /** Keep the passing ids when there are at most this many (Infinity: always). */
  keepUpTo: number;
  /** The best n passing ids by an ascending key (then id), selected while filtering. */
  top?: { n: number; key: (id: number) => number };
}>;

type TFiltered = {
  total: number;
  passing: number[] | null;
  top: number[];
  counts: Record<TFacet, Uint32Array>;
};

/**
 * Filters hits through the facet index and counts facets the way shoppers expect: a facet's counts apply
 * every other facet's filter but not its own, so choosing one district still shows the others' counts.
 * Plain loops over typed arrays and no intermediate lists for large hit sets: this runs over every hit of
 * every search.
 */
const filterAndCount = (idx: TFacetIndex, hits: THitIds, p: TSearchParams, collect: TCollect): TFiltered => {
  const active = FACET_NAMES.filter((f) => p.filters[f].length > 0);
  const allowed = active.map((f) => {
    const mask = new Uint8Array(64);
    for (const code of p.filters[f]) mask[positionOf(f, code)] = 1;
    return { column: idx[f], mask, f };
  });
  const counts = Object.fromEntries(FACET_NAMES.map((f) => [f, new Uint32Array(64)])) as Record<
    TFacet,
    Uint32Array
  >;
  const { kind, district, sector, level } = counts;
  let passing: number[] | null = [];
  let total = 0;
  const topN = collect.top?.n ?? 0;
  const keyOf = collect.top?.key;
  const top: number[] = [];
  const topKeys: number[] = [];
  const from = p.foundedFrom ?? 0;
  const to = p.foundedTo ?? 9999;
  const hasYears = p.foundedFrom !== null || p.foundedTo !== null;

  const visit = (id: number) => {
    if (id > idx.maxId || idx.active[id] !== 1) return;
    if (hasYears) {
      const y = idx.founded[id] as number;
      if (y === 0 || y < from || y > to) return;
    }
    let failed = -1;
    let failures = 0;
    for (let k = 0; k < allowed.length; k++) {
      const a = allowed[k] as (typeof allowed)[number];
      if (a.mask[a.column[id] as number] !== 1) {
        failed = k;
        if (++failures > 1) return;
      }
    }
    if (failures === 1) {
      const a = allowed[failed] as (typeof allowed)[number];
      const c = counts[a.f];
      const pos = a.column[id] as number;
      c[pos] = (c[pos] as number) + 1;
      return;
    }
    total++;
    if (passing) {
      if (passing.length < collect.keepUpTo) passing.push(id);
      else passing = null;
    }
    if (keyOf && topN > 0) {
      const k = keyOf(id);
      const last = top.length - 1;
      if (
        top.length < topN ||
        k < (topKeys[last] as number) ||
        (k === topKeys[last] && id < (top[last] as number))
      ) {
        let lo = 0;
        let hi = top.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          const mk = topKeys[mid] as number;
          if (mk < k || (mk === k && (top[mid] as number) < id)) lo = mid + 1;
          else hi = mid;
        }
        top.splice(lo, 0, id);
        topKeys.splice(lo, 0, k);
        if (top.length > topN) {
          top.pop();
          topKeys.pop();
        }
      }
    }
    const kp = idx.kind[id] as number;
    const dp = idx.district[id] as number;
    const sp = idx.sector[id] as number;
    const lp = idx.level[id] as number;
    kind[kp] = (kind[kp] as number) + 1;
    district[dp] = (district[dp] as number) + 1;
    sector[sp] = (sector[sp] as number) + 1;
    level[lp] = (level[lp] as number) + 1;
  };

  if (hits === null) for (let id = 1; id <= idx.maxId; id++) visit(id);
  else if (hits instanceof Uint32Array) {
    for (let i = 0; i < hits.length; i++) {
      let w = hits[i] as number;
      while (w !== 0) {
        const bit = w & -w;
        visit(i * 32 + (31 - Math.clz32(bit)));
        w ^= bit;
      }
    }
  } else for (const id of hits) visit(id);
  return { total, passing, top, counts };
};

const facetCounts = (counts: Record<TFacet, Uint32Array>): TFacetCounts =>
  Object.fromEntries(
    FACET_NAMES.map((f) => {
      const list: { code: string; count: number }[] = [];
      counts[f].forEach((n, pos) => {
        const code = pos > 0 ? codeAt(f, pos) : undefined;
        if (code && n > 0) list.push({ code, count: n });
      });
      return [f, list];
    }),
  ) as unknown as TFacetCounts;

// ——— relevance ————————————————————————————————————————————————————————————————————————————————

const nameTexts = (r: TRankRow): string[] => {
  const aliases: string[] = r.aliases ? (JSON.parse(r.aliases) as string[]) : [];
  return [r.name_en, r.name_zh, ...aliases];
};

const termInNames = (t: TQueryTerm, names: string[], nameWords: string[]): boolean =>
  t.kind === 'cjk'
    ? names.some((n) => n.includes(t.text))
    : nameWords.some((w) => (t.prefix ? w.startsWith(t.prefix) : w === t.text));

/** A relevance score from what a reader sees: exact name or acronym first, then names holding every word. */
export const relevance = (r: TRankRow, q: TParsedQuery, weight: number): number => {
  const names = nameTexts(r);
  const folded = names.map((n) => foldLatin(n).replace(/\s+/g, ' ').trim());
  const nameWords = latinWords(names.join(' '));
  const acronym = r.acronym ? foldLatin(r.acronym) : null;
  let score = 0;
  if (folded.includes(q.folded) || (acronym && acronym === q.folded)) score += 10_000;
  else if (folded.some((n) => n.startsWith(q.folded))) score += 3_000;
  if (acronym && q.terms.some((t) => t.kind === 'latin' && t.text === acronym)) score += 2_000;
  const inNames = q.terms.filter((t) => termInNames(t, names, nameWords)).length;
  if (q.terms.length > 0)
    score += inNames === q.terms.length ? 1_500 : Math.round((1_000 * inNames) / q.terms.length);
  // jieba's words for the Chinese part: whole words in a name beat scattered bigrams.
  for (const w of q.words) if (names.some((n) => n.includes(w))) score += 200;
  // Shorter names read as closer matches; richer, verified records as more useful.
  score -= Math.min(100, r.name_en.length);
  return score + Math.min(weight, 400) / 4;
};

// ——— spelling ————————————————————————————————————————————————————————————————————————————————

/** Replaces Latin words the name vocabulary lacks by the closest known word; null when nothing changes. */
const correctSpelling = async (deps: TDeps, q: TParsedQuery, raw: string): Promise<string | null> => {
  let text = raw;
  let changed = false;
  for (const t of q.terms) {
    if (t.kind !== 'latin' || t.text.length < 4) continue;
    if (await repo.hasTerm(deps.db, t.text, t.prefix !== undefined)) continue;
    const candidates = new Set<string>([
      ...(await repo.termsWithPrefix(deps.db, t.text.slice(0, 2), 2_000)),
      ...(await repo.termsWithPrefix(deps.db, t.text.slice(0, 1) + (t.text[2] ?? ''), 500)),
      ...(await repo.termsWithPrefix(deps.db, (t.text[1] ?? '') + t.text.slice(0, 1), 500)),
    ]);
    const best = closestWord(t.text, candidates, t.prefix !== undefined);
    if (best && best !== t.text) {
      text = text.replace(
        new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t.text)}(?![\\p{L}\\p{N}])`, 'iu'),
        best,
      );
      changed = true;
    }
  }
  return changed ? text : null;
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ——— the search ——————————————————————————————————————————————————————————————————————————————

type THits = {
  ids: THitIds;
  query: TParsedQuery;
  correctedFrom: string | null;
  correctedTo: string | null;
};

/** Hits of the typed query (else of its spelling fix), as of the facet index's change sequence. */
const findHits = async (deps: TDeps, raw: string, idx: TFacetIndex, t: TSearchTuning): Promise<THits> => {
  const query = parseQuery(raw);
  if (query.terms.length === 0) return { ids: null, query, correctedFrom: null, correctedTo: null };
  const hitsOf = async (q: TParsedQuery) =>
    (await queryHits(deps.db, deps.engine, q, idx.seq, t.frequentTerm, !idx.bulkLoading)) ?? {
      ids: [],
      count: 0,
    };
  const found = await hitsOf(query);
  if (found.count > 0) return { ids: found.ids, query, correctedFrom: null, correctedTo: null };
  const fixed = await correctSpelling(deps, query, raw);
  if (!fixed) return { ids: [], query, correctedFrom: null, correctedTo: null };
  const fixedQuery = parseQuery(fixed);
  const again = await hitsOf(fixedQuery);
  if (again.count === 0) return { ids: [], query, correctedFrom: null, correctedTo: null };
  return { ids: again.ids, query: fixedQuery, correctedFrom: raw, correctedTo: fixed };
};

/** The ascending key of each sort's static order (`names`: the name order's ranks, for sort by name). */
const staticKey = (idx: TFacetIndex, sort: TSearchParams['sort'], names: Float64Array | null) => {
  if (sort === 'name' && names) {
    // A record written after the name order's last refresh (a race with a write) sorts last until the next.
    return (id: number) => (id < names.length ? (names[id] as number) : Number.POSITIVE_INFINITY);
  }
  return sort === 'newest'
    ? (id: number) => -((idx.founded[id] as number) || 0)
    : sort === 'oldest'
      ? (id: number) => (idx.founded[id] as number) || 9999
      : (id: number) => -(idx.weight[id] as number);
};

/** The name order's ranks when the sort asks for them, at the facet index's change sequence. */
const namesFor = (deps: TDeps, idx: TFacetIndex, p: TSearchParams, locale: TLocale, t: TSearchTuning) =>
  p.sort === 'name' ? nameRanks(deps.db, deps.engine, idx.seq, locale, t.nameOverlay) : null;

/** The page's ids in result order: relevance for small sets, else the sort's static key. */
const orderIds = async (
  deps: TDeps,
  idx: TFacetIndex,
  f: TFiltered,
  p: TSearchParams,
  query: TParsedQuery,
  key: (id: number) => number,
  window: { offset: number; limit: number },
  t: TSearchTuning,
): Promise<{ ids: number[]; isRanked: boolean }> => {
  const page = (ids: number[]) => ids.slice(window.offset, window.offset + window.limit);
  const small = f.passing !== null && f.total <= t.rank ? f.passing : null;
  if (small && p.sort === 'relevance' && query.terms.length > 0) {
    const rows = await repo.rankRows(deps.db, small);
    const scored = rows.map((r) => ({ id: r.id, s: relevance(r, query, idx.weight[r.id] as number) }));
    scored.sort((a, b) => b.s - a.s || a.id - b.id);
    return { ids: page(scored.map((x) => x.id)), isRanked: true };
  }
  // Infinity - Infinity is NaN, which falls through to the id like a tie.
  if (small) return { ids: page([...small].sort((a, b) => key(a) - key(b) || a - b)), isRanked: false };
  return { ids: page(f.top), isRanked: false };
};

/** One page of results with total and facet counts. */
export const searchDirectory = async (
  deps: TDeps,
  p: TSearchParams,
  locale: TLocale,
  opts: { offset?: number } & TSearchOptions = {},
): Promise<TSearchResult> => {
  const t = tuningOf(opts);
  const idx = await facetIndex(deps.db);
  const hits = await findHits(deps, p.q, idx, t);
  const key = staticKey(idx, p.sort, await namesFor(deps, idx, p, locale, t));
  const offset = opts.offset ?? (p.page - 1) * p.limit;
  const f = filterAndCount(idx, hits.ids, p, { keepUpTo: t.rank, top: { n: offset + p.limit, key } });
  const ordered = await orderIds(deps, idx, f, p, hits.query, key, { offset, limit: p.limit }, t);
  return {
    total: f.total,
    items: await repo.listRows(deps.db, ordered.ids),
    facets: facetCounts(f.counts),
    query: hits.query,
    correctedFrom: hits.correctedFrom,
    correctedTo: hits.correctedTo,
    isRanked: ordered.isRanked,
  };
};

/**
 * Every matching record in result order, in chunks, for streamed exports: the order of the pages, except
 * that large sets sorted by relevance come in the static weight order (as their pages do past the ranked
 * size).
 */
export async function* exportRows(
  deps: TDeps,
  p: TSearchParams,
  locale: TLocale,
  chunk = 500,
  opts: TSearchOptions = {},
): AsyncGenerator<readonly TListRow[]> {
  const t = tuningOf(opts);
  const idx = await facetIndex(deps.db);
  const hits = await findHits(deps, p.q, idx, t);
  const f = filterAndCount(idx, hits.ids, p, { keepUpTo: Number.POSITIVE_INFINITY });
  const all = f.passing ?? [];
  const key = staticKey(idx, p.sort, await namesFor(deps, idx, p, locale, t));
  const ids =
    all.length <= t.rank
      ? (await orderIds(deps, idx, f, p, hits.query, key, { offset: 0, limit: all.length }, t)).ids
      : [...all].sort((a, b) => key(a) - key(b) || a - b);
  for (let i = 0; i < ids.length; i += chunk) yield await repo.listRows(deps.db, ids.slice(i, i + chunk));
}

/** Ids after `afterId` in id order, for the API's cursor: stable while records are added. */
export const searchByCursor = async (
  deps: TDeps,
  p: TSearchParams,
  afterId: number,
  limit: number,
  opts: TSearchOptions = {},
): Promise<{ total: number; items: readonly TListRow[]; nextAfter: number | null; facets: TFacetCounts }> => {
  const idx = await facetIndex(deps.db);
  const hits = await findHits(deps, p.q, idx, tuningOf(opts));
  const ids =
    hits.ids instanceof Uint32Array || hits.ids === null ? hits.ids : [...hits.ids].sort((a, b) => a - b);
  const f = filterAndCount(idx, ids, p, { keepUpTo: Number.POSITIVE_INFINITY });
  const passing = f.passing ?? [];
  const start = lowerBound(passing, afterId + 1);
  const pageIds = passing.slice(start, start + limit);
  const more = start + limit < passing.length;
  return {
    total: f.total,
    items: await repo.listRows(deps.db, pageIds),
    nextAfter: more ? (pageIds.at(-1) ?? null) : null,
    facets: facetCounts(f.counts),
  };
};

const lowerBound = (xs: number[], v: number): number => {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** Counts of active records by kind and by district (the directory home), from the facet index. */
export const directoryCounts = async (
  deps: TDeps,
): Promise<{
  total: number;
  byKind: Map<string, number>;
  byDistrict: Map<string, number>;
  byKindDistrict: Map<string, number>;
}> => {
  const idx = await facetIndex(deps.db);
  const byKind = new Map<string, number>();
  const byDistrict = new Map<string, number>();
  const byKindDistrict = new Map<string, number>();
  let total = 0;
  for (let id = 1; id <= idx.maxId; id++) {
    if (idx.active[id] !== 1) continue;
    total++;
    const kind = codeAt('kind', idx.kind[id] as number);
    const district = codeAt('district', idx.district[id] as number);
    if (kind) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    if (district) byDistrict.set(district, (byDistrict.get(district) ?? 0) + 1);
    if (kind && district)
      byKindDistrict.set(`${kind}|${district}`, (byKindDistrict.get(`${kind}|${district}`) ?? 0) + 1);
  }
  return { total, byKind, byDistrict, byKindDistrict };
};

/** One record by slug or numeric id (merged ones too, naming the record they were merged into). */
export const getRecord = async (deps: TDeps, key: string) => {
  const found = /^\d{1,15}$/.test(key)
    ? await repo.recordByKey(deps.db, { id: Number(key) })
    : /^[a-z0-9]+(-[a-z0-9]+)*$/.test(key) && key.length <= 160
      ? await repo.recordByKey(deps.db, { slug: key })
      : undefined;
  if (!found) return undefined;
  const merged = found.mergedInto === null ? null : await repo.recordByKey(deps.db, { id: found.mergedInto });
  return { ...found, mergedIntoSlug: merged?.row.slug ?? null };
};

/** Loads the facet index and the name orders ahead of the first search (a million records take seconds). */
export const warmDirectory = async (deps: TDeps): Promise<void> => {
  const idx = await facetIndex(deps.db);
  for (const locale of ['en', 'zh'] as const) await nameRanks(deps.db, deps.engine, idx.seq, locale);
};

/** The article's Guangzhou figures counted live from the registry, for the directory home. */
export const guangzhouFigures = async (deps: TDeps) =>
  Promise.all(
    GUANGZHOU_FIGURES.map(async (f) => ({
      key: f.key,
      rule: f.rule,
      count: (await countRegistry(deps, f.rule)).total,
    })),
  );
