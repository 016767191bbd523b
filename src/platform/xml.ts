/** Escapes text for XML content and attribute values. */
export const xmlEscape = (text: string): string =>
  text.replace(/[<>&'"]/g, (ch) =>
    ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : ch === "'" ? '&apos;' : '&quot;',
  );

/** A YYYY-MM-DD day or ISO instant as an ISO instant (midnight UTC for a day). */
export const isoInstant = (value: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : new Date(value).toISOString();
