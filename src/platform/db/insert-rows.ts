import { CompiledQuery } from 'kysely';
import type { Db } from './database.ts';
import { engineOf } from './schema.ts';

// Bulk inserts without the query builder: for wide rows in big batches, building and compiling a Kysely
// insert of thousands of values costs more than the insert itself.

const insertSql = new Map<string, string>();

/**
 * One multi-row INSERT of `rows` (each in `columns` order), as raw SQL for the engine; `tail` is appended
 * (ON CONFLICT …, RETURNING …). The text is built once per shape, so SQLite's statement cache reuses the
 * prepared statement. Returns the rows RETURNING gave.
 */
export const insertRows = async <R>(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  tail = '',
): Promise<R[]> => {
  if (rows.length === 0) return [];
  const pg = engineOf(db) === 'postgres';
  const shape = `${pg ? 'pg' : 'sqlite'} ${table} ${columns.length} ${rows.length} ${tail}`;
  let text = insertSql.get(shape);
  if (!text) {
    const tuples: string[] = [];
    let n = 0;
    for (let r = 0; r < rows.length; r++) {
      const marks: string[] = [];
      for (let c = 0; c < columns.length; c++) marks.push(pg ? `$${++n}` : '?');
      tuples.push(`(${marks.join(',')})`);
    }
    text = `insert into ${table} (${columns.join(',')}) values ${tuples.join(',')} ${tail}`;
    if (insertSql.size > 200) insertSql.clear();
    insertSql.set(shape, text);
  }
  const params: unknown[] = new Array(rows.length * columns.length);
  let i = 0;
  for (const row of rows) for (const v of row) params[i++] = v;
  const res = await db.executeQuery<R>(CompiledQuery.raw(text, params));
  return res.rows as R[];
};
