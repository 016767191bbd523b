import { type Kysely, sql } from 'kysely';
import { engineOf, idColumn } from '../src/platform/db/schema.ts';

// Frozen once merged: change the schema with a new migration.
// The directory becomes the registry (ADR 0008): typed attributes, districts and sectors, external ids,
// relations, people, a search column with tokens computed in the application, imports and duplicates.
export const up = async (db: Kysely<any>): Promise<void> => {
  const engine = engineOf(db);
  const add = (
    name: string,
    type: 'text' | 'integer' | `varchar(${number})`,
    notNullDefault?: string | number,
  ) =>
    db.schema
      .alterTable('directory_organization')
      .addColumn(name, type, (c) =>
        notNullDefault === undefined ? c : c.notNull().defaultTo(notNullDefault),
      )
      .execute();

  await add('acronym', 'varchar(40)');
  // Other names (former, alternative, labels in other languages) as a JSON array of strings.
  await add('aliases', 'text');
  await add('district', 'varchar(20)');
  await add('sector', 'varchar(30)');
  await add('founded_year', 'integer');
  // Certification or level: national / provincial / municipal (key labs, institutes, incubators, HTEs).
  await add('level', 'varchar(20)');
  await add('certificate_no', 'varchar(60)');
  await add('certificate_valid_until', 'varchar(10)');
  // Kind-specific sub-type, e.g. investor type (vc, angel, lender, guidance_fund).
  await add('subtype', 'varchar(30)');
  // Kind-specific attributes as JSON (investor focus: sectors, stages, ticket size, regions).
  await add('attributes', 'text');
  await add('country_code', 'varchar(2)');
  await add('domain', 'varchar(253)');
  await add('status', 'varchar(12)', 'active');
  await add('merged_into', 'integer');
  // The accounts-side organisation that claimed this record (organizations_organization.id).
  await add('claimed_org_id', 'integer');
  await add('confirmed_at', 'varchar(32)');
  await add('confirmed_by', 'integer');
  await add('verified_at', 'varchar(32)');
  await add('verified_by', 'integer');
  await add('reminded_at', 'varchar(32)');
  // Where the record came from: demo, manual, ror, moe, hipo, csv; and when it was last imported.
  await add('source_kind', 'varchar(12)', 'demo');
  await add('source_url', 'text');
  await add('imported_at', 'varchar(32)');
  // A static order for large result sets: real records with a summary, a website and a level first.
  await add('weight', 'integer', 0);
  // Space-separated search tokens computed by platform/search (lower-cased Latin words, jieba words,
  // CJK bigrams, name characters); never empty tokens, so PostgreSQL's array_to_tsvector accepts it.
  await add('search_text', 'text', '');
  // Change sequence: every write takes the next value of directory_counter.seq, so readers that keep a
  // facet index in memory fetch only rows changed since they last looked.
  await add('seq', 'integer', 0);

  for (const [name, cols] of [
    // Covers the facet index's reads (every column it loads), so loading a million records reads this
    // narrow index instead of the wide rows: measured 13-26 s for a full scan of 1M rows (3.4 GB).
    [
      'directory_organization_seq_idx',
      ['seq', 'id', 'kind', 'district', 'sector', 'level', 'founded_year', 'weight', 'status'],
    ],
    ['directory_organization_domain_idx', ['domain']],
    // Name order for large result sets walks these (keyset on name, id; covering, no table reads).
    ['directory_organization_name_en_idx', ['name_en', 'id']],
    ['directory_organization_name_zh_idx', ['name_zh', 'id']],
    ['directory_organization_claimed_idx', ['claimed_org_id']],
    ['directory_organization_confirmed_idx', ['confirmed_at']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('directory_organization')
      .columns([...cols])
      .execute();
  }

  await db.schema
    .createTable('directory_counter')
    .addColumn('name', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('directory_counter').values({ name: 'seq', value: 1 }).execute();
  await db.updateTable('directory_organization').set({ seq: 1 }).execute();

  await db.schema
    .createTable('directory_external_id')
    .addColumn('scheme', 'varchar(16)', (c) => c.notNull())
    .addColumn('value', 'varchar(200)', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) =>
      c.notNull().references('directory_organization.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('directory_external_id_pk', ['scheme', 'value'])
    .execute();
  await db.schema
    .createIndex('directory_external_id_org_idx')
    .on('directory_external_id')
    .columns(['org_id'])
    .execute();

  await db.schema
    .createTable('directory_relation')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('from_id', 'integer', (c) =>
      c.notNull().references('directory_organization.id').onDelete('cascade'),
    )
    .addColumn('to_id', 'integer', (c) =>
      c.notNull().references('directory_organization.id').onDelete('cascade'),
    )
    // part_of, hosted_by, tenant_of, invested_in, partner_of
    .addColumn('type', 'varchar(16)', (c) => c.notNull())
    .addColumn('since', 'varchar(10)')
    .addColumn('source_kind', 'varchar(12)', (c) => c.notNull().defaultTo('manual'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('directory_relation_unique', ['from_id', 'to_id', 'type'])
    .execute();
  await db.schema
    .createIndex('directory_relation_to_idx')
    .on('directory_relation')
    .columns(['to_id'])
    .execute();

  await db.schema
    .createTable('directory_person')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('slug', 'varchar(160)', (c) => c.notNull().unique())
    .addColumn('name_en', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_zh', 'varchar(200)', (c) => c.notNull())
    .addColumn('headline_en', 'varchar(300)')
    .addColumn('headline_zh', 'varchar(300)')
    .addColumn('org_id', 'integer', (c) => c.references('directory_organization.id').onDelete('set null'))
    .addColumn('is_talent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('talent_program', 'varchar(60)')
    // Fields the person agreed to show publicly, as a JSON array (name is always public once listed).
    .addColumn('public_fields', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('is_listed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('account_person_id', 'integer')
    .addColumn('is_generated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_person_org_idx')
    .on('directory_person')
    .columns(['org_id'])
    .execute();

  // Latin words of names, for typo-tolerant name search ("did you mean").
  await db.schema
    .createTable('directory_term')
    .addColumn('term', 'varchar(60)', (c) => c.primaryKey())
    .execute();

  await db.schema
    .createTable('directory_import_run')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('format', 'varchar(12)', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    // SHA-256 of the input file: a rerun of the same file resumes the unfinished run.
    .addColumn('file_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('records_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_path', 'text')
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('directory_import_run_hash_idx')
    .on('directory_import_run')
    .columns(['file_hash', 'status'])
    .execute();

  await db.schema
    .createTable('directory_duplicate')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('a_id', 'integer', (c) =>
      c.notNull().references('directory_organization.id').onDelete('cascade'),
    )
    .addColumn('b_id', 'integer', (c) =>
      c.notNull().references('directory_organization.id').onDelete('cascade'),
    )
    // same_domain, similar_name
    .addColumn('reason', 'varchar(20)', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull().defaultTo('open'))
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('directory_duplicate_pair', ['a_id', 'b_id'])
    .execute();
  await db.schema
    .createIndex('directory_duplicate_status_idx')
    .on('directory_duplicate')
    .columns(['status'])
    .execute();

  // Edits of verified fields by organisation administrators wait here for staff review.
  await db.schema
    .createTable('directory_change')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('org_id', 'integer', (c) =>
      c.notNull().references('directory_organization.id').onDelete('cascade'),
    )
    .addColumn('requested_by', 'integer', (c) => c.notNull())
    .addColumn('changes_json', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull().defaultTo('pending'))
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('decision_note', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_change_status_idx')
    .on('directory_change')
    .columns(['status', 'org_id'])
    .execute();

  // Full-text index over the search column. SQLite: an external-content FTS5 table kept in step by
  // triggers; detail=none (no positions: queries are ANDed tokens and prefixes, never phrases).
  // PostgreSQL: a GIN index over the tokens as they are (array_to_tsvector, no parser, no stemming).
  if (engine === 'sqlite') {
    await sql`create virtual table directory_organization_fts using fts5(search_text, content='directory_organization', content_rowid='id', tokenize='unicode61 remove_diacritics 0', detail=none, prefix='2 3')`.execute(
      db,
    );
    await sql`create trigger directory_organization_fts_ai after insert on directory_organization begin insert into directory_organization_fts(rowid, search_text) values (new.id, new.search_text); end`.execute(
      db,
    );
    await sql`create trigger directory_organization_fts_ad after delete on directory_organization begin insert into directory_organization_fts(directory_organization_fts, rowid, search_text) values ('delete', old.id, old.search_text); end`.execute(
      db,
    );
    await sql`create trigger directory_organization_fts_au after update of search_text on directory_organization begin insert into directory_organization_fts(directory_organization_fts, rowid, search_text) values ('delete', old.id, old.search_text); insert into directory_organization_fts(rowid, search_text) values (new.id, new.search_text); end`.execute(
      db,
    );
  } else {
    await sql`create index directory_organization_search_idx on directory_organization using gin (array_to_tsvector(string_to_array(search_text, ' ')))`.execute(
      db,
    );
  }
};
