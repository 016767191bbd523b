/** The session cookie's name: the page cache serves only requests that do not carry it. */
export const SESSION_COOKIE = 'eco_session';

/** True when a Cookie header carries the session cookie (without parsing every cookie). */
export const hasSessionCookie = (header: string | undefined): boolean =>
  header !== undefined && new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`).test(header);
