// Characters XML 1.0 does not allow at all (C0 controls but tab/newline/return, lone surrogates, U+FFFE/F).
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML content and attribute values, dropping characters XML cannot carry. */
export const xmlEscape = (text: string): string =>
  text
    .replace(NOT_XML, '')
    .replace(/[<>&'"]/g, (ch) =>
      ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : ch === "'" ? '&apos;' : '&quot;',
    );

/** A YYYY-MM-DD day or ISO instant as an ISO instant (midnight UTC for a day). */
export const isoInstant = (value: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : new Date(value).toISOString();
