import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNews } from '../src/modules/cms/index.ts';
import { cityDay, lastEndedQuarter } from '../src/modules/indicators/indicators.calendar.ts';
import { hashToken, newToken } from '../src/platform/auth/tokens.ts';
import { SESSION_COOKIE } from '../src/platform/http/session-cookie.ts';
import { createTestApp, type TTestApp } from './app.ts';
import { createBrowser, createPerson, signedIn, type TBrowser, type TTestPerson } from './auth.ts';

// The authorization matrix: every route of the app × every kind of visitor, with the outcome each
// should get. A route added without an entry here fails the first test.
//   allow: the page or action is theirs (2xx, a redirect onwards, or 4xx about the input)
//   login: sent to sign in first          deny: 404, as if the thing did not exist
//   mfa:   a staff member sent to set up the second factor first

type TOutcome = 'allow' | 'login' | 'deny' | 'mfa';
const ROLES = [
  'anonymous',
  'member',
  'otherOrgAdmin',
  'orgMember',
  'orgAdmin',
  'orgOwner',
  'reviewer',
  'editor',
  'staffAdmin',
  'staffAdminNoMfa',
] as const;
type TWho = (typeof ROLES)[number];

const all = (o: TOutcome): Record<TWho, TOutcome> =>
  Object.fromEntries(ROLES.map((r) => [r, o])) as Record<TWho, TOutcome>;
const PUBLIC = all('allow');
const SIGNED_IN: Record<TWho, TOutcome> = { ...all('allow'), anonymous: 'login' };
const STAFF_ADMIN: Record<TWho, TOutcome> = {
  ...all('deny'),
  anonymous: 'login',
  staffAdmin: 'allow',
  staffAdminNoMfa: 'mfa',
};
const ANY_STAFF: Record<TWho, TOutcome> = { ...STAFF_ADMIN, reviewer: 'allow', editor: 'allow' };
const EDITORS: Record<TWho, TOutcome> = { ...STAFF_ADMIN, editor: 'allow' };
const ORG_MANAGERS: Record<TWho, TOutcome> = {
  ...all('deny'),
  anonymous: 'login',
  orgAdmin: 'allow',
  orgOwner: 'allow',
  staffAdmin: 'allow',
};
const INVITEE_ONLY: Record<TWho, TOutcome> = { ...all('deny'), anonymous: 'login' };
// A directory record: its managing organisation's owners and admins, and directory staff (editors too).
const RECORD_EDITORS: Record<TWho, TOutcome> = { ...ORG_MANAGERS, editor: 'allow' };
// An incubator's quarterly reports: its owners and admins only (staff review them in their own queue).
const REPORTERS: Record<TWho, TOutcome> = {
  ...all('deny'),
  anonymous: 'login',
  orgAdmin: 'allow',
  orgOwner: 'allow',
};

/** Route pattern (as Hono lists it, under /en) → expected outcome per visitor. */
const MATRIX: Record<string, Record<TWho, TOutcome>> = {
  'GET /': PUBLIC,
  'GET /healthz': PUBLIC,
  'GET /api/v1/openapi.json': PUBLIC,
  'GET /robots.txt': PUBLIC,
  'GET /sitemap.xml': PUBLIC,
  'GET /en/news/feed.xml': PUBLIC,
  'GET /en/news/feed.atom': PUBLIC,
  'GET /assets/:file': PUBLIC,
  'GET /en': PUBLIC,
  'GET /en/about': PUBLIC,
  'GET /en/contact': PUBLIC,
  'POST /en/contact': PUBLIC,
  'GET /en/contact/sent': PUBLIC,
  'GET /en/staff/contact': EDITORS,
  'GET /en/staff/contact/:id': EDITORS,
  'POST /en/staff/contact/:id/reply': EDITORS,
  'POST /en/staff/contact/:id/status': EDITORS,
  'GET /en/report': PUBLIC,
  'POST /en/report': PUBLIC,
  'GET /en/report/dialog': PUBLIC,
  'GET /en/report/sent': PUBLIC,
  'GET /en/staff/news': EDITORS,
  'GET /en/staff/news/new': EDITORS,
  'POST /en/staff/news/new': EDITORS,
  'GET /en/staff/news/:id': EDITORS,
  'POST /en/staff/news/:id': EDITORS,
  'POST /en/staff/news/:id/submit': EDITORS,
  'POST /en/staff/news/:id/return': EDITORS,
  'POST /en/staff/news/:id/publish': EDITORS,
  'POST /en/staff/news/:id/archive': EDITORS,
  'POST /en/staff/news/:id/restore': EDITORS,
  // Taking an article off the site is for staff administrators only.
  'POST /en/staff/news/:id/unpublish': STAFF_ADMIN,
  'GET /en/staff/news/:id/preview': EDITORS,
  'GET /en/staff/news/:id/revisions': EDITORS,
  'GET /en/staff/news/:id/revisions/:number': EDITORS,
  'GET /en/staff/reports': EDITORS,
  'GET /en/staff/reports/:id': EDITORS,
  'POST /en/staff/reports/:id/accept': EDITORS,
  'POST /en/staff/reports/:id/fix': EDITORS,
  'POST /en/staff/reports/:id/decline': EDITORS,
  'GET /en/help': PUBLIC,
  'GET /en/government': PUBLIC,
  'GET /en/residents': PUBLIC,
  'GET /en/visitors': PUBLIC,
  'GET /en/business': PUBLIC,
  'GET /en/help/topic/:topic': PUBLIC,
  'GET /en/help/:slug': PUBLIC,
  'GET /en/staff/help': EDITORS,
  'GET /en/staff/help/new': EDITORS,
  'POST /en/staff/help/new': EDITORS,
  'GET /en/staff/help/:id': EDITORS,
  'POST /en/staff/help/:id': EDITORS,
  'POST /en/staff/help/:id/publish': EDITORS,
  'POST /en/staff/help/:id/unpublish': EDITORS,
  'GET /en/staff/help/:id/delete': EDITORS,
  'POST /en/staff/help/:id/delete': EDITORS,
  'GET /en/staff/audiences': EDITORS,
  'GET /en/staff/audiences/:audience': EDITORS,
  'POST /en/staff/audiences/:audience/intro': EDITORS,
  'POST /en/staff/audiences/:audience/links': EDITORS,
  'GET /en/staff/audiences/:audience/links/:id': EDITORS,
  'POST /en/staff/audiences/:audience/links/:id': EDITORS,
  'POST /en/staff/audiences/:audience/links/:id/move': EDITORS,
  'GET /en/staff/audiences/:audience/links/:id/delete': EDITORS,
  'POST /en/staff/audiences/:audience/links/:id/delete': EDITORS,
  'GET /en/search': PUBLIC,
  'GET /en/news': PUBLIC,
  'GET /en/news/:slug': PUBLIC,
  'GET /en/directory': PUBLIC,
  'GET /en/directory/search': PUBLIC,
  'GET /en/directory/export.csv': PUBLIC,
  'GET /en/directory/export.json': PUBLIC,
  'GET /api/v1/organizations': PUBLIC,
  'GET /api/v1/organizations/:key': PUBLIC,
  'GET /api/v1/indicators': PUBLIC,
  'GET /api/v1/indicators/:code': PUBLIC,
  'GET /api/v1/indicators/:code/observations': PUBLIC,
  'GET /api/v1/catalog.jsonld': PUBLIC,
  'GET /en/directory/:slug': PUBLIC,
  'GET /en/directory/:slug/claim': SIGNED_IN,
  'POST /en/directory/:slug/claim': SIGNED_IN,
  // Members of the managing organisation are in already: for them the request does not exist.
  'POST /en/directory/:slug/claim/join': {
    ...SIGNED_IN,
    orgMember: 'deny',
    orgAdmin: 'deny',
    orgOwner: 'deny',
  },
  'GET /en/directory/:slug/edit': RECORD_EDITORS,
  'POST /en/directory/:slug/edit': RECORD_EDITORS,
  'POST /en/directory/:slug/confirm': RECORD_EDITORS,
  'GET /en/staff/directory': EDITORS,
  'GET /en/staff/directory/changes/:id': EDITORS,
  'POST /en/staff/directory/changes/:id/approve': EDITORS,
  'POST /en/staff/directory/changes/:id/reject': EDITORS,
  // Approving a claim verifies the claiming organisation: staff administrators only.
  'GET /en/staff/directory/claims/:id': STAFF_ADMIN,
  'POST /en/staff/directory/claims/:id/approve': STAFF_ADMIN,
  'POST /en/staff/directory/claims/:id/reject': STAFF_ADMIN,
  'GET /en/staff/directory/duplicates': EDITORS,
  'GET /en/staff/directory/duplicates/:id': EDITORS,
  'POST /en/staff/directory/duplicates/:id/merge': EDITORS,
  'POST /en/staff/directory/duplicates/:id/dismiss': EDITORS,
  'GET /en/staff/directory/records/:slug': EDITORS,
  'POST /en/staff/directory/records/:slug/verify': EDITORS,
  'GET /en/statistics': PUBLIC,
  'GET /en/statistics/:code': PUBLIC,
  'GET /en/statistics/:code/embed': PUBLIC,
  'GET /en/signup': PUBLIC,
  'POST /en/signup': PUBLIC,
  'GET /en/login': PUBLIC,
  'POST /en/login': PUBLIC,
  'GET /en/login/two-factor': PUBLIC,
  'POST /en/login/two-factor': PUBLIC,
  'POST /en/logout': PUBLIC,
  'GET /en/verify-email': PUBLIC,
  'POST /en/verify-email': PUBLIC,
  'GET /en/password/forgot': PUBLIC,
  'POST /en/password/forgot': PUBLIC,
  'GET /en/password/reset': PUBLIC,
  'POST /en/password/reset': PUBLIC,
  'GET /en/account/email/confirm': PUBLIC,
  'POST /en/account/email/confirm': PUBLIC,
  'GET /en/account': SIGNED_IN,
  'POST /en/account/profile': SIGNED_IN,
  'POST /en/account/email': SIGNED_IN,
  'POST /en/account/password': SIGNED_IN,
  'POST /en/account/verification': SIGNED_IN,
  'GET /en/account/sessions': SIGNED_IN,
  'POST /en/account/sessions/others': SIGNED_IN,
  'POST /en/account/sessions/:handle/revoke': SIGNED_IN,
  'GET /en/account/two-factor': SIGNED_IN,
  'POST /en/account/two-factor': SIGNED_IN,
  'POST /en/account/two-factor/disable': SIGNED_IN,
  'POST /en/account/two-factor/recovery-codes': SIGNED_IN,
  'GET /en/account/export': SIGNED_IN,
  'GET /en/account/delete': SIGNED_IN,
  'POST /en/account/delete': SIGNED_IN,
  'GET /en/staff': ANY_STAFF,
  'GET /en/staff/people': STAFF_ADMIN,
  'GET /en/staff/people/:id': STAFF_ADMIN,
  'POST /en/staff/people/:id/role': STAFF_ADMIN,
  'POST /en/staff/people/:id/two-factor/reset': STAFF_ADMIN,
  'GET /en/staff/audit': STAFF_ADMIN,
  'GET /en/staff/organizations': STAFF_ADMIN,
  'GET /en/staff/organizations/:slug': STAFF_ADMIN,
  'POST /en/staff/organizations/:slug/verify': STAFF_ADMIN,
  'POST /en/staff/organizations/:slug/unverify': STAFF_ADMIN,
  'GET /en/staff/organizations/changes/:id': STAFF_ADMIN,
  'POST /en/staff/organizations/changes/:id/approve': STAFF_ADMIN,
  'POST /en/staff/organizations/changes/:id/decline': STAFF_ADMIN,
  'GET /en/organizations': SIGNED_IN,
  'GET /en/organizations/new': SIGNED_IN,
  'POST /en/organizations': SIGNED_IN,
  'GET /en/organizations/:slug': PUBLIC,
  'GET /en/organizations/:slug/edit': ORG_MANAGERS,
  'POST /en/organizations/:slug/edit': ORG_MANAGERS,
  'POST /en/organizations/:slug/invitations': ORG_MANAGERS,
  'POST /en/organizations/:slug/invitations/:id/revoke': ORG_MANAGERS,
  // Members are already in: for them the request form does not exist.
  'POST /en/organizations/:slug/join': {
    ...SIGNED_IN,
    orgMember: 'deny',
    orgAdmin: 'deny',
    orgOwner: 'deny',
  },
  'POST /en/organizations/:slug/join-requests/:id/approve': ORG_MANAGERS,
  'POST /en/organizations/:slug/join-requests/:id/decline': ORG_MANAGERS,
  'POST /en/organizations/:slug/members/:personId/role': ORG_MANAGERS,
  'POST /en/organizations/:slug/members/:personId/remove': ORG_MANAGERS,
  'GET /en/invitations/:token': PUBLIC,
  'POST /en/invitations/:token': INVITEE_ONLY,
  'GET /en/organizations/:slug/reports': REPORTERS,
  'GET /en/organizations/:slug/reports/:period': REPORTERS,
  'POST /en/organizations/:slug/reports/:period': REPORTERS,
  // Statistics staff work (recompute, approve reports into published figures): staff administrators.
  'GET /en/staff/statistics': STAFF_ADMIN,
  'POST /en/staff/statistics/recompute': STAFF_ADMIN,
  'GET /en/staff/statistics/reports': STAFF_ADMIN,
  'GET /en/staff/statistics/reports/:id': STAFF_ADMIN,
  'POST /en/staff/statistics/reports/:id/approve': STAFF_ADMIN,
  'POST /en/staff/statistics/reports/:id/return': STAFF_ADMIN,
};

/** `/en/news/:slug{[a-z0-9-]+}` → `/en/news/:slug` */
const bare = (path: string) => path.replace(/\{(?:[^{}]|\{[^{}]*\})*\}/g, '');

let t: TTestApp;
let assetPath = '';
beforeAll(async () => {
  // Each request comes from its own address, so the per-address write limits do not pile up.
  t = await createTestApp({ seed: true, env: { TRUST_PROXY: '1' } });
  const home = await (await t.app.request('/en/')).text();
  assetPath = /<link rel="stylesheet" href="([^"]+)"/.exec(home)?.[1] as string;
});
afterAll(async () => {
  await t?.close();
});

const routesOf = () => {
  const out = new Set<string>();
  for (const r of t.app.routes) {
    if (r.method === 'ALL' || r.path.endsWith('*')) continue;
    out.add(`${r.method} ${bare(r.path)}`);
  }
  return out;
};

type TWorld = Readonly<{
  params: Record<string, string>;
  people: Record<Exclude<TWho, 'anonymous'>, TTestPerson>;
}>;

let n = 0;
/** A fresh organisation with an owner, an admin, a member, an open invitation, a join request and a change request. */
const makeWorld = async (): Promise<TWorld> => {
  n += 1;
  const db = t.deps.db as Kysely<any>;
  const now = new Date().toISOString();
  const people = {
    member: await createPerson(t),
    otherOrgAdmin: await createPerson(t),
    orgMember: await createPerson(t),
    orgAdmin: await createPerson(t),
    orgOwner: await createPerson(t),
    reviewer: await createPerson(t, { role: 'reviewer' }),
    editor: await createPerson(t, { role: 'editor' }),
    staffAdmin: await createPerson(t, { role: 'staff-admin' }),
    staffAdminNoMfa: await createPerson(t, { role: 'staff-admin' }),
  };
  const victim = await createPerson(t);
  const joiner = await createPerson(t);
  // A published article for the newsroom routes.
  await seedNews(t.deps, [
    {
      slug: `matrix-news-${n}`,
      category: 'city-news',
      title: { en: `Matrix article ${n}` },
      summary: {},
      body: { en: 'Text.' },
      source: { en: 'Matrix', zh: '矩阵' },
      publishedAt: '2026-01-02',
      updatedAt: '2026-01-02',
    },
  ]);
  const newsId = String(
    (
      await db
        .selectFrom('cms_news_article')
        .select('id')
        .where('slug', '=', `matrix-news-${n}`)
        .executeTakeFirstOrThrow()
    ).id,
  );
  const org = async (slug: string, verified: boolean, kind = 'enterprise') =>
    (
      await db
        .insertInto('organizations_organization')
        .values({
          slug,
          kind,
          name_en: `Matrix Org ${slug}`,
          name_zh: `矩阵机构${slug}`,
          verified_at: verified ? now : null,
          verified_by: verified ? people.staffAdmin.id : null,
          verification_note: verified ? 'Checked the business licence.' : null,
          created_by: people.orgOwner.id,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id as number;
  const a = await org(`matrix-a-${n}`, true);
  const b = await org(`matrix-b-${n}`, false);
  const member = (orgId: number, personId: number, role: string) =>
    db
      .insertInto('organizations_membership')
      .values({ org_id: orgId, person_id: personId, role, created_at: now })
      .execute();
  await member(a, people.orgOwner.id, 'owner');
  await member(a, people.orgAdmin.id, 'admin');
  await member(a, people.orgMember.id, 'member');
  await member(a, victim.id, 'member');
  await member(b, people.otherOrgAdmin.id, 'owner');
  // An incubator with the same people, and a quarterly report of it waiting for staff review.
  const incubator = await org(`matrix-inc-${n}`, true, 'incubator');
  await member(incubator, people.orgOwner.id, 'owner');
  await member(incubator, people.orgAdmin.id, 'admin');
  await member(incubator, people.orgMember.id, 'member');
  const indicatorReport = await db
    .insertInto('indicator_report')
    .values({
      org_id: incubator,
      form: 'incubation_quarterly',
      period: '2025-Q2',
      status: 'submitted',
      org_kind: 'incubator',
      submitted_at: now,
      submitted_by: people.orgOwner.id,
      created_by: people.orgOwner.id,
      created_at: now,
      updated_by: people.orgOwner.id,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const token = newToken();
  const invitation = await db
    .insertInto('organizations_invitation')
    .values({
      org_id: a,
      email: 'invitee-matrix@example.org',
      role: 'member',
      token_hash: hashToken(token),
      invited_by: people.orgOwner.id,
      expires_at: new Date(Date.now() + 86_400_000).toISOString(),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const join = await db
    .insertInto('organizations_join_request')
    .values({ org_id: a, person_id: joiner.id, message: null, status: 'pending', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const change = await db
    .insertInto('organizations_change_request')
    .values({
      org_id: a,
      requested_by: people.orgOwner.id,
      changes_json: JSON.stringify({ name_en: { from: `Matrix Org matrix-a-${n}`, to: 'Renamed' } }),
      status: 'pending',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const contact = await db
    .insertInto('contact_message')
    .values({
      reference: `C-M${String(n).padStart(5, '0')}`.slice(0, 12),
      name: 'Matrix Sender',
      email: 'sender@example.org',
      subject: 'A question',
      body: 'Hello.',
      locale: 'en',
      status: 'new',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const report = await db
    .insertInto('reports_report')
    .values({
      page: '/en/about',
      locale: 'en',
      selection: `Matrix words ${n}`,
      status: 'new',
      submissions: 1,
      open_key: `matrix-${n}`,
      due_on: '2026-01-05',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A published help entry and a link on the business page, for the Help Center and audience routes.
  const help = await db
    .insertInto('pages_help_entry')
    .values({
      slug: `matrix-help-${n}`,
      topic: 'signing-in',
      question_en: `Matrix question ${n}?`,
      answer_en: 'Matrix answer.',
      position: 100 + n,
      is_published: 1,
      search_text: `matrix question ${n}`,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const link = await db
    .insertInto('pages_audience_link')
    .values({
      audience: 'business',
      position: 100 + n,
      target: `/help/matrix-help-${n}`,
      title_en: `Matrix link ${n}`,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A directory record managed by organisation a, with a change waiting for review and another
  // organisation's claim waiting for staff, and a pair of records suggested as duplicates.
  const directoryRecord = async (slug: string, claimedBy: number | null) =>
    Number(
      (
        await db
          .insertInto('directory_organization')
          .values({
            slug,
            kind: 'enterprise',
            name_en: `Matrix Record ${slug}`,
            name_zh: `矩阵记录${slug}`,
            source_name_en: 'Matrix',
            source_name_zh: '矩阵',
            claimed_org_id: claimedBy,
            confirmed_at: now,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  const recordId = await directoryRecord(`matrix-record-${n}`, a);
  const dupA = await directoryRecord(`matrix-dup-a-${n}`, null);
  const dupB = await directoryRecord(`matrix-dup-b-${n}`, null);
  const record = {
    slug: `matrix-record-${n}`,
    change: (
      await db
        .insertInto('directory_change')
        .values({
          org_id: recordId,
          requested_by: people.orgAdmin.id,
          changes_json: JSON.stringify({
            name_en: { from: `Matrix Record matrix-record-${n}`, to: 'Renamed' },
          }),
          status: 'pending',
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
    claim: (
      await db
        .insertInto('directory_claim')
        .values({
          record_id: recordId,
          org_id: b,
          requested_by: people.otherOrgAdmin.id,
          evidence: 'I run it.',
          status: 'pending',
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
    duplicate: (
      await db
        .insertInto('directory_duplicate')
        .values({
          a_id: dupA,
          b_id: dupB,
          reason: 'similar_name',
          score: 90,
          status: 'open',
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  };
  return {
    people,
    params: {
      'contact-id': String(contact.id),
      'help-id': String(help.id),
      'help-slug': `matrix-help-${n}`,
      'link-id': String(link.id),
      'report-id': String(report.id),
      'news-id': newsId,
      slug: `matrix-a-${n}`,
      id: String(invitation.id),
      token,
      personId: String(victim.id),
      file: 'none',
      'news-slug': 'guangzhou-innovative-ecosphere-gaining-momentum',
      'directory-slug': 'gac-group',
      'record-slug': record.slug,
      'record-change-id': String(record.change),
      'claim-id': String(record.claim),
      'duplicate-id': String(record.duplicate),
      'change-id': String(change.id),
      'join-id': String(join.id),
      'person-id': String(people.member.id),
      'incubator-slug': `matrix-inc-${n}`,
      'indicator-report-id': String(indicatorReport.id),
    },
  };
};

/** The concrete path to request for a route pattern in a world. */
const concrete = (pattern: string, w: TWorld, handle: string): string => {
  const path = pattern.split(' ')[1] as string;
  if (path.startsWith('/en/organizations/:slug/reports'))
    return path
      .replace(':slug', w.params['incubator-slug'] as string)
      .replace(':period', lastEndedQuarter(cityDay(new Date())));
  if (path.startsWith('/en/staff/statistics/reports/:id'))
    return path.replace(':id', w.params['indicator-report-id'] as string);
  if (path.startsWith('/en/news/')) return path.replace(':slug', w.params['news-slug'] as string);
  if (path.startsWith('/api/v1/organizations/'))
    return path.replace(':key', w.params['directory-slug'] as string);
  if (path.startsWith('/api/v1/indicators/')) return path.replace(':code', 'incubators');
  if (path.startsWith('/en/statistics/')) return path.replace(':code', 'rd_expenditure');
  if (/^\/en\/directory\/:slug\/./.test(path))
    return path.replace(':slug', w.params['record-slug'] as string);
  if (path.startsWith('/en/staff/directory/'))
    return path
      .replace(':slug', w.params['record-slug'] as string)
      .replace(
        ':id',
        w.params[
          path.includes('/changes/')
            ? 'record-change-id'
            : path.includes('/claims/')
              ? 'claim-id'
              : 'duplicate-id'
        ] as string,
      );
  if (path.startsWith('/en/directory/')) return path.replace(':slug', w.params['directory-slug'] as string);
  if (path.includes('/changes/:id')) return path.replace(':id', w.params['change-id'] as string);
  if (path.includes('/join-requests/:id'))
    return path.replace(':slug', w.params.slug as string).replace(':id', w.params['join-id'] as string);
  if (path.startsWith('/en/staff/contact/:id')) return path.replace(':id', w.params['contact-id'] as string);
  if (path.startsWith('/en/help/'))
    return path.replace(':slug', w.params['help-slug'] as string).replace(':topic', 'signing-in');
  if (path.startsWith('/en/staff/help/:id')) return path.replace(':id', w.params['help-id'] as string);
  if (path.startsWith('/en/staff/audiences/:audience'))
    return path.replace(':audience', 'business').replace(':id', w.params['link-id'] as string);
  if (path.startsWith('/en/staff/news/:id'))
    return path.replace(':id', w.params['news-id'] as string).replace(':number', '1');
  if (path.startsWith('/en/staff/reports/:id')) return path.replace(':id', w.params['report-id'] as string);
  if (path.startsWith('/en/staff/people/:id')) return path.replace(':id', w.params['person-id'] as string);
  if (path === '/assets/:file') return assetPath;
  return path
    .replace(':handle', handle)
    .replace(':slug', w.params.slug as string)
    .replace(':id', w.params.id as string)
    .replace(':token', w.params.token as string)
    .replace(':personId', w.params.personId as string)
    .replace(':file', w.params.file as string);
};

const classify = (res: Response): TOutcome | `error ${number}` => {
  if (res.status >= 500 || res.status === 403) return `error ${res.status}`;
  if (res.status === 404) return 'deny';
  const location = res.headers.get('location') ?? '';
  if (res.status === 303 && location.startsWith('/en/login?next=')) return 'login';
  if (res.status === 303 && location.startsWith('/en/account/two-factor?required=1')) return 'mfa';
  return 'allow';
};

describe('authorization matrix', () => {
  it('has an entry for every route the app serves (both languages)', () => {
    const routes = routesOf();
    const missing = [...routes].filter((r) => !r.includes(' /zh') && !(r in MATRIX));
    expect(missing).toEqual([]);
    // Every Chinese route has its English twin, so the English matrix covers both.
    const zhOnly = [...routes].filter((r) => r.includes(' /zh') && !routes.has(r.replace(' /zh', ' /en')));
    expect(zhOnly).toEqual([]);
    const stale = Object.keys(MATRIX).filter((r) => !routes.has(r));
    expect(stale).toEqual([]);
  });

  // Some 2,000 requests, each in a fresh world: minutes on PostgreSQL on a shared machine, never a hang.
  it('gives every visitor the expected outcome on every route', async () => {
    const problems: string[] = [];
    for (const [route, expected] of Object.entries(MATRIX)) {
      for (const who of ROLES) {
        const w = await makeWorld();
        let browser: TBrowser;
        let handle = 'x'.repeat(16);
        if (who === 'anonymous') browser = createBrowser(t);
        else {
          browser = await signedIn(t, w.people[who], { mfa: who !== 'staffAdminNoMfa' });
          handle = hashToken(browser.cookies.get(SESSION_COOKIE) as string).slice(0, 16);
        }
        const path = concrete(route, w, handle);
        const from = { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
        const res = route.startsWith('GET')
          ? await browser.get(path, from)
          : await browser.post(path, {}, from);
        const got = classify(res);
        if (got !== expected[who])
          problems.push(
            `${route} as ${who}: expected ${expected[who]}, got ${got} (${res.status} ${res.headers.get('location') ?? ''})`,
          );
      }
    }
    expect(problems).toEqual([]);
  }, 400_000);
});
