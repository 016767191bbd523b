import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_RULES } from '../seeds/directory/rules.ts';
import { seedDirectory } from '../seeds/directory.ts';
import { createTestApp, type TTestApp } from './app.ts';

// The full demo directory (real, named and generated records): its counts are the article's, by the rules
// written in seeds/demo/README.md, and everything generated says so.

let t: TTestApp;
beforeAll(async () => {
  // What `createTestApp({ seed: 'full' })` loads for the directory, without the rest of the demo.
  t = await createTestApp({ seed: false });
  await seedDirectory(t.deps, 'full');
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const db = () => t.deps.db;
const orgs = () => db().selectFrom('directory_organization');

/** The counting rule of seeds/demo/README.md, in SQL. */
const countByRule = async (rule: (typeof FIGURE_RULES)[number]): Promise<number> => {
  let q = orgs()
    .select(db().fn.countAll().as('n'))
    .where('kind', '=', rule.kind)
    .where('city_en', '=', 'Guangzhou')
    .where('status', '=', 'active');
  if (rule.level) q = q.where('level', '=', rule.level);
  if (rule.certified) q = q.where('certificate_no', 'is not', null);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

describe('the demo directory', () => {
  it('counts exactly the article’s figures by the written rules', async () => {
    const counts: Record<string, number> = {};
    for (const rule of FIGURE_RULES) counts[rule.indicator] = await countByRule(rule);
    expect(counts).toEqual({
      institutions_of_higher_learning: 83,
      province_level_rnd_institutes: 44,
      national_key_labs: 19,
      incubators: 280,
      high_tech_incubators: 215,
      makerspaces: 138,
      province_certified_high_tech_enterprises: 2995,
    });
  });

  it('holds certificates in the real formats, valid on the figures’ as-of date', async () => {
    const htes = await orgs()
      .select(['certificate_no', 'certificate_valid_until'])
      .where('kind', '=', 'enterprise')
      .where('certificate_no', 'is not', null)
      .execute();
    expect(htes).toHaveLength(2995);
    expect(new Set(htes.map((h) => h.certificate_no)).size).toBe(2995);
    for (const h of htes) {
      expect(h.certificate_no).toMatch(/^GR20(14|15|16)44\d{6}$/);
      expect(h.certificate_valid_until >= '2017-07-31').toBe(true);
    }
  });

  it('marks every generated record and person as generated, in both languages', async () => {
    const generated = await orgs()
      .select([
        'slug',
        'is_generated',
        'source_kind',
        'source_name_en',
        'source_name_zh',
        'summary_en',
        'summary_zh',
        'website',
      ])
      .where((eb) => eb.or([eb('is_generated', '=', 1), eb('source_kind', '=', 'generated')]))
      .execute();
    expect(generated.length).toBeGreaterThan(3900);
    for (const g of generated) {
      expect(g.is_generated).toBe(1);
      expect(g.source_kind).toBe('generated');
      expect(g.source_name_en).toMatch(/^Generated for this demonstration: not a real organisation/);
      expect(g.source_name_zh).toMatch(/^本演示站生成的示例记录，并非真实机构/);
      expect(g.summary_en).toMatch(/^Generated demonstration record\./);
      expect(g.summary_zh).toMatch(/^演示用生成记录。/);
      expect(g.website).toBeNull();
    }
    const people = await db()
      .selectFrom('directory_person')
      .select(['is_generated', 'headline_en'])
      .execute();
    expect(people.length).toBeGreaterThan(0);
    for (const p of people) {
      expect(p.is_generated).toBe(1);
      expect(p.headline_en).toMatch(/generated demonstration person/);
    }
  });

  it('has the article’s named actors with their slugs, and their partnership', async () => {
    const named = await orgs()
      .select(['id', 'slug', 'source_kind', 'is_generated'])
      .where('slug', 'in', [
        'gac-group',
        'iflytek',
        'medprin',
        'cisco',
        'prditu',
        'petrochina',
        'tsinghua-graduate-school-shenzhen',
      ])
      .execute();
    expect(named.map((n) => n.slug).sort()).toEqual([
      'cisco',
      'gac-group',
      'iflytek',
      'medprin',
      'petrochina',
      'prditu',
      'tsinghua-graduate-school-shenzhen',
    ]);
    for (const n of named) expect([n.source_kind, n.is_generated]).toEqual(['demo', 0]);
    const id = (slug: string) => named.find((n) => n.slug === slug)?.id;
    const partner = await db()
      .selectFrom('directory_relation')
      .select('type')
      .where('from_id', '=', id('prditu'))
      .where('to_id', '=', id('petrochina'))
      .execute();
    expect(partner.map((p) => p.type)).toEqual(['partner_of']);
  });

  it('keeps each real record’s source, and links labs to the universities ROR names', async () => {
    const real = await orgs()
      .select(['source_kind', 'source_name_en', 'source_name_zh', 'source_url'])
      .where('is_generated', '=', 0)
      .execute();
    const bySource = (kind: string) => real.filter((r) => r.source_kind === kind);
    expect(bySource('moe')).toHaveLength(156);
    expect(bySource('ror').length).toBeGreaterThan(60);
    for (const r of bySource('moe')) expect(r.source_name_en).toMatch(/^Ministry of Education list/);
    for (const r of bySource('ror')) {
      expect(r.source_name_en).toContain(`Research Organization Registry (ROR), record ${r.source_url}`);
      expect(r.source_name_zh).toContain('科研机构注册库（ROR）');
    }
    for (const r of bySource('demo')) expect(r.source_name_en).toMatch(/Guangzhou municipal portal/);
    const sysu = await orgs().select('id').where('name_zh', '=', '中山大学').executeTakeFirstOrThrow();
    const labs = await db()
      .selectFrom('directory_relation')
      .innerJoin('directory_organization', 'directory_organization.id', 'directory_relation.from_id')
      .select('directory_organization.name_en')
      .where('directory_relation.to_id', '=', sysu.id)
      .where('directory_relation.type', '=', 'part_of')
      .where('directory_relation.source_kind', '=', 'ror')
      .execute();
    expect(labs.map((l) => l.name_en)).toContain('State Key Laboratory of Ophthalmology');
  });

  it('changes nothing when seeded again', async () => {
    const snapshot = async () => ({
      orgs: await orgs().selectAll().orderBy('id').execute(),
      relations: await db().selectFrom('directory_relation').selectAll().orderBy('id').execute(),
      people: await db().selectFrom('directory_person').selectAll().orderBy('id').execute(),
    });
    const before = await snapshot();
    const report = await seedDirectory(t.deps, 'full');
    const n = before.orgs.length;
    expect(report.organizations).toEqual({ inserted: 0, updated: 0, unchanged: n });
    expect(report.relations).toEqual({ inserted: 0, updated: 0, unchanged: before.relations.length });
    expect(report.people).toEqual({ inserted: 0, updated: 0, unchanged: before.people.length });
    expect(await snapshot()).toEqual(before);
  }, 60_000);
});
