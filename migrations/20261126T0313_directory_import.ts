import type { Kysely } from 'kysely';

// Frozen once merged: change the schema with a new migration.
// Imports and duplicate suggestions: normalised name keys (written by the registry's batch upsert, filled
// for older rows by `ecosphere directory reindex`), and what an import run needs to resume.
export const up = async (db: Kysely<any>): Promise<void> => {
  // Latin-script and Chinese name keys (platform/search/name-key.ts): duplicate suggestions read them in
  // key order, so near-identical names are neighbours and no pair of the whole table is ever compared.
  for (const name of ['name_key', 'name_key_zh']) {
    await db.schema.alterTable('directory_organization').addColumn(name, 'varchar(300)').execute();
    await db.schema
      .createIndex(`directory_organization_${name}_idx`)
      .on('directory_organization')
      .columns([name, 'id'])
      .execute();
  }
  // A run resumes only with the same file and the same options (mapping, filters, encoding).
  await db.schema.alterTable('directory_import_run').addColumn('options_hash', 'varchar(64)').execute();
  // Records left out on purpose (withdrawn or inactive in their source, outside a --country filter).
  await db.schema
    .alterTable('directory_import_run')
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // The change sequence when the run started: every record it wrote has seq above it, across resumes.
  await db.schema.alterTable('directory_import_run').addColumn('start_seq', 'integer').execute();
};
