// The annual return's shared rules at their boundaries: errors, the tenfold jump, robust outliers
// within the cohort and the own history (cohort size, floors), blockers, the diff and the workflow.
import {
  changedFigures,
  defaultReturnDeadline,
  filedOnTime,
  MATERIALITY_FLOORS,
  modifiedZ,
  RETURN_CHECKED_COMPUTED,
  type ReturnFigureValues,
  type ReturnRuleInput,
  returnActions,
  returnErrors,
  returnTransition,
  returnWarnings,
  submissionBlockers,
} from '@torch/shared';
import { describe, expect, it } from 'vitest';

const figures: ReturnFigureValues = {
  totalArea: 20_000,
  tenantArea: 16_000,
  publicServiceArea: 2_000,
  fundSize: 6_000_000,
  staffCount: 20,
  mentorCount: 10,
  mentorsOnStaff: 4,
  incomeServices: 1_000_000,
  incomeProperty: 2_000_000,
  incomeInvestment: 0,
  incomeOther: 100_000,
  incomeTotal: 3_100_000,
  fundingGovernment: 500_000,
  fundingEnterprise: 0,
  fundingOther: 0,
  fundingTotal: 500_000,
};
const computed = Object.fromEntries(
  RETURN_CHECKED_COMPUTED.map((k) => [k, 0]),
) as ReturnRuleInput['computed'];
const input = (over: Partial<ReturnRuleInput> = {}): ReturnRuleInput => ({
  figures,
  computed,
  lastYear: null,
  cohort: [],
  history: [],
  ...over,
});
const codes = (flags: { code: string }[]) => flags.map((f) => f.code);

describe('returnErrors', () => {
  it('accepts consistent figures', () => {
    expect(returnErrors(figures)).toEqual([]);
  });

  it('refuses tenant-use area above the total, not equal to it', () => {
    expect(returnErrors({ ...figures, tenantArea: 20_000 })).toEqual([]);
    expect(returnErrors({ ...figures, tenantArea: 20_001 })).toEqual([
      expect.objectContaining({
        code: 'tenant_area_exceeds_total:figures.tenantArea',
        severity: 'error',
        path: 'figures.tenantArea',
        value: 20_001,
        reference: 20_000,
      }),
    ]);
  });

  it('refuses negative amounts, mentors on staff above the staff, and totals that do not add up', () => {
    expect(codes(returnErrors({ ...figures, fundSize: -1 }))).toEqual(['negative:figures.fundSize']);
    expect(codes(returnErrors({ ...figures, mentorsOnStaff: 20 }))).toEqual([]);
    expect(codes(returnErrors({ ...figures, mentorsOnStaff: 21 }))).toEqual([
      'mentors_exceed_staff:figures.mentorsOnStaff',
    ]);
    const off = returnErrors({ ...figures, incomeTotal: 3_100_001, fundingTotal: 0 });
    expect(off.map((f) => [f.code, f.reference])).toEqual([
      ['sum_mismatch:figures.incomeTotal', 3_100_000],
      ['sum_mismatch:figures.fundingTotal', 500_000],
    ]);
  });
});

describe('year-on-year jumps', () => {
  const jump = (current: number, previous: number) =>
    codes(
      returnWarnings(
        input({ figures: { ...figures, fundSize: current }, lastYear: { ...figures, fundSize: previous } }),
      ),
    );

  it('flags above 10× and below 0.1×, not at them', () => {
    expect(jump(60_000_000, 6_000_000)).toEqual([]);
    expect(jump(60_000_001, 6_000_000)).toEqual(['year_on_year:figures.fundSize']);
    expect(jump(600_000, 6_000_000)).toEqual([]);
    expect(jump(599_999, 6_000_000)).toEqual(['year_on_year:figures.fundSize']);
  });

  it('names last year as the reference, and ignores changes below the floor or from zero', () => {
    const [flag] = returnWarnings(
      input({ figures: { ...figures, fundSize: 70_000_000 }, lastYear: { fundSize: 6_000_000 } }),
    );
    expect(flag).toMatchObject({ severity: 'warning', path: 'figures.fundSize', reference: 6_000_000 });
    const floor = MATERIALITY_FLOORS.fundSize;
    expect(jump(floor, floor / 20)).toEqual([]);
    expect(jump(floor + 1, floor / 20)).toEqual(['year_on_year:figures.fundSize']);
    expect(jump(50_000_000, 0)).toEqual([]);
  });
});

describe('robust outliers', () => {
  // Seven other incubators with fund sizes around 6 million: MAD 1 million.
  const peers = [4, 5, 5, 6, 7, 7, 8].map((m) => ({ fundSize: m * 1_000_000 }));
  const outlier = (fundSize: number, cohort = peers) =>
    returnWarnings(input({ figures: { ...figures, fundSize }, cohort }));

  it('computes the modified z-score around the median', () => {
    expect(modifiedZ(10, [1, 2, 3, 4, 10])).toEqual({ z: (0.6745 * 7) / 1, median: 3 });
    // More than half equal: the mean absolute deviation stands in for the MAD.
    expect(modifiedZ(9, [1, 1, 1, 1, 9]).z).toBeCloseTo(8 / (1.253314 * 1.6), 10);
    expect(modifiedZ(1, [1, 1, 1])).toEqual({ z: 0, median: 1 });
  });

  it('flags a figure with z above 3.5 in a cohort of at least 8, naming the cohort median', () => {
    // With x included the median is 6.5 M; MAD 1.5 M; z(x) > 3.5 once |x − 6.5 M| > 7.78 M.
    expect(codes(outlier(14_000_000))).toEqual([]);
    const flags = outlier(15_000_000);
    expect(flags).toEqual([
      expect.objectContaining({
        code: 'cohort_outlier:figures.fundSize',
        reference: 6_500_000,
        value: 15_000_000,
      }),
    ]);
  });

  it('does not judge a cohort smaller than 8 (the incubator and six others)', () => {
    expect(outlier(90_000_000, peers.slice(1))).toEqual([]);
  });

  it('does not judge an immaterial figure however unusual', () => {
    const tiny = [1, 2, 2, 3, 3, 3, 4].map((v) => ({ mentorsOnStaff: v }));
    const flags = returnWarnings(input({ figures: { ...figures, mentorsOnStaff: 5 }, cohort: tiny }));
    expect(MATERIALITY_FLOORS.mentorsOnStaff).toBe(5);
    expect(codes(flags)).toEqual([]);
    const material = returnWarnings(
      input({
        figures: { ...figures, staffCount: 40, mentorsOnStaff: 40 },
        cohort: tiny.map((c) => ({ ...c })),
      }),
    );
    expect(codes(material)).toEqual(['cohort_outlier:figures.mentorsOnStaff']);
  });

  it('judges the own history only with five earlier years, and reads no more than five', () => {
    const history = [4, 5, 6, 7, 8].map((m) => ({ fundSize: m * 1_000_000 }));
    expect(codes(outlier2(60_000_000, history.slice(0, 4)))).toEqual([]);
    expect(returnWarnings(input({ figures: { ...figures, fundSize: 60_000_000 }, history }))).toEqual([
      expect.objectContaining({ code: 'history_outlier:figures.fundSize', reference: 6_500_000 }),
    ]);
    // Older years are not part of "the last five years" (read, they would make 60 M the norm).
    const older = [...history, ...Array.from({ length: 5 }, () => ({ fundSize: 60_000_000 }))];
    expect(codes(outlier2(60_000_000, older))).toEqual(['history_outlier:figures.fundSize']);
  });

  function outlier2(fundSize: number, history: { fundSize: number }[]) {
    return returnWarnings(input({ figures: { ...figures, fundSize }, history }));
  }

  it('checks computed aggregates too, under their own path', () => {
    const cohort = [40, 50, 50, 60, 70, 70, 80].map((v) => ({ tenantsIncubating: v }));
    const flags = returnWarnings(input({ computed: { ...computed, tenantsIncubating: 400 }, cohort }));
    expect(codes(flags)).toEqual(['cohort_outlier:computed.tenantsIncubating']);
  });
});

describe('submission, diff, deadline, workflow', () => {
  it('blocks on errors and on warnings without a written explanation', () => {
    const flags = [
      ...returnErrors({ ...figures, tenantArea: 30_000 }),
      ...returnWarnings(
        input({ figures: { ...figures, fundSize: 90_000_000 }, lastYear: { fundSize: 6_000_000 } }),
      ),
    ];
    expect(submissionBlockers(flags, {})).toEqual([
      { path: 'figures.tenantArea', message: 'tenant_area_exceeds_total' },
      { path: 'explanations.year_on_year:figures.fundSize', message: 'explanation_required' },
    ]);
    expect(submissionBlockers(flags.slice(1), { 'year_on_year:figures.fundSize': '  ' })).toHaveLength(1);
    expect(submissionBlockers(flags.slice(1), { 'year_on_year:figures.fundSize': '新基金设立' })).toEqual([]);
  });

  it('lists the figures that changed since the returned version', () => {
    expect(changedFigures(figures, { ...figures, tenantArea: 15_000 })).toEqual([
      { path: 'figures.tenantArea', before: 16_000, after: 15_000 },
    ]);
  });

  it('falls due on 31 January of the next year; on time is on or before it', () => {
    expect(defaultReturnDeadline(2025)).toBe('2026-01-31');
    expect(filedOnTime('2026-01-31', '2026-01-31')).toBe(true);
    expect(filedOnTime('2026-02-01', '2026-01-31')).toBe(false);
    expect(filedOnTime(null, '2026-01-31')).toBe(false);
  });

  it('lets each role take only its own steps', () => {
    expect(returnTransition('incubator_manager', 'returned', 'submit')).toBe('submitted');
    expect(returnTransition('province', 'approved', 'return')).toBeNull();
    expect(returnTransition('national', 'approved', 'return')).toBe('returned');
    expect(returnTransition('province', 'accepted', 'reopen')).toBeNull();
    expect(returnActions('national', 'approved')).toEqual(['accept', 'return']);
    expect(returnActions('tenant', 'submitted')).toEqual([]);
  });
});
