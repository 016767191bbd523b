import { parsePeriod, type TPeriod } from './indicators.codes.ts';

// The city's calendar for computed snapshots and reporting deadlines. Guangzhou keeps China Standard
// Time (UTC+8, no daylight saving), so "today" is the day there, whatever the server's zone.

const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The day in Guangzhou at an instant, as YYYY-MM-DD. */
export const cityDay = (now: Date): string =>
  new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);

/** The month code (2026-11) of a day. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** Days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** A day plus n days. */
export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The quarter code (2026-Q3) a day falls in. */
export const quarterOf = (day: string): string =>
  `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** The quarter before a quarter code (2026-Q1 → 2025-Q4). */
export const previousQuarter = (quarter: string): string => {
  const y = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
};

/** The last quarter that has ended on a day (on 2026-11-26: 2026-Q3). */
export const lastEndedQuarter = (day: string): string => previousQuarter(quarterOf(day));

/** A quarter's period, or undefined when the code is not a quarter. */
export const quarterPeriod = (code: string): TPeriod | undefined => {
  const p = parsePeriod(code);
  return p?.kind === 'quarter' && p.period === code ? p : undefined;
};

/** The last day of the month after a quarter ends: the report deadline (2026-Q3 → 2026-10-31). */
export const quarterDeadline = (quarter: string): string => {
  const p = quarterPeriod(quarter);
  if (!p) throw new Error(`${quarter} is not a quarter`);
  const next = addDays(p.end, 1);
  const month = parsePeriod(next.slice(0, 7));
  return month?.end ?? next;
};
