import { describe, expect, it } from 'vitest';
import {
  breakdownLabel,
  formatChange,
  formatValue,
  geographyName,
  periodLabel,
} from './indicators.format.ts';

describe('values, changes and periods in words', () => {
  it('formats values in their unit, in both languages', () => {
    expect(formatValue('en', { value: 436.1, unit: 'cny_billion' })).toBe('CNY 436.1 billion');
    expect(formatValue('zh', { value: 436.1, unit: 'cny_billion' })).toBe('4361亿元');
    expect(formatValue('zh', { value: 44118955, unit: 'cny_10k' })).toBe('4411.9亿元');
    expect(formatValue('en', { value: 3.54, unit: 'percent' })).toBe('3.54%');
    expect(formatValue('en', { value: 1000, unit: 'count', qualifier: 'more_than' })).toBe('more than 1,000');
    expect(formatValue('zh', { value: 1234, unit: 'person_years' })).toBe('1,234人年');
  });

  it('formats year-on-year changes: per cent, or percentage points for shares', () => {
    expect(formatChange('en', { absolute: 45.3, relative: 0.116 }, 'cny_billion')).toBe('+11.6%');
    expect(formatChange('en', { absolute: -2, relative: -0.05 }, 'count')).toBe('−5%');
    expect(formatChange('en', { absolute: 0.12, relative: 0.035 }, 'percent')).toBe(
      '+0.12 percentage points',
    );
    expect(formatChange('zh', { absolute: 0.12, relative: 0.035 }, 'percent')).toBe('+0.12个百分点');
    expect(formatChange('en', { absolute: 3, relative: null }, 'count')).toBe('+3');
  });

  it('names periods, breakdowns and geographies', () => {
    expect(periodLabel('en', '2017-H1')).toBe('First half of 2017');
    expect(periodLabel('zh', '2017-Q3')).toBe('2017年第3季度');
    expect(periodLabel('en', '2017-Q3')).toBe('Q3 2017');
    expect(periodLabel('en', '2017-07')).toBe('July 2017');
    expect(periodLabel('zh', '2017-07')).toBe('2017年7月');
    expect(periodLabel('en', '2017-07-31')).toBe('31 July 2017');
    expect(periodLabel('en', 'to_date')).toBe('Cumulative to date');
    expect(periodLabel('en', 'to date')).toBe('Cumulative to date');
    expect(breakdownLabel('zh', { dimension: 'type', value: 'invention' })).toBe('发明');
    expect(breakdownLabel('en', null)).toBe('Total');
    expect(breakdownLabel('en', { dimension: 'sector', value: 'new_energy' })).toBe('new energy');
    expect(geographyName('zh', 'CN-GD')).toBe('广东');
    expect(geographyName('en', 'XX-YY')).toBe('XX-YY');
  });
});
