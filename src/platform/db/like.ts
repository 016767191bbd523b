import { type RawBuilder, sql } from 'kysely';

/**
 * A case-insensitive "contains" test that behaves the same on SQLite and PostgreSQL: both sides
 * lower-cased, LIKE wildcards in the user's text matched literally.
 */
export const containsText = (column: string, text: string): RawBuilder<boolean> => {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
};
