import type { TLocale } from '../../platform/i18n/locale.ts';
import { ErrorSummary, Field, Flash, PostForm, Select, type TFormState } from '../../platform/views/form.tsx';
import type { TProfile } from './organizations.members.service.ts';
import { t } from './organizations.messages.ts';
import type { TMemberRole } from './organizations.schemas.ts';
import { OrgDetails, OrgHeader, personLabel, When } from './organizations.views.tsx';

// The organisation's page as each reader sees it: members for members, management for owners and admins.

const RoleMenu = (p: {
  locale: TLocale;
  id: string;
  label: string;
  roles: readonly TMemberRole[];
  current: TMemberRole;
}) => (
  <>
    <label for={p.id} class="visually-hidden">
      {p.label}
    </label>
    <select id={p.id} name="role">
      {p.roles.map((r) => (
        <option value={r} selected={r === p.current}>
          {t(p.locale, `organizations.role.${r}`)}
        </option>
      ))}
    </select>
  </>
);

const Members = (p: { locale: TLocale; profile: TProfile; csrf: string; me: number | undefined }) => {
  const { locale, profile } = p;
  const base = `/${locale}/organizations/${profile.org.slug}`;
  return (
    <section aria-labelledby="f-members">
      <h2 id="f-members" tabindex={-1}>
        {t(locale, 'organizations.members.title')}
      </h2>
      <section class="table-wrap" tabindex={0} aria-labelledby="f-members">
        <table>
          <thead>
            <tr>
              <th scope="col">{t(locale, 'organizations.members.name')}</th>
              {profile.canManage ? <th scope="col">{t(locale, 'organizations.members.email')}</th> : null}
              <th scope="col">{t(locale, 'organizations.field.role')}</th>
              <th scope="col">{t(locale, 'organizations.members.since')}</th>
              {profile.manageable.length > 0 ? (
                <th scope="col">{t(locale, 'organizations.members.actions')}</th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {(profile.members ?? []).map((m) => {
              const name = personLabel(locale, m.person);
              const self = m.personId === p.me;
              const may = profile.manageable.includes(m.personId);
              const roles = profile.grantable.includes(m.role)
                ? profile.grantable
                : [m.role, ...profile.grantable];
              return (
                <tr>
                  <td>
                    {name} {self ? t(locale, 'organizations.members.you') : null}
                  </td>
                  {profile.canManage ? <td>{m.person && !m.person.deleted ? m.person.email : ''}</td> : null}
                  <td>{t(locale, `organizations.role.${m.role}`)}</td>
                  <td>
                    <When locale={locale} at={m.since} />
                  </td>
                  {profile.manageable.length > 0 ? (
                    <td>
                      {may && profile.canManage && profile.grantable.length > 0 ? (
                        <PostForm inline action={`${base}/members/${m.personId}/role`} csrf={p.csrf}>
                          <RoleMenu
                            locale={locale}
                            id={`role-${m.personId}`}
                            label={t(locale, 'organizations.members.roleOf', { name })}
                            roles={roles}
                            current={m.role}
                          />{' '}
                          <button type="submit" class="button button-secondary">
                            {t(locale, 'organizations.members.changeRole')}
                          </button>
                        </PostForm>
                      ) : null}{' '}
                      {may ? (
                        <PostForm inline action={`${base}/members/${m.personId}/remove`} csrf={p.csrf}>
                          <button type="submit" class="button button-warning">
                            {self
                              ? t(locale, 'organizations.members.leave')
                              : t(locale, 'organizations.members.remove')}
                          </button>
                        </PostForm>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </section>
  );
};

const Management = (p: { locale: TLocale; profile: TProfile; csrf: string; invite: TFormState }) => {
  const { locale, profile } = p;
  const base = `/${locale}/organizations/${profile.org.slug}`;
  const invitations = profile.invitations ?? [];
  const requests = profile.joinRequests ?? [];
  return (
    <>
      <section aria-labelledby="join-requests">
        <h2 id="join-requests">{t(locale, 'organizations.join.title')}</h2>
        {requests.length === 0 ? (
          <p>{t(locale, 'organizations.join.none')}</p>
        ) : (
          <ul>
            {requests.map((r) => (
              <li>
                {personLabel(locale, r.person)} (<When locale={locale} at={r.created_at} />)
                {r.message ? <blockquote>{r.message}</blockquote> : null}{' '}
                <PostForm inline action={`${base}/join-requests/${r.id}/approve`} csrf={p.csrf}>
                  <button type="submit" class="button">
                    {t(locale, 'organizations.join.approve')}
                  </button>
                </PostForm>{' '}
                <PostForm inline action={`${base}/join-requests/${r.id}/decline`} csrf={p.csrf}>
                  <button type="submit" class="button button-secondary">
                    {t(locale, 'organizations.join.decline')}
                  </button>
                </PostForm>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="invitations">
        <h2 id="invitations">{t(locale, 'organizations.invitations.title')}</h2>
        {invitations.length === 0 ? (
          <p>{t(locale, 'organizations.invitations.none')}</p>
        ) : (
          <ul>
            {invitations.map((i) => (
              <li>
                {i.email} · {t(locale, `organizations.role.${i.role as TMemberRole}`)} ·{' '}
                {t(locale, 'organizations.invitations.expires')} <When locale={locale} at={i.expires_at} />{' '}
                <PostForm inline action={`${base}/invitations/${i.id}/revoke`} csrf={p.csrf}>
                  <button type="submit" class="link-button">
                    {t(locale, 'organizations.invitations.revoke')}
                  </button>
                </PostForm>
              </li>
            ))}
          </ul>
        )}
        <h3>{t(locale, 'organizations.invitations.invite')}</h3>
        <p class="hint">{t(locale, 'organizations.invitations.hint')}</p>
        <PostForm action={`${base}/invitations`} csrf={p.csrf}>
          <Field
            locale={locale}
            form={p.invite}
            name="email"
            type="email"
            label={t(locale, 'organizations.field.email')}
            autocomplete="off"
            maxlength={254}
          />
          <Select
            locale={locale}
            form={p.invite}
            name="role"
            label={t(locale, 'organizations.field.role')}
            value="member"
            options={profile.grantable
              .filter((r) => r !== 'owner')
              .map((r) => ({ value: r, label: t(locale, `organizations.role.${r}`) }))}
          />
          <button type="submit" class="button">
            {t(locale, 'organizations.invitations.send')}
          </button>
        </PostForm>
      </section>
    </>
  );
};

const Join = (p: {
  locale: TLocale;
  profile: TProfile;
  csrf: string;
  form: TFormState;
  emailVerified: boolean;
}) => {
  const { locale } = p;
  if (p.profile.joinPending) return <p class="notice">{t(locale, 'organizations.join.pending')}</p>;
  return (
    <section aria-labelledby="join">
      <h2 id="join">{t(locale, 'organizations.join.ask')}</h2>
      {p.emailVerified ? (
        <>
          <p>{t(locale, 'organizations.join.askLead')}</p>
          <PostForm action={`/${locale}/organizations/${p.profile.org.slug}/join`} csrf={p.csrf}>
            <Field
              locale={locale}
              form={p.form}
              name="message"
              label={t(locale, 'organizations.field.message')}
              required={false}
              rows={3}
              maxlength={1000}
            />
            <button type="submit" class="button">
              {t(locale, 'organizations.join.ask')}
            </button>
          </PostForm>
        </>
      ) : (
        <p>{t(locale, 'organizations.join.confirmEmail')}</p>
      )}
    </section>
  );
};

/** Everything on the organisation's page, as this reader may see it. */
export const ProfileBody = (p: {
  locale: TLocale;
  profile: TProfile;
  csrf: string | undefined;
  me: { personId: number; emailVerified: boolean } | undefined;
  flash: string | undefined;
  forms: { invite: TFormState; join: TFormState; members: TFormState };
}) => {
  const { locale, profile } = p;
  const errors: TFormState = {
    values: {},
    errors: { ...p.forms.members.errors, ...p.forms.invite.errors, ...p.forms.join.errors },
  };
  const labels = {
    members: t(locale, 'organizations.members.title'),
    email: t(locale, 'organizations.field.email'),
    role: t(locale, 'organizations.field.role'),
    message: t(locale, 'organizations.field.message'),
  };
  return (
    <div class="reading">
      <Flash message={p.flash} />
      <ErrorSummary locale={locale} form={errors} labels={labels} />
      <OrgHeader locale={locale} org={profile.org} />
      <h2>{t(locale, 'organizations.profile.details')}</h2>
      <OrgDetails locale={locale} org={profile.org} />
      {profile.canManage ? (
        <>
          {profile.hasPendingChange ? (
            <p class="notice">{t(locale, 'organizations.profile.pendingChange')}</p>
          ) : null}
          <p>
            <a class="button button-secondary" href={`/${locale}/organizations/${profile.org.slug}/edit`}>
              {t(locale, 'organizations.profile.edit')}
            </a>
          </p>
          {(profile.role === 'owner' || profile.role === 'admin') &&
          (profile.org.kind === 'incubator' || profile.org.kind === 'makerspace') ? (
            <p>
              <a href={`/${locale}/organizations/${profile.org.slug}/reports`}>
                {t(locale, 'organizations.profile.reports')}
              </a>
            </p>
          ) : null}
        </>
      ) : null}
      {profile.members && p.csrf ? (
        <Members locale={locale} profile={profile} csrf={p.csrf} me={p.me?.personId} />
      ) : null}
      {profile.canManage && p.csrf ? (
        <Management locale={locale} profile={profile} csrf={p.csrf} invite={p.forms.invite} />
      ) : null}
      {profile.canJoin && p.csrf && p.me ? (
        <Join
          locale={locale}
          profile={profile}
          csrf={p.csrf}
          form={p.forms.join}
          emailVerified={p.me.emailVerified}
        />
      ) : null}
    </div>
  );
};
