import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import { canCreate, canManage, canVerify } from './organizations.policy.ts';
import * as repo from './organizations.repo.ts';
import { ORG_KINDS, type TMemberRole, type TOrgKind } from './organizations.schemas.ts';
import { auditOrg, freeSlug } from './organizations.service.ts';

// What the directory needs from organisations to link a registry record to the organisation that manages
// it: who manages an organisation, a new organisation for a claim, and verification inside the claim's
// own transaction. The directory never reads these tables itself.

/** An organisation as other modules show and link it. */
export type TOrgBrief = Readonly<{
  id: number;
  slug: string;
  kind: TOrgKind;
  name: { en: string; zh: string };
  verifiedAt: string | null;
}>;

const brief = (r: repo.TOrgRow): TOrgBrief => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind as TOrgKind,
  name: { en: r.name_en, zh: r.name_zh },
  verifiedAt: r.verified_at,
});

/** Brief facts about organisations by id (ids that do not exist are left out). */
export const organizationBriefs = async (db: Db, ids: readonly number[]): Promise<Map<number, TOrgBrief>> => {
  const out = new Map<number, TOrgBrief>();
  for (const id of new Set(ids)) {
    const r = await repo.findOrgById(db, id);
    if (r) out.set(id, brief(r));
  }
  return out;
};

/** True when the actor may manage the organisation (its owners and admins, or staff who manage any). */
export const mayManageOrganization = async (db: Db, actor: TActor, orgId: number): Promise<boolean> =>
  canManage(actor, await repo.findMembership(db, orgId, actor.personId));

/** The organisations the actor owns or administers, by English name. */
export const organizationsManagedBy = async (db: Db, actor: TActor): Promise<TOrgBrief[]> => {
  const out: TOrgBrief[] = [];
  for (const m of await repo.listMembershipsOfPerson(db, actor.personId)) {
    if (!canManage(actor, { role: m.role })) continue;
    const r = await repo.findOrgById(db, m.id);
    if (r) out.push(brief(r));
  }
  return out;
};

/** The actor's standing with an organisation: their role, and whether a request to join is waiting. */
export const standingWith = async (
  db: Db,
  orgId: number,
  personId: number,
): Promise<{ role: TMemberRole | undefined; joinPending: boolean }> => ({
  role: (await repo.findMembership(db, orgId, personId))?.role,
  joinPending: (await repo.findPendingJoinRequest(db, orgId, personId)) !== undefined,
});

/** The person ids of an organisation's owners and admins. */
export const organizationManagers = async (db: Db, orgId: number): Promise<number[]> =>
  (await repo.listMembers(db, orgId)).filter((m) => m.role !== 'member').map((m) => m.personId);

// Registry names may carry line breaks or run long; an organisation's name is one line of ≤ 300.
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 300);

/**
 * Creates an unverified organisation for a claim of a directory record, with the actor as its owner, in
 * the caller's transaction. The website is kept only when it is a plain http(s) address.
 */
export const createOrganizationForClaim = async (
  db: Db,
  meta: TCallMeta,
  actor: TActor,
  input: { kind: string; nameEn: string; nameZh: string; website: string | null },
): Promise<TOrgBrief> => {
  if (!canCreate(actor)) throw new AppError('NOT_FOUND');
  if (!actor.emailVerified) throw new AppError('FORBIDDEN', 'Confirm the e-mail address first');
  const kind = (ORG_KINDS as readonly string[]).includes(input.kind) ? input.kind : 'enterprise';
  const website =
    input.website && /^https?:\/\/[^\s]+$/i.test(input.website) && input.website.length <= 500
      ? input.website
      : null;
  const values = { name_en: oneLine(input.nameEn), name_zh: oneLine(input.nameZh), kind, website };
  const slug = await freeSlug(db, values.name_en);
  const now = nowIso();
  const id = await repo.insertOrg(db, {
    slug,
    ...values,
    credit_code: null,
    summary_en: null,
    summary_zh: null,
    verified_at: null,
    verified_by: null,
    verification_note: null,
    created_by: actor.personId,
    created_at: now,
    updated_at: now,
  });
  await repo.insertMembership(db, id, actor.personId, 'owner', now);
  await auditOrg(db, meta, actor, 'create:organization', id, undefined, {
    slug,
    ...values,
    via: 'directory-claim',
  });
  return {
    id,
    slug,
    kind: kind as TOrgKind,
    name: { en: values.name_en, zh: values.name_zh },
    verifiedAt: null,
  };
};

/**
 * Marks an organisation verified with the evidence staff looked at, in the caller's transaction (a claim
 * approval verifies the claimant). Returns false when it was verified already.
 */
export const verifyOrganizationIn = async (
  db: Db,
  meta: TCallMeta,
  actor: TActor,
  orgId: number,
  note: string,
): Promise<boolean> => {
  if (!canVerify(actor)) throw new AppError('NOT_FOUND');
  const row = await repo.findOrgById(db, orgId);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.verified_at) return false;
  const now = nowIso();
  const patch = { verified_at: now, verified_by: actor.personId, verification_note: note };
  await repo.updateOrg(db, row.id, patch, now);
  await auditOrg(db, meta, actor, 'verify:organization', row.id, { verified_at: null }, patch);
  return true;
};
