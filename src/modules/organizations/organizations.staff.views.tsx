import { formatDate, isoDay } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { ErrorSummary, Field, Flash, PostForm, type TFormState } from '../../platform/views/form.tsx';
import type { TInvitationState } from './organizations.invitations.service.ts';
import { t } from './organizations.messages.ts';
import { KEY_FIELDS, type TMemberRole, type TOrg } from './organizations.schemas.ts';
import type { TChangeView } from './organizations.staff.service.ts';
import { OrgDetails, OrgHeader } from './organizations.views.tsx';

// Staff pages (the verification queue, one organisation, one change) and the invitation page.

const When = (p: { locale: TLocale; at: string }) => (
  <time datetime={isoDay(p.at)}>{formatDate(p.locale, p.at)}</time>
);

/** Organisations waiting for verification and changes waiting for review. */
export const QueueBody = (p: {
  locale: TLocale;
  unverified: readonly TOrg[];
  changes: readonly TChangeView[];
  flash: string | undefined;
}) => {
  const { locale } = p;
  const base = `/${locale}/staff/organizations`;
  return (
    <>
      <Flash message={p.flash} />
      <h1>{t(locale, 'organizations.staff.title')}</h1>
      <section aria-labelledby="unverified">
        <h2 id="unverified">{t(locale, 'organizations.staff.unverified')}</h2>
        {p.unverified.length === 0 ? (
          <p>{t(locale, 'organizations.staff.none')}</p>
        ) : (
          <ul>
            {p.unverified.map((o) => (
              <li>
                <a href={`${base}/${o.slug}`}>
                  {t(locale, 'organizations.staff.review', { name: o.name[locale] })}
                </a>{' '}
                · {t(locale, `organizations.kind.${o.kind}`)} · {t(locale, 'organizations.staff.created')}{' '}
                <When locale={locale} at={o.createdAt} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="changes">
        <h2 id="changes">{t(locale, 'organizations.staff.changes')}</h2>
        {p.changes.length === 0 ? (
          <p>{t(locale, 'organizations.staff.none')}</p>
        ) : (
          <ul>
            {p.changes.map((c) => (
              <li>
                <a href={`${base}/changes/${c.id}`}>
                  {t(locale, 'organizations.staff.changeTitle', { name: c.org.name[locale] })}
                </a>{' '}
                · {t(locale, 'organizations.staff.requested')} <When locale={locale} at={c.createdAt} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
};

/** One organisation for staff: verify it with an evidence note, or withdraw the verification. */
export const StaffOrgBody = (p: { locale: TLocale; org: TOrg; csrf: string; form: TFormState }) => {
  const { locale, org } = p;
  const action = `/${locale}/staff/organizations/${org.slug}`;
  const labels = {
    note: t(locale, 'organizations.field.note'),
    reason: t(locale, 'organizations.field.reason'),
  };
  return (
    <div class="reading">
      <ErrorSummary locale={locale} form={p.form} labels={labels} />
      <OrgHeader locale={locale} org={org} />
      <OrgDetails locale={locale} org={org} />
      {org.verifiedAt ? (
        <>
          {org.verificationNote ? (
            <>
              <h2>{t(locale, 'organizations.staff.evidence')}</h2>
              <p>{org.verificationNote}</p>
            </>
          ) : null}
          <h2>{t(locale, 'organizations.staff.unverify')}</h2>
          <PostForm action={`${action}/unverify`} csrf={p.csrf}>
            <Field
              locale={locale}
              form={p.form}
              name="reason"
              label={labels.reason}
              rows={3}
              maxlength={2000}
            />
            <button type="submit" class="button button-warning">
              {t(locale, 'organizations.staff.unverify')}
            </button>
          </PostForm>
        </>
      ) : (
        <>
          <h2>{t(locale, 'organizations.staff.verifyTitle', { name: org.name[locale] })}</h2>
          <PostForm action={`${action}/verify`} csrf={p.csrf}>
            <Field
              locale={locale}
              form={p.form}
              name="note"
              label={labels.note}
              hint={t(locale, 'organizations.field.noteHint')}
              rows={5}
              maxlength={2000}
            />
            <button type="submit" class="button">
              {t(locale, 'organizations.staff.verify')}
            </button>
          </PostForm>
        </>
      )}
      <p>
        <a href={`/${locale}/staff/organizations`}>{t(locale, 'organizations.staff.back')}</a>
      </p>
    </div>
  );
};

const shown = (locale: TLocale, field: string, v: string | null | undefined) =>
  v === null || v === undefined || v === ''
    ? t(locale, 'organizations.staff.empty')
    : field === 'kind'
      ? t(locale, `organizations.kind.${v as TOrg['kind']}`)
      : v;

const currentValue = (org: TOrg, field: (typeof KEY_FIELDS)[number]): string | null =>
  ({
    name_en: org.name.en,
    name_zh: org.name.zh,
    kind: org.kind,
    credit_code: org.creditCode,
    website: org.website,
  })[field];

/** One change to key fields, now against proposed, with approve and decline. */
export const ChangeBody = (p: { locale: TLocale; change: TChangeView; csrf: string; form: TFormState }) => {
  const { locale, change } = p;
  const action = `/${locale}/staff/organizations/changes/${change.id}`;
  const fields = KEY_FIELDS.filter((f) => f in change.changes);
  return (
    <div class="reading">
      <ErrorSummary
        locale={locale}
        form={p.form}
        labels={{ note: t(locale, 'organizations.field.decisionNote') }}
      />
      <h1>{t(locale, 'organizations.staff.changeTitle', { name: change.org.name[locale] })}</h1>
      <section class="table-wrap" tabindex={0} aria-labelledby="change-caption">
        <table>
          <caption id="change-caption" class="visually-hidden">
            {t(locale, 'organizations.staff.changeTitle', { name: change.org.name[locale] })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(locale, 'organizations.staff.field')}</th>
              <th scope="col">{t(locale, 'organizations.staff.current')}</th>
              <th scope="col">{t(locale, 'organizations.staff.proposed')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr>
                <th scope="row">{t(locale, `organizations.field.${f}`)}</th>
                <td>{shown(locale, f, currentValue(change.org, f))}</td>
                <td>{shown(locale, f, change.changes[f])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <PostForm action={`${action}/approve`} csrf={p.csrf}>
        <button type="submit" class="button">
          {t(locale, 'organizations.staff.approve')}
        </button>
      </PostForm>
      <PostForm action={`${action}/decline`} csrf={p.csrf}>
        <Field
          locale={locale}
          form={p.form}
          name="note"
          label={t(locale, 'organizations.field.decisionNote')}
          required={false}
          rows={3}
          maxlength={2000}
        />
        <button type="submit" class="button button-warning">
          {t(locale, 'organizations.staff.decline')}
        </button>
      </PostForm>
      <p>
        <a href={`/${locale}/staff/organizations`}>{t(locale, 'organizations.staff.back')}</a>
      </p>
    </div>
  );
};

/** The page an invitation link opens. */
export const InvitationBody = (p: {
  locale: TLocale;
  org: TOrg;
  role: TMemberRole;
  state: TInvitationState;
  csrf: string;
  path: string;
}) => {
  const { locale } = p;
  return (
    <div class="reading">
      <h1>{t(locale, 'organizations.invitation.title', { name: p.org.name[locale] })}</h1>
      <p class="lead">
        {t(locale, 'organizations.invitation.lead', {
          name: p.org.name[locale],
          role: t(locale, `organizations.role.${p.role}`),
        })}
      </p>
      {p.state === 'accept' ? (
        <PostForm action={p.path} csrf={p.csrf}>
          <button type="submit" class="button">
            {t(locale, 'organizations.invitation.accept')}
          </button>
        </PostForm>
      ) : (
        <div class="notice" role="note">
          <p>{t(locale, `organizations.invitation.${p.state}`)}</p>
          {p.state === 'confirmEmail' ? null : (
            <p>
              <a href={`/${locale}/login?next=${encodeURIComponent(p.path)}`}>
                {t(locale, 'organizations.invitation.signInLink')}
              </a>
            </p>
          )}
        </div>
      )}
    </div>
  );
};
