// The address of the page a report is about: a path on this site, with anything that could be a secret
// or a person's address taken out before it is stored or shown to editors.

/** Longest cleaned address kept (paths here are short; a longer one is not a page of this site). */
export const MAX_PAGE_LENGTH = 1000;
const REDACTED = 'redacted';

// Parameter names that carry credentials or personal data, compared lower-cased with separators removed.
const SECRET_NAMES = new Set(['sid', 'pin', 'otp', 'jwt', 'sig', 'pwd', 'ssn', 'phone', 'mobile', 'tel']);
const SECRET_PARTS = [
  'token',
  'key',
  'code',
  'session',
  'password',
  'passwd',
  'secret',
  'email',
  'mail',
  'auth',
  'signature',
  'ticket',
  'credential',
  'nonce',
  'cookie',
];

const isSecretName = (name: string): boolean => {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_NAMES.has(n) || SECRET_PARTS.some((part) => n.includes(part));
};

const EMAIL = /[^\s@/?#&=]+@[^\s@/?#&=]+\.[^\s@/?#&=]+/;
// A hyphenated slug of short words (`guangzhou-innovation-2017`) is a name, not a token.
const SLUG_WORDS = /^[a-z0-9]{1,14}(-[a-z0-9]{1,14})*$/;

/**
 * True for a value that looks like a random token: a run of 20+ characters of the base64/hex alphabets
 * mixing letters and digits (session ids, reset tokens, signatures), or 32+ hexadecimal digits.
 */
export const isTokenLike = (value: string): boolean => {
  for (const run of value.match(/[A-Za-z0-9_\-+/=.~]{20,}/g) ?? []) {
    if (SLUG_WORDS.test(run)) continue;
    if (/^[0-9a-f]{32,}$/i.test(run)) return true;
    if (/[0-9]/.test(run) && /[A-Za-z]/.test(run)) return true;
  }
  return false;
};

const isPersonal = (value: string): boolean => EMAIL.test(value) || isTokenLike(value);

/**
 * Cleans the address of a page of this site (`/en/…` or `/zh/…`, with an optional query): returns the
 * path with query parameters that may hold secrets or e-mail addresses removed, and path segments that
 * look like an e-mail address or a token replaced with `redacted`; undefined for anything that is not a
 * path on this site (another host, `//host`, `javascript:`, a path outside /en and /zh, control
 * characters). The fragment is dropped.
 */
export const cleanPagePath = (input: string): string | undefined => {
  const raw = input.trim();
  if (raw.length > MAX_PAGE_LENGTH) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (!raw.startsWith('/') || raw.startsWith('//') || /[\\\u0000-\u001f\u007f\s]/.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw, 'http://site.invalid');
  } catch {
    return undefined;
  }
  if (url.origin !== 'http://site.invalid') return undefined;
  if (!/^\/(en|zh)(\/|$)/.test(url.pathname)) return undefined;
  const segments = url.pathname.split('/').map((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return REDACTED;
    }
    return isPersonal(decoded) ? REDACTED : segment;
  });
  const kept = new URLSearchParams();
  for (const [name, value] of url.searchParams) {
    if (isSecretName(name) || isPersonal(name) || isPersonal(value)) continue;
    kept.append(name, value);
  }
  const query = kept.toString();
  const cleaned = `${segments.join('/')}${query ? `?${query}` : ''}`;
  return cleaned.length <= MAX_PAGE_LENGTH ? cleaned : undefined;
};

/** The page a cleaned address names, without its query or a trailing slash: reports about it collapse. */
export const pageKeyOf = (cleaned: string): string => {
  const path = cleaned.split('?')[0] ?? cleaned;
  return path.replace(/\/+$/, '') || '/';
};
