import { writeAudit } from '../../platform/audit.ts';
import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fieldError } from '../../platform/http/form.ts';
import { latinWords } from '../../platform/search/tokens.ts';
import type { TOrgKind } from '../organizations/index.ts';
import * as repo from './directory.profile.repo.ts';
import {
  decodeChange,
  encodeChange,
  splitEdit,
  type TFreeValues,
  type TRecordEditForm,
  type TStoredChange,
  type TVerifiedField,
  type TVerifiedValues,
  VERIFIED_FIELDS,
} from './directory.profile.schemas.ts';
import { accessTo, activeRecord, profileOfRow, recordOf, type TAccess } from './directory.profile.service.ts';
import type { TExternalId, TRegistryRecord } from './directory.record.ts';
import { contentOf, nextSeq } from './directory.registry.repo.ts';
import * as review from './directory.review.repo.ts';

// Editing a record: its organisation's owners and admins change the free fields at once and propose the
// verified ones for staff review; directory staff change everything at once. Every write is audited.

/** Writes one audit row about a directory record, in the caller's transaction. */
export const auditRecord = (
  db: Db,
  meta: TCallMeta | undefined,
  actor: TActor | undefined,
  action: string,
  recordId: number,
  before?: unknown,
  after?: unknown,
) =>
  writeAudit(db, {
    actorId: actor?.personId ?? null,
    action,
    subjectType: 'directory-record',
    subjectId: recordId,
    before,
    after,
    requestId: meta?.requestId,
    ip: meta?.ip,
  });

const USCC = 'uscc';

/** The record's verified fields as they are now. */
const verifiedOf = (row: repo.TRecordRow, ids: readonly TExternalId[]): TVerifiedValues => ({
  name_en: row.name_en,
  name_zh: row.name_zh,
  kind: row.kind,
  level: row.level,
  certificate_no: row.certificate_no,
  certificate_valid_until: row.certificate_valid_until,
  uscc: ids.find((e) => e.scheme === USCC)?.value ?? null,
});

/** The record's free fields as they are now. */
const freeOf = (r: TRegistryRecord): TFreeValues => ({
  acronym: r.acronym ?? null,
  aliases: r.aliases,
  summary_en: r.summary.en ?? null,
  summary_zh: r.summary.zh ?? null,
  website: r.website ?? null,
  founded_year: r.foundedYear ?? null,
  district: r.district ?? null,
  sector: r.sector ?? null,
  subtype: r.subtype ?? null,
  focus: r.investorFocus ?? null,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The record with free and verified values applied (the credit code lives in the external ids). */
const applied = (
  r: TRegistryRecord,
  free: Partial<TFreeValues>,
  verified: Partial<TVerifiedValues>,
): TRegistryRecord => {
  const f = { ...freeOf(r), ...free };
  return {
    ...r,
    kind: (verified.kind ?? r.kind) as TOrgKind,
    name: { en: verified.name_en ?? r.name.en, zh: verified.name_zh ?? r.name.zh },
    level: ('level' in verified ? verified.level : r.level) as TRegistryRecord['level'],
    certificateNo: 'certificate_no' in verified ? verified.certificate_no : r.certificateNo,
    certificateValidUntil:
      'certificate_valid_until' in verified ? verified.certificate_valid_until : r.certificateValidUntil,
    acronym: f.acronym,
    aliases: f.aliases,
    summary: { en: f.summary_en, zh: f.summary_zh },
    website: f.website,
    foundedYear: f.founded_year,
    district: f.district as TRegistryRecord['district'],
    sector: f.sector,
    subtype: f.subtype as TRegistryRecord['subtype'],
    investorFocus: f.focus,
    // Edited here: imports of other sources leave the record's fields alone from now on.
    sourceKind: 'manual',
  };
};

/**
 * Writes changed values of a record through the registry's content mapping (search tokens, weight, the
 * change sequence, the name vocabulary) and its credit code; refuses a credit code another record holds.
 */
export const writeRecord = async (
  db: Db,
  row: repo.TRecordRow,
  free: Partial<TFreeValues>,
  verified: Partial<TVerifiedValues>,
  now: string,
  usccField = 'uscc',
): Promise<void> => {
  const id = Number(row.id);
  const ids = await repo.externalIdsOf(db, id);
  const record = applied(recordOf(row, ids as TExternalId[]), free, verified);
  if ('uscc' in verified && verified.uscc !== verifiedOf(row, ids as TExternalId[]).uscc) {
    const value = verified.uscc ?? null;
    const holder = value === null ? undefined : await repo.holderOf(db, USCC, value);
    if (holder !== undefined && holder !== id) throw fieldError(usccField, 'directory.edit.error.usccTaken');
    await repo.replaceExternalId(db, id, USCC, value);
  }
  await repo.updateContent(db, id, contentOf(record), await nextSeq(db), now);
  await repo.addTerms(
    db,
    [...new Set(latinWords(`${record.name.en} ${record.acronym ?? ''}`))].filter((w) => w.length >= 3),
  );
};

export type TEditForm = Readonly<{
  access: TAccess;
  profile: Awaited<ReturnType<typeof profileOfRow>>;
  uscc: string | null;
  pending: TStoredChange | undefined;
}>;

/** The record for its edit page, with the change waiting for review; NOT_FOUND for anyone else. */
export const editFormFor = async (
  deps: TDeps,
  actor: TActor | undefined,
  slug: string,
): Promise<TEditForm> => {
  const row = await activeRecord(deps.db, slug);
  const access = await accessTo(deps.db, actor, row);
  if (!access) throw new AppError('NOT_FOUND');
  const profile = await profileOfRow(deps.db, row);
  const pending = (await review.listPendingChanges(deps.db, profile.id)).at(-1);
  return {
    access,
    profile,
    uscc: profile.externalIds.find((e) => e.scheme === USCC)?.value ?? null,
    pending: pending ? decodeChange(pending.changes_json) : undefined,
  };
};

/** Refuses (NOT_FOUND) anyone who may not change the record, before their form is even read. */
export const assertEditor = async (deps: TDeps, actor: TActor, slug: string): Promise<void> => {
  const row = await activeRecord(deps.db, slug);
  if (!(await accessTo(deps.db, actor, row))) throw new AppError('NOT_FOUND');
};

export type TEditOutcome = 'saved' | 'review' | 'savedReview' | 'unchanged';

/**
 * Saves the edit form. Free fields apply at once; verified fields apply at once for staff and become a
 * change for staff review for the organisation's admins (replacing one still waiting).
 */
export const updateRecord = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  slug: string,
  form: TRecordEditForm,
): Promise<TEditOutcome> => {
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const row = await activeRecord(trx, slug);
    await repo.lockRecord(trx, Number(row.id));
    const access = await accessTo(trx, actor, row);
    if (!access) throw new AppError('NOT_FOUND');
    const ids = (await repo.externalIdsOf(trx, Number(row.id))) as TExternalId[];
    const current = recordOf(row, ids);
    const kindAfter = access === 'staff' ? form.kind : row.kind;
    const { verified, free } = splitEdit(form, kindAfter === 'investor');
    const before = { ...freeOf(current), ...verifiedOf(row, ids) };
    const freeChanged = (Object.keys(free) as (keyof TFreeValues)[]).filter((k) => !same(free[k], before[k]));
    const verifiedChanged = VERIFIED_FIELDS.filter((k) => !same(verified[k], before[k]));
    if (freeChanged.length === 0 && verifiedChanged.length === 0) return 'unchanged' as const;
    const now = nowIso();
    const pick = <K extends string>(keys: readonly K[], from: Record<K, unknown>) =>
      Object.fromEntries(keys.map((k) => [k, from[k]]));
    const direct = access === 'staff' ? verifiedChanged : [];
    if (freeChanged.length > 0 || direct.length > 0) {
      const freePatch = pick(freeChanged, free) as Partial<TFreeValues>;
      const verifiedPatch = pick(direct, verified) as Partial<TVerifiedValues>;
      await writeRecord(trx, row, freePatch, verifiedPatch, now);
      const changed = [...freeChanged, ...direct];
      await auditRecord(trx, meta, actor, 'update:directory-record', Number(row.id), pick(changed, before), {
        ...freePatch,
        ...verifiedPatch,
      });
    }
    const proposed = access === 'manager' ? verifiedChanged : [];
    if (proposed.length === 0) return 'saved' as const;
    for (const old of await review.listPendingChanges(trx, Number(row.id)))
      await review.decideChange(trx, old.id, 'withdrawn', actor.personId, null, now);
    const change: TStoredChange = Object.fromEntries(
      proposed.map((k: TVerifiedField) => [k, { from: before[k] as string | null, to: verified[k] }]),
    );
    const id = await review.insertChange(trx, {
      org_id: Number(row.id),
      requested_by: actor.personId,
      changes_json: encodeChange(change),
      status: 'pending',
      decided_by: null,
      decided_at: null,
      decision_note: null,
      created_at: now,
    });
    await auditRecord(trx, meta, actor, 'create:directory-change', Number(row.id), undefined, {
      change: id,
      ...change,
    });
    return freeChanged.length > 0 ? ('savedReview' as const) : ('review' as const);
  });
  if (outcome !== 'unchanged') deps.pages.clear();
  return outcome;
};

/** "These details are still correct": stamps the record confirmed now, by the actor. */
export const confirmRecord = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  slug: string,
  now: Date = new Date(),
): Promise<void> => {
  await deps.db.transaction().execute(async (trx) => {
    const row = await activeRecord(trx, slug);
    if (!(await accessTo(trx, actor, row))) throw new AppError('NOT_FOUND');
    const at = now.toISOString();
    await repo.updateMarks(
      trx,
      Number(row.id),
      { confirmed_at: at, confirmed_by: actor.personId },
      await nextSeq(trx),
      at,
    );
    await auditRecord(
      trx,
      meta,
      actor,
      'confirm:directory-record',
      Number(row.id),
      { confirmed_at: row.confirmed_at },
      { confirmed_at: at },
    );
  });
  deps.pages.clear();
};
