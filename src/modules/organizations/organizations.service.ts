import { writeAudit } from '../../platform/audit.ts';
import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fieldError } from '../../platform/http/form.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import type { TAccountHooks } from '../accounts/index.ts';
import { t } from './organizations.messages.ts';
import { canCreate, canManage } from './organizations.policy.ts';
import * as repo from './organizations.repo.ts';
import {
  encodeChanges,
  KEY_FIELDS,
  slugify,
  type TKeyChanges,
  type TOrganizationForm,
} from './organizations.schemas.ts';

// Organisations themselves: creation, profile edits, staff verification and review of key-field changes.

/** The organisation by slug, or NOT_FOUND. */
export const loadOrg = async (db: Db, slug: string): Promise<repo.TOrgRow> => {
  const org = await repo.findOrgBySlug(db, slug);
  if (!org) throw new AppError('NOT_FOUND');
  return org;
};

/** Writes one audit row about an organisation, in the caller's transaction. */
export const auditOrg = (
  db: Db,
  meta: TCallMeta,
  actor: TActor,
  action: string,
  orgId: number,
  before?: unknown,
  after?: unknown,
) =>
  writeAudit(db, {
    actorId: actor.personId,
    action,
    subjectType: 'organization',
    subjectId: orgId,
    before,
    after,
    requestId: meta.requestId,
    ip: meta.ip,
  });

/** The organisation and the actor's membership, when the actor may manage it; else NOT_FOUND. */
export const managedOrg = async (db: Db, actor: TActor, slug: string) => {
  const row = await loadOrg(db, slug);
  // Inside a change's transaction this serialises concurrent changes to the same organisation.
  await repo.lockOrg(db, row.id);
  const m = await repo.findMembership(db, row.id, actor.personId);
  if (!canManage(actor, m)) throw new AppError('NOT_FOUND');
  return { row, m };
};

/** Refuses (NOT_FOUND) anyone who may not manage the organisation, before their form is even read. */
export const assertManager = async (deps: TDeps, actor: TActor, slug: string): Promise<void> => {
  await managedOrg(deps.db, actor, slug);
};

// "new" is a page of its own, so no organisation may take it as a slug.
const RESERVED = new Set(['new']);

/** A slug from the name that no organisation uses yet. */
export const freeSlug = async (db: Db, name: string): Promise<string> => {
  const base = slugify(name);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!RESERVED.has(slug) && !(await repo.slugExists(db, slug))) return slug;
  }
};

/** Refuses a credit code another organisation holds (a field error). */
export const checkCreditCode = async (db: Db, code: string | null, orgId?: number) => {
  if (code === null) return;
  const holder = await repo.orgIdByCreditCode(db, code);
  if (holder !== undefined && holder !== orgId)
    throw fieldError('credit_code', 'organizations.error.creditCodeTaken');
};

/** True when the actor may create an organisation now (signed in, permitted, e-mail confirmed). */
export const mayCreate = (actor: TActor | undefined): boolean =>
  canCreate(actor) && actor?.emailVerified === true;

/** Creates an organisation with the actor as its owner; returns the new slug. */
export const createOrganization = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  input: TOrganizationForm,
): Promise<string> => {
  if (!canCreate(actor)) throw new AppError('NOT_FOUND');
  if (!actor.emailVerified) throw new AppError('FORBIDDEN', 'Confirm the e-mail address first');
  const slug = await deps.db.transaction().execute(async (trx) => {
    await checkCreditCode(trx, input.credit_code);
    const slug = await freeSlug(trx, input.name_en);
    const now = nowIso();
    const id = await repo.insertOrg(trx, {
      slug,
      ...input,
      verified_at: null,
      verified_by: null,
      verification_note: null,
      created_by: actor.personId,
      created_at: now,
      updated_at: now,
    });
    await repo.insertMembership(trx, id, actor.personId, 'owner', now);
    await auditOrg(trx, meta, actor, 'create:organization', id, undefined, { slug, ...input });
    return slug;
  });
  deps.pages.clear();
  return slug;
};

/** The organisation for its owners' and admins' edit form, with any change waiting for review. */
export const editFormFor = async (deps: TDeps, actor: TActor | undefined, slug: string) => {
  const row = await loadOrg(deps.db, slug);
  const m = actor ? await repo.findMembership(deps.db, row.id, actor.personId) : undefined;
  if (!canManage(actor, m)) throw new AppError('NOT_FOUND');
  return {
    org: repo.toOrg(row),
    hasPendingChange: (await repo.listPendingChanges(deps.db, row.id)).length > 0,
  };
};

export type TEditOutcome = 'saved' | 'review' | 'unchanged';

/**
 * Edits a profile. On a verified organisation the key fields go to staff as a change request (replacing
 * one still waiting) and only the other fields apply now.
 */
export const updateOrganization = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  slug: string,
  input: TOrganizationForm,
): Promise<TEditOutcome> => {
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const row = await loadOrg(trx, slug);
    if (!canManage(actor, await repo.findMembership(trx, row.id, actor.personId)))
      throw new AppError('NOT_FOUND');
    const changed = (Object.keys(input) as (keyof TOrganizationForm)[]).filter((k) => row[k] !== input[k]);
    if (changed.length === 0) return 'unchanged' as const;
    if (changed.includes('credit_code')) await checkCreditCode(trx, input.credit_code, row.id);
    const keyChanged = row.verified_at
      ? changed.filter((k) => (KEY_FIELDS as readonly string[]).includes(k))
      : [];
    const direct = changed.filter((k) => !keyChanged.includes(k));
    const now = nowIso();
    if (direct.length > 0) {
      const patch = Object.fromEntries(direct.map((k) => [k, input[k]]));
      await repo.updateOrg(trx, row.id, patch, now);
      const before = Object.fromEntries(direct.map((k) => [k, row[k]]));
      await auditOrg(trx, meta, actor, 'update:organization', row.id, before, patch);
    }
    if (keyChanged.length === 0) return 'saved' as const;
    for (const old of await repo.listPendingChanges(trx, row.id)) {
      await repo.decideChange(trx, old.id, 'withdrawn', actor.personId, null, now);
    }
    const changes: TKeyChanges = Object.fromEntries(keyChanged.map((k) => [k, input[k]]));
    const before = Object.fromEntries(keyChanged.map((k) => [k, row[k]]));
    const id = await repo.insertChangeRequest(trx, {
      org_id: row.id,
      requested_by: actor.personId,
      changes_json: encodeChanges(before, changes),
      status: 'pending',
      decided_by: null,
      decided_at: null,
      decision_note: null,
      created_at: now,
    });
    await auditOrg(trx, meta, actor, 'create:organization-change', row.id, before, {
      changeRequest: id,
      ...changes,
    });
    return 'review' as const;
  });
  if (outcome !== 'unchanged') deps.pages.clear();
  return outcome;
};

// For the accounts module: the account page, "download my data" and account deletion

/** The person's organisations for their account page. */
export const myOrganizations = async (deps: TDeps, personId: number) =>
  (await repo.listMembershipsOfPerson(deps.db, personId)).map((r) => ({
    slug: r.slug,
    name: { en: r.name_en, zh: r.name_zh },
    role: r.role,
    verifiedAt: r.verified_at,
  }));

const blockers = async (db: Db, personId: number) => {
  const out: { en: string; zh: string }[] = [];
  for (const m of await repo.listMembershipsOfPerson(db, personId)) {
    if (m.role !== 'owner') continue;
    const members = await repo.listMembers(db, m.id);
    if (members.filter((x) => x.role === 'owner').length === 1 && members.length > 1)
      out.push({ en: m.name_en, zh: m.name_zh });
  }
  return out;
};

/** Hooks the accounts module calls for export and deletion. */
export const organizationHooks: TAccountHooks = {
  exportPersonData: [
    async (db, personId) => ({
      memberships: (await repo.listMembershipsOfPerson(db, personId)).map((m) => ({
        organization: m.slug,
        nameEn: m.name_en,
        nameZh: m.name_zh,
        role: m.role,
        since: m.created_at,
      })),
      joinRequests: (await repo.listJoinRequestsOfPerson(db, personId)).map((j) => ({
        organization: j.slug,
        message: j.message,
        status: j.status,
        createdAt: j.created_at,
        decidedAt: j.decided_at,
      })),
    }),
  ],
  blockDeletion: [
    async (db, personId, locale: TLocale) => {
      const orgs = await blockers(db, personId);
      if (orgs.length === 0) return undefined;
      const names = orgs.map((o) => o[locale] || o.en).join(locale === 'zh' ? '、' : ', ');
      return t(locale, 'organizations.block.lastOwner', { names });
    },
  ],
  onDeletePerson: [
    async (db, personId) => {
      const memberships = await repo.listMembershipsOfPerson(db, personId);
      await repo.deleteMembershipsOfPerson(db, personId);
      await repo.deletePendingJoinRequestsOfPerson(db, personId);
      for (const m of memberships) {
        await writeAudit(db, {
          actorId: personId,
          action: 'delete:membership',
          subjectType: 'organization',
          subjectId: m.id,
          before: { role: m.role },
          after: { reason: 'account deleted' },
        });
      }
    },
  ],
};
