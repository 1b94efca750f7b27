import { type Figures, figureProblems, jumpFlags, ReportCreate, ReportPatch } from '@torch/shared';
import { describe, expect, it } from 'vitest';

const figures: Figures = {
  revenue: 12_000_000,
  netProfit: -300_000,
  rdSpending: 1_500_000,
  taxesPaid: 400_000,
  exports: 0,
  employees: 40,
  phdEmployees: 3,
  collegeEmployees: 35,
  returnedScholarEmployees: 2,
  freshGraduatesHired: 6,
  ipApplications: 2,
  ipGranted: 5,
  inventionPatents: 4,
  softwareCopyrights: 10,
  otherIp: 1,
  financingReceived: 0,
};
const codes = (r: Partial<Figures>) => figureProblems(r).map((p) => `${p.path}:${p.message}`);

describe('figureProblems', () => {
  it('accepts a plausible report with a loss, and more grants than applications', () => {
    expect(figureProblems(figures)).toEqual([]);
  });

  it('refuses negative figures except net profit', () => {
    expect(codes({ ...figures, revenue: -1, exports: -1 })).toEqual(['revenue:negative', 'exports:negative']);
    expect(codes({ ...figures, netProfit: -1_000_000_000 })).toEqual([]);
  });

  it.each(['phdEmployees', 'collegeEmployees', 'returnedScholarEmployees', 'freshGraduatesHired'] as const)(
    'allows %s equal to employees but not one more',
    (field) => {
      expect(codes({ ...figures, employees: 40, [field]: 40 })).toEqual([]);
      expect(codes({ ...figures, employees: 40, [field]: 41 })).toEqual([`${field}:exceeds_employees`]);
    },
  );

  it('checks only what a partial report contains', () => {
    expect(codes({ phdEmployees: 5 })).toEqual([]);
    expect(codes({ employees: 0, phdEmployees: 1 })).toEqual(['phdEmployees:exceeds_employees']);
  });
});

describe('jumpFlags', () => {
  it('does not flag exactly ten times, flags just over', () => {
    expect(jumpFlags({ revenue: 1_000 }, { revenue: 100 })).toEqual([]);
    expect(jumpFlags({ revenue: 1_001 }, { revenue: 100 })).toEqual([
      { field: 'revenue', previous: 100, current: 1_001, ratio: 10.01 },
    ]);
  });

  it('does not flag a fall to exactly a tenth, flags a fall below it', () => {
    expect(jumpFlags({ employees: 10 }, { employees: 100 })).toEqual([]);
    expect(jumpFlags({ employees: 9 }, { employees: 100 })).toEqual([
      { field: 'employees', previous: 100, current: 9, ratio: 0.09 },
    ]);
    expect(jumpFlags({ exports: 0 }, { exports: 5 })).toMatchObject([{ field: 'exports', ratio: 0 }]);
  });

  it('does not flag growth from zero or fields it does not watch', () => {
    expect(jumpFlags({ financingReceived: 9_000_000 }, { financingReceived: 0 })).toEqual([]);
    expect(
      jumpFlags({ netProfit: 1_000_000, inventionPatents: 50 }, { netProfit: 1, inventionPatents: 1 }),
    ).toEqual([]);
  });

  it('flags every watched field that jumped, in a stable order', () => {
    const before = { ...figures, rdSpending: 100_000, taxesPaid: 40_000 };
    const now = { ...figures, rdSpending: 2_000_000, taxesPaid: 1_000 };
    expect(jumpFlags(now, before).map((f) => f.field)).toEqual(['rdSpending', 'taxesPaid']);
  });
});

describe('report schemas', () => {
  const body = { year: 2023, ...figures };
  const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    r.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];

  it('accepts a valid report', () => {
    expect(ReportCreate.parse(body)).toEqual(body);
  });

  it('refuses unknown fields, years outside 1987..2100 and fractional yuan', () => {
    expect(ReportCreate.safeParse({ ...body, extra: 1 }).success).toBe(false);
    expect(ReportCreate.safeParse({ ...body, year: 1986 }).success).toBe(false);
    expect(ReportCreate.safeParse({ ...body, year: 1987 }).success).toBe(true);
    expect(ReportCreate.safeParse({ ...body, year: 2101 }).success).toBe(false);
    expect(ReportCreate.safeParse({ ...body, revenue: 10.5 }).success).toBe(false);
  });

  it('applies the cross-field rules, reporting a negative figure once', () => {
    expect(issues(ReportCreate.safeParse({ ...body, phdEmployees: 41 }))).toEqual([
      'phdEmployees:exceeds_employees',
    ]);
    expect(issues(ReportCreate.safeParse({ ...body, revenue: -1 }))).toHaveLength(1);
  });

  it('patches some figures with a version, but never the year', () => {
    expect(ReportPatch.parse({ version: 3, revenue: 5 })).toEqual({ version: 3, revenue: 5 });
    expect(ReportPatch.safeParse({ revenue: 5 }).success).toBe(false);
    expect(ReportPatch.safeParse({ version: 3, year: 2022 }).success).toBe(false);
    expect(issues(ReportPatch.safeParse({ version: 3, employees: 2, collegeEmployees: 3 }))).toEqual([
      'collegeEmployees:exceeds_employees',
    ]);
  });
});
