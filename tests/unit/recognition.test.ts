import {
  RECOGNITION_RULES,
  type RecognitionInput,
  recognitionReadiness,
  recognitionRuleYear,
  wholeYearsBetween,
} from '@torch/shared';
import { describe, expect, it } from 'vitest';

// Meets every 2018 criterion exactly at its threshold.
const ready: RecognitionInput = {
  type: 'general',
  foundedOn: '2020-03-15',
  asOf: '2023-03-15',
  totalArea: 10_000,
  tenantArea: 7_500,
  fundSize: 5_000_000,
  tenants: 50,
  tenantsFinanced: 5,
  graduatesCumulative: 20,
};
const failing = (input: RecognitionInput) =>
  recognitionReadiness(input, 2018)
    .checks.filter((c) => !c.pass)
    .map((c) => c.check);

describe('recognitionReadiness (2018 rules)', () => {
  it('is ready when every criterion is met exactly', () => {
    const r = recognitionReadiness(ready, 2018);
    expect(r.ready).toBe(true);
    expect(r.ruleYear).toBe(2018);
    expect(r.checks.map((c) => c.check)).toEqual([
      'operating_years',
      'total_area',
      'tenant_area_share',
      'fund_size',
      'tenants',
      'tenant_density',
      'graduates',
      'financed_share',
    ]);
  });

  it('reports actual and required values', () => {
    const r = recognitionReadiness({ ...ready, tenants: 64, tenantsFinanced: 7, tenantArea: 8_000 }, 2018);
    const byCheck = Object.fromEntries(r.checks.map((c) => [c.check, c]));
    expect(byCheck.tenant_density).toEqual({ check: 'tenant_density', pass: true, actual: 6.4, required: 3 });
    expect(byCheck.financed_share).toEqual({
      check: 'financed_share',
      pass: true,
      actual: 10.93,
      required: 10,
    });
    expect(byCheck.tenant_area_share).toMatchObject({ actual: 80, required: 75 });
  });

  it.each<[string, Partial<RecognitionInput>]>([
    ['operating_years', { asOf: '2023-03-14' }],
    ['total_area', { totalArea: 9_999, tenantArea: 7_500 }],
    ['tenant_area_share', { tenantArea: 7_499 }],
    ['fund_size', { fundSize: 4_999_999 }],
    ['tenants', { tenants: 49, tenantsFinanced: 5 }],
    ['graduates', { graduatesCumulative: 19 }],
    ['financed_share', { tenantsFinanced: 4 }],
  ])('fails only %s one step below its threshold', (check, change) => {
    expect(failing({ ...ready, ...change })).toEqual([check]);
  });

  it('needs 3 tenants per 1,000 m²', () => {
    const big = { ...ready, totalArea: 20_000, tenantArea: 15_000 };
    expect(failing({ ...big, tenants: 60, tenantsFinanced: 6 })).toEqual([]);
    expect(failing({ ...big, tenants: 59, tenantsFinanced: 6 })).toEqual(['tenant_density']);
  });

  it('passes a share exactly at its threshold: 3 financed of 30 is 10%', () => {
    const specialized = {
      ...ready,
      type: 'specialized' as const,
      tenants: 30,
      tenantsInField: 30,
      graduatesCumulative: 15,
    };
    expect(failing({ ...specialized, tenantsFinanced: 3 })).toEqual([]);
    expect(failing({ ...specialized, tenantsFinanced: 2 })).toEqual(['financed_share']);
  });

  it('fails the share and density checks, without dividing by zero, when there is nothing', () => {
    const r = recognitionReadiness(
      { ...ready, totalArea: 0, tenantArea: 0, tenants: 0, tenantsFinanced: 0 },
      2018,
    );
    expect(r.ready).toBe(false);
    for (const c of r.checks) expect(Number.isFinite(c.actual)).toBe(true);
  });
});

describe('specialized incubators', () => {
  const specialized: RecognitionInput = {
    ...ready,
    type: 'specialized',
    tenants: 30,
    tenantsFinanced: 3,
    tenantsInField: 23,
    graduatesCumulative: 15,
  };

  it('need 30 tenants and 15 graduates instead of 50 and 20', () => {
    expect(failing(specialized)).toEqual([]);
    expect(failing({ ...specialized, type: 'general' })).toEqual(['tenants', 'graduates']);
    expect(failing({ ...specialized, tenants: 29, tenantsInField: 22 })).toContain('tenants');
    expect(failing({ ...specialized, graduatesCumulative: 14 })).toEqual(['graduates']);
  });

  it('need 75% of tenants in their field', () => {
    const r = recognitionReadiness(
      { ...specialized, tenants: 40, tenantsFinanced: 4, tenantsInField: 30 },
      2018,
    );
    expect(r.checks.at(-1)).toEqual({ check: 'in_field_share', pass: true, actual: 75, required: 75 });
    expect(failing({ ...specialized, tenants: 40, tenantsFinanced: 4, tenantsInField: 29 })).toEqual([
      'in_field_share',
    ]);
    expect(failing({ ...specialized, tenantsInField: undefined })).toEqual(['in_field_share']);
  });
});

describe('rule versions', () => {
  it('applies the newest rule set in force in a year', () => {
    expect(RECOGNITION_RULES[2018]?.minTenants).toBe(50);
    expect(recognitionRuleYear(2018)).toBe(2018);
    expect(recognitionRuleYear(2025)).toBe(2018);
    expect(recognitionReadiness(ready, 2025).ruleYear).toBe(2018);
  });

  it('has no rules before 2018', () => {
    expect(() => recognitionRuleYear(2017)).toThrow(RangeError);
  });
});

describe('wholeYearsBetween', () => {
  it('counts a year on its anniversary, not before', () => {
    expect(wholeYearsBetween('2020-03-15', '2023-03-14')).toBe(2);
    expect(wholeYearsBetween('2020-03-15', '2023-03-15')).toBe(3);
    expect(wholeYearsBetween('2020-02-29', '2023-02-28')).toBe(3);
    expect(wholeYearsBetween('2023-01-01', '2022-01-01')).toBe(0);
  });
});
