import type { Db } from '../../platform/db/database.ts';
import { ORG_KINDS } from '../organizations/index.ts';
import { DISTRICTS, LEVELS, SECTOR_CODES } from './directory.codes.ts';
import { readCounters } from './directory.registry.repo.ts';
import { facetRowsSince, type TFacetRow } from './directory.search.repo.ts';

// The facet index: the few small columns every search filters and counts on, kept in typed arrays indexed
// by record id (ADR 0008). Full-text search returns hit ids; filtering, facet counts and the static order
// of large result sets are then loops over these arrays instead of joins over hundreds of thousands of
// rows. It stays exact across processes and app instances: every write takes the next value of the
// directory_counter row (writers serialise on that row), so a reader that remembers the last value it
// saw fetches exactly the rows changed since — one tiny query per search when nothing changed.

export const FACETS = {
  kind: ORG_KINDS,
  district: DISTRICTS,
  sector: SECTOR_CODES,
  level: LEVELS,
} as const;
export type TFacet = keyof typeof FACETS;
export const FACET_NAMES = Object.keys(FACETS) as TFacet[];

/** Codes are stored as 1-based positions in their code list; 0 means none (or an unknown code). */
const codeIndex = Object.fromEntries(
  FACET_NAMES.map((f) => [
    f,
    new Map<string, number>((FACETS[f] as readonly string[]).map((c, i) => [c, i + 1])),
  ]),
) as Record<TFacet, Map<string, number>>;

export type TFacetIndex = {
  /** The change sequence number it is up to date with: the term cache and the name order follow it, so a
   * search reads the counter once. */
  seq: number;
  /** A bulk load is under way (ADR 0012): the full-text index lacks its records until it ends. */
  bulkLoading: boolean;
  /** Highest id seen; arrays are at least this long. */
  maxId: number;
  active: Uint8Array;
  kind: Uint8Array;
  district: Uint8Array;
  sector: Uint8Array;
  level: Uint8Array;
  founded: Uint16Array;
  weight: Int32Array;
};

const empty = (size: number): TFacetIndex => ({
  seq: 0,
  bulkLoading: false,
  maxId: 0,
  active: new Uint8Array(size),
  kind: new Uint8Array(size),
  district: new Uint8Array(size),
  sector: new Uint8Array(size),
  level: new Uint8Array(size),
  founded: new Uint16Array(size),
  weight: new Int32Array(size),
});

const grow = (idx: TFacetIndex, needed: number): TFacetIndex => {
  if (needed < idx.active.length) return idx;
  const size = Math.max(needed + 1, Math.ceil(idx.active.length * 1.5), 1024);
  const next = empty(size);
  next.seq = idx.seq;
  next.maxId = idx.maxId;
  for (const k of ['active', 'kind', 'district', 'sector', 'level', 'founded', 'weight'] as const) {
    (next[k] as Uint8Array).set(idx[k] as Uint8Array);
  }
  return next;
};

const apply = (idx: TFacetIndex, rows: readonly TFacetRow[]): TFacetIndex => {
  let maxId = idx.maxId;
  for (const r of rows) if (r.id > maxId) maxId = r.id;
  const out = grow(idx, maxId);
  out.maxId = maxId;
  for (const r of rows) {
    out.active[r.id] = r.status === 'active' ? 1 : 0;
    out.kind[r.id] = codeIndex.kind.get(r.kind) ?? 0;
    out.district[r.id] = r.district ? (codeIndex.district.get(r.district) ?? 0) : 0;
    out.sector[r.id] = r.sector ? (codeIndex.sector.get(r.sector) ?? 0) : 0;
    out.level[r.id] = r.level ? (codeIndex.level.get(r.level) ?? 0) : 0;
    out.founded[r.id] = r.founded_year ?? 0;
    out.weight[r.id] = r.weight;
  }
  return out;
};

const indexes = new WeakMap<Db, { idx: TFacetIndex; loading?: Promise<TFacetIndex> }>();

/** The facet index for a database, brought up to date with every committed write (as of `idx.seq`). */
export const facetIndex = async (db: Db): Promise<TFacetIndex> => {
  let entry = indexes.get(db);
  if (!entry) {
    entry = { idx: empty(1024) };
    indexes.set(db, entry);
  }
  const e = entry;
  if (e.loading) return e.loading;
  const { seq, bulkLoading } = await readCounters(db);
  if (seq === e.idx.seq) {
    e.idx.bulkLoading = bulkLoading;
    return e.idx;
  }
  // Read the counter first: rows committed later have a higher seq and are fetched next time too.
  e.loading = (async () => {
    try {
      const rows = await facetRowsSince(db, e.idx.seq);
      const next = apply(e.idx, rows);
      next.seq = seq;
      next.bulkLoading = bulkLoading;
      e.idx = next;
      return next;
    } finally {
      e.loading = undefined;
    }
  })();
  return e.loading;
};

/** The code at a 1-based position of a facet's code list. */
export const codeAt = (facet: TFacet, n: number): string | undefined =>
  (FACETS[facet] as readonly string[])[n - 1];

/** The 1-based position of a code in its facet's code list (0 when unknown). */
export const positionOf = (facet: TFacet, code: string): number => codeIndex[facet].get(code) ?? 0;
