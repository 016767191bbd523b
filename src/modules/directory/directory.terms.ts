import type { Db, TEngine } from '../../platform/db/database.ts';
import type { TParsedQuery, TQueryTerm } from '../../platform/search/query.ts';
import { changedTokensSince, matchIds } from './directory.search.repo.ts';

// Hit lists of frequent terms, kept as bitsets (ADR 0008). Reading a term's hits out of the full-text
// index costs about half a microsecond a hit: nothing for rare words, but 0.2–0.7 s for words in half the
// registry ("科技", "technology", "Guangzhou"). So a term whose hits pass FREQUENT is kept in memory as a
// bitset over record ids (125 KB at a million records) and maintained exactly with the change sequence:
// rows written since the cache last looked are re-tested against each cached term from their tokens.
// Rare terms still go to the engine every time. A query's terms are intersected here.

/** A term with at least this many hits is worth a bitset (tests pass a lower bar to exercise the cache). */
export const FREQUENT_TERM = 5_000;
/** At most this many cached terms (least recently used go first). */
const MAX_TERMS = 200;
/** When more rows than this changed at once (a bulk import), the cache starts again. */
const MAX_DELTA = 50_000;

type TBits = { words: Uint32Array; count: number; used: number };
type TCache = { seq: number; terms: Map<string, TBits>; tick: number };

const caches = new WeakMap<Db, TCache>();

const keyOf = (t: TQueryTerm): string =>
  `${t.prefix !== undefined ? `${t.prefix}*` : ''}|${t.tokens.join(' ')}`;

const has = (w: Uint32Array, id: number): boolean =>
  id >>> 5 < w.length && (((w[id >>> 5] as number) >>> (id & 31)) & 1) === 1;

const toBits = (ids: readonly number[]): TBits => {
  let max = 0;
  for (const id of ids) if (id > max) max = id;
  const words = new Uint32Array((max >>> 5) + 1);
  for (const id of ids) words[id >>> 5] = (words[id >>> 5] as number) | (1 << (id & 31));
  return { words, count: ids.length, used: 0 };
};

const setBit = (b: TBits, id: number, on: boolean) => {
  if (id >>> 5 >= b.words.length) {
    if (!on) return;
    const grown = new Uint32Array(Math.max((id >>> 5) + 1, Math.ceil(b.words.length * 1.25)));
    grown.set(b.words);
    b.words = grown;
  }
  const was = has(b.words, id);
  if (was === on) return;
  b.words[id >>> 5] = on
    ? (b.words[id >>> 5] as number) | (1 << (id & 31))
    : (b.words[id >>> 5] as number) & ~(1 << (id & 31));
  b.count += on ? 1 : -1;
};

/** Whether a record's tokens satisfy a term (every token present; a prefix matches any token's start). */
const satisfies = (t: TQueryTerm, tokens: Set<string>): boolean => {
  for (const tok of t.tokens) if (!tokens.has(tok)) return false;
  if (t.prefix !== undefined) {
    for (const tok of tokens) if (tok.startsWith(t.prefix)) return true;
    return false;
  }
  return true;
};

const parseKey = (key: string): TQueryTerm => {
  const [p, toks] = key.split('|') as [string, string];
  return {
    text: '',
    kind: 'latin',
    tokens: toks ? toks.split(' ') : [],
    ...(p ? { prefix: p.slice(0, -1) } : {}),
  };
};

/** Brings cached terms up to date with every write committed up to change sequence `seq`. */
const refresh = async (db: Db, cache: TCache, seq: number): Promise<void> => {
  if (seq <= cache.seq) return;
  if (cache.terms.size > 0) {
    const changed = await changedTokensSince(db, cache.seq, MAX_DELTA + 1);
    if (changed.length > MAX_DELTA) cache.terms.clear();
    else {
      const terms = [...cache.terms].map(([k, b]) => ({ term: parseKey(k), bits: b }));
      for (const row of changed) {
        const tokens = new Set(row.search_text ? row.search_text.split(' ') : []);
        for (const { term, bits } of terms) setBit(bits, row.id, satisfies(term, tokens));
      }
    }
  }
  cache.seq = seq;
};

/**
 * The ids matching every term of the query — a list, or a bitset when every term is frequent — with
 * their number; cached bitsets serve frequent terms (`frequent` hits or more), the engine the rest. `seq`
 * is the change sequence number the caller read (the facet index's): cached terms are brought up to it.
 * Null for a query without terms (everything matches). The bitset may be the cache's own: callers only
 * read it.
 */
export const queryHits = async (
  db: Db,
  engine: TEngine,
  query: TParsedQuery,
  seq: number,
  frequent = FREQUENT_TERM,
  /**
   * False while a bulk load is under way: the engine's hits then lack the load's records, and a bitset
   * cached from them would stay short (refreshes only look at rows changed after it). Terms already
   * cached stay exact: refreshes read the rows' own search column.
   */
  cacheNew = true,
): Promise<{ ids: readonly number[] | Uint32Array; count: number } | null> => {
  if (query.terms.length === 0) return null;
  let cache = caches.get(db);
  if (!cache) {
    cache = { seq, terms: new Map(), tick: 0 };
    caches.set(db, cache);
  }
  await refresh(db, cache, seq);
  const c = cache;
  const cached: TBits[] = [];
  const lists: number[][] = [];
  for (const term of query.terms) {
    const key = keyOf(term);
    const bits = c.terms.get(key);
    if (bits) {
      bits.used = ++c.tick;
      cached.push(bits);
      continue;
    }
    const ids = await matchIds(db, engine, { terms: [term], words: [], folded: '' });
    if (cacheNew && ids.length >= frequent) {
      const b = toBits(ids);
      b.used = ++c.tick;
      c.terms.set(key, b);
      evict(c);
      cached.push(b);
    } else lists.push(ids);
    if (ids.length === 0) return { ids: [], count: 0 };
  }
  if (lists.length > 0) {
    lists.sort((a, b) => a.length - b.length);
    const [smallest, ...rest] = lists as [number[], ...number[][]];
    const sets = rest.map((l) => new Set(l));
    const ids = smallest.filter(
      (id) => sets.every((s) => s.has(id)) && cached.every((b) => has(b.words, id)),
    );
    return { ids, count: ids.length };
  }
  // Every term is frequent: the bitset itself (one term) or the AND of all of them, never a list.
  if (cached.length === 1) {
    const only = cached[0] as TBits;
    return { ids: only.words, count: only.count };
  }
  cached.sort((a, b) => a.count - b.count);
  const [first, ...others] = cached as [TBits, ...TBits[]];
  const words = new Uint32Array(first.words.length);
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    let w = first.words[i] as number;
    for (const o of others) w &= i < o.words.length ? (o.words[i] as number) : 0;
    words[i] = w;
    // Population count of a 32-bit word.
    w -= (w >>> 1) & 0x55555555;
    w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
    count += (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return { ids: words, count };
};

const evict = (c: TCache) => {
  while (c.terms.size > MAX_TERMS) {
    let oldest: string | undefined;
    let min = Number.POSITIVE_INFINITY;
    for (const [k, b] of c.terms) if (b.used < min) [min, oldest] = [b.used, k];
    if (oldest === undefined) return;
    c.terms.delete(oldest);
  }
};
