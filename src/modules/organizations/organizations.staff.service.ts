import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { canReviewChange, canVerify } from './organizations.policy.ts';
import * as repo from './organizations.repo.ts';
import { decodeChanges, type TKeyChanges, type TOrg } from './organizations.schemas.ts';
import { auditOrg, checkCreditCode, loadOrg } from './organizations.service.ts';

// Staff: verification with an evidence note, and review of key-field changes to verified organisations.

export type TChangeView = Readonly<{ id: number; org: TOrg; changes: TKeyChanges; createdAt: string }>;

const toChangeView = (r: repo.TChangeRequestRow, org: repo.TOrgRow): TChangeView => ({
  id: r.id,
  org: repo.toOrg(org),
  changes: decodeChanges(r.changes_json),
  createdAt: r.created_at,
});

/** The staff queue: organisations waiting for verification and key-field changes waiting for review. */
export const staffQueue = async (deps: TDeps, actor: TActor | undefined) => {
  if (!canVerify(actor)) throw new AppError('NOT_FOUND');
  const changes: TChangeView[] = [];
  if (canReviewChange(actor)) {
    for (const r of await repo.listPendingChanges(deps.db)) {
      const org = await repo.findOrgById(deps.db, r.org_id);
      if (org) changes.push(toChangeView(r, org));
    }
  }
  return { unverified: await repo.listUnverified(deps.db), changes };
};

/** One organisation for staff review. */
export const staffOrg = async (deps: TDeps, actor: TActor | undefined, slug: string): Promise<TOrg> => {
  if (!canVerify(actor)) throw new AppError('NOT_FOUND');
  return repo.toOrg(await loadOrg(deps.db, slug));
};

/** Marks an organisation verified, with the evidence staff looked at. */
export const verifyOrganization = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  slug: string,
  note: string,
): Promise<void> => {
  if (!canVerify(actor)) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadOrg(trx, slug);
    const now = nowIso();
    const patch = { verified_at: now, verified_by: actor.personId, verification_note: note };
    await repo.updateOrg(trx, row.id, patch, now);
    await auditOrg(trx, meta, actor, 'verify:organization', row.id, { verified_at: row.verified_at }, patch);
  });
  deps.pages.clear();
};

/** Withdraws a verification, with the reason (kept in the audit log). */
export const unverifyOrganization = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  slug: string,
  reason: string,
): Promise<void> => {
  if (!canVerify(actor)) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadOrg(trx, slug);
    if (!row.verified_at) return;
    await repo.updateOrg(
      trx,
      row.id,
      { verified_at: null, verified_by: null, verification_note: null },
      nowIso(),
    );
    const before = {
      verified_at: row.verified_at,
      verified_by: row.verified_by,
      note: row.verification_note,
    };
    await auditOrg(trx, meta, actor, 'unverify:organization', row.id, before, { verified_at: null, reason });
  });
  deps.pages.clear();
};

/** One pending change request for staff, with its organisation as it is now. */
export const changeFor = async (deps: TDeps, actor: TActor | undefined, id: number): Promise<TChangeView> => {
  if (!canReviewChange(actor)) throw new AppError('NOT_FOUND');
  const r = await repo.findChangeRequest(deps.db, id);
  const org = r && r.status === 'pending' ? await repo.findOrgById(deps.db, r.org_id) : undefined;
  if (!r || !org) throw new AppError('NOT_FOUND');
  return toChangeView(r, org);
};

/** Approves (applies) or declines a key-field change; returns the organisation's slug. */
export const decideChangeRequest = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  id: number,
  decision: 'approve' | 'decline',
  note: string | null,
): Promise<string> => {
  if (!canReviewChange(actor)) throw new AppError('NOT_FOUND');
  const slug = await deps.db.transaction().execute(async (trx) => {
    const r = await repo.findChangeRequest(trx, id);
    const row = r ? await repo.findOrgById(trx, r.org_id) : undefined;
    if (!r || !row || r.status !== 'pending') throw new AppError('NOT_FOUND');
    const changes = decodeChanges(r.changes_json);
    const now = nowIso();
    if (decision === 'approve') {
      if (changes.credit_code !== undefined) await checkCreditCode(trx, changes.credit_code, row.id);
      await repo.updateOrg(trx, row.id, changes as repo.TOrgPatch, now);
    }
    if (
      !(await repo.decideChange(
        trx,
        r.id,
        decision === 'approve' ? 'approved' : 'declined',
        actor.personId,
        note,
        now,
      ))
    )
      throw new AppError('NOT_FOUND');
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof repo.TOrgRow]]));
    const action = decision === 'approve' ? 'approve:organization-change' : 'decline:organization-change';
    await auditOrg(trx, meta, actor, action, row.id, before, { changeRequest: r.id, ...changes, note });
    return row.slug;
  });
  deps.pages.clear();
  return slug;
};
