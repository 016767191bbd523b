import type { TDeps } from '../../platform/deps.ts';
import { link, peopleNames, sendMail } from '../accounts/index.ts';
import { organizationBriefs, organizationManagers } from '../organizations/index.ts';
import { auditRecord } from './directory.edit.service.ts';
import { reminderMail } from './directory.mail.ts';
import * as repo from './directory.profile.repo.ts';
import { monthsBefore, remindCutoff, STALE_AFTER_MONTHS } from './directory.profile.service.ts';

// Directories die when their data goes stale: records not confirmed for 12 months are flagged on their
// page, and the owners and admins of the organisation that manages one are reminded by e-mail, at most
// once every 30 days per record.

const BATCH = 200;

/**
 * Sends the reminders due at `now` (a background job runs it hourly); returns how many records were
 * reminded. Records whose organisation has nobody to write to, or is no longer verified, are skipped and
 * not stamped, so a reminder goes out once someone can act on it.
 */
export const sendFreshnessReminders = async (deps: TDeps, now: Date = new Date()): Promise<number> => {
  const at = now.toISOString();
  const staleBefore = monthsBefore(now, STALE_AFTER_MONTHS).toISOString();
  const remindedBefore = remindCutoff(now).toISOString();
  let reminded = 0;
  let skipped = 0;
  for (;;) {
    const due = await repo.staleManagedRecords(deps.db, staleBefore, remindedBefore, BATCH + skipped);
    const todo = due.slice(skipped);
    if (todo.length === 0) break;
    for (const r of todo) {
      const orgId = Number(r.claimed_org_id);
      const org = (await organizationBriefs(deps.db, [orgId])).get(orgId);
      const managers = org?.verifiedAt ? await organizationManagers(deps.db, orgId) : [];
      const people = [...(await peopleNames(deps, managers)).values()].filter((p) => !p.deleted);
      if (!org || people.length === 0) {
        skipped += 1;
        continue;
      }
      // The stamp is claimed first, so two instances running the job never both send.
      const mine = await deps.db.transaction().execute(async (trx) => {
        if (!(await repo.claimReminder(trx, Number(r.id), remindedBefore, at))) return false;
        await auditRecord(trx, undefined, undefined, 'remind:directory-record', Number(r.id), undefined, {
          confirmed_at: r.confirmed_at,
          recipients: people.length,
        });
        return true;
      });
      if (!mine) continue;
      reminded += 1;
      for (const p of people) {
        await sendMail(
          deps,
          reminderMail(p.locale, p.email, {
            record: { en: r.name_en, zh: r.name_zh },
            org: org.name,
            confirmedAt: r.confirmed_at,
            link: link(deps, p.locale, `/directory/${r.slug}/edit`),
          }),
        );
      }
    }
    if (todo.length < BATCH) break;
  }
  return reminded;
};
