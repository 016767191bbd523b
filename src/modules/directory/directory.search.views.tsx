import { formatNumber } from '../../platform/i18n/format.ts';
import { langTag, type TLocale } from '../../platform/i18n/locale.ts';
import { highlight, snippet, type TSegment } from '../../platform/search/highlight.ts';
import type { TParsedQuery } from '../../platform/search/query.ts';
import { fill } from '../../platform/views/page.tsx';
import { Pager } from '../../platform/views/pager.tsx';
import { FACET_NAMES, type TFacet } from './directory.facets.ts';
import { t } from './directory.messages.ts';
import type { TListRow } from './directory.search.repo.ts';
import { SORTS, searchHref, type TParamProblem, type TSearchParams } from './directory.search.schemas.ts';
import type { TFacetCounts, TSearchResult } from './directory.search.service.ts';

/** The label of a facet value in the reader's language. */
export const facetLabel = (locale: TLocale, facet: TFacet, code: string): string =>
  t(locale, `directory.${facet}.${code}` as Parameters<typeof t>[1]);

const Marked = (p: { segments: TSegment[] }) => (
  <>{p.segments.map((s) => (s.isMatch ? <mark>{s.text}</mark> : s.text))}</>
);

const SearchBox = (p: { locale: TLocale; params: TSearchParams }) => (
  <div class="field search-field">
    <label for="d-q">{t(p.locale, 'directory.search.label')}</label>
    <p class="hint" id="d-q-hint">
      {t(p.locale, 'directory.search.hint')}
    </p>
    <input id="d-q" name="q" type="search" value={p.params.q} maxlength={200} aria-describedby="d-q-hint" />
  </div>
);

const FacetGroup = (p: { locale: TLocale; facet: TFacet; params: TSearchParams; counts: TFacetCounts }) => {
  const selected = new Set(p.params.filters[p.facet]);
  const shown = p.counts[p.facet].filter((v) => v.count > 0 || selected.has(v.code));
  for (const code of selected) if (!shown.some((v) => v.code === code)) shown.push({ code, count: 0 });
  if (shown.length === 0) return null;
  return (
    <fieldset class="facet">
      <legend>{t(p.locale, `directory.facet.${p.facet}`)}</legend>
      {shown.map((v) => {
        const id = `f-${p.facet}-${v.code}`;
        return (
          <div class="checkbox">
            <input type="checkbox" id={id} name={p.facet} value={v.code} checked={selected.has(v.code)} />
            <label for={id}>
              {t(p.locale, 'directory.facet.count', {
                label: facetLabel(p.locale, p.facet, v.code),
                count: formatNumber(p.locale, v.count),
              })}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
};

/** The search form: query, facets with counts, founding years and sort; a plain GET form. */
const SearchForm = (p: { locale: TLocale; params: TSearchParams; counts: TFacetCounts | null }) => {
  const { locale, params } = p;
  const hasFilters =
    FACET_NAMES.some((f) => params.filters[f].length > 0) ||
    params.foundedFrom !== null ||
    params.foundedTo !== null;
  return (
    <form
      method="get"
      action={`/${locale}/directory/search`}
      class="directory-search"
      aria-labelledby="d-search-title"
    >
      <h2 id="d-search-title" class="visually-hidden">
        {t(locale, 'directory.search.title')}
      </h2>
      <SearchBox locale={locale} params={params} />
      <div class="field">
        <label for="d-sort">{t(locale, 'directory.search.sort')}</label>
        <select id="d-sort" name="sort">
          {SORTS.map((s) => (
            <option value={s} selected={params.sort === s}>
              {t(locale, `directory.sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t(locale, 'directory.search.submit')}</button>
      {p.counts ? (
        <div class="facets">
          <h3>{t(locale, 'directory.search.filters')}</h3>
          {FACET_NAMES.map((f) => (
            <FacetGroup locale={locale} facet={f} params={params} counts={p.counts as TFacetCounts} />
          ))}
          <fieldset class="facet">
            <legend>{t(locale, 'directory.search.founded')}</legend>
            <div class="field inline">
              <label for="d-from">{t(locale, 'directory.search.foundedFrom')}</label>
              <input
                id="d-from"
                name="founded_from"
                inputmode="numeric"
                pattern="[0-9]{4}"
                size={5}
                value={params.foundedFrom === null ? '' : String(params.foundedFrom)}
              />
            </div>
            <div class="field inline">
              <label for="d-to">{t(locale, 'directory.search.foundedTo')}</label>
              <input
                id="d-to"
                name="founded_to"
                inputmode="numeric"
                pattern="[0-9]{4}"
                size={5}
                value={params.foundedTo === null ? '' : String(params.foundedTo)}
              />
            </div>
          </fieldset>
          <button type="submit" class="secondary">
            {t(locale, 'directory.search.apply')}
          </button>{' '}
          {hasFilters ? (
            <a
              href={searchHref(
                `/${locale}/directory/search`,
                { ...params, page: 1 },
                { filters: emptyFilters(), foundedFrom: null, foundedTo: null },
              )}
            >
              {t(locale, 'directory.search.clear')}
            </a>
          ) : null}
        </div>
      ) : null}
    </form>
  );
};

const emptyFilters = (): Record<TFacet, string[]> =>
  Object.fromEntries(FACET_NAMES.map((f) => [f, []])) as unknown as Record<TFacet, string[]>;

/** One result: name with highlights, the other-language name, kind, district, summary snippet. */
const ResultItem = (p: { locale: TLocale; row: TListRow; query: TParsedQuery }) => {
  const { locale, row, query } = p;
  const other: TLocale = locale === 'zh' ? 'en' : 'zh';
  const name = locale === 'zh' ? row.name_zh : row.name_en;
  const otherName = locale === 'zh' ? row.name_en : row.name_zh;
  const summary =
    (locale === 'zh' ? row.summary_zh : row.summary_en) ??
    (locale === 'zh' ? row.summary_en : row.summary_zh);
  const summaryIsOther = !(locale === 'zh' ? row.summary_zh : row.summary_en);
  return (
    <li>
      <h3>
        <a href={`/${locale}/directory/${row.slug}`}>
          <Marked segments={highlight(name, query)} />
        </a>
      </h3>
      <p class="meta">
        <span class="tag">{t(locale, `directory.kind.${row.kind}` as Parameters<typeof t>[1])}</span>{' '}
        {row.acronym ? <span>{row.acronym} · </span> : null}
        {otherName !== name ? (
          <span lang={langTag(other)}>
            <Marked segments={highlight(otherName, query)} />
          </span>
        ) : null}
        {row.district ? <span> · {facetLabel(locale, 'district', row.district)}</span> : null}
        {row.founded_year ? <span> · {String(row.founded_year)}</span> : null}
        {row.is_generated === 1 ? <span> · {t(locale, 'directory.generatedShort')}</span> : null}
      </p>
      {summary ? (
        <p lang={summaryIsOther ? langTag(other) : undefined}>
          <Marked segments={snippet(summary, query)} />
        </p>
      ) : null}
    </li>
  );
};

export const SearchResultsBody = (p: { locale: TLocale; params: TSearchParams; result: TSearchResult }) => {
  const { locale, params, result } = p;
  const base = `/${locale}/directory/search`;
  const exportQuery = searchHref('', { ...params, page: 1, limit: 20 }).replace(/^\?/, '');
  const pages = Math.max(1, Math.ceil(result.total / params.limit));
  return (
    <>
      <h1>{t(locale, 'directory.search.title')}</h1>
      <div class="directory-layout">
        <SearchForm locale={locale} params={params} counts={result.facets} />
        <section class="directory-results" aria-labelledby="d-results">
          <h2 id="d-results">{t(locale, 'directory.search.results')}</h2>
          {result.correctedTo ? (
            <p class="notice" role="note">
              {t(locale, 'directory.search.corrected', {
                to: result.correctedTo,
                from: result.correctedFrom ?? '',
              })}
            </p>
          ) : null}
          <p role="status">
            {t(locale, 'directory.search.found', { count: formatNumber(locale, result.total) })}
            {pages > 1 ? (
              <>
                {' '}
                ·{' '}
                {t(locale, 'directory.search.page', {
                  page: params.page,
                  pages: formatNumber(locale, pages),
                })}
              </>
            ) : null}
          </p>
          {result.total > 0 && params.sort === 'relevance' && params.q && !result.isRanked ? (
            <p class="meta">{t(locale, 'directory.search.weightOrder')}</p>
          ) : null}
          {result.total === 0 ? <p>{t(locale, 'directory.search.none')}</p> : null}
          <ol class="news-list results" start={(params.page - 1) * params.limit + 1}>
            {result.items.map((row) => (
              <ResultItem locale={locale} row={row} query={result.query} />
            ))}
          </ol>
          <Pager
            locale={locale}
            page={params.page}
            total={Math.min(result.total, 10_000)}
            size={params.limit}
            href={(n) => searchHref(base, params, { page: n })}
          />
          {result.total > 0 ? (
            <p class="meta">
              {t(locale, 'directory.search.export')}{' '}
              <a href={`/${locale}/directory/export.csv${exportQuery ? `?${exportQuery}` : ''}`} download>
                {t(locale, 'directory.search.exportCsv')}
              </a>{' '}
              ·{' '}
              <a href={`/${locale}/directory/export.json${exportQuery ? `?${exportQuery}` : ''}`}>
                {t(locale, 'directory.search.exportJson')}
              </a>
            </p>
          ) : null}
        </section>
      </div>
    </>
  );
};

/** A search that cannot run: what is wrong, in the reader's language, and the form to fix it. */
export const SearchProblemBody = (p: { locale: TLocale; problems: readonly TParamProblem[]; q: string }) => (
  <div class="reading">
    <h1>{t(p.locale, 'directory.search.badRequest')}</h1>
    <div class="error-summary" role="alert">
      <ul>
        {p.problems.map((x) => (
          <li>{t(p.locale, x.key as Parameters<typeof t>[1], x.params)}</li>
        ))}
      </ul>
    </div>
    <p>{t(p.locale, 'directory.search.fixIt')}</p>
    <form method="get" action={`/${p.locale}/directory/search`}>
      <div class="field">
        <label for="d-q">{t(p.locale, 'directory.search.label')}</label>
        <input id="d-q" name="q" type="search" value={p.q.slice(0, 200)} maxlength={200} />
      </div>
      <button type="submit">{t(p.locale, 'directory.search.submit')}</button>
    </form>
  </div>
);

/** The directory home: a search box, counts by kind and district with links into the search. */
export const DirectoryHomeBody = (p: {
  locale: TLocale;
  counts: {
    total: number;
    byKind: Map<string, number>;
    byDistrict: Map<string, number>;
    byKindDistrict: Map<string, number>;
  };
  kinds: readonly string[];
  districts: readonly string[];
  sectors: readonly string[];
  figures: readonly { key: string; rule: { kind: string; level?: string }; count: number }[];
}) => {
  const { locale, counts } = p;
  const allDistricts = p.districts.join(',');
  const s = `/${locale}/directory/search`;
  const kinds = p.kinds.filter((k) => (counts.byKind.get(k) ?? 0) > 0);
  return (
    <>
      <h1>{t(locale, 'directory.title')}</h1>
      <p class="lead">{t(locale, 'directory.lead')}</p>
      <form
        method="get"
        action={s}
        class="directory-search home"
        aria-label={t(locale, 'directory.search.title')}
      >
        <div class="field search-field">
          <label for="d-q">{t(locale, 'directory.search.label')}</label>
          <p class="hint" id="d-q-hint">
            {t(locale, 'directory.search.hint')}
          </p>
          <input id="d-q" name="q" type="search" maxlength={200} aria-describedby="d-q-hint" />
        </div>
        <button type="submit">{t(locale, 'directory.search.submit')}</button>
      </form>
      <p>{t(locale, 'directory.count', { count: formatNumber(locale, counts.total) })}</p>
      <section aria-labelledby="d-guangzhou">
        <h2 id="d-guangzhou">{t(locale, 'directory.home.guangzhou')}</h2>
        <p class="meta">{t(locale, 'directory.home.guangzhouLead')}</p>
        <ul class="count-list figures">
          {p.figures.map((f) => (
            <li>
              <a
                href={`${s}?kind=${f.rule.kind}${f.rule.level ? `&level=${f.rule.level}` : ''}&district=${allDistricts}`}
              >
                <strong>{formatNumber(locale, f.count)}</strong>
                {locale === 'zh' ? '' : ' '}
                {t(locale, `directory.figure.${f.key}` as Parameters<typeof t>[1])}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="d-by-kind">
        <h2 id="d-by-kind">{t(locale, 'directory.home.byKind')}</h2>
        <ul class="count-list">
          {kinds.map((k) => (
            <li>
              <a href={`${s}?kind=${k}`}>{t(locale, `directory.kind.${k}` as Parameters<typeof t>[1])}</a>{' '}
              <span class="count">{formatNumber(locale, counts.byKind.get(k) ?? 0)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="d-by-district">
        <h2 id="d-by-district">{t(locale, 'directory.home.byDistrict')}</h2>
        <ul class="count-list">
          {p.districts.map((d) => (
            <li>
              <a href={`${s}?district=${d}`}>{facetLabel(locale, 'district', d)}</a>{' '}
              <span class="count">{formatNumber(locale, counts.byDistrict.get(d) ?? 0)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="d-by-sector">
        <h2 id="d-by-sector">{t(locale, 'directory.home.bySector')}</h2>
        <ul class="count-list">
          {p.sectors.map((x) => (
            <li>
              <a href={`${s}?sector=${x}`}>{facetLabel(locale, 'sector', x)}</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="d-table">
        <h2 id="d-table">{t(locale, 'directory.home.table')}</h2>
        <section class="table-scroll" tabindex={0} aria-labelledby="d-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(locale, 'directory.home.tableKind')}</th>
                {p.districts.map((d) => (
                  <th scope="col">{facetLabel(locale, 'district', d)}</th>
                ))}
                <th scope="col">{t(locale, 'directory.home.total')}</th>
              </tr>
            </thead>
            <tbody>
              {kinds.map((k) => (
                <tr>
                  <th scope="row">{t(locale, `directory.kind.${k}` as Parameters<typeof t>[1])}</th>
                  {p.districts.map((d) => {
                    const n = counts.byKindDistrict.get(`${k}|${d}`) ?? 0;
                    return (
                      <td class="num">
                        {n > 0 ? <a href={`${s}?kind=${k}&district=${d}`}>{formatNumber(locale, n)}</a> : '0'}
                      </td>
                    );
                  })}
                  <td class="num">{formatNumber(locale, counts.byKind.get(k) ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
      <p class="meta">{t(locale, 'directory.home.sources')}</p>
      <p class="meta">
        {fill(t(locale, 'directory.home.api'), {
          api: <a href="/api/v1/openapi.json">/api/v1/organizations</a>,
        })}
      </p>
    </>
  );
};
