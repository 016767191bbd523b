import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { link, peopleNames, sendMail } from '../accounts/index.ts';
import { organizationManagers, organizationsOfKinds } from '../organizations/index.ts';
import { cityDay } from './indicators.calendar.ts';
import { reminderMail } from './indicators.reporting.mail.ts';
import * as repo from './indicators.reporting.repo.ts';
import { REPORT_FORM, REPORTING_KINDS, reminderDue } from './indicators.reporting.rules.ts';

// Reminders before a report's deadline (the end of the month after the quarter): 14 and 3 days before,
// to the owners and admins of every verified incubator and makerspace that has not filed the last
// quarter's report, at most once per organisation and step. A background job runs it every hour.

/**
 * Sends the reminders due at `now` (the clock is a parameter so tests can choose the day); returns how
 * many organisations were reminded. An organisation with nobody to write to is skipped and not marked, so
 * it is reminded once someone can act.
 */
export const sendReportReminders = async (deps: TDeps, now: Date = new Date()): Promise<number> => {
  const due = reminderDue(cityDay(now));
  if (!due) return 0;
  const orgs = await organizationsOfKinds(deps.db, REPORTING_KINDS, { verifiedOnly: true });
  const filed = await repo.filedOrgIds(deps.db, REPORT_FORM, due.period);
  let reminded = 0;
  for (const org of orgs) {
    if (filed.has(org.id)) continue;
    const people = [
      ...(await peopleNames(deps, await organizationManagers(deps.db, org.id))).values(),
    ].filter((p) => !p.deleted);
    if (people.length === 0) continue;
    // The step is claimed before anything is sent, so two instances running the job never both send.
    const mine = await deps.db.transaction().execute((trx) =>
      repo.claimReminder(trx, {
        orgId: org.id,
        form: REPORT_FORM,
        period: due.period,
        step: due.step,
        recipients: people.length,
        now: nowIso(),
      }),
    );
    if (!mine) continue;
    reminded += 1;
    for (const p of people) {
      await sendMail(
        deps,
        reminderMail(p.locale, p.email, {
          org: org.name,
          period: due.period,
          deadline: due.deadline,
          daysLeft: due.daysLeft,
          link: link(deps, p.locale, `/organizations/${org.slug}/reports/${due.period}`),
        }),
      );
    }
  }
  return reminded;
};
