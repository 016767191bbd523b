import { writeAudit } from '../../platform/audit.ts';
import type { TActor } from '../../platform/auth/actor.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { bigramSet, dice, onlySpellingDiffers, sameNumbers } from '../../platform/search/name-key.ts';
import * as repo from './directory.duplicate.repo.ts';
import * as merges from './directory.merge.repo.ts';
import { canManageDirectory } from './directory.policy.ts';
import { nextSeq } from './directory.registry.repo.ts';

// Duplicate suggestions, found without comparing every pair of a million records:
// - same_domain: records sharing a website domain (groups of 2..10; bigger ones are hosting services):
//   100 when a name key agrees too (80 when their places differ: branches of one body); otherwise only
//   records of different sources (one registry's records under one domain are its units), 90 for the
//   same kind, 70 across kinds.
// - similar_name: records read in name-key order (Latin key, then Chinese key; see platform/search/
//   name-key.ts), so equal and near-equal names are neighbours. Equal keys (groups of 2..10) score 95, or
//   90 when one city is unknown. A neighbour of another source within the next WINDOW keys whose bigram
//   Dice similarity is at least 0.85 scores that similarity (at most 89) — for Latin keys only when the
//   words differ by spelling, not by a word swapped for another (onlySpellingDiffers), and never when
//   their numbers differ ("第一" / "第二", "Campus 1" / "Campus 10"). Names within one source must be
//   equal: its near-equal names are distinct records. Both records must be of the same kind, and their
//   cities and countries must not disagree.
// Only pairs with a record changed after `sinceSeq` are added; a pair suggested before keeps its status.

const WINDOW = 4;
const MAX_GROUP = 10;
const SIMILAR = 0.85;
const PAGE = 5000;
/** Up to this many changed records, look them up one by one instead of reading the whole table. */
const TARGETED = 20_000;

type TCand = repo.TDupCandidate;

const placesAgree = (a: TCand, b: TCand) =>
  (a.city === null || b.city === null || a.city === b.city) &&
  (a.country === null || b.country === null || a.country === b.country);

type TAdd = (a: TCand, b: TCand, reason: repo.TPair['reason'], score: number) => void;

/**
 * The name pass over records fed in (key, id) order: equal keys form groups, and each record is compared
 * with the last WINDOW distinct keys before it.
 */
const nameScanner = (column: 'name_key' | 'name_key_zh', add: TAdd) => {
  const window: { c: TCand; grams?: Set<string> }[] = [];
  let group: TCand[] = [];
  const closeGroup = () => {
    if (group.length >= 2 && group.length <= MAX_GROUP) {
      for (let x = 0; x < group.length; x++)
        for (let y = x + 1; y < group.length; y++) {
          const a = group[x] as TCand;
          const b = group[y] as TCand;
          if (a.kind === b.kind && placesAgree(a, b))
            add(a, b, 'similar_name', a.city !== null && b.city !== null ? 95 : 90);
        }
    }
    group = [];
  };
  return {
    feed: (c: TCand) => {
      if (group.length > 0 && (group[0] as TCand).key !== c.key) closeGroup();
      group.push(c);
      let grams: Set<string> | undefined;
      for (const w of window) {
        const o = w.c;
        // Near-equal names within one source are its distinct records ("Alexandria University" and
        // "Alexandria National University"): only across sources do they suggest a duplicate.
        if (o.key === c.key || o.source === c.source || o.kind !== c.kind || !placesAgree(o, c)) continue;
        if (!sameNumbers(o.key, c.key)) continue;
        const longer = Math.max(o.key.length, c.key.length);
        if (Math.abs(o.key.length - c.key.length) > longer * 0.3) continue;
        grams ??= bigramSet(c.key);
        w.grams ??= bigramSet(o.key);
        const sim = dice(grams, w.grams);
        if (sim >= SIMILAR && (column === 'name_key_zh' || onlySpellingDiffers(o.key, c.key)))
          add(o, c, 'similar_name', Math.min(89, Math.round(sim * 100)));
      }
      const last = window[window.length - 1];
      if (last && last.c.key === c.key) window[window.length - 1] = { c };
      else {
        window.push({ c });
        if (window.length > WINDOW) window.shift();
      }
    },
    finish: closeGroup,
  };
};

const byKeyThenId = (a: TCand, b: TCand) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id);

/**
 * Finds new duplicate suggestions (see the module comment); returns how many were added. When at most
 * TARGETED records changed since `sinceSeq`, only their domains, their keys and their key neighbours are
 * read (index lookups, so a small import into a million records stays quick); otherwise the whole table
 * is read once per key, in key order, a page at a time.
 */
export const findDuplicates = async (
  deps: TDeps,
  opts: { sinceSeq?: number } = {},
): Promise<{ added: number; pairs: number }> => {
  const since = opts.sinceSeq ?? -1;
  const pairs = new Map<string, repo.TPair>();
  const add: TAdd = (a, b, reason, score) => {
    if (a.id === b.id || Math.max(a.seq, b.seq) <= since) return;
    const key = a.id < b.id ? `${a.id}:${b.id}` : `${b.id}:${a.id}`;
    const had = pairs.get(key);
    if (!had || had.score < score) pairs.set(key, { a: a.id, b: b.id, reason, score });
  };
  const changed = since < 0 ? null : await repo.changedSince(deps.db, since, TARGETED + 1);
  const targeted = changed !== null && changed.length <= TARGETED;
  if (changed !== null && changed.length === 0) return { added: 0, pairs: 0 };

  // Shared domains.
  const domains = targeted ? [...new Set(changed.map((c) => c.domain).filter((d): d is string => !!d))] : [];
  const byDomain = targeted
    ? await repo.recordsSharingDomains(deps.db, domains, MAX_GROUP)
    : await repo.sharedDomainRecords(deps.db, since, MAX_GROUP);
  for (let i = 0; i < byDomain.length; ) {
    let j = i;
    while (j < byDomain.length && byDomain[j]?.key === byDomain[i]?.key) j++;
    const group = byDomain.slice(i, j);
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        const a = group[x] as TCand;
        const b = group[y] as TCand;
        const sameName =
          (a.nameKey !== null && a.nameKey === b.nameKey) ||
          (a.nameKeyZh !== null && a.nameKeyZh === b.nameKeyZh);
        // One registry's records under one domain are its units (a university and its institutes):
        // only a shared name makes them suspect. Across sources a shared domain is the signal.
        if (sameName) add(a, b, 'same_domain', placesAgree(a, b) ? 100 : 80);
        else if (a.source !== b.source) add(a, b, 'same_domain', a.kind === b.kind ? 90 : 70);
      }
    }
    i = j;
  }

  // Similar names, one pass per key.
  for (const column of ['name_key', 'name_key_zh'] as const) {
    const scan = nameScanner(column, add);
    if (targeted) {
      const keys = [
        ...new Set(
          changed
            .map((c) => (column === 'name_key' ? c.nameKey : c.nameKeyZh))
            .filter((k): k is string => !!k),
        ),
      ];
      const rows = new Map<number, TCand>();
      for (const r of await repo.withKeys(deps.db, column, keys)) rows.set(r.id, r);
      for (const key of keys) {
        for (const side of ['before', 'after'] as const)
          for (const r of await repo.besideKey(deps.db, column, key, side, WINDOW * 2)) rows.set(r.id, r);
      }
      for (const r of [...rows.values()].sort(byKeyThenId)) scan.feed(r);
    } else {
      let after: { key: string; id: number } | null = null;
      for (;;) {
        const page = await repo.pageByKey(deps.db, column, after, PAGE);
        for (const c of page) scan.feed(c);
        if (page.length < PAGE) break;
        const tail = page[page.length - 1] as TCand;
        after = { key: tail.key, id: tail.id };
      }
    }
    scan.finish();
  }

  const list = [...pairs.values()];
  const added = await deps.db.transaction().execute((trx) => repo.insertPairs(trx, list, nowIso()));
  return { added, pairs: list.length };
};

/**
 * Merges a suggested pair: the record `keepId` (one of the two) keeps its fields and takes the other's
 * external ids, relations and people; the other becomes "merged" into it. One transaction, audited.
 * NOT_FOUND for people who may not manage the directory and for unknown suggestions; CONFLICT when the
 * suggestion was decided already or a record is no longer active; INVALID when keepId is not in the pair.
 */
export const mergeDuplicate = async (
  deps: TDeps,
  actor: TActor | undefined,
  duplicateId: number,
  keepId: number,
  meta: { requestId?: string; ip?: string } = {},
): Promise<{ keptId: number; mergedId: number }> => {
  if (!actor || !canManageDirectory(actor)) throw new AppError('NOT_FOUND');
  const result = await deps.db.transaction().execute(async (trx) => {
    const dup = await merges.getDuplicate(trx, duplicateId);
    if (!dup) throw new AppError('NOT_FOUND');
    if (dup.status !== 'open') throw new AppError('CONFLICT');
    const a = Number(dup.a_id);
    const b = Number(dup.b_id);
    if (keepId !== a && keepId !== b) throw new AppError('INVALID');
    const other = keepId === a ? b : a;
    const records = await merges.getRecords(trx, [keepId, other]);
    const keep = records.find((r) => Number(r.id) === keepId);
    const gone = records.find((r) => Number(r.id) === other);
    if (!keep || !gone || keep.status !== 'active' || gone.status !== 'active')
      throw new AppError('CONFLICT');
    const now = nowIso();
    const moved = await merges.mergeRecordInto(trx, other, keepId, await nextSeq(trx), now);
    await merges.closeDuplicateMerged(trx, duplicateId, actor.personId, now);
    await writeAudit(
      trx,
      {
        actorId: actor.personId,
        action: 'merge:directory-record',
        subjectType: 'directory_organization',
        subjectId: other,
        before: {
          id: other,
          slug: gone.slug,
          name: { en: gone.name_en, zh: gone.name_zh },
          status: gone.status,
        },
        after: { status: 'merged', mergedInto: keepId, keptSlug: keep.slug, duplicateId, moved },
        requestId: meta.requestId,
        ip: meta.ip,
      },
      now,
    );
    return { keptId: keepId, mergedId: other };
  });
  deps.pages.clear();
  return result;
};
