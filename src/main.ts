import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { isDemoLoaded, seedDemo } from '../seeds/demo.ts';
import { createApp } from './app.ts';
import type { TConfig } from './config.ts';
import { publishDue } from './modules/cms/index.ts';
import { bulkLoadPending, sendFreshnessReminders, warmDirectory } from './modules/directory/index.ts';
import { recomputeIfDue, sendReportReminders } from './modules/indicators/index.ts';
import { purgeAudit } from './platform/audit.ts';
import { openDatabase } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { createDeps } from './platform/deps.ts';
import { buildAssets } from './platform/http/assets.ts';
import { createLogger } from './platform/log.ts';

const SHUTDOWN_GRACE_MS = 10_000;

/** Brings the schema up to date, reporting each step; throws when a migration fails (nothing is kept). */
// The CLI's commands import it from the platform directly, without loading the app.
export { migrate };

export type TRunningServer = Readonly<{ url: string; server: Server; stop: () => Promise<void> }>;

/**
 * Boot: config → database → migrations → (demo data, once per database) → app → listening server.
 * `stop()` lets in-flight requests finish, then closes the database.
 */
export const startServer = async (
  config: TConfig,
  opts: { demo?: boolean } = {},
): Promise<TRunningServer> => {
  const log = createLogger(config.logLevel);
  const database = await openDatabase(config.database);
  try {
    await migrate(database, log);
    const deps = createDeps(database, config, log);
    if (opts.demo && !(await isDemoLoaded(deps))) {
      const report = await seedDemo(deps);
      log.info('demo data loaded', {
        indicators: report.indicators.inserted,
        organizations: report.organizations.inserted,
        news: report.news.inserted,
      });
    }
    const app = createApp(deps, await buildAssets());
    // Housekeeping once at start and then daily: audit rows past retention.
    const housekeeping = () =>
      purgeAudit(database.db, config.auditRetentionDays).then(
        (n) => n > 0 && log.info('audit rows purged', { rows: n, retentionDays: config.auditRetentionDays }),
        (err: Error) => log.error('audit purge failed', { reason: err.message }),
      );
    void housekeeping();
    const daily = setInterval(housekeeping, 86_400_000);
    daily.unref();
    // Scheduled articles go live within a minute of their time.
    const publishScheduled = () =>
      publishDue(deps).then(
        (n) => n > 0 && log.info('scheduled articles published', { articles: n }),
        (err: Error) => log.error('scheduled publishing failed', { reason: err.message }),
      );
    void publishScheduled();
    const minutely = setInterval(publishScheduled, 60_000);
    minutely.unref();
    // Organisations whose directory records were not confirmed for a year hear about it (once a month).
    const remindStale = () =>
      sendFreshnessReminders(deps).then(
        (n) => n > 0 && log.info('directory freshness reminders sent', { records: n }),
        (err: Error) => log.error('directory freshness reminders failed', { reason: err.message }),
      );
    void remindStale();
    const hourly = setInterval(remindStale, 3_600_000);
    hourly.unref();
    const server = await new Promise<Server>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
        resolve(s as Server),
      );
      s.once('error', reject);
    });
    const port = (server.address() as AddressInfo).port;
    const url = `http://localhost:${port}`;
    log.info('listening', { url, database: database.describe });
    // The directory's facet index loads in the background, so the first search does not wait for it.
    void warmDirectory(deps).catch((err: Error) =>
      log.warn('directory warm-up failed', { reason: err.message }),
    );
    // A bulk import in progress, or one killed and not resumed, leaves the directory's indexes off (ADR 0012).
    void bulkLoadPending(deps.db).then(
      (pending) => {
        if (pending)
          log.warn('directory search indexes are off for a bulk import', {
            hint: 'wait for the import, rerun it if it was interrupted, or run `ecosphere directory reindex`',
          });
      },
      () => undefined,
    );
    // Statistics jobs, checked now and every hour: the computed indicators are recounted from the registry
    // when a day has passed or the month changed (indicators.computed.service.ts), and organisations that
    // have not filed the last quarter's report hear about it 14 and 3 days before the deadline. Running
    // ones are awaited on stop, so the database never closes under them.
    const statisticsJobs = new Set<Promise<unknown>>();
    const track = (job: Promise<unknown>) => {
      statisticsJobs.add(job);
      void job.finally(() => statisticsJobs.delete(job));
    };
    const statistics = (trigger: 'startup' | 'daily') =>
      track(
        (async () => {
          await recomputeIfDue(deps, trigger).then(
            (r) =>
              r &&
              log.info('computed indicators recomputed', { period: r.period, ms: r.ms, ...r.observations }),
            (err: Error) => log.error('computed indicators failed', { reason: err.message }),
          );
          await sendReportReminders(deps).then(
            (n) => n > 0 && log.info('report reminders sent', { organizations: n }),
            (err: Error) => log.error('report reminders failed', { reason: err.message }),
          );
        })(),
      );
    statistics('startup');
    const hourlyStatistics = setInterval(() => statistics('daily'), 3_600_000);
    hourlyStatistics.unref();

    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        log.info('shutting down: finishing in-flight requests');
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const timer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        await closed;
        clearTimeout(timer);
        clearInterval(daily);
        clearInterval(minutely);
        clearInterval(hourly);
        clearInterval(hourlyStatistics);
        await Promise.allSettled([...statisticsJobs]);
        deps.mailer.close();
        await database.close();
        log.info('stopped: database closed');
      })();
      return stopping;
    };
    return { url, server, stop };
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
};
