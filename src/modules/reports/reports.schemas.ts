import { z } from 'zod';
import { zText } from '../../platform/schemas.ts';
import { zEmail } from '../accounts/index.ts';
import { cleanContext, normalizeSpace, REPORT_STATUSES, type TReportStatus } from './reports.rules.ts';
import { cleanPagePath } from './reports.url.ts';

export const MAX_SELECTION = 500;
export const MAX_COMMENT = 2000;

/** An optional text field: empty or blank means absent. */
const zOptional = <T extends z.ZodType<unknown, string>>(inner: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v))
    .pipe(inner.optional());

/** The page address as sent: cleaned to a path of this site, or refused with a message. */
const zPage = z.string().transform((value, ctx) => {
  const cleaned = cleanPagePath(value);
  if (cleaned === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: value.trim() === '' ? 'form.error.required' : 'reports.page.invalid',
    });
    return z.NEVER;
  }
  return cleaned;
});

/**
 * A report, from the plain form or the Ctrl+Enter dialog (which also sends the context around the
 * selection). `website` is the honeypot: hidden from people, filled in by bots.
 */
export const ZReportForm = z.object({
  page: zPage,
  // Counted after whitespace is collapsed, so a selection across line breaks is not penalised.
  selection: z.string().transform(normalizeSpace).pipe(zText(MAX_SELECTION)),
  comment: zOptional(zText(MAX_COMMENT)),
  email: zOptional(zEmail),
  contextBefore: z
    .string()
    .optional()
    .transform((v) => cleanContext(v, 'before')),
  contextAfter: z
    .string()
    .optional()
    .transform((v) => cleanContext(v, 'after')),
  website: z.string().max(500).optional(),
});
export type TReportForm = z.infer<typeof ZReportForm>;

export const ZReportPageQuery = z.object({ page: z.string().max(8000).optional() });

export const QUEUE_SORTS = ['due', 'newest'] as const;
export type TQueueSort = (typeof QUEUE_SORTS)[number];
export const ZQueueQuery = z.object({
  status: z.enum(REPORT_STATUSES).optional(),
  sort: z.enum(QUEUE_SORTS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const ZAcceptForm = z.object({});
export const ZFixForm = z.object({ note: zOptional(zText(MAX_COMMENT)) });
export const ZDeclineForm = z.object({ reason: zText(MAX_COMMENT) });

export type TReport = Readonly<{
  id: number;
  page: string;
  locale: 'en' | 'zh';
  selection: string;
  contextBefore: string | undefined;
  contextAfter: string | undefined;
  status: TReportStatus;
  submissions: number;
  dueOn: string;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | undefined;
  resolvedBy: number | undefined;
  resolutionNote: string | undefined;
}>;

export type TSighting = Readonly<{
  id: number;
  locale: 'en' | 'zh';
  comment: string | undefined;
  email: string | undefined;
  createdAt: string;
}>;

/** The statistics hook's range: ISO dates or timestamps, `from` inclusive, `to` exclusive. */
const zInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/, 'expected YYYY-MM-DD or an ISO UTC time')
  .refine((v) => !Number.isNaN(Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v)), 'not a real date');
export const ZStatsRange = z.object({ from: zInstant.optional(), to: zInstant.optional() });

export type TErrorReportStats = Readonly<{
  /** Reports first received in the range (repeated reports of one mistake count once). */
  received: number;
  /** Every submission in the range, repeated ones included. */
  submissions: number;
  /** Reports fixed or declined in the range. */
  resolved: number;
  /** Reports open (new or accepted) at the end of the range. */
  open: number;
  /** Of those, the ones past their due day at the end of the range. */
  overdue: number;
  /** Median time from first report to fixed/declined, of reports resolved in the range. */
  medianHoursToResolve: number | null;
}>;
