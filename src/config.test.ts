import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, isWeakSecret, loadConfig } from './config.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ecosphere-config-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

describe('loadConfig', () => {
  it('defaults to SQLite under ./data on port 3000', () => {
    const c = loadConfig({ NODE_ENV: 'test' });
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ engine: 'sqlite', path: expect.stringMatching(/data\/ecosphere\.sqlite$/) });
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('chooses PostgreSQL for a postgres:// URL and SQLite for a path', () => {
    expect(loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://u@h:5432/db' }).database.engine).toBe(
      'postgres',
    );
    expect(loadConfig({ NODE_ENV: 'test', DATABASE_URL: '/tmp/x.sqlite' }).database).toEqual({
      engine: 'sqlite',
      path: '/tmp/x.sqlite',
    });
  });

  it('treats empty variables as unset and accepts file: URLs', () => {
    const c = loadConfig({
      NODE_ENV: 'test',
      PORT: '',
      PAGE_CACHE_SECONDS: ' ',
      DATABASE_URL: 'file:///tmp/eco.sqlite',
    });
    expect(c.port).toBe(3000);
    expect(c.pageCacheSeconds).toBe(10);
    expect(c.database).toEqual({ engine: 'sqlite', path: '/tmp/eco.sqlite' });
  });

  it('refuses to start in production without a session secret, naming it', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([expect.stringContaining('SESSION_SECRET')]);
  });

  it('refuses a weak secret in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'changeme' })).toEqual([
      expect.stringContaining('SESSION_SECRET: too weak'),
    ]);
    expect(problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'a'.repeat(64) })).toHaveLength(1);
    expect(
      problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'k2J9xQ7vLm3Pz8Rt5Wy1Nc6Hb4Gd0Fs2Ae9Uo7Ij' }),
    ).toEqual([]);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      PORT: 'eighty',
      PUBLIC_URL: 'ftp://example.org',
      DATABASE_URL: 'mysql://x',
    });
    const text = problems.join('\n');
    expect(text).toContain('PORT');
    expect(text).toContain('PUBLIC_URL');
    // Zod stops at the schema; the secret and database are checked once the schema passes.
    expect(problems.length).toBeGreaterThanOrEqual(2);
    const second = problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'mysql://x' }).join('\n');
    expect(second).toContain('DATABASE_URL');
    expect(second).toContain('SESSION_SECRET');
  });

  it('generates a development secret once and keeps it in the data folder', () => {
    const dir = tempDir();
    const first = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir });
    const kept = readFileSync(join(dir, 'session-secret'), 'utf8').trim();
    expect(first.sessionSecret).toBe(kept);
    expect(isWeakSecret(kept)).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', DATA_DIR: dir }).sessionSecret).toBe(kept);
  });

  it('reads the footer lines from the environment', () => {
    const c = loadConfig({
      NODE_ENV: 'test',
      SITE_ICP_RECORD: '粤ICP备00000000号',
      SITE_OWNER_EN: 'City of Example',
    });
    expect(c.site.icpRecord).toBe('粤ICP备00000000号');
    expect(c.site.ownerEn).toBe('City of Example');
    expect(c.site.psbRecord).toBeUndefined();
  });
});
