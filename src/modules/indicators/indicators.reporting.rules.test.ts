import { describe, expect, it } from 'vitest';
import { cityDay, lastEndedQuarter, previousQuarter, quarterDeadline } from './indicators.calendar.ts';
import {
  isLate,
  isOpenQuarter,
  jumpsOf,
  openQuarters,
  REPORT_FIELDS,
  readValue,
  readValues,
  reminderDue,
} from './indicators.reporting.rules.ts';

const field = (name: string) => REPORT_FIELDS.find((f) => f.name === name) as (typeof REPORT_FIELDS)[number];

describe('reading the numbers people type', () => {
  it('takes separators, full-width digits and up to two decimals of money', () => {
    expect(readValue(field('revenue'), '1,250.5')).toBe(1250.5);
    expect(readValue(field('revenue'), ' １２３４ ')).toBe(1234);
    expect(readValue(field('revenue'), '1，234.50')).toBe(1234.5);
    expect(readValue(field('tenants'), '12.0')).toBe(12);
    expect(readValue(field('tenants'), '')).toBeUndefined();
  });

  it('refuses negatives, fractions of counts, long decimals, words and huge values with a reason', () => {
    expect(readValue(field('revenue'), '-5')).toEqual({ key: 'indicators.reporting.error.negative' });
    expect(readValue(field('tenants'), '2.5')).toEqual({ key: 'indicators.reporting.error.integer' });
    expect(readValue(field('revenue'), '1.234')).toEqual({ key: 'indicators.reporting.error.decimals' });
    expect(readValue(field('jobs'), 'NaN')).toEqual({ key: 'indicators.reporting.error.number' });
    expect(readValue(field('jobs'), '1e5')).toEqual({ key: 'indicators.reporting.error.number' });
    expect(readValue(field('tenants'), '99999999999999999999')).toMatchObject({
      key: 'indicators.reporting.error.tooLarge',
    });
  });

  it('lets a draft leave fields empty but not a submission', () => {
    expect(readValues({ revenue: '10' }, 'draft')).toEqual({ values: { revenue: 10 }, errors: {} });
    const submitted = readValues({ revenue: '10' }, 'submit');
    expect(Object.keys(submitted.errors).sort()).toEqual(['funds_raised', 'graduates', 'jobs', 'tenants']);
  });
});

describe('the jump warning', () => {
  it('flags ten times the previous value, or a tenth of it, where the previous value was above zero', () => {
    const jumps = jumpsOf(
      { revenue: 5000, tenants: 3, graduates: 4, jobs: 100, funds_raised: 10 },
      { revenue: 500, tenants: 30, graduates: 0, jobs: 99 },
    );
    expect([...jumps.keys()].sort()).toEqual(['revenue', 'tenants']);
    expect(jumps.get('revenue')).toEqual({ previous: 500, value: 5000 });
    expect(jumpsOf({ revenue: 4999 }, { revenue: 500 }).size).toBe(0);
  });
});

describe("the city's reporting calendar", () => {
  it('reads the day in Guangzhou, eight hours ahead of UTC', () => {
    expect(cityDay(new Date('2026-10-31T15:59:59Z'))).toBe('2026-10-31');
    expect(cityDay(new Date('2026-10-31T16:00:00Z'))).toBe('2026-11-01');
  });

  it('knows quarters, deadlines and the quarters open for reports', () => {
    expect(lastEndedQuarter('2026-11-26')).toBe('2026-Q3');
    expect(lastEndedQuarter('2026-01-05')).toBe('2025-Q4');
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(quarterDeadline('2026-Q3')).toBe('2026-10-31');
    expect(quarterDeadline('2026-Q4')).toBe('2027-01-31');
    expect(quarterDeadline('2027-Q4')).toBe('2028-01-31');
    expect(openQuarters('2026-11-26')).toHaveLength(8);
    expect(isOpenQuarter('2026-Q3', '2026-11-26')).toBe(true);
    expect(isOpenQuarter('2026-Q4', '2026-11-26')).toBe(false);
    expect(isOpenQuarter('2024-Q3', '2026-11-26')).toBe(false);
    expect(isLate('2026-Q3', '2026-10-31')).toBe(false);
    expect(isLate('2026-Q3', '2026-11-01')).toBe(true);
  });

  it('makes a reminder due 14 days and then 3 days before the deadline, none after it', () => {
    expect(reminderDue('2026-10-16')).toBeUndefined();
    expect(reminderDue('2026-10-17')).toMatchObject({ period: '2026-Q3', step: 'd14', daysLeft: 14 });
    expect(reminderDue('2026-10-27')).toMatchObject({ step: 'd14' });
    expect(reminderDue('2026-10-28')).toMatchObject({ step: 'd3', deadline: '2026-10-31' });
    expect(reminderDue('2026-10-31')).toMatchObject({ step: 'd3', daysLeft: 0 });
    expect(reminderDue('2026-11-01')).toBeUndefined();
  });
});
