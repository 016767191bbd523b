import { z } from 'zod';
import { zText } from '../../platform/schemas.ts';
import { REPORT_FIELDS, REPORT_STATUSES } from './indicators.reporting.rules.ts';

// The forms of periodic reports and of their review. Values arrive as typed and are read by the rules
// (indicators.reporting.rules.ts), which know each field's range; here only their size is bounded.

export const MAX_NOTE = 2000;
const zTyped = z.string().max(40).optional();

/** The report form: a value per field, a checkbox per confirmed jump, and which button was pressed. */
export const ZReportPost = z.object({
  ...Object.fromEntries(
    REPORT_FIELDS.flatMap((f) => [
      [f.name, zTyped],
      [`confirm_${f.name}`, zTyped],
    ]),
  ),
  // A post that names no button (a script, an old browser) saves a draft: the harmless choice.
  action: z.enum(['draft', 'submit']).optional(),
}) as z.ZodType<Record<string, string | undefined> & { action?: 'draft' | 'submit' }>;

/** Approving: an optional note for the organisation. */
export const ZApprovePost = z.object({
  note: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v))
    .pipe(zText(MAX_NOTE).optional()),
});

/** Returning: what the organisation should correct (required). */
export const ZReturnPost = z.object({ reason: zText(MAX_NOTE) });

export const ZQueueQuery = z.object({
  status: z.enum(REPORT_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
