import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedRegistry, sendFreshnessReminders } from '../src/modules/directory/index.ts';
import { createTestApp, type TTestApp } from './app.ts';
import { createBrowser, createPerson, signedIn, type TBrowser, type TTestPerson } from './auth.ts';
import { startTestSmtp, type TTestSmtp } from './smtp.ts';

// Directory profiles as readers, organisations and staff meet them: what a profile shows, the claim
// flow up to editing, reviews of verified fields, merged records, and the freshness reminders.

let t: TTestApp;
let smtp: TTestSmtp;
let ip = 0;
const from = () => ({ 'x-forwarded-for': `10.7.${(ip >> 8) & 255}.${ip++ & 255}` });

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ seed: false, env: { SMTP_URL: smtp.url, TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});
beforeEach(() => {
  smtp.messages.length = 0;
});

const db = () => t.deps.db as Kysely<any>;
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:])/g, '$1');
const page = async (b: TBrowser, path: string) => {
  const res = await b.get(path, from());
  return { res, s: text(await res.text()) };
};
const anon = () => createBrowser(t);
const ago = (months: number, days = 0) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString();
};

const ROR = 'https://ror.org/0530pts50';
const src = { en: 'Test registry, CC0', zh: '测试名录，CC0' };
const university = {
  kind: 'university',
  slug: 'south-test-university',
  name: { en: 'South Test University', zh: '华南测试大学' },
  acronym: 'STU',
  summary: { en: 'A university for tests.', zh: '用于测试的大学。' },
  website: 'https://www.stu.example.cn',
  city: { en: 'Guangzhou', zh: '广州' },
  district: 'tianhe',
  sector: 'next_gen_it',
  foundedYear: 1952,
  source: { en: 'Research Organization Registry (ROR), CC0', zh: '科研组织注册库（ROR），CC0' },
  sourceKind: 'ror',
  sourceUrl: ROR,
  externalIds: [
    { scheme: 'ror', value: ROR },
    { scheme: 'wikidata', value: 'Q1049539' },
    { scheme: 'grid', value: 'grid.79703.3a' },
  ],
};
const lab = {
  kind: 'key_lab',
  slug: 'test-key-lab',
  name: { en: 'Test Key Laboratory', zh: '测试重点实验室' },
  summary: {},
  city: {},
  level: 'national',
  source: src,
  sourceKind: 'demo',
  externalIds: [{ scheme: 'demo', value: 'lab' }],
};
const incubator = {
  kind: 'incubator',
  slug: 'test-incubator',
  name: { en: 'Test Incubator', zh: '测试孵化器' },
  summary: {},
  city: {},
  level: 'provincial',
  certificateNo: 'INC-2019-042',
  certificateValidUntil: '2020-12-31',
  source: src,
  sourceKind: 'demo',
  isGenerated: true,
  externalIds: [{ scheme: 'demo', value: 'incubator' }],
};
const startup = {
  kind: 'enterprise',
  slug: 'test-startup',
  name: { en: 'Test Startup', zh: '测试初创' },
  summary: {},
  city: {},
  level: 'national',
  certificateNo: 'GR202344001234',
  certificateValidUntil: '2099-12-31',
  source: src,
  sourceKind: 'demo',
  externalIds: [{ scheme: 'demo', value: 'startup' }],
};
const investor = {
  kind: 'investor',
  slug: 'test-capital',
  name: { en: 'Test Capital', zh: '测试资本' },
  summary: {},
  city: {},
  subtype: 'vc',
  investorFocus: {
    sectors: ['biotech', 'next_gen_it'],
    stages: ['seed', 'early'],
    ticketMinCny: 1_000_000,
    ticketMaxCny: 20_000_000,
    regions: ['Pearl River Delta'],
  },
  source: src,
  sourceKind: 'demo',
  externalIds: [{ scheme: 'demo', value: 'capital' }],
};

beforeAll(async () => {
  await seedRegistry(t.deps, {
    records: [university, lab, incubator, startup, investor],
    relations: [
      { from: 'demo:lab', to: `ror:${ROR}`, type: 'part_of', sourceKind: 'demo' },
      { from: 'demo:incubator', to: `ror:${ROR}`, type: 'hosted_by', sourceKind: 'demo' },
      { from: 'demo:startup', to: 'demo:incubator', type: 'tenant_of', sourceKind: 'demo' },
      { from: 'demo:capital', to: 'demo:startup', type: 'invested_in', sourceKind: 'demo' },
      { from: 'demo:capital', to: `ror:${ROR}`, type: 'partner_of', sourceKind: 'demo' },
    ],
    people: [
      {
        slug: 'li-ming',
        name: { en: 'Li Ming', zh: '李明' },
        headline: { en: 'Professor of robotics', zh: '机器人学教授' },
        org: `ror:${ROR}`,
        isTalent: true,
        talentProgram: 'Pearl River Talent',
        publicFields: ['organization', 'headline', 'talent_program'],
        isListed: true,
      },
      {
        slug: 'wang-fang',
        name: { en: 'Wang Fang', zh: '王芳' },
        headline: { en: 'Secret headline', zh: '不公开的头衔' },
        org: `ror:${ROR}`,
        publicFields: ['organization'],
        isListed: true,
      },
      {
        slug: 'zhao-lei',
        name: { en: 'Zhao Lei', zh: '赵磊' },
        org: `ror:${ROR}`,
        publicFields: ['headline'],
        isListed: true,
      },
      {
        slug: 'hidden-person',
        name: { en: 'Hidden Person', zh: '隐藏人员' },
        org: `ror:${ROR}`,
        publicFields: ['organization'],
        isListed: false,
      },
    ],
  });
});

const recordRow = (slug: string) =>
  db().selectFrom('directory_organization').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
const setConfirmed = async (slug: string, at: string | null) => {
  await db()
    .updateTable('directory_organization')
    .set({ confirmed_at: at })
    .where('slug', '=', slug)
    .execute();
  t.deps.pages.clear();
};

/** An organisation (verified) that manages a record, with an owner and an admin in either language. */
let world = 0;
const managedRecord = async (opts: { ownerLocale?: 'en' | 'zh' } = {}) => {
  world += 1;
  const slug = `managed-${world}`;
  await seedRegistry(t.deps, {
    records: [
      {
        kind: 'enterprise',
        slug,
        name: { en: `Managed Robotics ${world}`, zh: `托管机器人${world}` },
        summary: { en: 'Robots.' },
        city: {},
        source: src,
        sourceKind: 'demo',
        externalIds: [{ scheme: 'demo', value: slug }],
      },
    ],
  });
  const owner = await createPerson(t, { locale: opts.ownerLocale ?? 'en', nameLatin: 'Owner Person' });
  const admin = await createPerson(t, { locale: 'zh', nameZh: '管理员' });
  const member = await createPerson(t);
  const now = new Date().toISOString();
  const org = await db()
    .insertInto('organizations_organization')
    .values({
      slug: `org-${slug}`,
      kind: 'enterprise',
      name_en: `Managed Robotics Ltd ${world}`,
      name_zh: `托管机器人有限公司${world}`,
      verified_at: now,
      verified_by: owner.id,
      verification_note: 'Checked.',
      created_by: owner.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [p, role] of [
    [owner, 'owner'],
    [admin, 'admin'],
    [member, 'member'],
  ] as const)
    await db()
      .insertInto('organizations_membership')
      .values({ org_id: org.id, person_id: p.id, role, created_at: now })
      .execute();
  await db()
    .updateTable('directory_organization')
    .set({ claimed_org_id: org.id })
    .where('slug', '=', slug)
    .execute();
  t.deps.pages.clear();
  return { slug, owner, admin, member, orgId: Number(org.id) };
};

describe('the profile page', () => {
  it('shows names, attributes, identifiers as links, relations both ways, opted-in people and sources', async () => {
    const { res, s } = await page(anon(), '/en/directory/south-test-university');
    expect(res.status).toBe(200);
    expect(s).toContain('South Test University');
    expect(s).toContain('华南测试大学');
    expect(s).toContain('University');
    expect(s).toContain('Tianhe');
    expect(s).toContain('Next-generation information technology');
    expect(s).toContain('GB/T 4754 industry divisions: 39, 63, 64, 65');
    expect(s).toContain('1952');
    expect(s).toContain('Also known as STU');
    const html = await (await anon().get('/en/directory/south-test-university')).text();
    expect(html).toContain('href="https://ror.org/0530pts50"');
    expect(html).toContain('href="https://www.wikidata.org/wiki/Q1049539"');
    expect(html).toContain('href="https://www.grid.ac/institutes/grid.79703.3a"');
    // Relations pointing at it, each under a readable heading.
    expect(s).toMatch(/Units Test Key Laboratory/);
    expect(s).toMatch(/Hosts Test Incubator/);
    expect(s).toMatch(/Partners Test Capital/);
    // People: only the listed ones who show where they work, and only the fields they opted in to.
    expect(s).toContain('Li Ming');
    expect(s).toContain('Professor of robotics');
    expect(s).toContain('Talent programme: Pearl River Talent');
    expect(s).toContain('Wang Fang');
    expect(s).not.toContain('Secret headline');
    expect(s).not.toContain('Zhao Lei');
    expect(s).not.toContain('Hidden Person');
    // Sources.
    expect(s).toContain('Research Organization Registry (ROR), CC0');
    expect(s).toMatch(/Imported from the Research Organization Registry \(ROR\) on \d{1,2} \w+ \d{4}\./);
    expect(s).toMatch(/Last confirmed on \d{1,2} \w+ \d{4}\./);
    expect(s).toContain('Claim this organisation');
  });

  it('reads relations from the other side, certificates with their validity, and investor focus', async () => {
    const inc = (await page(anon(), '/en/directory/test-incubator')).s;
    expect(inc).toMatch(/Hosted by South Test University/);
    expect(inc).toMatch(/Tenants Test Startup/);
    expect(inc).toContain('Provincial');
    expect(inc).toContain('INC-2019-042');
    expect(inc).toContain('valid until 31 December 2020');
    expect(inc).toContain('Expired');
    expect(inc).toContain('Generated record for the demonstration, not real data.');
    const hte = (await page(anon(), '/en/directory/test-startup')).s;
    expect(hte).toContain('valid until 31 December 2099');
    expect(hte).not.toContain('Expired');
    expect(hte).toMatch(/Tenant of Test Incubator/);
    expect(hte).toMatch(/Investors Test Capital/);
    const vc = (await page(anon(), '/en/directory/test-capital')).s;
    expect(vc).toContain('Venture capital firm');
    expect(vc).toMatch(/Invested in Test Startup/);
    expect(vc).toContain('Biotechnology, Next-generation information technology');
    expect(vc).toContain('Seed, Early stage');
    expect(vc).toContain('CNY 1 million to CNY 20 million');
    expect(vc).toContain('Pearl River Delta');
    const zh = (await page(anon(), '/zh/directory/test-capital')).s;
    expect(zh).toContain('创业投资机构');
    expect(zh).toContain('投资方向');
    expect(zh).toContain('已投资');
  });

  it('flags records not confirmed for 12 months, not those confirmed 11 months ago', async () => {
    await setConfirmed('test-key-lab', ago(12, 1));
    const stale = (await page(anon(), '/en/directory/test-key-lab')).s;
    expect(stale).toContain('These details may be out of date');
    expect((await page(anon(), '/zh/directory/test-key-lab')).s).toContain('以下信息可能已过时');
    await setConfirmed('test-key-lab', ago(11));
    expect((await page(anon(), '/en/directory/test-key-lab')).s).not.toContain('may be out of date');
  });

  it('answers 404 for unknown slugs and 301 from a merged record to the kept one', async () => {
    expect((await anon().get('/en/directory/no-such-record')).status).toBe(404);
    await seedRegistry(t.deps, {
      records: [
        {
          ...lab,
          slug: 'dup-keep',
          name: { en: 'Dup Lab', zh: '重复实验室' },
          externalIds: [{ scheme: 'demo', value: 'dup-keep' }],
        },
        {
          ...lab,
          slug: 'dup-gone',
          name: { en: 'Dup Lab.', zh: '重复实验室。' },
          externalIds: [{ scheme: 'demo', value: 'dup-gone' }],
        },
      ],
    });
    const keep = await recordRow('dup-keep');
    const gone = await recordRow('dup-gone');
    const dup = await db()
      .insertInto('directory_duplicate')
      .values({
        a_id: keep.id,
        b_id: gone.id,
        reason: 'similar_name',
        score: 95,
        status: 'open',
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const staff = await signedIn(t, await createPerson(t, { role: 'editor' }));
    const queue = (await page(staff, '/en/staff/directory/duplicates')).s;
    expect(queue).toContain('Dup Lab');
    const compare = (await page(staff, `/en/staff/directory/duplicates/${dup.id}`)).s;
    expect(compare).toContain('Merge into “Dup Lab”');
    // Only one of the pair can be kept.
    expect(
      (await staff.post(`/en/staff/directory/duplicates/${dup.id}/merge`, { keep: '999999' }, from())).status,
    ).toBe(422);
    const merged = await staff.post(
      `/en/staff/directory/duplicates/${dup.id}/merge`,
      { keep: String(keep.id) },
      from(),
    );
    expect(merged.status).toBe(303);
    const res = await anon().get('/en/directory/dup-gone');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/en/directory/dup-keep');
    expect((await anon().get('/zh/directory/dup-gone')).headers.get('location')).toBe(
      '/zh/directory/dup-keep',
    );
  });

  it('lets staff say "not duplicates" and mark a record verified', async () => {
    await seedRegistry(t.deps, {
      records: [
        {
          ...lab,
          slug: 'twin-a',
          name: { en: 'Twin Lab A', zh: '双子实验室甲' },
          externalIds: [{ scheme: 'demo', value: 'twin-a' }],
        },
        {
          ...lab,
          slug: 'twin-b',
          name: { en: 'Twin Lab B', zh: '双子实验室乙' },
          externalIds: [{ scheme: 'demo', value: 'twin-b' }],
        },
      ],
    });
    const a = await recordRow('twin-a');
    const b = await recordRow('twin-b');
    const dup = await db()
      .insertInto('directory_duplicate')
      .values({
        a_id: a.id,
        b_id: b.id,
        reason: 'similar_name',
        score: 80,
        status: 'open',
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const staff = await signedIn(t, await createPerson(t, { role: 'staff-admin' }));
    expect((await staff.post(`/en/staff/directory/duplicates/${dup.id}/dismiss`, {}, from())).status).toBe(
      303,
    );
    expect((await staff.get(`/en/staff/directory/duplicates/${dup.id}`, from())).status).toBe(404);
    expect((await anon().get('/en/directory/twin-b')).status).toBe(200);

    expect((await page(anon(), '/en/directory/twin-a')).s).not.toContain('Verified by staff');
    const verify = await staff.post('/en/staff/directory/records/twin-a/verify', { note: '' }, from());
    expect(verify.status).toBe(303);
    expect((await page(anon(), '/en/directory/twin-a')).s).toMatch(
      /Verified by staff on \d{1,2} \w+ \d{4}\./,
    );
    const audit = await db()
      .selectFrom('ecosphere_audit')
      .selectAll()
      .where('action', '=', 'verify:directory-record')
      .execute();
    expect(audit.length).toBe(1);
  });
});

describe('claiming, editing and review', () => {
  it('claim → staff approve → the admin edits a free field at once and a verified field after review', async () => {
    const claimant = await createPerson(t, { nameLatin: 'Claire Chen' });
    const b = await signedIn(t, claimant);
    // Not theirs yet: no edit page.
    expect((await b.get('/en/directory/test-startup/edit', from())).status).toBe(404);
    const form = (await page(b, '/en/directory/test-startup/claim')).s;
    expect(form).toContain('A new organisation account for Test Startup, with you as its owner');
    const short = await b.post(
      '/en/directory/test-startup/claim',
      { on_behalf: 'new', evidence: 'me' },
      from(),
    );
    expect(short.status).toBe(422);
    const claimed = await b.post(
      '/en/directory/test-startup/claim',
      { on_behalf: 'new', evidence: 'I am the CEO; my address is on the company domain.' },
      from(),
    );
    expect(claimed.status).toBe(303);
    expect((await page(b, '/en/directory/test-startup/claim')).s).toContain(
      'is waiting for staff to check it',
    );
    // The claimant's words are theirs: in "download my data".
    const exported = await (await b.get('/en/account/export', from())).text();
    expect(exported).toContain('directoryClaims');
    expect(exported).toContain('I am the CEO');
    // A second claim by the same person waits on the first.
    expect(
      (
        await b.post(
          '/en/directory/test-startup/claim',
          { on_behalf: 'new', evidence: 'Again, the CEO here.' },
          from(),
        )
      ).status,
    ).toBe(422);
    expect((await b.get('/en/directory/test-startup/edit', from())).status).toBe(404);

    // Editors keep the directory but do not verify organisations: the claim is not theirs to decide.
    const editor = await signedIn(t, await createPerson(t, { role: 'editor' }));
    expect((await page(editor, '/en/staff/directory')).s).not.toContain('Claim of Test Startup');
    const admin = await signedIn(t, await createPerson(t, { role: 'staff-admin' }));
    const home = await (await admin.get('/en/staff/directory', from())).text();
    const claimPath = /href="(\/en\/staff\/directory\/claims\/\d+)"/.exec(home)?.[1] as string;
    expect(claimPath).toBeTruthy();
    expect((await editor.get(claimPath, from())).status).toBe(404);
    expect((await page(admin, claimPath)).s).toContain('I am the CEO');
    expect((await admin.post(`${claimPath}/approve`, { note: 'short' }, from())).status).toBe(422);
    const approved = await admin.post(
      `${claimPath}/approve`,
      { note: 'Called the company; the CEO confirmed.' },
      from(),
    );
    expect(approved.status).toBe(303);
    const mail = await smtp.waitForMatch((m) => (m.to as { text: string }).text === claimant.email);
    expect(mail.subject).toBe('Your claim of Test Startup was approved');
    expect((await page(anon(), '/en/directory/test-startup')).s).toMatch(
      /Managed by its organisation, Test Startup\./,
    );
    // The organisation exists on the accounts side, verified, with the claimant as its owner.
    const org = await db()
      .selectFrom('organizations_organization')
      .selectAll()
      .where('name_en', '=', 'Test Startup')
      .executeTakeFirstOrThrow();
    expect(org.verified_at).not.toBeNull();

    // A free field applies at once, on the page and in the search column.
    const edit = await (await b.get('/en/directory/test-startup/edit', from())).text();
    expect(edit).toContain('Confirm these details are still correct');
    const values = (over: Record<string, string>) => ({
      name_en: 'Test Startup',
      name_zh: '测试初创',
      kind: 'enterprise',
      level: 'national',
      certificate_no: 'GR202344001234',
      certificate_valid_until: '2099-12-31',
      uscc: '',
      summary_en: 'Builds quadruped robots for inspection.',
      summary_zh: '',
      website: '',
      founded_year: '2016',
      district: 'huangpu',
      sector: 'high_end_equipment',
      acronym: '',
      aliases: '',
      ...over,
    });
    const before = Number((await recordRow('test-startup')).seq);
    const saved = await b.post('/en/directory/test-startup/edit', values({}), from());
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/en/directory/test-startup/edit?done=saved');
    const profile = (await page(anon(), '/en/directory/test-startup')).s;
    expect(profile).toContain('Builds quadruped robots for inspection.');
    expect(profile).toContain('Huangpu');
    expect(profile).toContain('2016');
    const row = await recordRow('test-startup');
    expect(row.search_text.split(' ')).toContain('quadruped');
    expect(Number(row.seq)).toBeGreaterThan(before);

    // A verified field waits for staff.
    const review = await b.post(
      '/en/directory/test-startup/edit',
      values({ name_en: 'Test Robotics' }),
      from(),
    );
    expect(review.headers.get('location')).toBe('/en/directory/test-startup/edit?done=review');
    expect((await page(anon(), '/en/directory/test-startup')).s).not.toContain('Test Robotics');
    expect((await page(b, '/en/directory/test-startup/edit')).s).toContain('Test Startup → Test Robotics');
    const queue = await (await editor.get('/en/staff/directory', from())).text();
    const changePath = /href="(\/en\/staff\/directory\/changes\/\d+)"/.exec(queue)?.[1] as string;
    expect(changePath).toBeTruthy();
    expect((await editor.post(`${changePath}/approve`, { note: '' }, from())).status).toBe(303);
    expect((await page(anon(), '/en/directory/test-startup')).s).toContain('Test Robotics');
    expect((await recordRow('test-startup')).search_text.split(' ')).toContain('robotics');
    const decided = await smtp.waitForMatch((m) => m.subject === 'Your change to Test Startup was approved');
    expect((decided.to as { text: string }).text).toBe(claimant.email);

    // Bad input is shown again with the problem, nothing stored.
    const bad = await b.post(
      '/en/directory/test-startup/edit',
      values({ founded_year: 'soon', uscc: '123' }),
      from(),
    );
    expect(bad.status).toBe(422);
    const badText = text(await bad.text());
    expect(badText).toContain('Enter a year of four digits');
    expect(badText).toContain('Enter a valid 18-character unified social credit code.');

    const audits = await db()
      .selectFrom('ecosphere_audit')
      .select('action')
      .where('subject_type', '=', 'directory-record')
      .execute();
    const actions = audits.map((a) => a.action);
    for (const a of [
      'create:directory-claim',
      'approve:directory-claim',
      'update:directory-record',
      'create:directory-change',
      'approve:directory-change',
    ])
      expect(actions).toContain(a);
  });

  it('sends a second claimant to join the managing organisation, and keeps the edit page from outsiders', async () => {
    const m = await managedRecord();
    const outsider = await signedIn(t, await createPerson(t));
    expect((await outsider.get(`/en/directory/${m.slug}/edit`, from())).status).toBe(404);
    expect(
      (await outsider.post(`/en/directory/${m.slug}/edit`, { name_en: 'Hijacked' }, from())).status,
    ).toBe(404);
    expect((await outsider.post(`/en/directory/${m.slug}/confirm`, {}, from())).status).toBe(404);
    const hub = (await page(outsider, `/en/directory/${m.slug}/claim`)).s;
    expect(hub).toContain(`This record is managed by Managed Robotics Ltd ${world}.`);
    expect(
      (
        await outsider.post(
          `/en/directory/${m.slug}/claim`,
          { on_behalf: 'new', evidence: 'I work there, honestly.' },
          from(),
        )
      ).status,
    ).toBe(422);
    const join = await outsider.post(
      `/en/directory/${m.slug}/claim/join`,
      { message: 'I run the lab.' },
      from(),
    );
    expect(join.status).toBe(303);
    expect((await page(outsider, `/en/directory/${m.slug}/claim`)).s).toContain('is waiting for its admins');
    // A plain member of the organisation is not an admin: no edit page.
    const member = await signedIn(t, m.member);
    expect((await member.get(`/en/directory/${m.slug}/edit`, from())).status).toBe(404);
    expect((await page(member, `/en/directory/${m.slug}/claim`)).s).toContain(
      'Its owners can make you an admin',
    );
    // Visitors are sent to sign in; other people's staff pages do not exist for them.
    const visitor = await anon().get(`/en/directory/${m.slug}/edit`);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).toMatch(/^\/en\/login\?next=/);
    expect((await outsider.get('/en/staff/directory', from())).status).toBe(404);
    // The admin can.
    const admin = await signedIn(t, m.admin);
    expect((await admin.get(`/zh/directory/${m.slug}/edit`, from())).status).toBe(200);
  });

  it('"still correct" clears the freshness flag', async () => {
    const m = await managedRecord();
    await setConfirmed(m.slug, ago(14));
    expect((await page(anon(), `/en/directory/${m.slug}`)).s).toContain('may be out of date');
    const owner = await signedIn(t, m.owner);
    const res = await owner.post(`/en/directory/${m.slug}/confirm`, {}, from());
    expect(res.status).toBe(303);
    const s = (await page(anon(), `/en/directory/${m.slug}`)).s;
    expect(s).not.toContain('may be out of date');
    expect(Number((await recordRow(m.slug)).confirmed_by)).toBe(m.owner.id);
  });
});

describe('freshness reminders', () => {
  const mailsTo = (p: TTestPerson) =>
    smtp.messages.filter((x) => (x.to as { text: string }).text === p.email);

  it('mails the owners and admins in their language once, then not again within 30 days', async () => {
    const stale = await managedRecord({ ownerLocale: 'en' });
    const fresh = await managedRecord();
    await setConfirmed(stale.slug, ago(13));
    await setConfirmed(fresh.slug, ago(11));
    const now = new Date();
    const first = await sendFreshnessReminders(t.deps, now);
    expect(first).toBeGreaterThanOrEqual(1);
    const en = await smtp.waitForMatch((x) => (x.to as { text: string }).text === stale.owner.email);
    expect(en.subject).toBe(`Please check the directory record of Managed Robotics ${world - 1}`);
    expect(en.text).toContain(`/en/directory/${stale.slug}/edit`);
    const zh = await smtp.waitForMatch((x) => (x.to as { text: string }).text === stale.admin.email);
    expect(zh.subject).toBe(`请核对“托管机器人${world - 1}”的机构名录记录`);
    expect(zh.text).toContain(`/zh/directory/${stale.slug}/edit`);
    expect(mailsTo(stale.member)).toHaveLength(0);
    expect(mailsTo(fresh.owner)).toHaveLength(0);

    // Within 30 days: nothing more.
    smtp.messages.length = 0;
    expect(await sendFreshnessReminders(t.deps, new Date(now.getTime() + 29 * 86_400_000))).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(mailsTo(stale.owner)).toHaveLength(0);
    // A month later, still not confirmed: reminded again.
    expect(
      await sendFreshnessReminders(t.deps, new Date(now.getTime() + 31 * 86_400_000)),
    ).toBeGreaterThanOrEqual(1);
    await smtp.waitForMatch((x) => (x.to as { text: string }).text === stale.owner.email);
  });
});
