import { usageError, withDeps } from './deps.ts';

// `ecosphere indicators recompute | remind`: what the server's hourly statistics job does, on demand.

const USAGE = `Usage: ecosphere indicators recompute
       ecosphere indicators remind [--date YYYY-MM-DD]

recompute  Counts the registry for every computed indicator and writes this month's value for the city
           and each district (a changed count is a correction; the old value stays in the history).
           Prints each indicator's city total and what was written. The server does this when due
           (a day after the last run, or in a new month; checked hourly).
remind     Sends the quarterly-report reminders due today (14 and 3 days before the deadline), at most
           once per organisation and step; --date picks the day (Guangzhou time). The server does this
           hourly.

Options:
  --date      The day to send the reminders of (default: today)
  -h, --help  Show this help`;

export const indicatorsCommand = {
  summary: 'Recompute the computed indicators, or send report reminders.',
  usage: USAGE,
  subcommands: ['recompute', 'remind'] as const,
  options: { date: { type: 'string' } } as const,
  run: async (values: Record<string, unknown>, positionals: string[]): Promise<number> => {
    const out = (s: string) => process.stdout.write(`${s}\n`);
    if (positionals[0] === 'recompute') {
      if (values.date !== undefined)
        throw usageError('recompute counts the registry as it is now: no --date');
      const { recomputeIndicators } = await import('../modules/indicators/index.ts');
      const r = await withDeps((deps) => recomputeIndicators(deps, { trigger: 'cli' }));
      for (const x of r.totals) {
        const note = x.withoutDistrict > 0 ? ` (${x.withoutDistrict} without a district)` : '';
        out(`${x.code.padEnd(52)} ${String(x.total).padStart(8)}${note}`);
      }
      const o = r.observations;
      out(
        `recomputed ${r.totals.length} indicator(s) for ${r.period} in ${r.ms} ms: ${o.inserted} new, ${o.updated} changed, ${o.unchanged} unchanged value(s); ${r.finalised} of earlier months made final`,
      );
      return 0;
    }
    const date = values.date as string | undefined;
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw usageError('--date must be YYYY-MM-DD');
    // Noon in Guangzhou on that day.
    const at = date ? new Date(`${date}T04:00:00Z`) : new Date();
    if (date && (Number.isNaN(at.getTime()) || !at.toISOString().startsWith(date)))
      throw usageError('--date must be a real day');
    const { sendReportReminders } = await import('../modules/indicators/index.ts');
    const n = await withDeps((deps) => sendReportReminders(deps, at));
    out(`reminded ${n} organisation(s)`);
    return 0;
  },
};
