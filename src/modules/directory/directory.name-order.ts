import type { Db, TEngine } from '../../platform/db/database.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { idsByName, namesOf, namesSince, type TNameColumn } from './directory.search.repo.ts';

// The name order (ADR 0008): per language, every record's place in name order, kept in memory beside the
// facet index so that a name-sorted page of any result set is a top-k selection by a number while the
// facet loop runs — no walk of the name index, no fetch of the hits' names. The order is code point order
// of the name, then id: what SQLite's BINARY and PostgreSQL's "C" collation give, so it is one order on
// both engines, and what the (name, id) index holds, so building it reads only that index.
//
// A sorted array cannot take inserts cheaply, so the order is a base built once (ids in name order, and
// `rank[id]` = position) plus an overlay of records written since, each placed between two base records:
// its insertion point is the first base record, not itself in the overlay, that sorts after it (base
// records outside the overlay still have the names they were sorted by). Finding it needs the names of a
// few base records: the base keeps the name of every FENCEth record, so a binary search narrows it to one
// block, whose names are read by id. Overlay records take fractional ranks between their neighbours; past
// a limit the base is built again. Rows written after the last refresh are found by the change sequence,
// like the facet index's.

/** Base positions whose names are kept for placing new records (a block of names is read by id). */
const FENCE = 64;
/** Records written since the base was built, kept in the overlay until the base is built again. */
export const NAME_OVERLAY = 20_000;
/** More rows than this changed at once (a bulk import): build the base again instead of placing each. */
const MAX_DELTA = 2_000;

/** Compares by Unicode code point (UTF-16 puts astral characters below U+E000–U+FFFF; UTF-8 does not). */
export const compareNames = (a: string, b: string): number => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointUnit(x) - codePointUnit(y);
  }
  return a.length - b.length;
};
const codePointUnit = (c: number) => (c >= 0xd800 ? (c >= 0xe000 ? c - 0x800 : c + 0x2000) : c);

const compareKeys = (an: string, aid: number, bn: string, bid: number) => compareNames(an, bn) || aid - bid;

type TOrder = {
  /** Rows written after this change sequence number are not placed yet. */
  seq: number;
  /** The base: ids in name order when it was built. */
  order: Uint32Array;
  /** Place in name order by id: the base position, a fraction between two for overlay records. */
  rank: Float64Array;
  /** Every FENCEth base position whose record was unchanged since the build, with its name. */
  fencePos: number[];
  fenceName: string[];
  /** Overlay records: their current name and insertion point in the base. */
  overlay: Map<number, { name: string; at: number }>;
};

type TEntry = { order?: TOrder; loading?: Promise<TOrder> };
const orders = new WeakMap<Db, Record<TLocale, TEntry>>();
const columnOf = (locale: TLocale): TNameColumn => (locale === 'zh' ? 'name_zh' : 'name_en');

const build = async (db: Db, engine: TEngine, column: TNameColumn, seq: number): Promise<TOrder> => {
  // `seq` was read before this scan: a record changed since may be sorted by either name, and is placed
  // again (into the overlay) at the next refresh; the fences keep only records unchanged since.
  const order = await idsByName(db, engine, column);
  let maxId = 0;
  for (let p = 0; p < order.length; p++) if ((order[p] as number) > maxId) maxId = order[p] as number;
  const rank = new Float64Array(maxId + 1).fill(Number.POSITIVE_INFINITY);
  for (let p = 0; p < order.length; p++) rank[order[p] as number] = p;
  const positions: number[] = [];
  for (let p = 0; p < order.length; p += FENCE) positions.push(p);
  const names = new Map(
    (
      await namesOf(
        db,
        column,
        positions.map((p) => order[p] as number),
      )
    ).map((r) => [r.id, r]),
  );
  const fencePos: number[] = [];
  const fenceName: string[] = [];
  for (const p of positions) {
    const r = names.get(order[p] as number);
    if (r && r.seq <= seq) {
      fencePos.push(p);
      fenceName.push(r.name);
    }
  }
  return { seq, order, rank, fencePos, fenceName, overlay: new Map() };
};

/** The first base position, of a record outside the overlay, whose key sorts after (name, id). */
const insertionPoint = async (
  db: Db,
  column: TNameColumn,
  o: TOrder,
  name: string,
  id: number,
  blocks: Map<number, Map<number, string>>,
  upTo: number,
): Promise<number> => {
  let lo = 0;
  let hi = o.fencePos.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const p = o.fencePos[mid] as number;
    if (compareKeys(o.fenceName[mid] as string, o.order[p] as number, name, id) < 0) lo = mid + 1;
    else hi = mid;
  }
  // Base records before fence lo-1 sort before (name, id), those from fence lo on after it.
  const start = lo > 0 ? (o.fencePos[lo - 1] as number) : 0;
  const end = lo < o.fencePos.length ? (o.fencePos[lo] as number) : o.order.length;
  // Blocks are keyed by the fence after them: the block before the first fence is empty unless that
  // fence was dropped.
  let names = blocks.get(lo);
  if (!names) {
    const ids: number[] = [];
    for (let p = start; p < end; p++)
      if (!o.overlay.has(o.order[p] as number)) ids.push(o.order[p] as number);
    // A record written after this refresh read the counter (`upTo`) may have a new name while it still
    // holds its old place: it is no neighbour (the next refresh moves it into the overlay).
    const rows = await namesOf(db, column, ids);
    names = new Map(rows.filter((r) => r.seq <= upTo).map((r) => [r.id, r.name]));
    blocks.set(lo, names);
  }
  for (let p = start; p < end; p++) {
    const other = o.order[p] as number;
    if (o.overlay.has(other)) continue;
    const otherName = names.get(other);
    if (otherName !== undefined && compareKeys(otherName, other, name, id) > 0) return p;
  }
  return end;
};

/**
 * Gives overlay records their ranks: in name order among themselves, each just before the first base
 * record outside the overlay that sorts after it (base records in the overlay no longer hold a place).
 */
const placeOverlay = (o: TOrder) => {
  const entries = [...o.overlay].sort(([a, x], [b, y]) => compareKeys(x.name, a, y.name, b));
  const n = entries.length;
  entries.forEach(([id, e], j) => {
    let at = e.at;
    while (at < o.order.length && o.overlay.has(o.order[at] as number)) at++;
    o.rank[id] = at - 1 + (j + 1) / (n + 1);
  });
};

const refresh = async (
  db: Db,
  engine: TEngine,
  column: TNameColumn,
  o: TOrder,
  seq: number,
  maxOverlay: number,
): Promise<TOrder> => {
  const limit = Math.min(MAX_DELTA, maxOverlay);
  const rows = await namesSince(db, column, o.seq, limit + 1);
  const added = rows.filter((r) => !o.overlay.has(r.id)).length;
  if (rows.length > limit || o.overlay.size + added > maxOverlay) return build(db, engine, column, seq);
  let maxId = o.rank.length - 1;
  for (const r of rows) if (r.id > maxId) maxId = r.id;
  if (maxId >= o.rank.length) {
    const grown = new Float64Array(Math.max(maxId + 1, Math.ceil(o.rank.length * 1.25)));
    grown.fill(Number.POSITIVE_INFINITY, o.rank.length);
    grown.set(o.rank);
    o.rank = grown;
  }
  // Every changed record leaves the base first: none of them may serve as a neighbour by its old name.
  for (const r of rows) o.overlay.set(r.id, { name: r.name, at: 0 });
  const blocks = new Map<number, Map<number, string>>();
  for (const r of [...rows].sort((a, b) => compareKeys(a.name, a.id, b.name, b.id))) {
    (o.overlay.get(r.id) as { at: number }).at = await insertionPoint(
      db,
      column,
      o,
      r.name,
      r.id,
      blocks,
      seq,
    );
  }
  if (rows.length > 0) placeOverlay(o);
  o.seq = Math.max(seq, o.seq);
  return o;
};

/**
 * Place in name order by record id for one language, up to date with change sequence `seq` (the one the
 * facet index saw): lower sorts first; Infinity for a record written after that. Built on first use.
 */
export const nameRanks = async (
  db: Db,
  engine: TEngine,
  seq: number,
  locale: TLocale,
  maxOverlay = NAME_OVERLAY,
): Promise<Float64Array> => {
  let byLocale = orders.get(db);
  if (!byLocale) {
    byLocale = { en: {}, zh: {} };
    orders.set(db, byLocale);
  }
  const e = byLocale[locale];
  // A build or refresh under way may have read an older change number than the caller's: wait for it,
  // then check again (its failure is its own caller's to report).
  while (e.loading) await e.loading.catch(() => undefined);
  if (e.order && seq <= e.order.seq) return e.order.rank;
  const column = columnOf(locale);
  const current = e.order;
  e.loading = (async () => {
    try {
      const next = current
        ? await refresh(db, engine, column, current, seq, maxOverlay)
        : await build(db, engine, column, seq);
      e.order = next;
      return next;
    } finally {
      e.loading = undefined;
    }
  })();
  return (await e.loading).rank;
};
