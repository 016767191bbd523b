import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationHooks } from '../src/modules/organizations/index.ts';
import { hashToken } from '../src/platform/auth/tokens.ts';
import { formatDate } from '../src/platform/i18n/format.ts';
import { createTestApp, type TTestApp } from './app.ts';
import { createBrowser, createPerson, linkIn, pathOf, signedIn, type TTestPerson } from './auth.ts';
import { startTestSmtp, type TTestSmtp } from './smtp.ts';

let t: TTestApp;
let smtp: TTestSmtp;

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ seed: false, env: { SMTP_URL: smtp.url } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

const db = () => t.deps.db;
const orgCount = async () =>
  Number(
    (
      await db()
        .selectFrom('organizations_organization')
        .select(db().fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const auditRows = (action: string, orgId?: number) => {
  let s = db().selectFrom('ecosphere_audit').selectAll().where('action', '=', action);
  if (orgId !== undefined) s = s.where('subject_id', '=', String(orgId));
  return s.execute();
};
const orgBySlug = (slug: string) =>
  db()
    .selectFrom('organizations_organization')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
const roleOf = async (orgId: number, personId: number) =>
  (
    await db()
      .selectFrom('organizations_membership')
      .select('role')
      .where('org_id', '=', orgId)
      .where('person_id', '=', personId)
      .executeTakeFirst()
  )?.role as string | undefined;

let n = 0;
const form = (over: Record<string, string> = {}) => {
  n += 1;
  return {
    name_en: `Pearl River Robotics ${n}`,
    name_zh: `珠江机器人${n}`,
    kind: 'enterprise',
    website: 'https://robotics.example.org',
    credit_code: '',
    summary_en: 'Robots for factories.',
    summary_zh: '',
    ...over,
  };
};

/** Creates an organisation through the page as `owner`; returns its slug and id. */
const createOrg = async (owner: TTestPerson, over: Record<string, string> = {}) => {
  const b = await signedIn(t, owner);
  const res = await b.post('/en/organizations', form(over));
  expect(res.status).toBe(303);
  const slug = /\/en\/organizations\/([a-z0-9-]+)\?done=created$/.exec(
    res.headers.get('location') ?? '',
  )?.[1];
  if (!slug) throw new Error(`unexpected redirect ${res.headers.get('location')}`);
  return { slug, id: (await orgBySlug(slug)).id, browser: b };
};

const staffBrowser = async () => signedIn(t, await createPerson(t, { role: 'staff-admin' }));

describe('creating an organisation', () => {
  it('makes the creator its owner, shows it as not verified, and writes an audit row', async () => {
    const owner = await createPerson(t, { nameLatin: 'Wang Fang' });
    const b = await signedIn(t, owner);
    const page = await b.get('/en/organizations/new');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('for="f-credit_code"');
    const res = await b.post(
      '/en/organizations',
      form({ name_en: 'Canton Lab', credit_code: '91350100m000100y43' }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/organizations/canton-lab?done=created');
    const org = await orgBySlug('canton-lab');
    expect(org.credit_code).toBe('91350100M000100Y43');
    expect(await roleOf(org.id, owner.id)).toBe('owner');
    const s = text(await (await b.get('/en/organizations/canton-lab?done=created')).text());
    expect(s).toContain('The organisation was created. You are its owner.');
    expect(s).toContain('Not verified');
    expect(s).toContain('Members');
    expect(s).toContain('Wang Fang (you)');
    expect(await auditRows('create:organization', org.id)).toHaveLength(1);

    // The same English name gets the next free slug; the same credit code is refused.
    const again = await b.post('/en/organizations', form({ name_en: 'Canton Lab' }));
    expect(again.headers.get('location')).toBe('/en/organizations/canton-lab-2?done=created');
    const dup = await b.post('/en/organizations', form({ credit_code: '91350100M000100Y43' }));
    expect(dup.status).toBe(422);
    expect(text(await dup.text())).toContain('Another organisation already uses this code');
  });

  it('asks for a confirmed email address first, and sends visitors to sign in', async () => {
    const b = await signedIn(t, await createPerson(t, { verified: false }));
    expect(text(await (await b.get('/en/organizations/new')).text())).toContain(
      'Please confirm your email address',
    );
    const before = await orgCount();
    expect((await b.post('/en/organizations', form())).status).toBe(403);
    expect(await orgCount()).toBe(before);
    const anon = await createBrowser(t).get('/en/organizations/new');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toMatch(/^\/en\/login\?next=/);
  });

  it.each([
    ['an empty English name', { name_en: '' }, 'name_en', 'Error:'],
    [
      'a credit code with a wrong check character',
      { credit_code: '91350100M000100Y44' },
      'credit_code',
      'valid 18-character',
    ],
    ['a 1 MB name', { name_zh: 'a'.repeat(1024 * 1024) }, 'name_zh', 'Error:'],
    ['a NUL byte', { name_en: 'a\u0000b' }, 'name_en', 'Error:'],
    ['a javascript: website', { website: 'javascript:alert(1)' }, 'website', 'Error:'],
    ['an unknown kind', { kind: 'castle' }, 'kind', 'Error:'],
  ])('refuses %s with 422, the field error, and stores nothing', async (_, over, field, words) => {
    const b = await signedIn(t, await createPerson(t));
    const before = await orgCount();
    const res = await b.post('/en/organizations', form(over));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain(`href="#f-${field}"`);
    expect(html).toMatch(new RegExp(`id="f-${field}-error"`));
    expect(text(html)).toContain(words);
    expect(await orgCount()).toBe(before);
  });

  it('shows the form errors in Chinese on the Chinese site', async () => {
    const b = await signedIn(t, await createPerson(t));
    const res = await b.post('/zh/organizations', form({ credit_code: '123' }));
    expect(res.status).toBe(422);
    expect(text(await res.text())).toContain('请输入有效的 18 位统一社会信用代码');
  });
});

describe('who sees what', () => {
  it('shows members only to members; edit and management are not found for others', async () => {
    const { slug, id } = await createOrg(await createPerson(t));
    const outsider = await signedIn(t, await createPerson(t));
    const page = await outsider.get(`/en/organizations/${slug}`);
    expect(page.status).toBe(200);
    const s = text(await page.text());
    expect(s).not.toContain('Members');
    expect(s).toContain('Request to join');
    expect((await outsider.get(`/en/organizations/${slug}/edit`)).status).toBe(404);
    expect((await outsider.post(`/en/organizations/${slug}/edit`, form())).status).toBe(404);
    expect(
      (
        await outsider.post(`/en/organizations/${slug}/invitations`, {
          email: 'x@example.org',
          role: 'member',
        })
      ).status,
    ).toBe(404);
    expect(await auditRows('create:invitation', id)).toHaveLength(0);
    const anon = text(await (await createBrowser(t).get(`/en/organizations/${slug}`)).text());
    expect(anon).not.toContain('Members');
    expect(anon).not.toContain('Request to join');
    expect((await createBrowser(t).get('/en/organizations/no-such-org')).status).toBe(404);
  });
});

describe('invitations', () => {
  it('emails the invitation in the inviter’s page language; only the invited address can accept, once', async () => {
    const owner = await createPerson(t);
    const { slug, id, browser } = await createOrg(owner);
    const invitedEmail = `invited-${Date.now()}@example.org`;
    const res = await browser.post(`/zh/organizations/${slug}/invitations`, {
      email: invitedEmail.toUpperCase(),
      role: 'admin',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/zh/organizations/${slug}?done=invited`);
    const mail = await smtp.waitForMatch(
      (m) => (m.to as { text: string } | undefined)?.text === invitedEmail,
    );
    expect(mail?.to).toMatchObject({ text: invitedEmail });
    expect(mail?.subject).toContain('邀请您加入');
    const path = pathOf(linkIn(mail?.text));
    expect(path).toMatch(/^\/zh\/invitations\/[A-Za-z0-9_-]{43}$/);
    const token = path.split('/').pop() as string;
    const stored = await db()
      .selectFrom('organizations_invitation')
      .selectAll()
      .where('org_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await auditRows('create:invitation', id)).toHaveLength(1);

    // A visitor sees the invitation and is asked to sign in; another account cannot accept it.
    expect(text(await (await createBrowser(t).get(path)).text())).toContain('请使用收到邀请的电子邮箱登录');
    const wrong = await signedIn(t, await createPerson(t));
    expect(text(await (await wrong.get(path)).text())).toContain('此邀请发送给了另一个电子邮箱');
    expect((await wrong.post(path)).status).toBe(404);

    const invited = await createPerson(t, { email: invitedEmail });
    const ib = await signedIn(t, invited);
    expect(text(await (await ib.get(path)).text())).toContain('接受邀请');
    const accept = await ib.post(path);
    expect(accept.status).toBe(303);
    expect(accept.headers.get('location')).toBe(`/zh/organizations/${slug}?done=joined`);
    expect(await roleOf(id, invited.id)).toBe('admin');
    expect(await auditRows('accept:invitation', id)).toHaveLength(1);
    expect((await ib.post(path)).status).toBe(404);
    expect((await ib.get(path)).status).toBe(404);
  });

  it('refuses expired and revoked invitations, and admins cannot invite admins', async () => {
    const owner = await createPerson(t);
    const { slug, id, browser } = await createOrg(owner);
    await browser.post(`/en/organizations/${slug}/invitations`, {
      email: 'late@example.org',
      role: 'member',
    });
    const path = pathOf(
      linkIn(
        (await smtp.waitForMatch((m) => (m.to as { text: string } | undefined)?.text === 'late@example.org'))
          .text,
      ),
    );
    await db()
      .updateTable('organizations_invitation')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('org_id', '=', id)
      .execute();
    const late = await signedIn(t, await createPerson(t, { email: `late-${Date.now()}@example.org` }));
    expect((await late.get(path)).status).toBe(404);

    await browser.post(`/en/organizations/${slug}/invitations`, {
      email: 'gone@example.org',
      role: 'member',
    });
    const inv = await db()
      .selectFrom('organizations_invitation')
      .select('id')
      .where('email', '=', 'gone@example.org')
      .executeTakeFirstOrThrow();
    expect((await browser.post(`/en/organizations/${slug}/invitations/${inv.id}/revoke`)).status).toBe(303);
    expect(await auditRows('revoke:invitation', id)).toHaveLength(1);

    const bad = await browser.post(`/en/organizations/${slug}/invitations`, {
      email: 'not-an-email',
      role: 'member',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('href="#f-email"');

    const admin = await createPerson(t);
    await db()
      .insertInto('organizations_membership')
      .values({ org_id: id, person_id: admin.id, role: 'admin', created_at: new Date().toISOString() })
      .execute();
    const ab = await signedIn(t, admin);
    const refused = await ab.post(`/en/organizations/${slug}/invitations`, {
      email: 'boss@example.org',
      role: 'admin',
    });
    expect(refused.status).toBe(422);
    expect(text(await refused.text())).toContain('You cannot give this role');
  });
});

describe('requests to join', () => {
  it('approves one request (a member, told by email) and declines another (not a member)', async () => {
    const owner = await createPerson(t);
    const { slug, id, browser } = await createOrg(owner);
    const alice = await createPerson(t, { nameLatin: 'Alice Chen' });
    const ab = await signedIn(t, alice);
    expect((await ab.post(`/en/organizations/${slug}/join`, { message: 'We build the arms.' })).status).toBe(
      303,
    );
    const twice = await ab.post(`/en/organizations/${slug}/join`, { message: '' });
    expect(twice.status).toBe(422);
    expect(text(await twice.text())).toContain('You have already asked to join');
    expect(text(await (await ab.get(`/en/organizations/${slug}`)).text())).toContain('waiting for an answer');

    const managePage = text(await (await browser.get(`/en/organizations/${slug}`)).text());
    expect(managePage).toContain('Alice Chen');
    expect(managePage).toContain('We build the arms.');
    const req = await db()
      .selectFrom('organizations_join_request')
      .selectAll()
      .where('person_id', '=', alice.id)
      .executeTakeFirstOrThrow();
    expect((await browser.post(`/en/organizations/${slug}/join-requests/${req.id}/approve`)).status).toBe(
      303,
    );
    expect(await roleOf(id, alice.id)).toBe('member');
    const mail = await smtp.waitForMatch((m) => /was approved/.test(m.subject ?? ''));
    expect(mail?.subject).toContain('was approved');
    expect(await auditRows('approve:join-request', id)).toHaveLength(1);

    const bob = await createPerson(t);
    const bb = await signedIn(t, bob);
    await bb.post(`/en/organizations/${slug}/join`, { message: '' });
    const req2 = await db()
      .selectFrom('organizations_join_request')
      .selectAll()
      .where('person_id', '=', bob.id)
      .executeTakeFirstOrThrow();
    // Members who do not manage cannot decide; a decided request cannot be decided again.
    expect((await ab.post(`/en/organizations/${slug}/join-requests/${req2.id}/approve`)).status).toBe(404);
    expect((await browser.post(`/en/organizations/${slug}/join-requests/${req2.id}/decline`)).status).toBe(
      303,
    );
    expect((await browser.post(`/en/organizations/${slug}/join-requests/${req2.id}/approve`)).status).toBe(
      404,
    );
    expect(await roleOf(id, bob.id)).toBeUndefined();
    expect(await auditRows('decline:join-request', id)).toHaveLength(1);
    expect((await smtp.waitForMatch((m) => /was declined/.test(m.subject ?? ''))).subject).toContain(
      'was declined',
    );
  });

  it('asks an unconfirmed person to confirm the address before joining', async () => {
    const { slug } = await createOrg(await createPerson(t));
    const b = await signedIn(t, await createPerson(t, { verified: false }));
    expect(text(await (await b.get(`/en/organizations/${slug}`)).text())).toContain(
      'Confirm your email address before asking to join',
    );
    expect((await b.post(`/en/organizations/${slug}/join`, { message: '' })).status).toBe(404);
  });
});

describe('members and owners', () => {
  it('never leaves an organisation without an owner; a member may leave', async () => {
    const owner = await createPerson(t);
    const { slug, id, browser } = await createOrg(owner);
    const leave = await browser.post(`/en/organizations/${slug}/members/${owner.id}/remove`);
    expect(leave.status).toBe(422);
    expect(text(await leave.text())).toContain('An organisation needs an owner');
    const demote = await browser.post(`/en/organizations/${slug}/members/${owner.id}/role`, {
      role: 'member',
    });
    expect(demote.status).toBe(422);
    expect(await roleOf(id, owner.id)).toBe('owner');

    const member = await createPerson(t);
    await db()
      .insertInto('organizations_membership')
      .values({ org_id: id, person_id: member.id, role: 'member', created_at: new Date().toISOString() })
      .execute();
    expect(
      (await browser.post(`/en/organizations/${slug}/members/${member.id}/role`, { role: 'owner' })).status,
    ).toBe(303);
    expect(await roleOf(id, member.id)).toBe('owner');
    expect(await auditRows('update:membership', id)).toHaveLength(1);
    // Now there is another owner, the first may step down.
    expect((await browser.post(`/en/organizations/${slug}/members/${owner.id}/remove`)).status).toBe(303);
    expect(await roleOf(id, owner.id)).toBeUndefined();
    expect(await auditRows('leave:organization', id)).toHaveLength(1);
  });

  it('blocks deleting the account of a last owner with members, exports and removes memberships', async () => {
    const owner = await createPerson(t);
    const { id } = await createOrg(owner, { name_en: 'Lonely Owner Ltd' });
    const [block] = organizationHooks.blockDeletion ?? [];
    expect(await block?.(db(), owner.id, 'en')).toBeUndefined();
    const member = await createPerson(t);
    await db()
      .insertInto('organizations_membership')
      .values({ org_id: id, person_id: member.id, role: 'member', created_at: new Date().toISOString() })
      .execute();
    expect(await block?.(db(), owner.id, 'en')).toContain('You are the last owner of Lonely Owner Ltd');
    expect(await block?.(db(), owner.id, 'zh')).toContain('最后一位所有者');
    const [exporter] = organizationHooks.exportPersonData ?? [];
    expect(await exporter?.(db(), member.id)).toMatchObject({
      memberships: [{ role: 'member' }],
      joinRequests: [],
    });
    const [onDelete] = organizationHooks.onDeletePerson ?? [];
    await onDelete?.(db(), member.id);
    expect(await roleOf(id, member.id)).toBeUndefined();
  });
});

describe('staff verification and key-field review', () => {
  it('verifies with an evidence note: a badge with the date, in both languages', async () => {
    const { slug, id } = await createOrg(await createPerson(t));
    const staff = await staffBrowser();
    expect(text(await (await staff.get('/en/staff/organizations')).text())).toContain(
      'Organisations waiting for verification',
    );
    const short = await staff.post(`/en/staff/organizations/${slug}/verify`, { note: 'ok' });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('href="#f-note"');
    expect((await orgBySlug(slug)).verified_at).toBeNull();
    const res = await staff.post(`/en/staff/organizations/${slug}/verify`, {
      note: 'Checked the licence on the national credit register.',
    });
    expect(res.status).toBe(303);
    const today = new Date().toISOString();
    expect(text(await (await createBrowser(t).get(`/en/organizations/${slug}`)).text())).toContain(
      `Verified by staff on ${formatDate('en', today)}`,
    );
    // Tags split the sentence around the <time> element; the reader sees it whole.
    const zhPage = text(await (await createBrowser(t).get(`/zh/organizations/${slug}`)).text()).replace(
      /\s/g,
      '',
    );
    expect(zhPage).toContain(`已由工作人员于${formatDate('zh', today)}核验`);
    expect(await auditRows('verify:organization', id)).toHaveLength(1);
    expect((await staff.post(`/en/staff/organizations/${slug}/unverify`, { reason: '' })).status).toBe(422);
  });

  it('is not found for members, and sends staff without a second factor to set it up', async () => {
    const { slug, browser } = await createOrg(await createPerson(t));
    expect((await browser.get('/en/staff/organizations')).status).toBe(404);
    expect(
      (await browser.post(`/en/staff/organizations/${slug}/verify`, { note: 'I verify myself, honestly.' }))
        .status,
    ).toBe(404);
    expect((await orgBySlug(slug)).verified_at).toBeNull();
    const noMfa = await signedIn(t, await createPerson(t, { role: 'staff-admin' }), { mfa: false });
    const res = await noMfa.get('/en/staff/organizations');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/en\/account\/two-factor/);
  });

  it('sends key-field edits of a verified organisation to staff; other fields apply at once', async () => {
    const owner = await createPerson(t);
    const { slug, id, browser } = await createOrg(owner, { name_en: 'Verified Robotics' });
    const staff = await staffBrowser();
    await staff.post(`/en/staff/organizations/${slug}/verify`, {
      note: 'Checked the licence on the national register.',
    });
    const org = await orgBySlug(slug);
    const edit = {
      name_en: 'Verified Robotics Group',
      name_zh: org.name_zh,
      kind: org.kind,
      website: org.website ?? '',
      credit_code: '',
      summary_en: 'Now also drones.',
      summary_zh: '',
    };
    const res = await browser.post(`/en/organizations/${slug}/edit`, edit);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/en/organizations/${slug}?done=review`);
    const after = await orgBySlug(slug);
    expect(after.name_en).toBe('Verified Robotics');
    expect(after.summary_en).toBe('Now also drones.');
    expect(text(await (await browser.get(`/en/organizations/${slug}?done=review`)).text())).toContain(
      'sent to staff for review',
    );
    expect(await auditRows('update:organization', id)).toHaveLength(1);
    expect(await auditRows('create:organization-change', id)).toHaveLength(1);

    const change = await db()
      .selectFrom('organizations_change_request')
      .selectAll()
      .where('org_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(text(await (await staff.get('/en/staff/organizations')).text())).toContain(
      'Change to Verified Robotics',
    );
    const review = text(await (await staff.get(`/en/staff/organizations/changes/${change.id}`)).text());
    expect(review).toContain('Verified Robotics Group');
    expect((await browser.post(`/en/staff/organizations/changes/${change.id}/approve`)).status).toBe(404);
    expect(
      (await staff.post(`/en/staff/organizations/changes/${change.id}/approve`, { note: '' })).status,
    ).toBe(303);
    expect((await orgBySlug(slug)).name_en).toBe('Verified Robotics Group');
    expect(await auditRows('approve:organization-change', id)).toHaveLength(1);

    // A declined change leaves the organisation as it was.
    await browser.post(`/en/organizations/${slug}/edit`, { ...edit, name_en: 'Something Else' });
    const second = await db()
      .selectFrom('organizations_change_request')
      .selectAll()
      .where('org_id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect(
      (
        await staff.post(`/en/staff/organizations/changes/${second.id}/decline`, {
          note: 'Not on the licence.',
        })
      ).status,
    ).toBe(303);
    expect((await orgBySlug(slug)).name_en).toBe('Verified Robotics Group');
    expect(await auditRows('decline:organization-change', id)).toHaveLength(1);
  });

  it('applies edits of an unverified organisation at once', async () => {
    const { slug, browser } = await createOrg(await createPerson(t));
    const res = await browser.post(`/en/organizations/${slug}/edit`, form({ name_en: 'Renamed Works' }));
    expect(res.headers.get('location')).toBe(`/en/organizations/${slug}?done=saved`);
    expect((await orgBySlug(slug)).name_en).toBe('Renamed Works');
    expect((await browser.post(`/en/organizations/${slug}/edit`, form({ name_en: '' }))).status).toBe(422);
  });
});

describe('invitations do not outlive the powers of whoever sent them', () => {
  it('revokes the open invitations of an admin who is removed', async () => {
    const owner = await createPerson(t);
    const { slug, id, browser } = await createOrg(owner);
    const admin = await createPerson(t);
    await db()
      .insertInto('organizations_membership')
      .values({ org_id: id, person_id: admin.id, role: 'admin', created_at: new Date().toISOString() })
      .execute();
    const a = await signedIn(t, admin);
    expect(
      (
        await a.post(`/en/organizations/${slug}/invitations`, {
          email: 'friend-of-admin@example.org',
          role: 'member',
        })
      ).status,
    ).toBe(303);
    const mail = await smtp.waitForMatch(
      (m) => (m.to as { text: string }).text === 'friend-of-admin@example.org',
    );
    expect((await browser.post(`/en/organizations/${slug}/members/${admin.id}/remove`)).status).toBe(303);
    const friend = await createPerson(t, { email: 'friend-of-admin@example.org' });
    const f = await signedIn(t, friend);
    const accept = await f.post(pathOf(linkIn(mail.text)));
    expect(accept.status).toBe(404);
    expect(await roleOf(id, friend.id)).toBeUndefined();
    expect(await auditRows('revoke:invitation', id)).toHaveLength(1);
  });
});
