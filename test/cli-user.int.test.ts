import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TTestApp } from './app.ts';
import { createBrowser, pathOf } from './auth.ts';
import { runCli } from './cli.ts';

// `ecosphere user create` and `ecosphere audit purge`, as real processes against the test database.

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(async () => {
  await t?.close();
});

const env = () => ({
  DATABASE_URL: t.testDb.url,
  DATA_DIR: t.config.dataDir,
  PUBLIC_URL: 'http://localhost:3000',
});

describe('ecosphere user create', () => {
  it('creates the first administrator with no password and prints a one-time link to choose one', async () => {
    const r = await runCli(
      ['user', 'create', '--email', 'Admin@Example.gov.cn', '--role', 'staff-admin', '--name-zh', '管理员'],
      env(),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/created {2}person \d+ <admin@example\.gov\.cn> as staff-admin/);
    const link = /http:\/\/localhost:3000\/en\/password\/reset\?token=[A-Za-z0-9_-]{43}/.exec(
      r.stdout,
    )?.[0] as string;
    expect(link).toBeTruthy();
    const row = await (t.deps.db as Kysely<any>)
      .selectFrom('accounts_person')
      .selectAll()
      .where('email', '=', 'admin@example.gov.cn')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'staff-admin', password_hash: null, name_zh: '管理员' });
    // The link sets the password once, and that confirms the address.
    const b = createBrowser(t);
    const token = new URL(link).searchParams.get('token') as string;
    expect((await b.get(pathOf(link))).status).toBe(200);
    expect(
      (await b.post('/en/password/reset', { token, password: 'granite harbour signal 31' })).status,
    ).toBe(303);
    expect(
      (await b.post('/en/password/reset', { token, password: 'granite harbour signal 32' })).status,
    ).toBe(400);
    const login = await createBrowser(t).post('/en/login', {
      email: 'admin@example.gov.cn',
      password: 'granite harbour signal 31',
    });
    expect(login.status).toBe(303);
  });

  it('refuses an address that has an account (exit 1) and bad options (exit 2)', async () => {
    await runCli(['user', 'create', '--email', 'twice@example.org', '--role', 'member'], env());
    const again = await runCli(['user', 'create', '--email', 'twice@example.org', '--role', 'member'], env());
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('twice@example.org already has an account');
    for (const args of [
      ['user', 'create', '--email', 'x@example.org', '--role', 'king'],
      ['user', 'create', '--email', 'not-an-address', '--role', 'member'],
      ['user', 'create', '--role', 'member'],
      ['user', 'delete', '--email', 'x@example.org'],
      ['user'],
    ]) {
      const r = await runCli(args, env());
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage: ecosphere user create');
    }
  });
});

describe('ecosphere audit purge', () => {
  it('deletes rows older than the retention period and reports how many', async () => {
    const db = t.deps.db as Kysely<any>;
    const old = new Date(Date.now() - 400 * 86_400_000).toISOString();
    await db
      .insertInto('ecosphere_audit')
      .values({ at: old, action: 'test:ancient', subject_type: 'test' })
      .execute();
    const r = await runCli(['audit', 'purge'], { ...env(), AUDIT_RETENTION_DAYS: '365' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('purged   1 audit row(s) older than 365 days');
    const left = await db
      .selectFrom('ecosphere_audit')
      .select('action')
      .where('action', '=', 'test:ancient')
      .execute();
    expect(left).toEqual([]);
  });
});
