import type { Context } from 'hono';
import { csvLine } from '../../platform/csv.ts';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { t } from './directory.messages.ts';
import type { TListRow } from './directory.search.repo.ts';
import { parseSearchParams, type TParamProblem, type TSearchParams } from './directory.search.schemas.ts';
import { exportRows } from './directory.search.service.ts';

// Exports of any result set, streamed chunk by chunk (500 records per database round trip), so a
// download of the whole registry never holds it in memory.

export const EXPORT_COLUMNS = [
  'slug',
  'kind',
  'name_en',
  'name_zh',
  'acronym',
  'district',
  'sector',
  'level',
  'founded_year',
  'website',
  'city_en',
  'city_zh',
  'country_code',
  'certificate_no',
  'certificate_valid_until',
  'subtype',
  'source',
  'source_kind',
  'is_generated',
  'confirmed_at',
  'verified_at',
  'updated_at',
  'url',
] as const;

/** A record as the API and exports show it: codes, both languages, provenance, and its page. */
export const publicRecord = (row: TListRow, publicUrl: string, locale: TLocale) => ({
  id: row.id,
  slug: row.slug,
  kind: row.kind,
  name_en: row.name_en,
  name_zh: row.name_zh,
  acronym: row.acronym,
  district: row.district,
  sector: row.sector,
  level: row.level,
  founded_year: row.founded_year,
  website: row.website,
  city_en: row.city_en,
  city_zh: row.city_zh,
  country_code: row.country_code,
  certificate_no: row.certificate_no,
  certificate_valid_until: row.certificate_valid_until,
  subtype: row.subtype,
  summary_en: row.summary_en,
  summary_zh: row.summary_zh,
  source: locale === 'zh' ? row.source_name_zh : row.source_name_en,
  source_kind: row.source_kind,
  is_generated: row.is_generated === 1,
  confirmed_at: row.confirmed_at,
  verified_at: row.verified_at,
  updated_at: row.updated_at,
  url: `${publicUrl}/${locale}/directory/${row.slug}`,
});

/** The problems of a request as one message in the reader's language. */
export const problemText = (locale: TLocale, problems: readonly TParamProblem[]): string =>
  problems.map((x) => t(locale, x.key as Parameters<typeof t>[1], x.params)).join(' ');

/** Streams the matching records as CSV or JSON (an array), in the result order of the search page. */
export const exportResponse = (
  c: Context<TAppEnv>,
  deps: TDeps,
  format: 'csv' | 'json',
  given?: TSearchParams,
): Response => {
  const locale = c.get('locale');
  let params = given;
  if (!params) {
    const parsed = parseSearchParams(new URL(c.req.url).searchParams);
    if (!parsed.ok) throw new AppError('BAD_REQUEST', problemText(locale, parsed.problems));
    params = parsed.value;
  }
  const publicUrl = deps.config.publicUrl;
  const encoder = new TextEncoder();
  const rows = exportRows(deps, params as TSearchParams, locale);
  let started = false;
  let written = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          // A BOM so that spreadsheet programs read the Chinese names as UTF-8.
          controller.enqueue(encoder.encode(format === 'csv' ? `\ufeff${csvLine(EXPORT_COLUMNS)}` : '['));
        }
        const next = await rows.next();
        if (next.done) {
          if (format === 'json') controller.enqueue(encoder.encode(']\n'));
          controller.close();
          return;
        }
        let out = '';
        for (const row of next.value) {
          const rec = publicRecord(row, publicUrl, locale);
          if (format === 'csv') out += csvLine(EXPORT_COLUMNS.map((k) => fieldOf(rec, k)));
          else out += `${written > 0 ? ',' : ''}\n${JSON.stringify(rec)}`;
          written++;
        }
        controller.enqueue(encoder.encode(out));
      } catch (err) {
        deps.log.error('directory export failed', { error: String(err) });
        controller.error(err);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="ecosphere-directory-${stamp}.${format}"`,
      'cache-control': 'no-store',
    },
  });
};

const fieldOf = (rec: ReturnType<typeof publicRecord>, k: (typeof EXPORT_COLUMNS)[number]) => {
  const v = rec[k];
  return typeof v === 'boolean' ? (v ? 'true' : 'false') : v;
};
