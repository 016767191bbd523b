import type { TAuditEntry } from '../../platform/audit.ts';
import { ROLES, type TRole } from '../../platform/auth/actor.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { EMPTY_FORM, Flash, PostForm, Select } from '../../platform/views/form.tsx';
import { Pager } from '../../platform/views/pager.tsx';
import { t } from './accounts.messages.ts';
import type { TPersonName, TPersonRow } from './accounts.repo.ts';

// Staff pages: the staff home, people and the audit log.

/** A person's name as the reader would write it: the Chinese one first in Chinese, else the Latin one. */
export const preferredName = (locale: TLocale, n: TPersonName): string | null =>
  locale === 'zh' ? (n.nameZh ?? n.nameLatin) : (n.nameLatin ?? n.nameZh);

export const personLabel = (locale: TLocale, n: TPersonName | undefined, id: number | null): string => {
  if (id === null) return t(locale, 'accounts.audit.system');
  if (!n) return t(locale, 'accounts.staff.person', { id });
  if (n.deleted) return t(locale, 'accounts.deletedUser');
  const name = preferredName(locale, n);
  return name ? `${name} (${n.email})` : n.email;
};

export const StaffHomeBody = (p: {
  locale: TLocale;
  links: readonly { href: string; title: string; lead: string }[];
}) => (
  <div>
    <h1>{t(p.locale, 'accounts.staff.title')}</h1>
    <p class="lead">{t(p.locale, 'accounts.staff.lead')}</p>
    <ul class="cards">
      {p.links.map((l) => (
        <li>
          <h2>
            <a href={l.href}>{l.title}</a>
          </h2>
          <p>{l.lead}</p>
        </li>
      ))}
    </ul>
  </div>
);

export const PeopleBody = (p: {
  locale: TLocale;
  q: string;
  page: number;
  rows: readonly TPersonRow[];
  total: number;
}) => {
  const { locale } = p;
  return (
    <div>
      <h1>{t(locale, 'accounts.staff.people')}</h1>
      <p>{t(locale, 'accounts.staff.peopleLead')}</p>
      <form method="get" action={`/${locale}/staff/people`} class="form">
        <div class="field">
          <label for="people-q">{t(locale, 'accounts.staff.searchPeople')}</label>
          <input id="people-q" name="q" type="search" value={p.q} maxlength={200} />
        </div>
        <button type="submit" class="button">
          {t(locale, 'accounts.staff.search')}
        </button>
      </form>
      <p role="status">{t(locale, 'accounts.staff.results', { count: p.total })}</p>
      {p.rows.length > 0 ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(locale, 'accounts.field.email')}</th>
                <th scope="col">{t(locale, 'accounts.field.nameLatin')}</th>
                <th scope="col">{t(locale, 'accounts.field.nameZh')}</th>
                <th scope="col">{t(locale, 'accounts.account.role')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/${locale}/staff/people/${r.id}`}>{r.email}</a>
                  </td>
                  <td lang="en">{r.name_latin ?? ''}</td>
                  <td lang="zh-CN">{r.name_zh ?? ''}</td>
                  <td>{t(locale, `accounts.role.${r.role}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t(locale, 'accounts.staff.noResults')}</p>
      )}
      <Pager
        locale={locale}
        page={p.page}
        total={p.total}
        size={50}
        href={(n) => `/${locale}/staff/people?q=${encodeURIComponent(p.q)}&page=${n}`}
      />
    </div>
  );
};

export const PersonBody = (p: {
  locale: TLocale;
  csrf: string;
  person: TPersonRow;
  sessions: number;
  canChange: boolean;
  flash?: string | undefined;
}) => {
  const { locale, person } = p;
  return (
    <div class="reading">
      <Flash message={p.flash} />
      <h1>{person.email}</h1>
      <dl class="summary-list">
        <dt>{t(locale, 'accounts.field.nameLatin')}</dt>
        <dd lang="en">{person.name_latin ?? '—'}</dd>
        <dt>{t(locale, 'accounts.field.nameZh')}</dt>
        <dd lang="zh-CN">{person.name_zh ?? '—'}</dd>
        <dt>{t(locale, 'accounts.account.role')}</dt>
        <dd>{t(locale, `accounts.role.${person.role}`)}</dd>
        <dt>{t(locale, 'accounts.account.twoFactor')}</dt>
        <dd>{person.totp_enabled_at ? t(locale, 'accounts.yes') : t(locale, 'accounts.no')}</dd>
        <dt>{t(locale, 'accounts.verify.title')}</dt>
        <dd>{person.email_verified_at ? t(locale, 'accounts.yes') : t(locale, 'accounts.no')}</dd>
        <dt>{t(locale, 'accounts.account.memberSince')}</dt>
        <dd>{person.created_at.slice(0, 10)}</dd>
      </dl>
      <p>{t(locale, 'accounts.staff.sessions', { count: p.sessions })}</p>
      <h2>{t(locale, 'accounts.staff.changeRole')}</h2>
      {p.canChange ? (
        <PostForm action={`/${locale}/staff/people/${person.id}/role`} csrf={p.csrf}>
          <Select
            locale={locale}
            form={EMPTY_FORM}
            name="role"
            value={person.role}
            label={t(locale, 'accounts.account.role')}
            options={ROLES.map((r: TRole) => ({ value: r, label: t(locale, `accounts.role.${r}`) }))}
          />
          <button type="submit" class="button">
            {t(locale, 'accounts.staff.changeRole')}
          </button>
        </PostForm>
      ) : (
        <p>{t(locale, 'accounts.staff.ownAccount')}</p>
      )}
      {p.canChange && person.totp_enabled_at ? (
        <>
          <h2>{t(locale, 'accounts.staff.resetTwoFactor')}</h2>
          <p>{t(locale, 'accounts.staff.resetTwoFactorLead')}</p>
          <PostForm action={`/${locale}/staff/people/${person.id}/two-factor/reset`} csrf={p.csrf}>
            <button type="submit" class="button button-warning">
              {t(locale, 'accounts.staff.resetTwoFactor')}
            </button>
          </PostForm>
        </>
      ) : null}
    </div>
  );
};

const show = (v: unknown): string => (v === undefined ? '—' : JSON.stringify(v));

export type TAuditFilters = Readonly<
  Record<'actor' | 'action' | 'subject_type' | 'subject_id' | 'q' | 'from' | 'to', string>
>;

export const AuditBody = (p: {
  locale: TLocale;
  filters: TAuditFilters;
  page: number;
  rows: readonly TAuditEntry[];
  total: number;
  names: ReadonlyMap<number, TPersonName>;
  retentionDays: number;
}) => {
  const { locale, filters } = p;
  const field = (name: keyof TAuditFilters, label: string, type = 'text') => (
    <div class="field">
      <label for={`audit-${name}`}>{label}</label>
      <input id={`audit-${name}`} name={name} type={type} value={filters[name]} maxlength={200} />
    </div>
  );
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
  return (
    <div>
      <h1>{t(locale, 'accounts.staff.audit')}</h1>
      <p>{t(locale, 'accounts.staff.auditLead', { days: p.retentionDays })}</p>
      <form method="get" action={`/${locale}/staff/audit`} class="form filters">
        {field('actor', t(locale, 'accounts.audit.actorId'))}
        {field('action', t(locale, 'accounts.audit.actionFilter'))}
        {field('subject_type', t(locale, 'accounts.audit.subjectType'))}
        {field('subject_id', t(locale, 'accounts.audit.subjectId'))}
        {field('q', t(locale, 'accounts.audit.text'), 'search')}
        {field('from', t(locale, 'accounts.audit.from'))}
        {field('to', t(locale, 'accounts.audit.to'))}
        <button type="submit" class="button">
          {t(locale, 'accounts.staff.search')}
        </button>
      </form>
      <p role="status">{t(locale, 'accounts.staff.results', { count: p.total })}</p>
      <div class="table-wrap">
        <table class="audit">
          <thead>
            <tr>
              <th scope="col">{t(locale, 'accounts.audit.when')}</th>
              <th scope="col">{t(locale, 'accounts.audit.who')}</th>
              <th scope="col">{t(locale, 'accounts.audit.action')}</th>
              <th scope="col">{t(locale, 'accounts.audit.subject')}</th>
              <th scope="col">{t(locale, 'accounts.audit.change')}</th>
              <th scope="col">{t(locale, 'accounts.audit.request')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <td>
                  <time datetime={r.at}>{r.at.replace('T', ' ').slice(0, 19)}</time>
                </td>
                <td>
                  {personLabel(locale, r.actorId === null ? undefined : p.names.get(r.actorId), r.actorId)}
                </td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>
                  {r.subjectType}
                  {r.subjectId ? ` ${r.subjectId}` : ''}
                </td>
                <td>
                  <code>{show(r.before)}</code> → <code>{show(r.after)}</code>
                </td>
                <td>
                  <code>{r.requestId ?? ''}</code> {r.ip ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        locale={locale}
        page={p.page}
        total={p.total}
        size={50}
        href={(n) => {
          const q = new URLSearchParams(query);
          q.set('page', String(n));
          return `/${locale}/staff/audit?${q}`;
        }}
      />
    </div>
  );
};
