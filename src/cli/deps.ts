import { loadConfig } from '../config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { createDeps, type TDeps } from '../platform/deps.ts';
import { createLogger } from '../platform/log.ts';

// What the data commands (import, indicators) share: the database opened from the environment and
// migrated, the services around it, and everything closed again however the command ends.

/** A command-line mistake: runCli prints it with the usage and exits 2. */
export const usageError = (message: string) => Object.assign(new Error(message), { name: 'UsageError' });

/** Runs `run` with the app's services on the configured database (migrated first), then closes them. */
export const withDeps = async <T>(run: (deps: TDeps) => Promise<T>): Promise<T> => {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    const log = createLogger('silent');
    await migrate(database, log);
    const deps = createDeps(database, config, log);
    try {
      return await run(deps);
    } finally {
      deps.mailer.close();
    }
  } finally {
    await database.close();
  }
};
