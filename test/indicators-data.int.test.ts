import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIndicators } from '../seeds/indicators.ts';
import { loadConfig } from '../src/config.ts';
import {
  compareGeographies,
  correctObservation,
  figuresByCode,
  headlineFigures,
  importStatistics,
  latestWithChange,
  observationHistory,
  observationSeries,
  panelOverview,
} from '../src/modules/indicators/index.ts';
import type { TActor } from '../src/platform/auth/actor.ts';
import { parseCsv } from '../src/platform/csv.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { loadMigrations, migrateToLatest } from '../src/platform/db/migrate.ts';
import { createDeps } from '../src/platform/deps.ts';
import { createLogger } from '../src/platform/log.ts';
import { createTestApp, type TTestApp } from './app.ts';
import { createPerson } from './auth.ts';
import { runCli } from './cli.ts';
import { createTestDatabase } from './db.ts';

// The data side of the statistics: imports, corrections with history, the open-data API (JSON, CSV),
// the DCAT catalogue. Two databases: an empty one for imports, one with the demo statistics for the API.

const fixture = (name: string) => readFileSync(new URL(`./fixtures/stats/${name}`, import.meta.url), 'utf8');
const META = { requestId: 'test', ip: '127.0.0.1', locale: 'en' } as const;

let empty: TTestApp;
let demo: TTestApp;
beforeAll(async () => {
  [empty, demo] = await Promise.all([createTestApp({ seed: false }), createTestApp({ seed: false })]);
  await seedDemoIndicators(demo.deps);
});
afterAll(async () => {
  await Promise.all([empty?.close(), demo?.close()]);
});

const observations = (t: TTestApp) =>
  t.deps.db.selectFrom('indicator_observation').selectAll().orderBy('id').execute();
const count = async (t: TTestApp, table: string) =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const staffActor = async (t: TTestApp, role: 'staff-admin' | 'editor' = 'staff-admin'): Promise<TActor> => {
  const p = await createPerson(t, { role });
  return {
    personId: p.id,
    sessionId: 'test',
    email: p.email,
    displayName: 'Staff',
    role,
    emailVerified: true,
    totpEnabled: true,
    hasMfa: true,
  };
};

describe('import of long-format statistics', () => {
  it('refuses a file with unknown provinces, units or variables, naming each row, and imports nothing', async () => {
    const before = { obs: await count(empty, 'indicator_observation'), ind: await count(empty, 'indicator') };
    const report = await importStatistics(empty.deps, fixture('bad.csv'), { via: 'test bad.csv' });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    const got = report.problems.map((p) => `${p.line} ${p.field}`);
    expect(got).toEqual([
      '3 province',
      '4 province',
      '5 units',
      '6 units',
      '7 variables',
      '7 units',
      '8 year',
      '9 value',
      '10 value',
      '12 value',
    ]);
    const text = report.problems.map((p) => p.problem).join('\n');
    expect(text).toContain('"火星省" is not a known province');
    expect(text).toContain('"江两" is not a known province');
    expect(text).toContain('"斤" is not a known unit');
    expect(text).toContain('cannot be converted');
    expect(text).toContain('conflicts with line 11');
    // The good rows of the file were not written either.
    expect(await count(empty, 'indicator_observation')).toBe(before.obs);
    expect(await count(empty, 'indicator')).toBe(before.ind);
  });

  it('normalises province names, converts documented units, skips NA and repeats, and reruns without a change', async () => {
    const first = await importStatistics(empty.deps, fixture('good.csv'), { via: 'test good.csv' });
    expect(first).toMatchObject({
      ok: true,
      rows: 16,
      missing: 1,
      skipped: 1,
      duplicates: 1,
      observations: { inserted: 13, updated: 0, unchanged: 0 },
    });
    const rd = await observationSeries(empty.deps, 'rd_intensity');
    expect(rd.observations.map((o) => `${o.geography} ${o.period} ${o.value}`)).toEqual([
      'CN 2021 2.44',
      'CN-BJ 2021 6.53',
      'CN-GD 2021 3.22',
      'CN 2022 2.54',
      'CN-BJ 2022 6.83',
      'CN-GD 2022 3.42',
    ]);
    expect(rd.indicator).toMatchObject({
      unit: 'percent',
      panel: 'knowledge',
      origin: 'imported',
      frequency: 'annual',
    });
    // 3967.4797 亿元 is kept in the indicator's unit, 万元.
    const sold = await observationSeries(empty.deps, 'tech_contracts_sold_value');
    expect(sold.observations.map((o) => [o.geography, o.value])).toEqual([['CN-GD', 39674797]]);
    const patents = await observationSeries(empty.deps, 'patents_granted', { breakdown: 'all' });
    expect(
      patents.observations.map((o) => `${o.geography} ${o.breakdown?.value ?? 'total'} ${o.value}`),
    ).toEqual(['CN-JS total 560127', 'CN-XJ total 20528', 'CN-XJ invention 1711']);

    const stored = await observations(empty);
    const audits = await count(empty, 'ecosphere_audit');
    const again = await importStatistics(empty.deps, fixture('good.csv'), { via: 'test good.csv' });
    expect(again).toMatchObject({ ok: true, observations: { inserted: 0, updated: 0, unchanged: 13 } });
    expect(await observations(empty)).toEqual(stored);
    expect(await count(empty, 'ecosphere_audit')).toBe(audits);
  });

  it('keeps the history of a corrected value: the old value, who, how, when and why stay readable', async () => {
    const r = await importStatistics(empty.deps, fixture('corrected.csv'), {
      via: 'test corrected.csv',
      reason: 'Yearbook 2024 restates 2022',
    });
    expect(r).toMatchObject({ ok: true, observations: { inserted: 0, updated: 1, unchanged: 1 } });
    const history = await observationHistory(empty.deps, 'rd_intensity', { geography: 'CN', period: '2022' });
    expect(
      history?.map((h) => [h.revision, h.value, h.recordedVia, h.reason, h.supersededAt === null]),
    ).toEqual([
      [2, 2.56, 'test corrected.csv', 'Yearbook 2024 restates 2022', true],
      [1, 2.54, 'test good.csv', null, false],
    ]);

    const staff = await staffActor(empty);
    await correctObservation(empty.deps, staff, META, {
      code: 'rd_intensity',
      geography: '全国',
      period: '2022',
      value: 2.55,
      status: 'provisional',
      reason: 'Checked against the NBS communiqué',
    });
    const after = await observationHistory(empty.deps, 'rd_intensity', { geography: 'CN', period: '2022' });
    expect(after?.map((h) => [h.revision, h.value, h.status, h.recordedBy, h.reason])).toEqual([
      [3, 2.55, 'provisional', staff.personId, 'Checked against the NBS communiqué'],
      [2, 2.56, 'final', null, 'Yearbook 2024 restates 2022'],
      [1, 2.54, 'final', null, null],
    ]);
    // A correction is audited; someone without the permission is told there is nothing to correct.
    const audit = await empty.deps.db
      .selectFrom('ecosphere_audit')
      .selectAll()
      .where('action', '=', 'correct:observation')
      .execute();
    expect(audit).toHaveLength(1);
    const editor = await staffActor(empty, 'editor');
    await expect(
      correctObservation(empty.deps, editor, META, {
        code: 'rd_intensity',
        geography: 'CN',
        period: '2022',
        value: 9,
        reason: 'no',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      correctObservation(empty.deps, staff, META, {
        code: 'rd_intensity',
        geography: 'CN',
        period: '2022',
        value: 9,
        reason: ' ',
      }),
    ).rejects.toMatchObject({ code: 'INVALID' });
    // The API shows the current value and its revision number.
    const res = await empty.app.request(
      '/api/v1/indicators/rd_intensity/observations?geography=CN&from=2022&to=2022',
    );
    expect((await res.json()).data).toMatchObject([{ value: 2.55, status: 'provisional', revision: 3 }]);
  });

  it('runs from the command line: problems exit 1 and import nothing, a good file exits 0', async () => {
    const env = { DATABASE_URL: empty.testDb.url };
    const bad = await runCli(['import', 'stats', 'test/fixtures/stats/bad.csv'], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('line 3      province   "火星省" is not a known province or geography');
    expect(bad.stdout).toContain('refused   10 problem(s); nothing was imported');
    const good = await runCli(['import', 'stats', 'test/fixtures/stats/good.csv'], env);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('observations inserted 0, corrected 1, unchanged 12');
  }, 60_000);
});

describe('series for the statistics pages', () => {
  it('gives the latest value with its year-on-year change, comparisons and the panels', async () => {
    const latest = await latestWithChange(demo.deps, 'rd_intensity', 'CN-GD');
    expect(latest?.latest).toMatchObject({ period: '2023', value: 3.54, asOf: '2023-12-31' });
    expect(latest?.previous).toMatchObject({ period: '2022', value: 3.42 });
    expect(latest?.change?.absolute).toBeCloseTo(0.12, 10);
    expect(latest?.latest.source.name.en).toBe(
      'China Statistical Yearbook on Science and Technology, via huhuaping/techme (MIT)',
    );

    const cmp = await compareGeographies(demo.deps, 'rd_intensity', '2023');
    expect(cmp?.level).toBe('province');
    expect(cmp?.rows).toHaveLength(31);
    expect(cmp?.rows[0]).toMatchObject({ geography: 'CN-BJ', rank: 1 });
    expect(cmp?.rows.find((r) => r.geography === 'CN-GD')?.value).toBe(3.54);
    expect(cmp?.reference?.geography).toBe('CN');

    const panels = await panelOverview(demo.deps);
    expect(panels.map((p) => p.panel)).toEqual([
      'knowledge',
      'incubation',
      'firms',
      'capital',
      'tech_transfer',
      'events',
      'talent',
      'ip',
    ]);
    const firms = panels.find((p) => p.panel === 'firms');
    const output = firms?.items.find((i) => i.indicator.code === 'high_tech_output');
    expect(output?.latest?.latest).toMatchObject({ value: 436.1, period: '2017-H1', geography: 'CN-GD-GZ' });
    const knowledge = panels.find((p) => p.panel === 'knowledge');
    const rd = knowledge?.items.find((i) => i.indicator.code === 'rd_expenditure')?.latest;
    expect(rd?.latest).toMatchObject({ geography: 'CN-GD', period: '2023' });
    expect(rd?.change?.relative).toBeGreaterThan(0);

    // The breakdown rows exist for Guangdong, and the totals are what series return by default.
    const byActivity = await observationSeries(demo.deps, 'rd_expenditure', {
      geography: 'CN-GD',
      from: '2022',
      to: '2022',
      breakdown: { dimension: 'activity' },
    });
    expect(byActivity.observations.map((o) => o.breakdown?.value)).toEqual([
      'applied_research',
      'basic_research',
      'experimental_development',
    ]);
  });

  it('keeps the figures the home page and news articles cite as they were', async () => {
    expect((await headlineFigures(demo.deps)).map((f) => f.code)).toEqual([
      'incubators',
      'incubator_revenue',
      'province_certified_high_tech_enterprises',
      'high_tech_output',
      'talent_green_cards_issued',
      'institutions_of_higher_learning',
    ]);
    const [output, incubators, revenue] = await figuresByCode(demo.deps, [
      'high_tech_output',
      'incubators',
      'incubator_revenue',
    ]);
    expect(output).toMatchObject({
      value: 436.1,
      period: '2017-H1',
      asOf: '2017-06-30',
      unit: 'cny_billion',
    });
    expect(incubators).toMatchObject({ value: 280, period: 'stock', asOf: '2017-07-31' });
    expect(revenue).toMatchObject({ period: 'to date' });
  });
});

const api = (path: string, headers: Record<string, string> = {}) =>
  demo.app.request(`/api/v1${path}`, { headers });

describe('open data API', () => {
  it('lists indicators with their metadata, filtered by panel and origin', async () => {
    const res = await api('/indicators');
    expect(res.status).toBe(200);
    const all = (await res.json()).data as { code: string; panel: string; license: { url: string } }[];
    expect(all).toHaveLength(25 + 6);
    const rd = all.find((i) => i.code === 'rd_intensity');
    expect(rd).toMatchObject({
      name: { en: 'R&D intensity (R&D expenditure as a share of GDP)', zh: 'R&D经费投入强度' },
      unit: { code: 'percent' },
      frequency: 'annual',
      panel: 'knowledge',
      origin: 'imported',
      license: { id: 'MIT' },
      coverage: { from: '2011-01-01', to: '2023-12-31', observations: 416, geographies: 32 },
      links: { csv: 'http://localhost:3000/api/v1/indicators/rd_intensity/observations?format=csv' },
    });
    const ip = (await (await api('/indicators?panel=ip')).json()).data as { code: string }[];
    expect(ip.map((i) => i.code).sort()).toEqual(['patent_applications', 'patents_granted']);
    const computed = (await (await api('/indicators?origin=computed')).json()).data;
    expect(computed).toEqual([]);
  });

  it('serves one indicator with its geographies and breakdowns', async () => {
    const body = await (await api('/indicators/patents_granted')).json();
    expect(body.breakdowns).toEqual([
      { dimension: 'type', values: ['design', 'invention', 'utility_model'] },
    ]);
    expect(body.geographies[0]).toEqual({ code: 'CN', name: { en: 'China', zh: '全国' } });
    expect(body.geographies.map((g: { code: string }) => g.code)).toContain('CN-GD');
  });

  it('filters observations by geography (codes or names), period range and breakdown, in cursor pages', async () => {
    const res = await api('/indicators/rd_intensity/observations?geography=广东,Beijing&from=2015&to=2017');
    const body = await res.json();
    expect(
      body.data.map(
        (o: { geography: string; period: string; value: number }) => `${o.geography} ${o.period} ${o.value}`,
      ),
    ).toEqual([
      'CN-BJ 2015 6.01',
      'CN-GD 2015 2.47',
      'CN-BJ 2016 5.96',
      'CN-GD 2016 2.56',
      'CN-BJ 2017 5.64',
      'CN-GD 2017 2.61',
    ]);
    expect(body.next).toBeNull();

    const invention = await (
      await api('/indicators/patents_granted/observations?geography=CN-GD&breakdown=type:invention')
    ).json();
    expect(invention.data).toHaveLength(14);
    expect(
      invention.data.every((o: { breakdown: { value: string } }) => o.breakdown.value === 'invention'),
    ).toBe(true);
    const totals = await (
      await api('/indicators/patents_granted/observations?geography=CN-GD&breakdown=none&limit=1000')
    ).json();
    expect(totals.data).toHaveLength(14);

    // Walking the pages gives every row once.
    const seen: string[] = [];
    let url: string | null = '/indicators/rd_intensity/observations?limit=50';
    let pages = 0;
    while (url) {
      const page = await (await api(url)).json();
      seen.push(...page.data.map((o: { geography: string; period: string }) => `${o.geography}|${o.period}`));
      url = page.links.next ? page.links.next.replace('http://localhost:3000/api/v1', '') : null;
      pages++;
    }
    expect(pages).toBe(9);
    expect(seen).toHaveLength(416);
    expect(new Set(seen).size).toBe(416);
  });

  it('serves CSV (format=csv or Accept: text/csv) that parses back to the same values as the JSON', async () => {
    const json = await (await api('/indicators/rd_expenditure/observations?breakdown=all&limit=1000')).json();
    const res = await api('/indicators/rd_expenditure/observations?breakdown=all&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="rd_expenditure.csv"');
    const [header, ...rows] = parseCsv(await res.text());
    expect(header?.slice(0, 4)).toEqual(['indicator', 'geography', 'geography_en', 'geography_zh']);
    const col = (name: string) => header?.indexOf(name) as number;
    expect(rows).toHaveLength(json.data.length);
    rows.forEach((r, i) => {
      const o = json.data[i];
      expect([r[col('geography')], r[col('period')], r[col('breakdown_value')] || null]).toEqual([
        o.geography,
        o.period,
        o.breakdown?.value ?? null,
      ]);
      expect(Number(r[col('value')])).toBe(o.value);
    });
    const gd = rows.find((r) => r[col('geography')] === 'CN-GD');
    expect(gd?.[col('geography_zh')]).toBe('广东');
    expect(gd?.[col('source_en')]).toBe(
      'China Statistical Yearbook on Science and Technology, via huhuaping/techme (MIT)',
    );

    const viaAccept = await api('/indicators/rd_intensity/observations?geography=CN-GD', {
      accept: 'text/csv',
    });
    expect(viaAccept.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(parseCsv(await viaAccept.text())).toHaveLength(1 + 13);
  });

  it('answers an unknown indicator with 404 and bad parameters with 400, as JSON in the reader’s language', async () => {
    for (const path of ['/indicators/no_such_thing', '/indicators/no_such_thing/observations']) {
      const res = await api(path);
      expect(res.status).toBe(404);
      expect((await res.json()).error).toMatchObject({
        code: 'NOT_FOUND',
        message: 'There is no indicator with the code "no_such_thing".',
      });
    }
    const zh = await api('/indicators/no_such_thing', { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect((await zh.json()).error.message).toBe('没有代码为“no_such_thing”的指标。');

    const bad: Record<string, RegExp> = {
      '/indicators?panel=weather': /panel must be one of/,
      '/indicators?origin=guessed': /origin must be one of/,
      '/indicators/rd_intensity/observations?from=2017-13': /from "2017-13" is not a period/,
      '/indicators/rd_intensity/observations?to=yesterday': /to "yesterday" is not a period/,
      '/indicators/rd_intensity/observations?from=2020&to=2015': /from must not be later than to/,
      '/indicators/rd_intensity/observations?geography=Mars': /geography "Mars" is not a known geography/,
      '/indicators/rd_intensity/observations?breakdown=a:b:c': /breakdown must be/,
      '/indicators/rd_intensity/observations?limit=0': /limit must be a whole number from 1 to 1000/,
      '/indicators/rd_intensity/observations?limit=ten': /limit must be/,
      '/indicators/rd_intensity/observations?cursor=bm90LWEtY3Vyc29y': /cursor is not one this API gave out/,
      '/indicators/rd_intensity/observations?status=maybe': /status must be one of/,
      '/indicators/rd_intensity/observations?format=xml': /format must be json or csv/,
    };
    for (const [path, message] of Object.entries(bad)) {
      const res = await api(path);
      expect(res.status, path).toBe(400);
      const body = await res.json();
      expect(body.error.code, path).toBe('BAD_REQUEST');
      expect(body.error.message, path).toMatch(message);
    }
    const zhBad = await api('/indicators?panel=weather', { 'accept-language': 'zh' });
    expect((await zhBad.json()).error.message).toContain('panel 须为以下之一');
  });

  it('lists its paths in the OpenAPI document', async () => {
    const doc = await (await api('/openapi.json')).json();
    for (const p of [
      '/indicators',
      '/indicators/{code}',
      '/indicators/{code}/observations',
      '/catalog.jsonld',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
    expect(doc.components.schemas.Observation).toBeDefined();
  });
});

type TNode = Record<string, unknown>;
const ids = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).map((x) => (x as { '@id': string })['@id']);
const langs = (v: unknown): string[] => (v as { '@language': string }[]).map((x) => x['@language']);

describe('DCAT catalogue', () => {
  it('has the vocabulary’s required fields for the catalogue, every dataset and every distribution', async () => {
    const res = await api('/catalog.jsonld');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const doc = (await res.json()) as TNode;
    expect(doc['@context']).toMatchObject({
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
    });
    expect(doc['@type']).toBe('dcat:Catalog');
    expect(doc['@id']).toBe('http://localhost:3000/api/v1/catalog.jsonld');
    expect(langs(doc['dct:title'])).toEqual(['en', 'zh-CN']);
    expect(langs(doc['dct:description'])).toEqual(['en', 'zh-CN']);
    expect((doc['dct:publisher'] as TNode)['foaf:name']).toBeDefined();

    const datasets = doc['dcat:dataset'] as TNode[];
    expect(datasets).toHaveLength(31);
    const csvUrls: string[] = [];
    for (const d of datasets) {
      const id = d['dct:identifier'] as string;
      expect(d['@type'], id).toBe('dcat:Dataset');
      expect(d['@id'], id).toBe(`http://localhost:3000/api/v1/indicators/${id}`);
      expect(langs(d['dct:title']), id).toEqual(['en', 'zh-CN']);
      expect(langs(d['dct:description']), id).toEqual(['en', 'zh-CN']);
      expect(d['dct:publisher'], id).toEqual({ '@id': 'http://localhost:3000/#publisher' });
      expect(Number.isNaN(Date.parse((d['dct:modified'] as { '@value': string })['@value'])), id).toBe(false);
      expect(ids(d['dct:license'])[0], id).toMatch(/^https:\/\//);
      expect((d['dcat:keyword'] as unknown[]).length, id).toBeGreaterThan(0);
      expect(ids(d['dcat:theme'])[0], id).toBe(
        'http://publications.europa.eu/resource/authority/data-theme/TECH',
      );
      expect(d['dct:temporal'], id).toMatchObject({ '@type': 'dct:PeriodOfTime' });
      expect((d['dct:spatial'] as unknown[]).length, id).toBeGreaterThan(0);
      const dists = d['dcat:distribution'] as TNode[];
      expect(dists.length, id).toBe(2);
      for (const dist of dists) {
        expect(dist['@type'], id).toBe('dcat:Distribution');
        expect(ids(dist['dcat:accessURL'])[0], id).toMatch(/^http:\/\/localhost:3000\/api\/v1\/indicators\//);
        expect(ids(dist['dcat:mediaType'])[0], id).toMatch(
          /^https:\/\/www\.iana\.org\/assignments\/media-types\//,
        );
        expect(ids(dist['dct:format'])[0], id).toMatch(/file-type\/(CSV|JSON)$/);
        expect(ids(dist['dct:license']), id).toEqual(ids(d['dct:license']));
        expect(dist['dct:modified'], id).toEqual(d['dct:modified']);
      }
      const csv = dists.find((x) => ids(x['dct:format'])[0]?.endsWith('CSV'));
      csvUrls.push(ids(csv?.['dcat:downloadURL'])[0] as string);
    }
    const rd = datasets.find((d) => d['dct:identifier'] === 'rd_intensity') as TNode;
    expect(rd['dct:temporal']).toMatchObject({
      'dcat:startDate': { '@value': '2011-01-01' },
      'dcat:endDate': { '@value': '2023-12-31' },
    });
    expect(ids(rd['dct:accrualPeriodicity'])).toEqual([
      'http://publications.europa.eu/resource/authority/frequency/ANNUAL',
    ]);
    // The download addresses work.
    for (const url of csvUrls.slice(0, 3)) {
      const r = await demo.app.request(url.replace('http://localhost:3000', ''));
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    }
  });
});

describe('migration 0315 on a database with the first registry’s figures', () => {
  it('turns places into codes and descriptive periods into dates with what they count, keeping every value', async () => {
    const testDb = await createTestDatabase();
    const database = await openDatabase(testDb.config);
    try {
      const all = await loadMigrations();
      const before = all.filter((m) => m.name < '20261126T0315');
      expect((await migrateToLatest(database.db, before)).error).toBeUndefined();
      const now = '2026-01-01T00:00:00.000Z';
      const old = async (code: string, unit: string, period: string, asOf: string, value: number) => {
        const { id } = await database.db
          .insertInto('indicator')
          .values({
            code,
            name_en: code,
            name_zh: code,
            unit,
            source_name_en: 'Old source',
            source_name_zh: '旧来源',
            origin: 'imported',
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await database.db
          .insertInto('indicator_observation')
          .values({
            indicator_id: id,
            geography: 'Guangzhou',
            period,
            as_of: asOf,
            value,
            created_at: now,
            updated_at: now,
          })
          .execute();
      };
      await old('incubators', 'count', 'stock', '2017-07-31', 280);
      await old('high_tech_output', 'billion CNY', '2017-H1', '2017-06-30', 436.1);
      await old('incubator_revenue', 'billion CNY', 'to date', '2017-07-31', 5.2);
      expect((await migrateToLatest(database.db, all)).error).toBeUndefined();

      const rows = await database.db
        .selectFrom('indicator_observation as o')
        .innerJoin('indicator as i', 'i.id', 'o.indicator_id')
        .select([
          'i.code',
          'i.unit',
          'i.default_geography',
          'o.geography',
          'o.period',
          'o.period_kind',
          'o.period_start',
          'o.period_end',
          'o.basis',
          'o.value',
        ])
        .orderBy('i.code')
        .execute();
      expect(rows).toEqual([
        {
          code: 'high_tech_output',
          unit: 'cny_billion',
          default_geography: 'CN-GD-GZ',
          geography: 'CN-GD-GZ',
          period: '2017-H1',
          period_kind: 'half',
          period_start: '2017-01-01',
          period_end: '2017-06-30',
          basis: null,
          value: 436.1,
        },
        {
          code: 'incubator_revenue',
          unit: 'cny_billion',
          default_geography: 'CN-GD-GZ',
          geography: 'CN-GD-GZ',
          period: '2017-07-31',
          period_kind: 'date',
          period_start: '2017-07-31',
          period_end: '2017-07-31',
          basis: 'to_date',
          value: 5.2,
        },
        {
          code: 'incubators',
          unit: 'count',
          default_geography: 'CN-GD-GZ',
          geography: 'CN-GD-GZ',
          period: '2017-07-31',
          period_kind: 'date',
          period_start: '2017-07-31',
          period_end: '2017-07-31',
          basis: 'stock',
          value: 280,
        },
      ]);
      // The demo loader then finds the same observations and only adds what is new.
      const deps = createDeps(database, loadConfig({ NODE_ENV: 'test' }), createLogger('silent'));
      const report = await seedDemoIndicators(deps);
      expect(report.indicators).toEqual({ inserted: 22, updated: 3, unchanged: 0 });
      expect(report.observations.inserted).toBe(22);
      // The old rows had no notes; the demo's notes are a correction that keeps the old text.
      expect(report.observations.inserted + report.observations.updated + report.observations.unchanged).toBe(
        25,
      );
      deps.mailer.close();
    } finally {
      await database.close();
      await testDb.drop();
    }
  });
});
