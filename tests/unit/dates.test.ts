import { isFutureDate, todayInChina, yearOf } from '@torch/shared';
import { describe, expect, it } from 'vitest';

describe('dates in China', () => {
  it('takes today in UTC+8, not in UTC', () => {
    // 16:30 UTC on 31 December is already New Year's Day in Beijing.
    expect(todayInChina(new Date('2023-12-31T16:30:00Z'))).toBe('2024-01-01');
    expect(todayInChina(new Date('2023-12-31T15:59:59Z'))).toBe('2023-12-31');
  });

  it('treats today as the past, tomorrow as the future', () => {
    expect(isFutureDate('2024-05-01', '2024-05-01')).toBe(false);
    expect(isFutureDate('2024-05-02', '2024-05-01')).toBe(true);
  });

  it('reads the year of a date', () => {
    expect(yearOf('1987-06-01')).toBe(1987);
  });
});
