import type { TLocale } from '../../platform/i18n/locale.ts';
import { ErrorSummary, Flash, PostForm, type TFormState } from '../../platform/views/form.tsx';
import { Pager } from '../../platform/views/pager.tsx';
import { t as td } from './directory.messages.ts';
import type { TProfile } from './directory.profile.schemas.ts';
import type { TDuplicateView } from './directory.review.service.ts';
import { t } from './directory.staff.messages.ts';

// Duplicate suggestions for staff: the list, and both records side by side with "merge into this one".

const nameOf = (locale: TLocale, n: { en: string; zh: string }) => n[locale] || n.en;
const base = (locale: TLocale) => `/${locale}/staff/directory`;

export type TDuplicateRow = Readonly<{
  id: number;
  reason: string;
  score: number;
  a_slug: string;
  a_name_en: string;
  a_name_zh: string;
  b_slug: string;
  b_name_en: string;
  b_name_zh: string;
}>;

const reasonOf = (locale: TLocale, reason: string) =>
  reason === 'same_domain' || reason === 'similar_name'
    ? t(locale, `directory.staff.reason.${reason}`)
    : reason;

export const DuplicateTable = (p: { locale: TLocale; rows: readonly TDuplicateRow[]; caption: string }) => (
  <div class="table-wrap">
    <table>
      <caption class="visually-hidden">{p.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t(p.locale, 'directory.staff.recordA')}</th>
          <th scope="col">{t(p.locale, 'directory.staff.recordB')}</th>
          <th scope="col">{t(p.locale, 'directory.staff.reason')}</th>
          <th scope="col">{t(p.locale, 'directory.staff.compare')}</th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map((r) => (
          <tr>
            <td>{nameOf(p.locale, { en: r.a_name_en, zh: r.a_name_zh })}</td>
            <td>{nameOf(p.locale, { en: r.b_name_en, zh: r.b_name_zh })}</td>
            <td>
              {reasonOf(p.locale, r.reason)} ({r.score})
            </td>
            <td>
              <a href={`${base(p.locale)}/duplicates/${r.id}`}>
                {t(p.locale, 'directory.staff.compareLink', { id: r.id })}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

/** Open duplicate suggestions, a page at a time. */
export const DuplicatesBody = (p: {
  locale: TLocale;
  rows: readonly TDuplicateRow[];
  total: number;
  page: number;
  size: number;
  flash: string | undefined;
}) => (
  <>
    <Flash message={p.flash} />
    <h1>{t(p.locale, 'directory.staff.duplicates')}</h1>
    <p>{t(p.locale, 'directory.staff.duplicatesCount', { count: p.total })}</p>
    {p.rows.length > 0 ? (
      <DuplicateTable locale={p.locale} rows={p.rows} caption={t(p.locale, 'directory.staff.duplicates')} />
    ) : null}
    <Pager
      locale={p.locale}
      page={p.page}
      total={p.total}
      size={p.size}
      href={(n) => `${base(p.locale)}/duplicates?page=${n}`}
    />
  </>
);

const side = (locale: TLocale, o: TProfile) => ({
  name: (
    <a href={`/${locale}/directory/${o.slug}`}>
      {o.name.en} / <span lang="zh-CN">{o.name.zh}</span>
    </a>
  ),
  kind: td(locale, `directory.kind.${o.kind}`),
  district: o.district ? td(locale, `directory.district.${o.district as 'tianhe'}`) : '—',
  website: o.website ?? '—',
  founded: o.foundedYear ? String(o.foundedYear) : '—',
  ids: o.externalIds.map((e) => `${e.scheme}: ${e.value}`).join(', ') || '—',
  relations: String(o.relations.reduce((n, g) => n + g.total, 0)),
  people: String(o.people.length),
  source: nameOf(locale, o.source),
  managed: o.managedBy ? nameOf(locale, o.managedBy.name) : '—',
});

/** Both records of a suggestion side by side: merge into either, or "not duplicates". */
export const DuplicateBody = (p: {
  locale: TLocale;
  dup: TDuplicateView;
  csrf: string;
  form: TFormState;
}) => {
  const { locale, dup } = p;
  const a = side(locale, dup.a);
  const b = side(locale, dup.b);
  const rows = [
    'name',
    'kind',
    'district',
    'website',
    'founded',
    'ids',
    'relations',
    'people',
    'source',
    'managed',
  ] as const;
  const action = `${base(locale)}/duplicates/${dup.id}`;
  return (
    <div>
      <ErrorSummary locale={locale} form={p.form} labels={{ keep: t(locale, 'directory.staff.keep') }} />
      <h1>{t(locale, 'directory.staff.duplicateTitle', { id: dup.id })}</h1>
      <p>
        {t(locale, 'directory.staff.suggestedBecause', {
          reason: reasonOf(locale, dup.reason),
          score: dup.score,
        })}
      </p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">
            {t(locale, 'directory.staff.duplicateTitle', { id: dup.id })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(locale, 'directory.staff.field')}</th>
              <th scope="col">{t(locale, 'directory.staff.recordA')}</th>
              <th scope="col">{t(locale, 'directory.staff.recordB')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{t(locale, `directory.staff.row.${r}`)}</th>
                <td>{a[r]}</td>
                <td>{b[r]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t(locale, 'directory.staff.mergeLead')}</p>
      <div class="panel">
        <div class="actions">
          {[dup.a, dup.b].map((o) => (
            <PostForm action={`${action}/merge`} csrf={p.csrf}>
              <input type="hidden" name="keep" value={String(o.id)} />
              <button type="submit" class="button">
                {t(locale, 'directory.staff.mergeInto', { name: nameOf(locale, o.name) })}
              </button>
            </PostForm>
          ))}
          <PostForm action={`${action}/dismiss`} csrf={p.csrf}>
            <button type="submit" class="button button-secondary">
              {t(locale, 'directory.staff.notDuplicates')}
            </button>
          </PostForm>
        </div>
      </div>
      <p>
        <a href={`${base(locale)}/duplicates`}>{t(locale, 'directory.staff.allDuplicates')}</a>
      </p>
    </div>
  );
};
