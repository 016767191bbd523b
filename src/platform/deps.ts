import type { TConfig } from '../config.ts';
import type { Db, TEngine } from './db/database.ts';
import type { TLogger } from './log.ts';

/** What every module's routes and services receive: the database, config and logger. */
export type TDeps = Readonly<{ db: Db; engine: TEngine; config: TConfig; log: TLogger }>;
