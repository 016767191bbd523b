import type { TLocale } from '../../platform/i18n/locale.ts';
import { ErrorSummary, Field, Flash, PostForm, Select, type TFormState } from '../../platform/views/form.tsx';
import { fill } from '../../platform/views/page.tsx';
import { ORG_KINDS } from '../organizations/index.ts';
import { DISTRICTS, LEVELS, SECTOR_CODES } from './directory.codes.ts';
import type { TEditForm } from './directory.edit.service.ts';
import { FocusFields } from './directory.focus.views.tsx';
import { t as td } from './directory.messages.ts';
import { t } from './directory.profile.messages.ts';
import {
  CERTIFIED_KINDS,
  LEVELLED_KINDS,
  type TProfile,
  type TStoredChange,
  VERIFIED_FIELDS,
} from './directory.profile.schemas.ts';
import { isStale } from './directory.profile.service.ts';
import { When } from './directory.related.views.tsx';

// The edit page: confirm a record is still correct, change it, see what waits for review.

const nameOf = (locale: TLocale, n: { en: string; zh: string }) => n[locale] || n.en;

/** The edit form's starting values from a record. */
export const editValues = (org: TProfile, uscc: string | null): Record<string, string> => {
  const f = org.focus;
  const values: Record<string, string> = {
    name_en: org.name.en,
    name_zh: org.name.zh,
    kind: org.kind,
    level: org.level ?? '',
    certificate_no: org.certificateNo ?? '',
    certificate_valid_until: org.certificateValidUntil ?? '',
    uscc: uscc ?? '',
    acronym: org.acronym ?? '',
    aliases: org.aliases.join('\n'),
    summary_en: org.summary.en ?? '',
    summary_zh: org.summary.zh ?? '',
    website: org.website ?? '',
    founded_year: org.foundedYear === null ? '' : String(org.foundedYear),
    district: org.district ?? '',
    sector: org.sector ?? '',
    subtype: org.subtype ?? '',
    ticket_min: f?.ticketMinCny == null ? '' : String(f.ticketMinCny),
    ticket_max: f?.ticketMaxCny == null ? '' : String(f.ticketMaxCny),
    regions: f?.regions.join(', ') ?? '',
  };
  for (const s of f?.sectors ?? []) values[`focus_sector_${s}`] = '1';
  for (const s of f?.stages ?? []) values[`focus_stage_${s}`] = '1';
  return values;
};

const FIELD_KEYS = [
  ...VERIFIED_FIELDS,
  'acronym',
  'aliases',
  'summary_en',
  'summary_zh',
  'website',
  'founded_year',
  'district',
  'sector',
  'subtype',
  'ticket_min',
  'ticket_max',
  'regions',
] as const;

/** Labels by field name, for the error summary. */
const editLabels = (locale: TLocale): Record<string, string> =>
  Object.fromEntries(FIELD_KEYS.map((f) => [f, t(locale, `directory.field.${f}`)]));

const shownValue = (locale: TLocale, field: string, v: string | null) => {
  if (v === null || v === '') return t(locale, 'directory.edit.none');
  if (field === 'kind') return td(locale, `directory.kind.${v as 'university'}`);
  if (field === 'level') return td(locale, `directory.level.${v as 'national'}`);
  return v;
};

/** The verified fields waiting for staff, old value → new value. */
export const ChangeList = (p: { locale: TLocale; change: TStoredChange }) => (
  <dl class="summary-list">
    {VERIFIED_FIELDS.filter((k) => p.change[k]).map((k) => {
      const c = p.change[k] as { from: string | null; to: string | null };
      return (
        <>
          <dt>{t(p.locale, `directory.field.${k}`)}</dt>
          <dd>
            {t(p.locale, 'directory.edit.fromTo', {
              from: shownValue(p.locale, k, c.from),
              to: shownValue(p.locale, k, c.to),
            })}
          </dd>
        </>
      );
    })}
  </dl>
);

/** The edit page: confirm the record, change it, see what waits for review. */
export const EditBody = (p: {
  locale: TLocale;
  data: TEditForm;
  csrf: string;
  form: TFormState;
  flash: string | undefined;
  now: Date;
}) => {
  const { locale, data, form } = p;
  const org = data.profile;
  const base = `/${locale}/directory/${org.slug}`;
  const l = (k: (typeof FIELD_KEYS)[number]) => t(locale, `directory.field.${k}`);
  const optionsOf = (codes: readonly string[], label: (c: string) => string) => [
    { value: '', label: t(locale, 'directory.edit.none') },
    ...codes.map((c) => ({ value: c, label: label(c) })),
  ];
  const levelled = LEVELLED_KINDS.includes(org.kind) || org.level !== null;
  const certified = CERTIFIED_KINDS.includes(org.kind) || org.certificateNo !== null;
  const stale = isStale(org.confirmedAt, p.now);
  return (
    <div class="reading">
      <Flash message={p.flash} />
      <ErrorSummary locale={locale} form={form} labels={editLabels(locale)} />
      <h1>{t(locale, 'directory.edit.title', { name: nameOf(locale, org.name) })}</h1>
      <section aria-labelledby="confirm" class={stale ? 'notice' : undefined}>
        <h2 id="confirm">{t(locale, 'directory.edit.confirmTitle')}</h2>
        <p>
          {org.confirmedAt
            ? fill(t(locale, 'directory.edit.confirmedOn'), {
                date: <When locale={locale} at={org.confirmedAt} />,
              })
            : t(locale, 'directory.edit.neverConfirmed')}
        </p>
        <p>{t(locale, 'directory.edit.confirmLead')}</p>
        <PostForm action={`${base}/confirm`} csrf={p.csrf}>
          <button type="submit" class="button">
            {t(locale, 'directory.edit.confirm')}
          </button>
        </PostForm>
      </section>
      {data.pending ? (
        <div class="notice" role="note">
          <p>
            <strong>{t(locale, 'directory.edit.pendingTitle')}</strong>
          </p>
          <ChangeList locale={locale} change={data.pending} />
        </div>
      ) : null}
      <h2>{t(locale, 'directory.edit.formTitle')}</h2>
      <PostForm action={`${base}/edit`} csrf={p.csrf}>
        <fieldset>
          <legend>{t(locale, 'directory.edit.verified')}</legend>
          <p class="hint">
            {t(
              locale,
              data.access === 'staff' ? 'directory.edit.verifiedStaff' : 'directory.edit.verifiedHint',
            )}
          </p>
          <Field locale={locale} form={form} name="name_en" label={l('name_en')} maxlength={300} lang="en" />
          <Field
            locale={locale}
            form={form}
            name="name_zh"
            label={l('name_zh')}
            maxlength={300}
            lang="zh-CN"
          />
          <Select
            locale={locale}
            form={form}
            name="kind"
            label={l('kind')}
            options={ORG_KINDS.map((k) => ({ value: k, label: td(locale, `directory.kind.${k}`) }))}
          />
          {levelled ? (
            <Select
              locale={locale}
              form={form}
              name="level"
              label={l('level')}
              options={optionsOf(LEVELS, (c) => td(locale, `directory.level.${c as 'national'}`))}
            />
          ) : null}
          {certified ? (
            <>
              <Field
                locale={locale}
                form={form}
                name="certificate_no"
                label={l('certificate_no')}
                required={false}
                maxlength={60}
              />
              <Field
                locale={locale}
                form={form}
                name="certificate_valid_until"
                label={l('certificate_valid_until')}
                hint={t(locale, 'directory.edit.dateHint')}
                required={false}
                maxlength={10}
              />
            </>
          ) : null}
          <Field
            locale={locale}
            form={form}
            name="uscc"
            label={l('uscc')}
            hint={t(locale, 'directory.edit.usccHint')}
            required={false}
            maxlength={18}
          />
        </fieldset>
        <fieldset>
          <legend>{t(locale, 'directory.edit.description')}</legend>
          <Field
            locale={locale}
            form={form}
            name="summary_en"
            label={l('summary_en')}
            required={false}
            rows={5}
            maxlength={4000}
            lang="en"
          />
          <Field
            locale={locale}
            form={form}
            name="summary_zh"
            label={l('summary_zh')}
            required={false}
            rows={5}
            maxlength={4000}
            lang="zh-CN"
          />
          <Field
            locale={locale}
            form={form}
            name="website"
            type="url"
            label={l('website')}
            hint={t(locale, 'directory.edit.websiteHint')}
            required={false}
            maxlength={500}
          />
          <Field
            locale={locale}
            form={form}
            name="acronym"
            label={l('acronym')}
            required={false}
            maxlength={40}
          />
          <Field
            locale={locale}
            form={form}
            name="aliases"
            label={l('aliases')}
            hint={t(locale, 'directory.edit.aliasesHint')}
            required={false}
            rows={3}
          />
          <Select
            locale={locale}
            form={form}
            name="district"
            label={l('district')}
            options={optionsOf(DISTRICTS, (c) => td(locale, `directory.district.${c as 'tianhe'}`))}
          />
          <Select
            locale={locale}
            form={form}
            name="sector"
            label={l('sector')}
            options={optionsOf(SECTOR_CODES, (c) => td(locale, `directory.sector.${c as 'biotech'}`))}
          />
          <Field
            locale={locale}
            form={form}
            name="founded_year"
            label={l('founded_year')}
            hint={t(locale, 'directory.edit.yearHint')}
            required={false}
            inputmode="numeric"
            maxlength={4}
          />
        </fieldset>
        {org.kind === 'investor' ? <FocusFields locale={locale} form={form} /> : null}
        <button type="submit" class="button">
          {t(locale, 'directory.edit.save')}
        </button>
      </PostForm>
      <p>
        <a href={base}>{t(locale, 'directory.claim.back', { name: nameOf(locale, org.name) })}</a>
      </p>
    </div>
  );
};
