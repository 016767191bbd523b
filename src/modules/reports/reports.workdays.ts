// Reply deadlines for error reports, counted in working days on the calendar of the city that runs the
// portal (China Standard Time, UTC+8 all year, no daylight saving).
//
// Only Saturdays and Sundays are skipped. China's public holidays and its adjusted working weekends
// (调休: e.g. a Saturday worked to bridge a holiday) are NOT modelled: they change every year by State
// Council notice. A deadline that falls in Golden Week is therefore early, never late.

const CHINA_OFFSET_MS = 8 * 60 * 60_000;
const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Working days an editor has to answer a report. */
export const REPLY_WORKING_DAYS = 3;

/** The calendar day (YYYY-MM-DD) in China at the instant `iso` (an ISO-8601 timestamp). */
export const chinaDay = (iso: string): string => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not a timestamp: ${iso}`);
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
};

/**
 * The day `n` working days after `day` (YYYY-MM-DD): each following Monday to Friday counts one,
 * Saturdays and Sundays count none. Friday + 1 is Monday; Saturday + 1 is Monday too.
 */
export const addWorkingDays = (day: string, n: number): string => {
  if (!ISO_DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    throw new RangeError(`not a day: ${day}`);
  }
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count of days: ${n}`);
  let ms = Date.parse(`${day}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    ms += DAY_MS;
    const weekday = new Date(ms).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(ms).toISOString().slice(0, 10);
};

/** The reply deadline of a report received at `receivedAt`: the end of that day in China. */
export const dueDayFor = (receivedAt: string): string =>
  addWorkingDays(chinaDay(receivedAt), REPLY_WORKING_DAYS);

/** True when the deadline day has passed in China at `now` (the due day itself is still on time). */
export const isPastDue = (dueOn: string, now: string): boolean => chinaDay(now) > dueOn;
