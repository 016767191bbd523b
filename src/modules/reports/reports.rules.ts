import { createHash } from 'node:crypto';

// The life of an error report, and how two reports of the same mistake are recognised as one.

export const REPORT_STATUSES = ['new', 'accepted', 'fixed', 'declined'] as const;
export type TReportStatus = (typeof REPORT_STATUSES)[number];
/** Still waiting for an editor: these count against the deadline and collect repeated reports. */
export const OPEN_STATUSES: readonly TReportStatus[] = ['new', 'accepted'];
/** The outcome reporters are told about by e-mail. */
export const FINAL_STATUSES: readonly TReportStatus[] = ['fixed', 'declined'];

const NEXT: Readonly<Record<TReportStatus, readonly TReportStatus[]>> = {
  new: ['accepted', 'fixed', 'declined'],
  accepted: ['fixed', 'declined'],
  fixed: [],
  declined: [],
};

/** Whether a report may go from one status to another: fixed and declined are final. */
export const canMove = (from: TReportStatus, to: TReportStatus): boolean => NEXT[from].includes(to);

export const isOpen = (status: TReportStatus): boolean => OPEN_STATUSES.includes(status);

/** Whitespace of any kind (line breaks, no-break and ideographic spaces) as one space, trimmed. */
export const normalizeSpace = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/**
 * The key under which reports collapse: the same page (path without query) and the same selection,
 * compared without regard to whitespace, case or full-width forms. Hashed to a fixed length for the index.
 */
export const collapseKey = (pageKey: string, selection: string): string =>
  createHash('sha256')
    .update(`${pageKey}\n${normalizeSpace(selection).normalize('NFKC').toLowerCase()}`)
    .digest('hex');

/** Longest stretch of context kept on each side of a selection. */
export const CONTEXT_SIDE_MAX = 300;

/**
 * Context sent by the dialog, made safe to keep: control characters dropped, whitespace collapsed (but a
 * space next to the selection kept), cut to the part nearest the selection. Never refuses: it is a help
 * for the editor, not something the reader typed.
 */
export const cleanContext = (text: string | undefined, side: 'before' | 'after'): string | undefined => {
  if (!text) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const flat = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\s+/gu, ' ');
  const chars = [...flat.replace(/[\ud800-\udfff]/g, '')];
  const kept = side === 'before' ? chars.slice(-CONTEXT_SIDE_MAX) : chars.slice(0, CONTEXT_SIDE_MAX);
  const out = kept.join('');
  return out.trim() === '' ? undefined : out;
};
