import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { purgeAudit } from '../platform/audit.ts';
import { ROLES } from '../platform/auth/actor.ts';
import { DatabaseOpenError, openDatabase } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { createDeps } from '../platform/deps.ts';
import { createLogger } from '../platform/log.ts';
import { directoryCommand, importCommand } from './import.ts';
import { indicatorsCommand } from './indicators.ts';

/** Exit codes: 0 ok, 1 the command failed, 2 the command line was wrong. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const;

class UsageError extends Error {}

type TCommand = Readonly<{
  summary: string;
  usage: string;
  options: Record<string, { type: 'boolean' | 'string'; short?: string }>;
  /** The sub-commands it takes as its first positional argument (e.g. `user create`). */
  subcommands?: readonly string[];
  /** How many positional arguments it takes when it has no sub-commands (e.g. `import <format> <file>`). */
  positionals?: number;
  run: (values: Record<string, unknown>, positionals: string[]) => Promise<number>;
}>;

const TOP_HELP = `Usage: ecosphere <command> [options]

Commands:
  serve     Migrate the database and serve the portal (PORT, default 3000)
  migrate   Apply pending database migrations, reporting each one
  seed      Load the demonstration data set (idempotent)
  user      Create an account (e.g. the first administrator)
  import    Import organisations into the directory (ROR, MoE list, Hipo list, CSV) or statistics (stats)
  directory Directory maintenance: reindex search tokens
  indicators Statistics: recompute the computed indicators, send report reminders
  audit     Purge audit-log rows older than AUDIT_RETENTION_DAYS
  help      Show help for a command

Run "ecosphere <command> --help" for a command's options.
Configuration comes from the environment: see README.md (DATABASE_URL, PORT, PUBLIC_URL, SESSION_SECRET, …).`;

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (text: string) => process.stderr.write(`${text}\n`);

const COMMANDS: Record<string, TCommand> = {
  serve: {
    summary: 'Migrate the database and serve the portal.',
    usage: `Usage: ecosphere serve [--demo]

Applies pending migrations, then serves the portal on PORT (default 3000).
Stops gracefully on SIGTERM or SIGINT: in-flight requests finish, then the database is closed.

Options:
  --demo      Load the demonstration data set once per database (what "npm start" does)
  -h, --help  Show this help`,
    options: { demo: { type: 'boolean' } },
    run: async (values) => {
      const config = loadConfig();
      // The app and the demo data load only for the commands that need them: an import stays lean.
      const { startServer } = await import('../main.ts');
      const running = await startServer(config, { demo: values.demo === true });
      await new Promise<void>((resolve) => {
        const onSignal = () => {
          process.off('SIGTERM', onSignal);
          process.off('SIGINT', onSignal);
          running.stop().then(resolve, resolve);
        };
        process.on('SIGTERM', onSignal);
        process.on('SIGINT', onSignal);
      });
      return EXIT.OK;
    },
  },
  migrate: {
    summary: 'Apply pending database migrations.',
    usage: `Usage: ecosphere migrate

Applies every pending migration in one transaction and reports each step. If one fails, the
database is left exactly as it was and the command exits with 1.

Options:
  -h, --help  Show this help`,
    options: {},
    run: async () => {
      const config = loadConfig();
      const database = await openDatabase(config.database);
      try {
        const applied = await migrate(database, createLogger('silent'));
        for (const name of applied) out(`applied  ${name}`);
        out(
          applied.length === 0
            ? `${database.describe}: up to date`
            : `${database.describe}: ${applied.length} migration(s) applied`,
        );
        return EXIT.OK;
      } finally {
        await database.close();
      }
    },
  },
  seed: {
    summary: 'Load the demonstration data set.',
    usage: `Usage: ecosphere seed --demo

Loads the demonstration data set (the figures, organisations and news of the source article, and a
directory of real and generated organisations whose counts match the article's), each item with its
source; generated records say so. Idempotent: a second run changes nothing. Migrates first if needed.

Options:
  --demo      The demonstration data set (required)
  -h, --help  Show this help`,
    options: { demo: { type: 'boolean' } },
    run: async (values) => {
      if (values.demo !== true) throw new UsageError('seed: nothing to load; pass --demo');
      const config = loadConfig();
      const database = await openDatabase(config.database);
      try {
        const log = createLogger('silent');
        await migrate(database, log);
        const { seedDemo } = await import('../../seeds/demo.ts');
        const report = await seedDemo(createDeps(database, config, log));
        for (const [what, c] of Object.entries(report)) {
          out(`${what.padEnd(14)} inserted ${c.inserted}, updated ${c.updated}, unchanged ${c.unchanged}`);
        }
        return EXIT.OK;
      } finally {
        await database.close();
      }
    },
  },
  user: {
    summary: 'Create an account.',
    subcommands: ['create'],
    usage: `Usage: ecosphere user create --email <address> --role <role> [--name-latin <name>] [--name-zh <name>] [--locale en|zh]

Creates an account with no password: a one-time link (valid 24 hours) to choose one is printed here
and sent by e-mail. Staff roles are asked to set up two-factor authentication on first sign-in.
Roles: ${ROLES.join(', ')}. Fails (exit 1) when the address already has an account.

Options:
  --email       The person's e-mail address (required)
  --role        Their site role (required)
  --name-latin  Name in Latin script
  --name-zh     Name in Chinese
  --locale      Language of the e-mail and link (default en)
  -h, --help    Show this help`,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      'name-latin': { type: 'string' },
      'name-zh': { type: 'string' },
      locale: { type: 'string' },
    },
    run: async (values) => {
      const { createUserFromCli, zEmail } = await import('../modules/accounts/index.ts');
      const email = zEmail.safeParse(values.email ?? '');
      if (!email.success) throw new UsageError('user create: --email needs a valid e-mail address');
      const role = ROLES.find((r) => r === values.role);
      if (!role) throw new UsageError(`user create: --role must be one of ${ROLES.join(', ')}`);
      const locale = values.locale ?? 'en';
      if (locale !== 'en' && locale !== 'zh') throw new UsageError('user create: --locale must be en or zh');
      const config = loadConfig();
      const database = await openDatabase(config.database);
      const log = createLogger('silent');
      try {
        await migrate(database, log);
        const deps = createDeps(database, config, log);
        const made = await createUserFromCli(deps, {
          email: email.data,
          role,
          nameLatin: values['name-latin'] as string | undefined,
          nameZh: values['name-zh'] as string | undefined,
          locale,
        });
        deps.mailer.close();
        out(`created  person ${made.id} <${email.data}> as ${role}`);
        out(`To choose a password (once, within 24 hours), open:\n  ${made.link}`);
        return EXIT.OK;
      } finally {
        await database.close();
      }
    },
  },
  audit: {
    summary: 'Purge old audit-log rows.',
    subcommands: ['purge'],
    usage: `Usage: ecosphere audit purge

Deletes audit-log rows older than AUDIT_RETENTION_DAYS (default 180: Chinese law asks for at least
six months). The server also does this once a day.

Options:
  -h, --help  Show this help`,
    options: {},
    run: async () => {
      const config = loadConfig();
      const database = await openDatabase(config.database);
      try {
        await migrate(database, createLogger('silent'));
        const n = await purgeAudit(database.db, config.auditRetentionDays);
        out(`purged   ${n} audit row(s) older than ${config.auditRetentionDays} days`);
        return EXIT.OK;
      } finally {
        await database.close();
      }
    },
  },
  import: importCommand,
  directory: directoryCommand,
  indicators: indicatorsCommand,
};

/** Runs the CLI with the given arguments and returns the exit code (never throws). */
export const runCli = async (argv: string[]): Promise<number> => {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    out(TOP_HELP);
    return name ? EXIT.OK : EXIT.USAGE;
  }
  if (name === 'help') {
    const target = rest[0] ? COMMANDS[rest[0]] : undefined;
    out(target ? target.usage : TOP_HELP);
    return EXIT.OK;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    err(`ecosphere: unknown command "${name}"\n\n${TOP_HELP}`);
    return EXIT.USAGE;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...cmd.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      out(cmd.usage);
      return EXIT.OK;
    }
    const allowed = cmd.subcommands ?? [];
    if (allowed.length > 0 && !allowed.includes(positionals[0] ?? '')) {
      throw new UsageError(`${name}: expected one of ${allowed.join(', ')}`);
    }
    if (positionals.length > (cmd.positionals ?? (allowed.length > 0 ? 1 : 0))) {
      throw new UsageError(`${name}: unexpected argument "${positionals.at(-1)}"`);
    }
    return await cmd.run(values, positionals);
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e as Error).name === 'UsageError' ||
      (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      err(`ecosphere ${name}: ${(e as Error).message}\n\n${cmd.usage}`);
      return EXIT.USAGE;
    }
    if (e instanceof ConfigError || e instanceof DatabaseOpenError) {
      err(`ecosphere ${name}: ${(e as Error).message}`);
      return EXIT.FAILED;
    }
    err(`ecosphere ${name}: ${(e as Error).message ?? String(e)}`);
    return EXIT.FAILED;
  }
};
