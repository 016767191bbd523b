import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_RULES } from '../seeds/directory/rules.ts';
import {
  COMPUTED,
  GEOGRAPHIES,
  getIndicator,
  observationHistory,
  observationSeries,
  recomputeIfDue,
  recomputeIndicators,
} from '../src/modules/indicators/index.ts';
import { createTestApp, type TTestApp } from './app.ts';
import { createPerson, signedIn } from './auth.ts';
import { runCli } from './cli.ts';

// Computed indicators (issue #6, item 3): counts over the registry by the article's rules, snapshotted
// once a month for the city and each district, through the observation write path (so an unchanged
// count writes nothing and a changed one keeps its history). The demo registry in full makes the rules
// count exactly the article's figures.

const CITY = 'CN-GD-GZ';
const DISTRICTS = GEOGRAPHIES.filter((g) => g.level === 'district').map((g) => g.code);
// Months far from the real clock, so these runs never meet the one the CLI makes today.
const MARCH = new Date('2030-03-15T04:00:00Z');
const APRIL = new Date('2030-04-02T04:00:00Z');

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: 'full' });
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.deps.db as Kysely<any>;
const valueAt = async (code: string, geography: string, period: string) =>
  (await observationSeries(t.deps, code, { geography, from: period, to: period })).observations[0];

describe('computed indicators', () => {
  it('the command line recomputes and prints each rule’s count on the demo registry', async () => {
    const r = await runCli(['indicators', 'recompute'], { DATABASE_URL: t.testDb.url });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const rule of FIGURE_RULES) {
      expect(r.stdout).toMatch(new RegExp(`registry_${rule.indicator}\\s+${rule.value}\\b`));
    }
    expect(r.stdout).toMatch(/recomputed 8 indicator\(s\) for \d{4}-\d{2} in \d+ ms: \d+ new, 0 changed/);
  });

  it('counts the article’s figures from the registry for the month, city and districts adding up', async () => {
    const r = await recomputeIndicators(t.deps, { trigger: 'daily', now: MARCH });
    expect(r.period).toBe('2030-03');
    expect(r.observations.inserted).toBe(COMPUTED.length * (1 + DISTRICTS.length));
    for (const rule of FIGURE_RULES) {
      const code = `registry_${rule.indicator}`;
      const city = await valueAt(code, CITY, '2030-03');
      expect(city?.value, code).toBe(rule.value);
      expect(city?.status).toBe('provisional');
      const series = await observationSeries(t.deps, code, {
        geography: DISTRICTS,
        from: '2030-03',
        to: '2030-03',
      });
      expect(series.observations).toHaveLength(DISTRICTS.length);
      expect(
        series.observations.reduce((a, o) => a + o.value, 0),
        code,
      ).toBe(rule.value);
    }
    const indicator = await getIndicator(t.deps, 'registry_incubators');
    expect(indicator).toMatchObject({ origin: 'computed', frequency: 'monthly', unit: 'count' });
    // The article's own 2017 figure is untouched: a different indicator, imported as published.
    expect((await valueAt('incubators', CITY, '2017-07-31'))?.value).toBe(280);
    expect((await getIndicator(t.deps, 'incubators'))?.origin).toBe('imported');
  });

  it('a second recompute in the same month writes nothing', async () => {
    const before = await getIndicator(t.deps, 'registry_incubators');
    const r = await recomputeIndicators(t.deps, { trigger: 'daily', now: new Date('2030-03-20T04:00:00Z') });
    expect(r.observations).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: COMPUTED.length * (1 + DISTRICTS.length),
    });
    expect((await getIndicator(t.deps, 'registry_incubators'))?.dataVersion).toBe(before?.dataVersion);
    expect(
      await observationHistory(t.deps, 'registry_incubators', { geography: CITY, period: '2030-03' }),
    ).toHaveLength(1);
  });

  it('after a change to the registry, the month’s value is corrected and the old one kept', async () => {
    const closed = await db()
      .selectFrom('directory_organization')
      .select(['id', 'district'])
      .where('kind', '=', 'incubator')
      .where('city_en', '=', 'Guangzhou')
      .where('status', '=', 'active')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db()
      .updateTable('directory_organization')
      .set({ status: 'closed' })
      .where('id', '=', closed.id)
      .execute();
    // An enterprise whose high-tech certificate is renewed until 2031 becomes valid on the snapshot day.
    await db()
      .updateTable('directory_organization')
      .set({ certificate_valid_until: '2031-12-31' })
      .where(
        'id',
        '=',
        db()
          .selectFrom('directory_organization')
          .select('id')
          .where('kind', '=', 'enterprise')
          .where('certificate_no', 'is not', null)
          .orderBy('id')
          .limit(1),
      )
      .execute();
    const before = await getIndicator(t.deps, 'registry_incubators');
    expect((await valueAt('registry_high_tech_enterprises_valid', CITY, '2030-03'))?.value).toBe(0);
    const r = await recomputeIndicators(t.deps, { trigger: 'staff', now: new Date('2030-03-25T04:00:00Z') });
    expect(r.observations.updated).toBeGreaterThanOrEqual(4);
    expect((await valueAt('registry_incubators', CITY, '2030-03'))?.value).toBe(279);
    expect((await valueAt('registry_high_tech_enterprises_valid', CITY, '2030-03'))?.value).toBe(1);
    const district = `${CITY}-${String(closed.district).toUpperCase()}`;
    const history = await observationHistory(t.deps, 'registry_incubators', {
      geography: CITY,
      period: '2030-03',
    });
    expect(history?.map((h) => [h.value, h.recordedVia, h.supersededAt === null])).toEqual([
      [279, 'recompute (staff)', true],
      [280, 'recompute (daily)', false],
    ]);
    expect(
      await observationHistory(t.deps, 'registry_incubators', { geography: district, period: '2030-03' }),
    ).toHaveLength(2);
    expect((await getIndicator(t.deps, 'registry_incubators'))?.dataVersion).toBeGreaterThan(
      before?.dataVersion ?? 0,
    );
    // Districts still add up to the city.
    const series = await observationSeries(t.deps, 'registry_incubators', {
      geography: DISTRICTS,
      from: '2030-03',
      to: '2030-03',
    });
    expect(series.observations.reduce((a, o) => a + o.value, 0)).toBe(279);
  });

  it('a new month gets its own snapshot and makes the ended month final', async () => {
    const r = await recomputeIndicators(t.deps, { trigger: 'daily', now: APRIL });
    expect(r.period).toBe('2030-04');
    expect(r.finalised).toBeGreaterThanOrEqual(COMPUTED.length * (1 + DISTRICTS.length));
    expect((await valueAt('registry_incubators', CITY, '2030-03'))?.status).toBe('final');
    expect(await valueAt('registry_incubators', CITY, '2030-04')).toMatchObject({
      value: 279,
      status: 'provisional',
    });
    const series = await observationSeries(t.deps, 'registry_incubators', {
      geography: CITY,
      from: '2030-01',
    });
    expect(series.observations.map((o) => [o.period, o.value])).toEqual([
      ['2030-03', 279],
      ['2030-04', 279],
    ]);
  });

  it('the background job recomputes only when a day has passed or the month changed', async () => {
    expect(await recomputeIfDue(t.deps, 'daily', new Date('2030-04-02T10:00:00Z'))).toBeUndefined();
    expect((await recomputeIfDue(t.deps, 'daily', new Date('2030-04-03T05:00:00Z')))?.period).toBe('2030-04');
    expect((await recomputeIfDue(t.deps, 'startup', new Date('2030-05-01T00:30:00Z')))?.period).toBe(
      '2030-05',
    );
  });

  it('staff administrators recompute from their page, with an audit row; others find no page', async () => {
    const admin = await signedIn(t, await createPerson(t, { role: 'staff-admin' }));
    const page = await admin.get('/en/staff/statistics');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Incubators in the registry');
    expect(html).toContain('Recompute now');
    const posted = await admin.post('/en/staff/statistics/recompute');
    expect(posted.status).toBe(303);
    const after = await (await admin.get(posted.headers.get('location') as string)).text();
    expect(after).toMatch(/Recomputed for .+ in \d+ ms/);
    const audit = await db()
      .selectFrom('ecosphere_audit')
      .select('action')
      .where('action', '=', 'recompute:indicators')
      .execute();
    expect(audit).toHaveLength(1);
    const zh = await (await admin.get('/zh/staff/statistics')).text();
    expect(zh).toContain('名录中的孵化器');
    const editor = await signedIn(t, await createPerson(t, { role: 'editor' }));
    expect((await editor.get('/en/staff/statistics')).status).toBe(404);
    expect((await editor.post('/en/staff/statistics/recompute')).status).toBe(404);
  });
});
