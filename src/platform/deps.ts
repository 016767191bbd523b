import type { TConfig } from '../config.ts';
import type { Db, TDatabase, TEngine } from './db/database.ts';
import { createPageCache, type TPageCache } from './http/page-cache.ts';
import type { TLogger } from './log.ts';
import { createMailer, type TMailer } from './mail/mailer.ts';

/** What every module's routes and services receive: the database, config, logger, page cache and mailer. */
export type TDeps = Readonly<{
  db: Db;
  engine: TEngine;
  config: TConfig;
  log: TLogger;
  pages: TPageCache;
  mailer: TMailer;
}>;

/** Assembles the dependencies from an open database; the page cache lives as long as they do. */
export const createDeps = (database: TDatabase, config: TConfig, log: TLogger): TDeps =>
  Object.freeze({
    db: database.db,
    engine: database.engine,
    config,
    log,
    pages: createPageCache(config.pageCacheSeconds * 1000),
    mailer: createMailer(config, log),
  });
