import { searchAudit, type TAuditQuery, writeAudit } from '../../platform/audit.ts';
import type { TActor, TCallMeta, TRole } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { canChangeRole, canReadAudit, canReadPerson } from './accounts.policy.ts';
import * as repo from './accounts.repo.ts';

// Staff: people and the audit log

const auditRead = (
  db: Db,
  actor: TActor,
  meta: TCallMeta,
  action: string,
  subjectId: string | number | null,
  after?: unknown,
) =>
  writeAudit(db, {
    actorId: actor.personId,
    action,
    subjectType: 'person',
    subjectId,
    after,
    requestId: meta.requestId,
    ip: meta.ip,
  });

/** Staff search of people (a read of personal data: logged). Not found for anyone else. */
export const searchPeopleFor = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  text: string,
  page: number,
) => {
  if (!actor || !canReadPerson(actor, -1)) throw new AppError('NOT_FOUND');
  const result = await repo.searchPeople(deps.db, text, 50, (page - 1) * 50);
  await auditRead(deps.db, actor, meta, 'search:person', null, { query: text, results: result.total });
  return result;
};

/** One person's record for staff (logged as a read of their personal data). */
export const personFor = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  personId: number,
) => {
  if (!canReadPerson(actor, personId) || !actor) throw new AppError('NOT_FOUND');
  const p = await repo.findPerson(deps.db, personId);
  if (!p || p.deleted_at) throw new AppError('NOT_FOUND');
  if (p.id !== actor.personId) await auditRead(deps.db, actor, meta, 'read:person', p.id);
  return { person: p, sessions: (await repo.listSessionsOf(deps.db, p.id)).length };
};

/** Gives a person another site role; their sessions end, so the new powers start with a new session. */
export const changeRole = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  personId: number,
  role: TRole,
) => {
  if (!actor || !canChangeRole(actor, personId)) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    const p = await repo.findPerson(trx, personId);
    if (!p || p.deleted_at) throw new AppError('NOT_FOUND');
    if (p.role === role) return;
    await repo.updatePerson(trx, p.id, { role }, nowIso());
    await repo.deleteSessionsOf(trx, p.id);
    await writeAudit(trx, {
      actorId: actor.personId,
      action: 'update:person:role',
      subjectType: 'person',
      subjectId: p.id,
      before: { role: p.role },
      after: { role },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
};

/**
 * Staff remove a person's second factor (lost phone, or set up by someone else): key, recovery codes and
 * sessions go; staff roles must set it up again at their next sign-in.
 */
export const resetSecondFactorFor = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  personId: number,
): Promise<void> => {
  if (!actor || !canChangeRole(actor, personId)) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    const p = await repo.findPerson(trx, personId);
    if (!p || p.deleted_at) throw new AppError('NOT_FOUND');
    await repo.updatePerson(
      trx,
      p.id,
      { totp_secret: null, totp_enabled_at: null, totp_last_step: null },
      nowIso(),
    );
    await repo.replaceRecoveryCodes(trx, p.id, []);
    const ended = await repo.deleteSessionsOf(trx, p.id);
    await writeAudit(trx, {
      actorId: actor.personId,
      action: 'reset:person:two-factor',
      subjectType: 'person',
      subjectId: p.id,
      before: { totp: p.totp_enabled_at !== null },
      after: { totp: false, sessionsEnded: ended },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
};

/** Searches the audit log for staff; the search itself is logged (it shows personal data). */
export const auditFor = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  query: TAuditQuery,
) => {
  if (!actor || !canReadAudit(actor)) throw new AppError('NOT_FOUND');
  const result = await searchAudit(deps.db, query);
  const names = await repo.namesOf(
    deps.db,
    result.rows.map((r) => r.actorId).filter((id): id is number => id !== null),
  );
  await writeAudit(deps.db, {
    actorId: actor.personId,
    action: 'read:audit',
    subjectType: 'audit',
    subjectId: null,
    after: { ...query, results: result.total },
    requestId: meta.requestId,
    ip: meta.ip,
  });
  return { ...result, names };
};

/**
 * Names (and e-mail language) for people ids, "deleted user" for erased accounts. Reads through
 * `deps.db`: call it outside a transaction (SQLite has one connection).
 */
export const peopleNames = (deps: TDeps, ids: readonly number[]) => repo.namesOf(deps.db, ids);
