import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findDuplicates,
  importFile,
  mergeDuplicate,
  reindexDirectory,
  type TImportOptions,
  writeRecords,
} from '../src/modules/directory/index.ts';
import type { TActor } from '../src/platform/auth/actor.ts';
import { createTestApp, type TTestApp } from './app.ts';
import { createPerson } from './auth.ts';
import { runCli } from './cli.ts';

// Duplicate suggestions across sources (same website domain, similar names), the staff merge that folds
// one record into another, and `directory reindex`.

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/directory/${name}`, import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'ecosphere-dup-'));

let t: TTestApp;
let db: Kysely<any>;
let n = 0;
const run = (o: Omit<TImportOptions, 'reportPath'>) =>
  importFile(t.deps, { reportPath: join(work, `report-${++n}.csv`), ...o });
const idOf = async (externalId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('directory_external_id')
        .select('org_id')
        .where('value', '=', externalId)
        .executeTakeFirstOrThrow()
    ).org_id,
  );
const pair = (a: number, b: number) =>
  db
    .selectFrom('directory_duplicate')
    .selectAll()
    .where('a_id', '=', Math.min(a, b))
    .where('b_id', '=', Math.max(a, b))
    .executeTakeFirst();
const actor = async (role: 'editor' | 'member'): Promise<TActor> => {
  const p = await createPerson(t, { role });
  return {
    personId: p.id,
    sessionId: 'test',
    email: p.email,
    displayName: 'Test',
    role,
    emailVerified: true,
    totpEnabled: role !== 'member',
    hasMfa: role !== 'member',
  };
};

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  db = t.deps.db as Kysely<any>;
  await run({ format: 'ror', file: fixture('ror-sample.jsonl'), duplicates: false });
  // Each import looks for pairs involving the records it touched (so ROR alone is not searched here).
  await run({ format: 'moe', file: fixture('moe-sample.json'), websites: fixture('moe-websites.json') });
  await run({ format: 'hipo', file: fixture('hipo-sample.json'), country: 'CN' });
});
afterAll(async () => {
  await t?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('duplicate suggestions', () => {
  it('pairs records of different sources by website domain and by name, with a reason and a score', async () => {
    const rorSysu = await idOf('https://ror.org/0064kty71');
    const moeSysu = await idOf('中山大学');
    const hipoSysu = await idOf('mail2.sysu.edu.cn');
    expect(await pair(rorSysu, hipoSysu)).toMatchObject({
      reason: 'same_domain',
      score: 100,
      status: 'open',
    });
    // The MoE record has no English name, but its Chinese name matches ROR's Chinese label.
    expect(await pair(rorSysu, moeSysu)).toMatchObject({ reason: 'same_domain', score: 100 });
    // ROR's Jinan University links english.jnu.edu.cn, the MoE's www.jnu.edu.cn: found by its Chinese name.
    expect(await pair(await idOf('https://ror.org/02xe5ns62'), await idOf('暨南大学'))).toMatchObject({
      reason: 'similar_name',
      score: 90,
    });
  });

  it('does not pair names that differ by a word or a number, or the many records of a hosting domain', async () => {
    const liwan = await idOf('https://ror.org/016bped08');
    const zengcheng = await idOf('https://ror.org/00s8ft489');
    expect(await pair(liwan, zengcheng)).toBeUndefined();
    const hosted = Array.from({ length: 12 }, (_, i) => ({
      kind: 'enterprise',
      name: { en: `Hosted Firm Number ${i}`, zh: `托管企业${i}` },
      summary: {},
      website: `https://sites.example-host.com/firm-${i}`,
      city: {},
      source: { en: 'Test', zh: '测试' },
      sourceKind: 'manual',
      externalIds: [{ scheme: 'csv', value: `hosted-${i}` }],
    }));
    await writeRecords(t.deps, hosted);
    const again = await findDuplicates(t.deps);
    const ids = await db
      .selectFrom('directory_organization')
      .select('id')
      .where('domain', '=', 'sites.example-host.com')
      .execute();
    expect(ids).toHaveLength(12);
    const hostedPairs = await db
      .selectFrom('directory_duplicate')
      .select('id')
      .where(
        'a_id',
        'in',
        ids.map((r) => r.id),
      )
      .execute();
    expect(hostedPairs).toEqual([]);
    // Pairs found before are not added twice.
    expect(again.added).toBe(0);
  });
});

describe('mergeDuplicate', () => {
  it('moves external ids, relations and people to the kept record, marks the other merged, and audits it', async () => {
    const keep = await idOf('https://ror.org/0064kty71');
    const gone = await idOf('mail2.sysu.edu.cn');
    const other = await idOf('https://ror.org/01g9hkj35');
    const now = new Date().toISOString();
    await db
      .insertInto('directory_relation')
      .values([
        { from_id: gone, to_id: other, type: 'partner_of', source_kind: 'manual', created_at: now },
        { from_id: gone, to_id: keep, type: 'partner_of', source_kind: 'manual', created_at: now },
      ])
      .execute();
    await db
      .insertInto('directory_person')
      .values({
        slug: 'test-professor',
        name_en: 'Test Professor',
        name_zh: '测试教授',
        org_id: gone,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const dup = (await pair(keep, gone)) as { id: number };
    const staff = await actor('editor');

    await expect(mergeDuplicate(t.deps, await actor('member'), dup.id, keep)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(mergeDuplicate(t.deps, staff, dup.id, other)).rejects.toMatchObject({ code: 'INVALID' });
    expect(await mergeDuplicate(t.deps, staff, dup.id, keep)).toEqual({ keptId: keep, mergedId: gone });

    expect(
      await db.selectFrom('directory_organization').selectAll().where('id', '=', gone).executeTakeFirst(),
    ).toMatchObject({
      status: 'merged',
      merged_into: keep,
    });
    expect(await idOf('mail2.sysu.edu.cn')).toBe(keep);
    const relations = await db
      .selectFrom('directory_relation')
      .selectAll()
      .where('to_id', '=', other)
      .execute();
    expect(relations.map((r) => Number(r.from_id))).toEqual([keep]);
    expect(await db.selectFrom('directory_relation').selectAll().where('to_id', '=', keep).execute()).toEqual(
      [],
    );
    const person = await db
      .selectFrom('directory_person')
      .selectAll()
      .where('slug', '=', 'test-professor')
      .executeTakeFirstOrThrow();
    expect(Number(person.org_id)).toBe(keep);
    expect(await pair(keep, gone)).toMatchObject({ status: 'merged', decided_by: staff.personId });
    const audit = await db
      .selectFrom('ecosphere_audit')
      .selectAll()
      .where('action', '=', 'merge:directory-record')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: staff.personId, subject_id: String(gone) });

    // Decided once: a second merge is a conflict.
    await expect(mergeDuplicate(t.deps, staff, dup.id, keep)).rejects.toMatchObject({ code: 'CONFLICT' });
    // Re-importing the merged source finds the kept record by the moved id and leaves its fields alone.
    const s = await run({
      format: 'hipo',
      file: fixture('hipo-sample.json'),
      country: 'CN',
      duplicates: false,
    });
    expect(s).toMatchObject({ inserted: 0, updated: 0, unchanged: 8 });
    expect(
      await db.selectFrom('directory_organization').selectAll().where('id', '=', keep).executeTakeFirst(),
    ).toMatchObject({
      name_zh: '中山大学',
      source_kind: 'ror',
      status: 'active',
    });
  });
});

describe('directory reindex', () => {
  it('recomputes search tokens and name keys that are missing or stale, and only those', async () => {
    const id = await idOf('https://ror.org/01g9hkj35');
    const before = await db
      .selectFrom('directory_organization')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('directory_organization')
      .set({ search_text: 'stale', name_key: null, name_key_zh: null })
      .where('id', '=', id)
      .execute();
    const r = await reindexDirectory(t.deps, { batchSize: 7 });
    expect(r.changed).toBe(1);
    expect(r.scanned).toBeGreaterThan(70);
    const after = await db
      .selectFrom('directory_organization')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      search_text: before.search_text,
      name_key: 'academy guangdong sciences',
      name_key_zh: '广东省科学院',
    });
    expect(Number(after.seq)).toBeGreaterThan(Number(before.seq));
    expect((await reindexDirectory(t.deps)).changed).toBe(0);

    await db
      .updateTable('directory_organization')
      .set({ search_text: 'stale' })
      .where('id', '=', id)
      .execute();
    const cli = await runCli(['directory', 'reindex', '--batch-size', '50'], {
      DATABASE_URL: t.testDb.url,
      DATA_DIR: t.config.dataDir,
    });
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/^reindexed \d+ record\(s\) in [\d.]+ s: 1 changed$/m);
  }, 60_000);
});
