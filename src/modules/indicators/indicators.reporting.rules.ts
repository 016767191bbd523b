import type { TFieldError, TFieldErrors } from '../../platform/http/errors.ts';
import {
  daysBetween,
  lastEndedQuarter,
  previousQuarter,
  quarterDeadline,
  quarterPeriod,
} from './indicators.calendar.ts';
import type { TUnit } from './indicators.codes.ts';

// The rules of periodic reports, as pure functions: the form's fields and their ranges, reading the
// numbers people type, the jump warning against the previous period, the report's states, which periods
// are open, and when reminders are due.

/** The one form so far: the quarterly report of incubators and makerspaces. */
export const REPORT_FORM = 'incubation_quarterly';
/** Organisation kinds that fill it. */
export const REPORTING_KINDS = ['incubator', 'makerspace'] as const;
export type TReportingKind = (typeof REPORTING_KINDS)[number];

export type TReportField = Readonly<{
  name: 'revenue' | 'tenants' | 'graduates' | 'jobs' | 'funds_raised';
  /** Money (万元, up to two decimals) or a count (a whole number). */
  type: 'money' | 'count';
  max: number;
  /** The indicator its approved values roll up into. */
  indicator: string;
  unit: TUnit;
}>;
export type TFieldName = TReportField['name'];

export const REPORT_FIELDS: readonly TReportField[] = [
  {
    name: 'revenue',
    type: 'money',
    max: 10_000_000,
    indicator: 'incubator_revenue_reported',
    unit: 'cny_10k',
  },
  { name: 'tenants', type: 'count', max: 100_000, indicator: 'incubator_tenants_reported', unit: 'count' },
  {
    name: 'graduates',
    type: 'count',
    max: 100_000,
    indicator: 'incubator_graduates_reported',
    unit: 'count',
  },
  { name: 'jobs', type: 'count', max: 10_000_000, indicator: 'incubator_jobs_reported', unit: 'count' },
  {
    name: 'funds_raised',
    type: 'money',
    max: 10_000_000,
    indicator: 'incubator_funds_raised_reported',
    unit: 'cny_10k',
  },
];
/** How many approved reports a period's figures add up. */
export const REPORT_COUNT_INDICATOR = 'incubator_reports_approved';

export type TReportValues = Partial<Record<TFieldName, number>>;

// 1,234.5 · 1 234.5 · １２３４ · 1，234: separators and full-width digits are what people type.
const normalise = (raw: string) =>
  raw
    .normalize('NFKC')
    .trim()
    .replace(/[\s,，_']/g, '');

/** Reads one typed value: undefined when empty, else the number or what is wrong with it. */
export const readValue = (f: TReportField, raw: string | undefined): number | undefined | TFieldError => {
  const s = normalise(raw ?? '');
  if (s === '') return undefined;
  const m = /^([+-]?)(\d{1,20})(?:\.(\d{1,12}))?$/.exec(s);
  if (!m) return { key: 'indicators.reporting.error.number' };
  const value = Number(s);
  if (m[1] === '-' && value !== 0) return { key: 'indicators.reporting.error.negative' };
  if (f.type === 'count' && m[3] !== undefined && /[1-9]/.test(m[3]))
    return { key: 'indicators.reporting.error.integer' };
  if (f.type === 'money' && (m[3]?.replace(/0+$/, '').length ?? 0) > 2)
    return { key: 'indicators.reporting.error.decimals' };
  if (value > f.max) return { key: 'indicators.reporting.error.tooLarge', params: { max: f.max } };
  return Math.abs(value);
};

/**
 * Reads the form's values. A draft may leave fields empty; a submitted report needs every field. Each
 * problem is a field error with a catalog key.
 */
export const readValues = (
  form: Readonly<Record<string, string | undefined>>,
  mode: 'draft' | 'submit',
): { values: TReportValues; errors: TFieldErrors } => {
  const values: TReportValues = {};
  const errors: Record<string, TFieldError> = {};
  for (const f of REPORT_FIELDS) {
    const v = readValue(f, form[f.name]);
    if (typeof v === 'number') values[f.name] = v;
    else if (v !== undefined) errors[f.name] = v;
    else if (mode === 'submit') errors[f.name] = { key: 'form.error.required' };
  }
  return { values, errors };
};

/** A jump is a value ten times the previous period's, or a tenth of it (or less). */
export const JUMP_FACTOR = 10;

export type TJump = Readonly<{ previous: number; value: number }>;

/** The fields whose value jumped against the previous period's (only where that was above zero). */
export const jumpsOf = (values: TReportValues, previous: TReportValues): Map<TFieldName, TJump> => {
  const out = new Map<TFieldName, TJump>();
  for (const f of REPORT_FIELDS) {
    const v = values[f.name];
    const p = previous[f.name];
    if (v === undefined || p === undefined || p <= 0) continue;
    if (v >= p * JUMP_FACTOR || v * JUMP_FACTOR <= p) out.set(f.name, { previous: p, value: v });
  }
  return out;
};

/** The text a confirmation checkbox carries: the value it confirms, so a changed value asks again. */
export const confirmToken = (value: number): string => String(value);

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type TReportStatus = (typeof REPORT_STATUSES)[number];

/** The organisation may change the report: not yet filed, a draft, or returned by staff. */
export const isEditable = (status: TReportStatus | undefined): boolean =>
  status === undefined || status === 'draft' || status === 'returned';
/** Staff may approve or return it. */
export const isDecidable = (status: TReportStatus): boolean => status === 'submitted';

/** How many ended quarters stay open for reports (two years). */
export const OPEN_QUARTERS = 8;

/** The quarters an organisation may report on a day, the latest first. */
export const openQuarters = (day: string): string[] => {
  const out = [lastEndedQuarter(day)];
  while (out.length < OPEN_QUARTERS) out.push(previousQuarter(out.at(-1) as string));
  return out;
};

/** True when a period code is one of the open quarters on a day. */
export const isOpenQuarter = (code: string, day: string): boolean =>
  quarterPeriod(code) !== undefined && openQuarters(day).includes(code);

/** Reminders go out this many days before the deadline, once each. */
export const REMINDER_STEPS = [
  { step: 'd14', daysBefore: 14 },
  { step: 'd3', daysBefore: 3 },
] as const;
export type TReminderStep = (typeof REMINDER_STEPS)[number]['step'];

/**
 * The reminder due on a day: for the last ended quarter, the latest step whose day has come and whose
 * deadline has not passed (a job that missed the 14-day step sends only the 3-day one).
 */
export const reminderDue = (
  day: string,
): { period: string; deadline: string; step: TReminderStep; daysLeft: number } | undefined => {
  const period = lastEndedQuarter(day);
  const deadline = quarterDeadline(period);
  const daysLeft = daysBetween(day, deadline);
  if (daysLeft < 0) return undefined;
  const due = [...REMINDER_STEPS]
    .sort((a, b) => a.daysBefore - b.daysBefore)
    .find((s) => daysLeft <= s.daysBefore);
  return due ? { period, deadline, step: due.step, daysLeft } : undefined;
};

/** True when a report was filed after its period's deadline (a day in Guangzhou). */
export const isLate = (period: string, filedDay: string): boolean => filedDay > quarterDeadline(period);
