import type { TLocale } from '../../platform/i18n/locale.ts';
import { ErrorSummary, Field, Flash, PostForm, type TFormState } from '../../platform/views/form.tsx';
import { fill } from '../../platform/views/page.tsx';
import { preferredName, type TPersonName } from '../accounts/index.ts';
import type { TClaimView } from './directory.claims.service.ts';
import { DuplicateTable, type TDuplicateRow } from './directory.duplicates.views.tsx';
import { ChangeList } from './directory.edit.views.tsx';
import { When } from './directory.related.views.tsx';
import type { TChangeView, TStaffRecord } from './directory.review.service.ts';
import { t } from './directory.staff.messages.ts';

// Directory staff pages: the queue, one change, one claim, duplicate suggestions, one record.

const nameOf = (locale: TLocale, n: { en: string; zh: string }) => n[locale] || n.en;
const personOf = (locale: TLocale, p: TPersonName | undefined) =>
  !p
    ? t(locale, 'directory.staff.unknownPerson')
    : p.deleted
      ? t(locale, 'directory.staff.deletedPerson')
      : `${preferredName(locale, p) ?? p.email} (${p.email})`;
const base = (locale: TLocale) => `/${locale}/staff/directory`;

/** What waits for directory staff. */
export const StaffHomeBody = (p: {
  locale: TLocale;
  changes: readonly TChangeView[];
  claims: readonly TClaimView[];
  duplicates: { rows: readonly TDuplicateRow[]; total: number };
  mayDecideClaims: boolean;
  flash: string | undefined;
}) => {
  const { locale } = p;
  return (
    <>
      <Flash message={p.flash} />
      <h1>{t(locale, 'directory.staff.title')}</h1>
      <p class="lead">{t(locale, 'directory.staff.lead')}</p>
      {p.mayDecideClaims ? (
        <section aria-labelledby="claims">
          <h2 id="claims">{t(locale, 'directory.staff.claims')}</h2>
          {p.claims.length === 0 ? (
            <p>{t(locale, 'directory.staff.none')}</p>
          ) : (
            <ul>
              {p.claims.map((c) => (
                <li>
                  <a href={`${base(locale)}/claims/${c.id}`}>
                    {t(locale, 'directory.staff.claimTitle', { name: nameOf(locale, c.record.name) })}
                  </a>{' '}
                  · {c.org ? nameOf(locale, c.org.name) : '—'} · <When locale={locale} at={c.createdAt} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section aria-labelledby="changes">
        <h2 id="changes">{t(locale, 'directory.staff.changes')}</h2>
        {p.changes.length === 0 ? (
          <p>{t(locale, 'directory.staff.none')}</p>
        ) : (
          <ul>
            {p.changes.map((c) => (
              <li>
                <a href={`${base(locale)}/changes/${c.id}`}>
                  {t(locale, 'directory.staff.changeTitle', { name: nameOf(locale, c.record.name) })}
                </a>{' '}
                · <When locale={locale} at={c.createdAt} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="duplicates">
        <h2 id="duplicates">{t(locale, 'directory.staff.duplicates')}</h2>
        <p>{t(locale, 'directory.staff.duplicatesCount', { count: p.duplicates.total })}</p>
        {p.duplicates.rows.length > 0 ? (
          <>
            <DuplicateTable
              locale={locale}
              rows={p.duplicates.rows}
              caption={t(locale, 'directory.staff.duplicates')}
            />
            <p>
              <a href={`${base(locale)}/duplicates`}>{t(locale, 'directory.staff.allDuplicates')}</a>
            </p>
          </>
        ) : null}
      </section>
    </>
  );
};

const DecisionForms = (p: {
  locale: TLocale;
  action: string;
  csrf: string;
  form: TFormState;
  noteLabel: string;
  noteHint?: string;
  noteRequired: boolean;
  approve: string;
  reject: string;
}) => (
  <>
    <h2>{p.approve}</h2>
    <PostForm action={`${p.action}/approve`} csrf={p.csrf}>
      <Field
        locale={p.locale}
        form={p.form}
        name="note"
        label={p.noteLabel}
        hint={p.noteHint}
        required={p.noteRequired}
        rows={3}
        maxlength={2000}
      />
      <button type="submit" class="button">
        {p.approve}
      </button>
    </PostForm>
    <h2>{p.reject}</h2>
    <PostForm action={`${p.action}/reject`} csrf={p.csrf}>
      <Field
        locale={p.locale}
        form={p.form}
        name="reason"
        label={t(p.locale, 'directory.staff.reasonField')}
        hint={t(p.locale, 'directory.staff.reasonHint')}
        rows={3}
        maxlength={2000}
      />
      <button type="submit" class="button button-warning">
        {p.reject}
      </button>
    </PostForm>
  </>
);

/** One change of verified fields: what it replaces, approve or reject. */
export const ChangeBody = (p: { locale: TLocale; change: TChangeView; csrf: string; form: TFormState }) => {
  const { locale, change } = p;
  const name = nameOf(locale, change.record.name);
  const labels = {
    note: t(locale, 'directory.staff.noteField'),
    reason: t(locale, 'directory.staff.reasonField'),
  };
  return (
    <div class="reading">
      <ErrorSummary locale={locale} form={p.form} labels={labels} />
      <h1>{t(locale, 'directory.staff.changeTitle', { name })}</h1>
      <p>
        {fill(t(locale, 'directory.staff.proposedBy'), {
          person: personOf(locale, change.requester),
          date: <When locale={locale} at={change.createdAt} />,
        })}
      </p>
      <p>
        <a href={`/${locale}/directory/${change.record.slug}`}>{t(locale, 'directory.staff.viewProfile')}</a>
      </p>
      <ChangeList locale={locale} change={change.change} />
      <DecisionForms
        locale={locale}
        action={`${base(locale)}/changes/${change.id}`}
        csrf={p.csrf}
        form={p.form}
        noteLabel={labels.note}
        noteRequired={false}
        approve={t(locale, 'directory.staff.approveChange')}
        reject={t(locale, 'directory.staff.rejectChange')}
      />
      <p>
        <a href={base(locale)}>{t(locale, 'directory.staff.back')}</a>
      </p>
    </div>
  );
};

/** One claim: the record, the organisation, who asked and why; approve (verifies) or reject. */
export const ClaimBody = (p: { locale: TLocale; claim: TClaimView; csrf: string; form: TFormState }) => {
  const { locale, claim } = p;
  const name = nameOf(locale, claim.record.name);
  const labels = {
    note: t(locale, 'directory.staff.evidenceChecked'),
    reason: t(locale, 'directory.staff.reasonField'),
  };
  return (
    <div class="reading">
      <ErrorSummary locale={locale} form={p.form} labels={labels} />
      <h1>{t(locale, 'directory.staff.claimTitle', { name })}</h1>
      <dl class="summary-list">
        <dt>{t(locale, 'directory.staff.record')}</dt>
        <dd>
          <a href={`/${locale}/directory/${claim.record.slug}`}>{name}</a>
        </dd>
        <dt>{t(locale, 'directory.staff.organization')}</dt>
        <dd>
          {claim.org ? (
            <>
              <a href={`/${locale}/organizations/${claim.org.slug}`}>{nameOf(locale, claim.org.name)}</a>{' '}
              <span class={claim.org.verifiedAt ? 'badge badge-verified' : 'badge badge-unverified'}>
                {t(
                  locale,
                  claim.org.verifiedAt ? 'directory.staff.orgVerified' : 'directory.staff.orgUnverified',
                )}
              </span>
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t(locale, 'directory.staff.requester')}</dt>
        <dd>{personOf(locale, claim.requester)}</dd>
        <dt>{t(locale, 'directory.staff.sent')}</dt>
        <dd>
          <When locale={locale} at={claim.createdAt} />
        </dd>
      </dl>
      <h2>{t(locale, 'directory.staff.evidence')}</h2>
      <blockquote>
        <p>{claim.evidence ?? '—'}</p>
      </blockquote>
      {claim.record.claimedBy ? (
        <div class="notice" role="note">
          <p>{t(locale, 'directory.staff.replaces', { org: nameOf(locale, claim.record.claimedBy.name) })}</p>
        </div>
      ) : null}
      <DecisionForms
        locale={locale}
        action={`${base(locale)}/claims/${claim.id}`}
        csrf={p.csrf}
        form={p.form}
        noteLabel={labels.note}
        noteHint={t(locale, 'directory.staff.evidenceCheckedHint')}
        noteRequired={true}
        approve={t(locale, 'directory.staff.approveClaim')}
        reject={t(locale, 'directory.staff.rejectClaim')}
      />
      <p>
        <a href={base(locale)}>{t(locale, 'directory.staff.back')}</a>
      </p>
    </div>
  );
};

/** A record for staff: verification, the managing organisation, links onwards. */
export const RecordBody = (p: {
  locale: TLocale;
  data: TStaffRecord;
  csrf: string;
  form: TFormState;
  flash: string | undefined;
}) => {
  const { locale, data } = p;
  const o = data.profile;
  const name = nameOf(locale, o.name);
  return (
    <div class="reading">
      <Flash message={p.flash} />
      <ErrorSummary locale={locale} form={p.form} labels={{ note: t(locale, 'directory.staff.noteField') }} />
      <h1>{t(locale, 'directory.staff.recordTitle', { name })}</h1>
      <ul>
        <li>
          <a href={`/${locale}/directory/${o.slug}`}>{t(locale, 'directory.staff.viewProfile')}</a>
        </li>
        <li>
          <a href={`/${locale}/directory/${o.slug}/edit`}>{t(locale, 'directory.staff.editRecord')}</a>
        </li>
      </ul>
      <dl class="summary-list">
        <dt>{t(locale, 'directory.staff.verification')}</dt>
        <dd>
          {o.verifiedAt
            ? fill(t(locale, 'directory.staff.verifiedBy'), {
                date: <When locale={locale} at={o.verifiedAt} />,
                person: personOf(locale, data.verifiedBy),
              })
            : t(locale, 'directory.staff.notVerified')}
        </dd>
        <dt>{t(locale, 'directory.staff.organization')}</dt>
        <dd>
          {data.claimedBy ? (
            <a href={`/${locale}/organizations/${data.claimedBy.slug}`}>
              {nameOf(locale, data.claimedBy.name)}
            </a>
          ) : (
            t(locale, 'directory.staff.unclaimed')
          )}
        </dd>
        <dt>{t(locale, 'directory.staff.waiting')}</dt>
        <dd>{t(locale, 'directory.staff.waitingCounts', { changes: data.changes, claims: data.claims })}</dd>
      </dl>
      <h2>{t(locale, 'directory.staff.markVerified')}</h2>
      <p>{t(locale, 'directory.staff.markVerifiedLead')}</p>
      <PostForm action={`${base(locale)}/records/${o.slug}/verify`} csrf={p.csrf}>
        <Field
          locale={locale}
          form={p.form}
          name="note"
          label={t(locale, 'directory.staff.noteField')}
          required={false}
          rows={3}
          maxlength={2000}
        />
        <button type="submit" class="button">
          {t(locale, 'directory.staff.markVerified')}
        </button>
      </PostForm>
      <p>
        <a href={base(locale)}>{t(locale, 'directory.staff.back')}</a>
      </p>
    </div>
  );
};
