import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fieldError } from '../../platform/http/form.ts';
import { link, peopleNames, sendMail, type TPersonName } from '../accounts/index.ts';
import { organizationBriefs, type TOrgBrief } from '../organizations/index.ts';
import { pendingClaims, type TClaimView } from './directory.claims.service.ts';
import { mergeDuplicate } from './directory.duplicates.ts';
import { auditRecord, writeRecord } from './directory.edit.service.ts';
import { changeDecidedMail } from './directory.mail.ts';
import { canManageDirectory } from './directory.policy.ts';
import * as records from './directory.profile.repo.ts';
import {
  decodeChange,
  type TProfile,
  type TStoredChange,
  type TVerifiedValues,
} from './directory.profile.schemas.ts';
import { activeRecord, profileOfRow } from './directory.profile.service.ts';
import { nextSeq } from './directory.registry.repo.ts';
import * as repo from './directory.review.repo.ts';

// Directory staff: changes of verified fields, duplicate suggestions, and records marked verified.

const must = (actor: TActor | undefined): TActor => {
  if (!actor || !canManageDirectory(actor)) throw new AppError('NOT_FOUND');
  return actor;
};

export type TChangeView = Readonly<{
  id: number;
  record: Readonly<{ slug: string; name: { en: string; zh: string } }>;
  change: TStoredChange;
  requester: TPersonName | undefined;
  createdAt: string;
}>;

const changeView = async (deps: TDeps, r: repo.TChangeRow): Promise<TChangeView | undefined> => {
  const row = await records.findRecordById(deps.db, r.org_id);
  if (row?.status !== 'active') return undefined;
  return {
    id: r.id,
    record: { slug: row.slug, name: { en: row.name_en, zh: row.name_zh } },
    change: decodeChange(r.changes_json),
    requester: (await peopleNames(deps, [r.requested_by])).get(r.requested_by),
    createdAt: r.created_at,
  };
};

export const DUPLICATES_PAGE = 20;

/** The staff home of the directory: claims, changes and duplicate suggestions waiting. */
export const staffHome = async (deps: TDeps, actor: TActor | undefined) => {
  const a = must(actor);
  const changes = (
    await Promise.all((await repo.listPendingChanges(deps.db)).map((r) => changeView(deps, r)))
  ).filter((c): c is TChangeView => c !== undefined);
  const claims: TClaimView[] = await pendingClaims(deps, a);
  const duplicates = await repo.listOpenDuplicates(deps.db, 5, 0);
  return { changes, claims, duplicates };
};

/** One change waiting for review. */
export const changeFor = async (deps: TDeps, actor: TActor | undefined, id: number): Promise<TChangeView> => {
  must(actor);
  const r = await repo.findChange(deps.db, id);
  const view = r && r.status === 'pending' ? await changeView(deps, r) : undefined;
  if (!view) throw new AppError('NOT_FOUND');
  return view;
};

/**
 * Approves a change (its verified fields are written through the registry's write path) or rejects it
 * with a note; the person who proposed it hears by e-mail. Returns the record's slug.
 */
export const decideChange = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  id: number,
  decision: 'approve' | 'reject',
  note: string | null,
): Promise<string> => {
  must(actor);
  const approved = decision === 'approve';
  const { slug, name, requestedBy } = await deps.db.transaction().execute(async (trx) => {
    const r = await repo.findChange(trx, id);
    const row = r ? await records.findRecordById(trx, r.org_id) : undefined;
    if (!r || !row || r.status !== 'pending' || row.status !== 'active') throw new AppError('NOT_FOUND');
    await records.lockRecord(trx, Number(row.id));
    const change = decodeChange(r.changes_json);
    const now = nowIso();
    if (approved) {
      const values = Object.fromEntries(
        Object.entries(change).map(([k, v]) => [k, v?.to ?? null]),
      ) as Partial<TVerifiedValues>;
      await writeRecord(trx, row, {}, values, now, 'note');
    }
    if (!(await repo.decideChange(trx, r.id, approved ? 'approved' : 'rejected', actor.personId, note, now)))
      throw new AppError('NOT_FOUND');
    await auditRecord(
      trx,
      meta,
      actor,
      approved ? 'approve:directory-change' : 'reject:directory-change',
      Number(row.id),
      Object.fromEntries(Object.entries(change).map(([k, v]) => [k, v?.from ?? null])),
      {
        change: r.id,
        note,
        ...(approved ? Object.fromEntries(Object.entries(change).map(([k, v]) => [k, v?.to ?? null])) : {}),
      },
    );
    return { slug: row.slug, name: { en: row.name_en, zh: row.name_zh }, requestedBy: r.requested_by };
  });
  deps.pages.clear();
  const person = (await peopleNames(deps, [requestedBy])).get(requestedBy);
  if (person && !person.deleted)
    await sendMail(
      deps,
      changeDecidedMail(person.locale, person.email, {
        record: name,
        approved,
        note,
        link: link(deps, person.locale, `/directory/${slug}`),
      }),
    );
  return slug;
};

/** One page of open duplicate suggestions. */
export const duplicatesPage = async (deps: TDeps, actor: TActor | undefined, page: number) => {
  must(actor);
  return repo.listOpenDuplicates(deps.db, DUPLICATES_PAGE, (page - 1) * DUPLICATES_PAGE);
};

export type TDuplicateView = Readonly<{
  id: number;
  reason: string;
  score: number;
  a: TProfile;
  b: TProfile;
}>;

/** One open suggestion with both records side by side. */
export const duplicateFor = async (
  deps: TDeps,
  actor: TActor | undefined,
  id: number,
): Promise<TDuplicateView> => {
  must(actor);
  const d = await repo.findDuplicate(deps.db, id);
  if (d?.status !== 'open') throw new AppError('NOT_FOUND');
  const [a, b] = await Promise.all([
    records.findRecordById(deps.db, d.a_id),
    records.findRecordById(deps.db, d.b_id),
  ]);
  if (!a || !b || a.status !== 'active' || b.status !== 'active') throw new AppError('NOT_FOUND');
  return {
    id: d.id,
    reason: d.reason,
    score: Number(d.score),
    a: await profileOfRow(deps.db, a),
    b: await profileOfRow(deps.db, b),
  };
};

/** "Not duplicates": closes the suggestion, so it is not suggested again. */
export const dismissDuplicate = async (deps: TDeps, meta: TCallMeta, actor: TActor, id: number) => {
  must(actor);
  await deps.db.transaction().execute(async (trx) => {
    const d = await repo.findDuplicate(trx, id);
    if (!d || !(await repo.dismissDuplicate(trx, id, actor.personId, nowIso())))
      throw new AppError('NOT_FOUND');
    await auditRecord(trx, meta, actor, 'dismiss:directory-duplicate', d.a_id, undefined, {
      duplicate: id,
      records: [d.a_id, d.b_id],
    });
  });
};

/** Merges a suggestion into the record to keep (one of the pair); returns the kept record's slug. */
export const mergeSuggestion = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  id: number,
  keep: number,
): Promise<string> => {
  must(actor);
  const d = await repo.findDuplicate(deps.db, id);
  if (d?.status !== 'open') throw new AppError('NOT_FOUND');
  if (keep !== Number(d.a_id) && keep !== Number(d.b_id))
    throw fieldError('keep', 'directory.staff.error.keep');
  const { keptId } = await mergeDuplicate(deps, actor, id, keep, meta);
  const kept = await records.findRecordById(deps.db, keptId);
  return kept?.slug ?? '';
};

export type TStaffRecord = Readonly<{
  profile: TProfile;
  /** The organisation of an approved claim, verified or not. */
  claimedBy: TOrgBrief | undefined;
  verifiedBy: TPersonName | undefined;
  changes: number;
  claims: number;
}>;

/** A record for staff: its verification, its managing organisation, what waits for it. */
export const staffRecordFor = async (
  deps: TDeps,
  actor: TActor | undefined,
  slug: string,
): Promise<TStaffRecord> => {
  must(actor);
  const row = await activeRecord(deps.db, slug);
  const claimedId = row.claimed_org_id === null ? undefined : Number(row.claimed_org_id);
  const verifiedBy = row.verified_by === null ? undefined : Number(row.verified_by);
  return {
    profile: await profileOfRow(deps.db, row),
    claimedBy: claimedId ? (await organizationBriefs(deps.db, [claimedId])).get(claimedId) : undefined,
    verifiedBy: verifiedBy ? (await peopleNames(deps, [verifiedBy])).get(verifiedBy) : undefined,
    changes: (await repo.listPendingChanges(deps.db, Number(row.id))).length,
    claims: (await repo.listPendingClaims(deps.db, Number(row.id))).length,
  };
};

/** Marks a record verified by staff now (the profile says "verified by staff on …"). */
export const markVerified = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  slug: string,
  note: string | null,
): Promise<void> => {
  must(actor);
  await deps.db.transaction().execute(async (trx) => {
    const row = await activeRecord(trx, slug);
    const now = nowIso();
    await records.updateMarks(
      trx,
      Number(row.id),
      { verified_at: now, verified_by: actor.personId },
      await nextSeq(trx),
      now,
    );
    await auditRecord(
      trx,
      meta,
      actor,
      'verify:directory-record',
      Number(row.id),
      { verified_at: row.verified_at },
      { verified_at: now, note },
    );
  });
  deps.pages.clear();
};
