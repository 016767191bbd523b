import * as accounts from '../src/modules/accounts/accounts.repo.ts';
import type { TRole } from '../src/platform/auth/actor.ts';
import { hashPassword } from '../src/platform/auth/password.ts';
import { hashToken, newToken } from '../src/platform/auth/tokens.ts';
import { base32Encode, newTotpKey, seal, stepAt, totpCode } from '../src/platform/auth/totp.ts';
import { csrfTokenForSession } from '../src/platform/http/csrf.ts';
import { SESSION_COOKIE } from '../src/platform/http/session-cookie.ts';
import type { TTestApp } from './app.ts';

// Test people and browsers. People and sessions are written straight into the tables, so a test
// about organisations does not depend on the sign-in pages (those have their own tests).

export const TEST_PASSWORD = 'correct horse battery staple 42';
let hashed: Promise<string> | undefined;
const testHash = () => {
  hashed ??= hashPassword(TEST_PASSWORD);
  return hashed;
};

export type TTestPerson = Readonly<{
  id: number;
  email: string;
  password: string;
  role: TRole;
  totpKey?: Buffer;
}>;

let counter = 0;
/** A person with a confirmed address (unless told otherwise) and the shared test password. */
export const createPerson = async (
  t: TTestApp,
  opts: {
    email?: string;
    role?: TRole;
    verified?: boolean;
    totp?: boolean;
    nameLatin?: string;
    nameZh?: string;
    locale?: 'en' | 'zh';
  } = {},
): Promise<TTestPerson> => {
  counter += 1;
  const email = (opts.email ?? `person${counter}-${Date.now()}@example.org`).toLowerCase();
  const now = new Date().toISOString();
  const id = await accounts.insertPerson(
    t.deps.db,
    {
      email,
      passwordHash: await testHash(),
      nameLatin: opts.nameLatin ?? null,
      nameZh: opts.nameZh ?? null,
      locale: opts.locale ?? 'en',
      role: opts.role ?? 'member',
      emailVerifiedAt: opts.verified === false ? null : now,
    },
    now,
  );
  if (id === undefined) throw new Error(`${email} exists`);
  let totpKey: Buffer | undefined;
  if (opts.totp ?? (opts.role !== undefined && opts.role !== 'member')) {
    totpKey = newTotpKey();
    await accounts.updatePerson(
      t.deps.db,
      id,
      { totp_secret: seal(t.config.sessionSecret, totpKey), totp_enabled_at: now },
      now,
    );
  }
  return { id, email, password: TEST_PASSWORD, role: opts.role ?? 'member', ...(totpKey ? { totpKey } : {}) };
};

/** The current code of a test person's authenticator. */
export const currentCode = (p: TTestPerson, offsetSteps = 0): string => {
  if (!p.totpKey) throw new Error('no second factor');
  return totpCode(p.totpKey, stepAt(Date.now()) + offsetSteps);
};

export { base32Encode };

export type TBrowser = {
  /** Cookies this browser holds, by name. */
  cookies: Map<string, string>;
  get: (path: string, headers?: Record<string, string>) => Promise<Response>;
  /** Posts a form; adds the CSRF token this browser's forms carry unless `_csrf` is given. */
  post: (
    path: string,
    fields?: Record<string, string>,
    headers?: Record<string, string>,
  ) => Promise<Response>;
  /** The CSRF token a form on a page would carry for this browser now. */
  csrf: () => Promise<string>;
};

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

const absorb = (jar: Map<string, string>, res: Response) => {
  for (const line of res.headers.getSetCookie()) {
    const [pair = '', ...attrs] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
    if (expired || value === '') jar.delete(name);
    else jar.set(name, value);
  }
};

/** A cookie-keeping client over `app.request()`, starting with no cookies. */
export const createBrowser = (t: TTestApp): TBrowser => {
  const jar = new Map<string, string>();
  const request = async (path: string, init: RequestInit & { headers?: Record<string, string> }) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (jar.size > 0) headers.cookie = cookieHeader(jar);
    const res = await t.app.request(path, { ...init, headers });
    absorb(jar, res);
    return res;
  };
  const browser: TBrowser = {
    cookies: jar,
    get: (path, headers = {}) => request(path, { method: 'GET', headers }),
    csrf: async () => {
      const session = jar.get(SESSION_COOKIE);
      if (session) return csrfTokenForSession(t.config.sessionSecret, hashToken(session));
      const html = await (await browser.get('/en/login')).text();
      const m = /name="_csrf" value="([^"]+)"/.exec(html);
      if (!m?.[1]) throw new Error('no CSRF token on the sign-in page');
      return m[1];
    },
    post: async (path, fields = {}, headers = {}) => {
      const body = new URLSearchParams({ ...fields });
      if (!('_csrf' in fields)) body.set('_csrf', await browser.csrf());
      return request(path, {
        method: 'POST',
        body: body.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      });
    },
  };
  return browser;
};

/**
 * A browser signed in as `person` (a session row written directly); `mfa` says whether the session
 * passed the second factor (staff need it for their powers).
 */
export const signedIn = async (
  t: TTestApp,
  person: TTestPerson,
  opts: { mfa?: boolean } = {},
): Promise<TBrowser> => {
  const token = newToken();
  const now = new Date();
  const staff = person.role !== 'member';
  await accounts.insertSession(t.deps.db, {
    id: hashToken(token),
    person_id: person.id,
    stage: 'active',
    mfa_at: (opts.mfa ?? staff) ? now.toISOString() : null,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    idle_seconds: staff ? 1800 : 86_400,
    expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
    ip: '127.0.0.1',
    user_agent: 'test',
  });
  const b = createBrowser(t);
  b.cookies.set(SESSION_COOKIE, token);
  return b;
};

/** Reads the link out of a message body (the first http(s) URL). */
export const linkIn = (text: string | undefined): string => {
  const m = /https?:\/\/\S+/.exec(text ?? '');
  if (!m) throw new Error(`no link in: ${text}`);
  return m[0];
};

/** `http://localhost:3000/en/x?y` → `/en/x?y` (tests call the app by path). */
export const pathOf = (url: string): string => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};
