import pg from 'pg';
import { adminUrl, testDatabaseName } from './db.ts';

// Creates the test database once (UTF-8, so Chinese text behaves), with a clear message when
// PostgreSQL is not reachable. Each test file then works in a schema of its own.
export default async function setup(): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${adminUrl()} (${(err as Error).message}). Start it (pg_ctlcluster 15 main start) or set TEST_PG_URL.`,
    );
  }
  try {
    const name = testDatabaseName();
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(
        `create database "${name}" encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0`,
      );
    }
  } finally {
    await client.end();
  }
}
