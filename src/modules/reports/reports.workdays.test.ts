import { describe, expect, it } from 'vitest';
import { addWorkingDays, chinaDay, dueDayFor, isPastDue } from './reports.workdays.ts';

// 2026-11-23 is a Monday.
describe('working days', () => {
  it.each([
    ['2026-11-23', 3, '2026-11-26'], // Monday → Thursday
    ['2026-11-25', 3, '2026-11-30'], // Wednesday → Monday
    ['2026-11-27', 3, '2026-12-02'], // Friday → Wednesday
    ['2026-11-28', 3, '2026-12-02'], // Saturday → Wednesday
    ['2026-11-29', 3, '2026-12-02'], // Sunday → Wednesday
    ['2026-11-27', 1, '2026-11-30'], // Friday + 1 → Monday
    ['2026-11-23', 0, '2026-11-23'],
    ['2026-11-23', 10, '2026-12-07'], // two whole weeks
    ['2026-12-31', 3, '2027-01-05'], // over the year end (Thursday → Tuesday)
    ['2028-02-28', 2, '2028-03-01'], // over a leap day (Monday → Wednesday)
  ])('%s + %i working days is %s', (day, n, expected) => {
    expect(addWorkingDays(day, n)).toBe(expected);
  });

  it('refuses what is not a day or a count', () => {
    expect(() => addWorkingDays('2026-13-01', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('26-11-23', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-23', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-23', 1.5)).toThrow(RangeError);
  });

  it('counts days on China’s clock (UTC+8)', () => {
    expect(chinaDay('2026-11-27T15:59:59.000Z')).toBe('2026-11-27'); // Friday 23:59 in Guangzhou
    expect(chinaDay('2026-11-27T16:00:00.000Z')).toBe('2026-11-28'); // Saturday 00:00 in Guangzhou
    // Received on Friday evening in Guangzhou: due on Wednesday.
    expect(dueDayFor('2026-11-27T12:00:00.000Z')).toBe('2026-12-02');
    // Received on Monday morning in Guangzhou (still Sunday in UTC): due on Thursday.
    expect(dueDayFor('2026-11-22T23:30:00.000Z')).toBe('2026-11-26');
  });

  it('is past due only once the due day is over in China', () => {
    expect(isPastDue('2026-11-26', '2026-11-26T15:59:00.000Z')).toBe(false);
    expect(isPastDue('2026-11-26', '2026-11-26T16:00:00.000Z')).toBe(true);
  });
});
