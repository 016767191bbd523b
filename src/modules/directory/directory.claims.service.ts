import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fieldError } from '../../platform/http/form.ts';
import { link, peopleNames, sendMail, type TPersonName } from '../accounts/index.ts';
import {
  createOrganizationForClaim,
  organizationBriefs,
  organizationsManagedBy,
  requestToJoin,
  standingWith,
  type TOrgBrief,
  verifyOrganizationIn,
} from '../organizations/index.ts';
import { auditRecord } from './directory.edit.service.ts';
import { claimDecidedMail } from './directory.mail.ts';
import { canDecideClaims } from './directory.policy.ts';
import * as records from './directory.profile.repo.ts';
import { accessTo, activeRecord, type TAccess } from './directory.profile.service.ts';
import { nextSeq } from './directory.registry.repo.ts';
import * as repo from './directory.review.repo.ts';

// Claims: a signed-in person asks that an organisation (a new one, or one they run) manage a record; staff
// check the evidence and approve it, which verifies the organisation and links it to the record. When a
// record is managed already, the page offers to join the managing organisation instead.

export type TRecordBrief = Readonly<{ id: number; slug: string; name: { en: string; zh: string } }>;

const briefOf = (r: records.TRecordRow): TRecordBrief => ({
  id: Number(r.id),
  slug: r.slug,
  name: { en: r.name_en, zh: r.name_zh },
});

export type TClaimPage = Readonly<{
  record: TRecordBrief;
  access: TAccess | undefined;
  /** The organisation whose claim was approved, verified or not (then joining it is what is left). */
  claimedBy: TOrgBrief | undefined;
  standing: Awaited<ReturnType<typeof standingWith>> | undefined;
  /** The actor's own claim of this record still waiting for staff, with the organisation it is for. */
  waiting: Readonly<{ org: TOrgBrief | undefined; createdAt: string }> | undefined;
  /** Organisations the actor runs and may claim the record for. */
  mine: TOrgBrief[];
  emailVerified: boolean;
}>;

/** What a signed-in person can do about a record: manage it, claim it, or join its organisation. */
export const claimPageFor = async (deps: TDeps, actor: TActor, slug: string): Promise<TClaimPage> => {
  const row = await activeRecord(deps.db, slug);
  const claimedId = row.claimed_org_id === null ? undefined : Number(row.claimed_org_id);
  const claimedBy = claimedId ? (await organizationBriefs(deps.db, [claimedId])).get(claimedId) : undefined;
  const mine = (await repo.listPendingClaims(deps.db, Number(row.id))).find(
    (c) => c.requested_by === actor.personId,
  );
  return {
    record: briefOf(row),
    access: await accessTo(deps.db, actor, row),
    claimedBy,
    standing: claimedBy ? await standingWith(deps.db, claimedBy.id, actor.personId) : undefined,
    waiting: mine
      ? {
          org: (await organizationBriefs(deps.db, [mine.org_id])).get(mine.org_id),
          createdAt: mine.created_at,
        }
      : undefined,
    mine: await organizationsManagedBy(deps.db, actor),
    emailVerified: actor.emailVerified,
  };
};

/** Claims a record for a new organisation (the actor its owner) or one the actor runs; staff decide. */
export const submitClaim = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  slug: string,
  input: { on_behalf: string; evidence: string },
): Promise<void> => {
  await deps.db.transaction().execute(async (trx) => {
    const row = await activeRecord(trx, slug);
    if (row.claimed_org_id !== null) throw fieldError('evidence', 'directory.claim.error.claimed');
    if (!actor.emailVerified) throw fieldError('evidence', 'directory.claim.error.confirmEmail');
    const pending = await repo.listPendingClaims(trx, Number(row.id));
    if (pending.some((c) => c.requested_by === actor.personId))
      throw fieldError('evidence', 'directory.claim.error.pending');
    let org: TOrgBrief | undefined;
    if (input.on_behalf === 'new') {
      org = await createOrganizationForClaim(trx, meta, actor, {
        kind: row.kind,
        nameEn: row.name_en,
        nameZh: row.name_zh,
        website: row.website,
      });
    } else {
      const id = Number(input.on_behalf);
      org = (await organizationsManagedBy(trx, actor)).find((o) => o.id === id);
      if (!org) throw fieldError('on_behalf', 'directory.claim.error.onBehalf');
      if (pending.some((c) => c.org_id === id)) throw fieldError('evidence', 'directory.claim.error.pending');
    }
    const id = await repo.insertClaim(trx, {
      record_id: Number(row.id),
      org_id: org.id,
      requested_by: actor.personId,
      evidence: input.evidence,
      status: 'pending',
      decided_by: null,
      decided_at: null,
      decision_note: null,
      created_at: nowIso(),
    });
    // The evidence is the claimant's own words: the audit row names the claim, not what it says.
    await auditRecord(trx, meta, actor, 'create:directory-claim', Number(row.id), undefined, {
      claim: id,
      organization: org.id,
    });
  });
};

/** Asks to join the organisation that manages the record. */
export const joinManagingOrg = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  slug: string,
  message: string | null,
): Promise<void> => {
  const row = await activeRecord(deps.db, slug);
  const id = row.claimed_org_id === null ? undefined : Number(row.claimed_org_id);
  const org = id ? (await organizationBriefs(deps.db, [id])).get(id) : undefined;
  if (!org) throw new AppError('NOT_FOUND');
  await requestToJoin(deps, meta, actor, org.slug, message);
};

// Staff

export type TClaimView = Readonly<{
  id: number;
  record: TRecordBrief & { claimedBy: TOrgBrief | undefined };
  org: TOrgBrief | undefined;
  requester: TPersonName | undefined;
  requestedBy: number;
  evidence: string | null;
  createdAt: string;
}>;

/** Claims waiting for staff, oldest first. */
export const pendingClaims = async (deps: TDeps, actor: TActor): Promise<TClaimView[]> => {
  if (!canDecideClaims(actor)) return [];
  const views = await Promise.all((await repo.listPendingClaims(deps.db)).map((r) => claimView(deps, r)));
  return views.filter((v): v is TClaimView => v !== undefined);
};

/** A claim for staff; undefined when its record is gone or merged into another (it cannot be decided). */
const claimView = async (deps: TDeps, r: repo.TClaimRow): Promise<TClaimView | undefined> => {
  const record = await records.findRecordById(deps.db, r.record_id);
  if (record?.status !== 'active') return undefined;
  const claimedId = record.claimed_org_id === null ? undefined : Number(record.claimed_org_id);
  const orgs = await organizationBriefs(deps.db, claimedId ? [r.org_id, claimedId] : [r.org_id]);
  return {
    id: r.id,
    record: { ...briefOf(record), claimedBy: claimedId ? orgs.get(claimedId) : undefined },
    org: orgs.get(r.org_id),
    requester: (await peopleNames(deps, [r.requested_by])).get(r.requested_by),
    requestedBy: r.requested_by,
    evidence: r.evidence,
    createdAt: r.created_at,
  };
};

/** One claim waiting for staff. */
export const claimFor = async (deps: TDeps, actor: TActor, id: number): Promise<TClaimView> => {
  if (!canDecideClaims(actor)) throw new AppError('NOT_FOUND');
  const r = await repo.findClaim(deps.db, id);
  const view = r?.status === 'pending' ? await claimView(deps, r) : undefined;
  if (!view) throw new AppError('NOT_FOUND');
  return view;
};

/**
 * Approves a claim (the record becomes managed by the organisation, which staff thereby verify; other
 * claims of the record are declined) or rejects it. The claimant hears by e-mail.
 */
export const decideClaim = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  id: number,
  decision: 'approve' | 'reject',
  note: string,
): Promise<string> => {
  if (!canDecideClaims(actor)) throw new AppError('NOT_FOUND');
  const now = nowIso();
  const { slug, record, orgId, notify } = await deps.db.transaction().execute(async (trx) => {
    const r = await repo.findClaim(trx, id);
    const row = r ? await records.findRecordById(trx, r.record_id) : undefined;
    if (!r || !row || r.status !== 'pending' || row.status !== 'active') throw new AppError('NOT_FOUND');
    await records.lockRecord(trx, Number(row.id));
    const approve = decision === 'approve';
    if (!(await repo.decideClaim(trx, r.id, approve ? 'approved' : 'rejected', actor.personId, note, now)))
      throw new AppError('NOT_FOUND');
    const notify = [{ personId: r.requested_by, approved: approve }];
    if (approve) {
      await verifyOrganizationIn(trx, meta, actor, r.org_id, note);
      await records.updateMarks(trx, Number(row.id), { claimed_org_id: r.org_id }, await nextSeq(trx), now);
      for (const other of await repo.listPendingClaims(trx, Number(row.id))) {
        await repo.decideClaim(trx, other.id, 'rejected', actor.personId, null, now);
        notify.push({ personId: other.requested_by, approved: false });
      }
    }
    await auditRecord(
      trx,
      meta,
      actor,
      approve ? 'approve:directory-claim' : 'reject:directory-claim',
      Number(row.id),
      { claimed_org_id: row.claimed_org_id },
      { claim: r.id, organization: r.org_id, note, claimed_org_id: approve ? r.org_id : row.claimed_org_id },
    );
    return { slug: row.slug, record: briefOf(row), orgId: r.org_id, notify };
  });
  deps.pages.clear();
  const org = (await organizationBriefs(deps.db, [orgId])).get(orgId);
  const people = await peopleNames(
    deps,
    notify.map((n) => n.personId),
  );
  for (const n of notify) {
    const person = people.get(n.personId);
    if (!person || person.deleted) continue;
    const locale = person.locale;
    await sendMail(
      deps,
      claimDecidedMail(locale, person.email, {
        record: record.name,
        org: n.approved ? org?.name : undefined,
        approved: n.approved,
        // The claimant of the approved claim hears the staff note; others only the outcome.
        note: n.personId === notify[0]?.personId ? note : null,
        link: link(deps, locale, n.approved ? `/directory/${slug}/edit` : `/directory/${slug}`),
      }),
    );
  }
  return slug;
};
