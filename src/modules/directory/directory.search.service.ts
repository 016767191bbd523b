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
import type { TListRow, TRankRow } from './directory.search.repo.ts';
import * as repo from './directory.search.repo.ts';
import type { TSearchParams } from './directory.search.schemas.ts';

// Search over the registry (ADR 0008): the engine finds hit ids from application-computed tokens; the
// facet index filters and counts them; small hit sets are ranked here, the same way on both engines;
// large ones are ordered by a static weight (bm25 over hundreds of thousands of hits is what makes naive
// full-text search slow) or walked in name order.

/** Hit sets up to this size are ranked by relevance (and sorted by name) in memory. */
export const RANK_LIMIT = 2_000;

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

type TFilterSets = Record<TFacet, Set<number>>;

const filterSets = (p: TSearchParams): TFilterSets =>
  Object.fromEntries(
    FACET_NAMES.map((f) => [f, new Set(p.filters[f].map((c) => positionOf(f, c)))]),
  ) as TFilterSets;

/**
 * Filters ids through the facet index and counts facets the way shoppers expect: a facet's counts apply
 * every other facet's filter but not its own, so choosing one district still shows the others' counts.
 */
const filterAndCount = (
  idx: TFacetIndex,
  ids: Iterable<number>,
  p: TSearchParams,
): { passing: number[]; counts: Record<TFacet, Uint32Array> } => {
  const sets = filterSets(p);
  const active = FACET_NAMES.filter((f) => sets[f].size > 0);
  const counts = Object.fromEntries(FACET_NAMES.map((f) => [f, new Uint32Array(40)])) as Record<
    TFacet,
    Uint32Array
  >;
  const passing: number[] = [];
  const { foundedFrom: from, foundedTo: to } = p;
  for (const id of ids) {
    if (id > idx.maxId || idx.active[id] !== 1) continue;
    if (from !== null || to !== null) {
      const y = idx.founded[id] as number;
      if (y === 0 || (from !== null && y < from) || (to !== null && y > to)) continue;
    }
    let failed: TFacet | null = null;
    let failures = 0;
    for (const f of active) {
      if (!sets[f].has(idx[f][id] as number)) {
        failed = f;
        failures++;
        if (failures > 1) break;
      }
    }
    if (failures > 1) continue;
    if (failures === 1 && failed) {
      const c = counts[failed];
      c[idx[failed][id] as number] = (c[idx[failed][id] as number] as number) + 1;
      continue;
    }
    passing.push(id);
    for (const f of FACET_NAMES) {
      const c = counts[f];
      const pos = idx[f][id] as number;
      c[pos] = (c[pos] as number) + 1;
    }
  }
  return { passing, counts };
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

function* allIds(idx: TFacetIndex) {
  for (let id = 1; id <= idx.maxId; id++) yield id;
}

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
  // jieba's words for the Chinese part: whole words in the name or summary beat scattered bigrams.
  const summary = `${r.summary_zh ?? ''} ${r.summary_en ?? ''}`;
  for (const w of q.words) {
    if (names.some((n) => n.includes(w))) score += 200;
    else if (summary.includes(w)) score += 60;
  }
  for (const t of q.terms) if (t.kind === 'cjk' && summary.includes(t.text)) score += 40;
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
      ...(await repo.termsWithPrefix(deps.db, t.text.slice(0, 2), 5_000)),
      ...(await repo.termsWithPrefix(deps.db, t.text.slice(0, 1) + (t.text[2] ?? ''), 2_000)),
      ...(await repo.termsWithPrefix(deps.db, (t.text[1] ?? '') + t.text.slice(0, 1), 2_000)),
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
  ids: number[] | null;
  query: TParsedQuery;
  correctedFrom: string | null;
  correctedTo: string | null;
};

const findHits = async (deps: TDeps, raw: string): Promise<THits> => {
  const query = parseQuery(raw);
  if (query.terms.length === 0) return { ids: null, query, correctedFrom: null, correctedTo: null };
  const ids = await repo.matchIds(deps.db, deps.engine, query);
  if (ids.length > 0) return { ids, query, correctedFrom: null, correctedTo: null };
  const fixed = await correctSpelling(deps, query, raw);
  if (!fixed) return { ids, query, correctedFrom: null, correctedTo: null };
  const fixedQuery = parseQuery(fixed);
  const fixedIds = await repo.matchIds(deps.db, deps.engine, fixedQuery);
  if (fixedIds.length === 0) return { ids, query, correctedFrom: null, correctedTo: null };
  return { ids: fixedIds, query: fixedQuery, correctedFrom: raw, correctedTo: fixed };
};

const byWeight = (idx: TFacetIndex) => (a: number, b: number) =>
  (idx.weight[b] as number) - (idx.weight[a] as number) || a - b;

/** Every matching id in result order (relevance or weight, names, founding year). */
const orderIds = async (
  deps: TDeps,
  idx: TFacetIndex,
  passing: number[],
  p: TSearchParams,
  query: TParsedQuery,
  locale: TLocale,
  window: { offset: number; limit: number },
): Promise<{ ids: number[]; isRanked: boolean }> => {
  const page = (ids: number[]) => ids.slice(window.offset, window.offset + window.limit);
  if (p.sort === 'newest' || p.sort === 'oldest') {
    const dir = p.sort === 'newest' ? -1 : 1;
    // Records without a founding year go last either way.
    const key = (id: number) => (idx.founded[id] as number) || (dir === 1 ? 9999 : 0);
    return { ids: page([...passing].sort((a, b) => dir * (key(a) - key(b)) || a - b)), isRanked: false };
  }
  if (p.sort === 'name') {
    const column = locale === 'zh' ? 'name_zh' : 'name_en';
    if (passing.length <= RANK_LIMIT) {
      const rows = await repo.rankRows(deps.db, passing);
      const collator = new Intl.Collator(locale === 'zh' ? 'zh-Hans-CN' : 'en', {
        sensitivity: 'base',
        numeric: true,
      });
      rows.sort((a, b) => collator.compare(a[column], b[column]) || a.id - b.id);
      return { ids: page(rows.map((r) => r.id)), isRanked: false };
    }
    const keep = new Set(passing);
    return {
      ids: await repo.idsInNameOrder(deps.db, column, (id) => keep.has(id), window.offset, window.limit),
      isRanked: false,
    };
  }
  if (query.terms.length > 0 && passing.length <= RANK_LIMIT) {
    const rows = await repo.rankRows(deps.db, passing);
    const scored = rows.map((r) => ({ id: r.id, s: relevance(r, query, idx.weight[r.id] as number) }));
    scored.sort((a, b) => b.s - a.s || a.id - b.id);
    return { ids: page(scored.map((x) => x.id)), isRanked: true };
  }
  return { ids: page(topByWeight(idx, passing, window.offset + window.limit)), isRanked: false };
};

/** The first n ids by weight (then id) without sorting the whole set when it is large. */
const topByWeight = (idx: TFacetIndex, ids: number[], n: number): number[] => {
  const cmp = byWeight(idx);
  if (ids.length <= n * 4) return [...ids].sort(cmp).slice(0, n);
  // Keep a sorted buffer of the best n; most ids fail the threshold check against its last element.
  const best: number[] = [];
  for (const id of ids) {
    if (best.length === n && cmp(id, best[n - 1] as number) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(best[mid] as number, id) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, id);
    if (best.length > n) best.pop();
  }
  return best;
};

/** One page of results with total and facet counts. */
export const searchDirectory = async (
  deps: TDeps,
  p: TSearchParams,
  locale: TLocale,
  opts: { offset?: number } = {},
): Promise<TSearchResult> => {
  const idx = await facetIndex(deps.db);
  const hits = await findHits(deps, p.q);
  const { passing, counts } = filterAndCount(idx, hits.ids ?? allIds(idx), p);
  const offset = opts.offset ?? (p.page - 1) * p.limit;
  const ordered = await orderIds(deps, idx, passing, p, hits.query, locale, { offset, limit: p.limit });
  return {
    total: passing.length,
    items: await repo.listRows(deps.db, ordered.ids),
    facets: facetCounts(counts),
    query: hits.query,
    correctedFrom: hits.correctedFrom,
    correctedTo: hits.correctedTo,
    isRanked: ordered.isRanked,
  };
};

/**
 * Every matching record in result order, in chunks, for streamed exports. Small sets keep the page's
 * order; large ones come by weight (name order would mean one walk of the whole table per chunk).
 */
export async function* exportRows(
  deps: TDeps,
  p: TSearchParams,
  locale: TLocale,
  chunk = 500,
): AsyncGenerator<readonly TListRow[]> {
  const idx = await facetIndex(deps.db);
  const hits = await findHits(deps, p.q);
  const { passing } = filterAndCount(idx, hits.ids ?? allIds(idx), p);
  const ids =
    passing.length <= RANK_LIMIT
      ? (await orderIds(deps, idx, passing, p, hits.query, locale, { offset: 0, limit: passing.length })).ids
      : [...passing].sort(byWeight(idx));
  for (let i = 0; i < ids.length; i += chunk) yield await repo.listRows(deps.db, ids.slice(i, i + chunk));
}

/** Ids after `afterId` in id order, for the API's cursor: stable while records are added. */
export const searchByCursor = async (
  deps: TDeps,
  p: TSearchParams,
  afterId: number,
  limit: number,
): Promise<{ total: number; items: readonly TListRow[]; nextAfter: number | null; facets: TFacetCounts }> => {
  const idx = await facetIndex(deps.db);
  const hits = await findHits(deps, p.q);
  const ids = hits.ids ? [...hits.ids].sort((a, b) => a - b) : allIds(idx);
  const { passing, counts } = filterAndCount(idx, ids, p);
  const start = lowerBound(passing, afterId + 1);
  const pageIds = passing.slice(start, start + limit);
  const more = start + limit < passing.length;
  return {
    total: passing.length,
    items: await repo.listRows(deps.db, pageIds),
    nextAfter: more ? (pageIds.at(-1) ?? null) : null,
    facets: facetCounts(counts),
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
