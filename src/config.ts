import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** A problem with the environment that stops the start; the message lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const MIN_SECRET_LENGTH = 32;
const SECRET_FILE = 'session-secret';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: optionalText,
  DATABASE_URL: optionalText,
  DATA_DIR: z.string().trim().min(1).default('./data'),
  PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  SESSION_SECRET: optionalText,
  SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.string().trim().min(3).default('Ecosphere <no-reply@localhost>'),
  TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(180),
  SITE_OWNER_EN: z.string().trim().min(1).default('Ecosphere demonstration portal'),
  SITE_OWNER_ZH: z.string().trim().min(1).default('Ecosphere 创新生态演示门户'),
  SITE_ICP_RECORD: optionalText,
  SITE_PSB_RECORD: optionalText,
});

export type TDatabaseConfig = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

export type TConfig = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string | undefined;
  dataDir: string;
  database: TDatabaseConfig;
  publicUrl: string;
  sessionSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  trustProxy: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  pageCacheSeconds: number;
  /** Audit rows older than this are purged (Chinese law asks for at least six months). */
  auditRetentionDays: number;
  site: Readonly<{
    ownerEn: string;
    ownerZh: string;
    icpRecord: string | undefined;
    psbRecord: string | undefined;
  }>;
}>;

/** Splits DATABASE_URL into an engine: unset or a path is SQLite, postgres:// is PostgreSQL. */
export const parseDatabaseUrl = (value: string | undefined, dataDir: string): TDatabaseConfig => {
  if (!value) return { engine: 'sqlite', path: join(dataDir, 'ecosphere.sqlite') };
  if (/^postgres(ql)?:\/\//i.test(value)) return { engine: 'postgres', url: value };
  if (/^file:\/\//i.test(value)) return { engine: 'sqlite', path: fileURLToPath(value) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new ConfigError([
      `DATABASE_URL: unsupported scheme in "${value.split(':')[0]}://…" (use a file path or postgres://)`,
    ]);
  }
  const path = value.startsWith('file:') ? value.slice('file:'.length) : value;
  return { engine: 'sqlite', path };
};

/** A secret is weak when it is short or has little variety (e.g. "changeme", repeated characters). */
export const isWeakSecret = (secret: string): boolean => {
  if (secret.length < MIN_SECRET_LENGTH) return true;
  const distinct = new Set(secret).size;
  if (distinct < 10) return true;
  return /^(changeme|secret|password|default|ecosphere)/i.test(secret);
};

const loadOrCreateDevSecret = (dataDir: string): string => {
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (!isWeakSecret(kept)) return kept;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
};

/** Parses the environment once; throws a ConfigError naming every problem. The result is frozen. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): TConfig => {
  // An empty variable means "not set", so PORT= gives the default port rather than port 0.
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = ZEnv.safeParse(set);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const dataDir = resolve(e.DATA_DIR);

  let database: TDatabaseConfig = { engine: 'sqlite', path: join(dataDir, 'ecosphere.sqlite') };
  try {
    database = parseDatabaseUrl(e.DATABASE_URL, dataDir);
  } catch (err) {
    if (err instanceof ConfigError) problems.push(...err.problems);
    else throw err;
  }

  let sessionSecret = e.SESSION_SECRET ?? '';
  if (e.NODE_ENV === 'production') {
    if (!e.SESSION_SECRET) {
      problems.push(
        `SESSION_SECRET: required in production (at least ${MIN_SECRET_LENGTH} random characters)`,
      );
    } else if (isWeakSecret(e.SESSION_SECRET)) {
      problems.push(
        `SESSION_SECRET: too weak (use at least ${MIN_SECRET_LENGTH} random characters, e.g. "openssl rand -base64 32")`,
      );
    }
  } else if (!sessionSecret) {
    sessionSecret =
      e.NODE_ENV === 'test' ? randomBytes(32).toString('base64url') : loadOrCreateDevSecret(dataDir);
  }

  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: Object.freeze(database),
    publicUrl,
    sessionSecret,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    trustProxy: e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true',
    logLevel: e.LOG_LEVEL,
    pageCacheSeconds: e.PAGE_CACHE_SECONDS,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    site: Object.freeze({
      ownerEn: e.SITE_OWNER_EN,
      ownerZh: e.SITE_OWNER_ZH,
      icpRecord: e.SITE_ICP_RECORD,
      psbRecord: e.SITE_PSB_RECORD,
    }),
  });
};
