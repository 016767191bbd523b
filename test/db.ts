import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TDatabaseConfig } from '../src/config.ts';

export type TTestEngine = 'sqlite' | 'postgres';

export const testEngine = (): TTestEngine => (process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite');

/** The server and a maintenance database to connect to for creating the test database. */
export const adminUrl = (): string =>
  process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const testDatabaseName = (): string => process.env.TEST_PG_DATABASE ?? 'ecosphere_test';

const pgUrlFor = (schema?: string): string => {
  const u = new URL(adminUrl());
  u.pathname = `/${testDatabaseName()}`;
  if (schema) u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
};

export type TTestDatabase = Readonly<{ config: TDatabaseConfig; url: string; drop: () => Promise<void> }>;

/** A fresh, empty database for one test file: a temporary SQLite file, or a new PostgreSQL schema. */
export const createTestDatabase = async (engine: TTestEngine = testEngine()): Promise<TTestDatabase> => {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ecosphere-test-'));
    const path = join(dir, 'test.sqlite');
    return {
      config: { engine: 'sqlite', path },
      url: path,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: pgUrlFor() });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  const url = pgUrlFor(schema);
  return {
    config: { engine: 'postgres', url },
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: pgUrlFor() });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
};
