import {
  ADMISSION_WINDOW_MONTHS,
  addMonths,
  INCUBATION_LIMIT_MONTHS,
  incubationEndsOn,
  incubationLimitMonths,
  isAdmissionException,
  isOverdue,
  LONG_INCUBATION_LIMIT_MONTHS,
} from '@torch/shared';
import { describe, expect, it } from 'vitest';

describe('admission window (24 months)', () => {
  it('uses the 2018 figures', () => {
    expect(ADMISSION_WINDOW_MONTHS).toBe(24);
    expect(INCUBATION_LIMIT_MONTHS).toBe(48);
    expect(LONG_INCUBATION_LIMIT_MONTHS).toBe(60);
  });

  it('allows exactly 24 months, flags 24 months and a day', () => {
    expect(isAdmissionException('2022-01-15', '2024-01-15')).toBe(false);
    expect(isAdmissionException('2022-01-15', '2024-01-16')).toBe(true);
  });

  it('allows a company admitted the day it was founded', () => {
    expect(isAdmissionException('2024-03-01', '2024-03-01')).toBe(false);
  });

  it('counts a leap-day founding to 28 February two years on', () => {
    expect(isAdmissionException('2020-02-29', '2022-02-28')).toBe(false);
    expect(isAdmissionException('2020-02-29', '2022-03-01')).toBe(true);
  });

  it('counts a month-end founding to the shorter month-end', () => {
    expect(isAdmissionException('2021-08-31', '2023-08-31')).toBe(false);
    expect(isAdmissionException('2021-08-31', '2023-09-01')).toBe(true);
  });
});

describe('incubation limit (48 or 60 months)', () => {
  it('gives 48 months to most fields and 60 to slow-maturing ones', () => {
    expect(incubationLimitMonths({ field: 'electronic_information' })).toBe(48);
    expect(incubationLimitMonths({ field: 'new_materials', integratedCircuit: false })).toBe(48);
    expect(incubationLimitMonths({ field: 'biomedicine' })).toBe(60);
    expect(incubationLimitMonths({ field: 'modern_agriculture' })).toBe(60);
    expect(incubationLimitMonths({ field: 'electronic_information', integratedCircuit: true })).toBe(60);
  });

  it('ends 48 or 60 months after admission', () => {
    expect(incubationEndsOn('2020-01-31', { field: 'aerospace' })).toBe('2024-01-31');
    expect(incubationEndsOn('2020-01-31', { field: 'biomedicine' })).toBe('2025-01-31');
    expect(incubationEndsOn('2020-02-29', { field: 'aerospace' })).toBe('2024-02-29');
    expect(incubationEndsOn('2020-02-29', { field: 'biomedicine' })).toBe('2025-02-28');
  });

  it('is overdue only after the last day, and only while incubating', () => {
    const tenant = { status: 'incubating', admittedOn: '2020-06-15', field: 'aerospace' as const };
    expect(isOverdue(tenant, '2024-06-15')).toBe(false);
    expect(isOverdue(tenant, '2024-06-16')).toBe(true);
    expect(isOverdue({ ...tenant, status: 'graduated' }, '2030-01-01')).toBe(false);
    expect(isOverdue({ ...tenant, field: 'biomedicine' }, '2024-06-16')).toBe(false);
    expect(isOverdue({ ...tenant, field: 'biomedicine' }, '2025-06-16')).toBe(true);
  });
});

describe('addMonths', () => {
  it.each([
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-05-31', 1, '2024-06-30'],
    ['2023-12-15', 1, '2024-01-15'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-07-04', 0, '2024-07-04'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
