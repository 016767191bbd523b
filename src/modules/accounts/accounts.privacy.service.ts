import type { Context } from 'hono';
import { searchAudit, writeAudit } from '../../platform/audit.ts';
import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { t } from './accounts.messages.ts';
import * as repo from './accounts.repo.ts';
import { endSession } from './accounts.session.ts';
import { live, requirePassword, type TAccountHooks } from './accounts.shared.ts';

// Download my data, delete my account

/** Everything the platform holds about the person, as one JSON document. */
export const exportMyData = async (
  deps: TDeps,
  actor: TActor,
  hooks: TAccountHooks,
): Promise<Record<string, unknown>> => {
  const p = await live(deps.db, actor);
  const sessions = await repo.listSessionsOf(deps.db, p.id);
  const activity = await searchAudit(deps.db, { actorId: p.id, limit: 10_000, offset: 0 });
  const extra: Record<string, unknown> = {};
  for (const fn of hooks.exportPersonData ?? []) Object.assign(extra, await fn(deps.db, p.id));
  return {
    exportedAt: nowIso(),
    person: {
      id: p.id,
      email: p.email,
      emailVerifiedAt: p.email_verified_at,
      nameLatin: p.name_latin,
      nameZh: p.name_zh,
      locale: p.locale,
      role: p.role,
      twoFactorEnabledAt: p.totp_enabled_at,
      createdAt: p.created_at,
      updatedAt: p.updated_at,
    },
    sessions: sessions.map((s) => ({
      createdAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      ip: s.ip,
      userAgent: s.user_agent,
    })),
    ...extra,
    activity: activity.rows.map((r) => ({
      at: r.at,
      action: r.action,
      subject: `${r.subjectType}:${r.subjectId ?? ''}`,
      ip: r.ip,
    })),
  };
};

/**
 * Deletes the account: personal data erased (e-mail, names, password, second factor, sessions, links),
 * the row kept as "deleted user" so contributions and audit rows still point somewhere.
 */
export const deleteAccount = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  c: Context<TAppEnv>,
  password: string,
  hooks: TAccountHooks,
): Promise<void> => {
  const p = await live(deps.db, actor);
  await requirePassword(deps, p, password);
  if (p.role === 'staff-admin' && (await repo.countByRole(deps.db, 'staff-admin')) <= 1) {
    throw new AppError('CONFLICT', t(meta.locale, 'accounts.delete.lastAdmin'));
  }
  for (const fn of hooks.blockDeletion ?? []) {
    const reason = await fn(deps.db, p.id, meta.locale);
    if (reason) throw new AppError('CONFLICT', reason);
  }
  await deps.db.transaction().execute(async (trx) => {
    for (const fn of hooks.onDeletePerson ?? []) await fn(trx, p.id);
    await repo.deleteSessionsOf(trx, p.id);
    await repo.deleteTokensOf(trx, p.id);
    await repo.replaceRecoveryCodes(trx, p.id, []);
    await repo.updatePerson(
      trx,
      p.id,
      {
        email: `deleted-${p.id}@invalid`,
        email_verified_at: null,
        password_hash: null,
        name_latin: null,
        name_zh: null,
        role: 'member',
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
        deleted_at: nowIso(),
      },
      nowIso(),
    );
    await writeAudit(trx, {
      actorId: p.id,
      action: 'delete:person',
      subjectType: 'person',
      subjectId: p.id,
      before: { role: p.role },
      after: { deleted: true },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
  await endSession(deps, c);
};
