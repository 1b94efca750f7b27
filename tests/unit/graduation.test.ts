import {
  type CriterionResult,
  checkGraduation,
  GRADUATION_CRITERIA,
  GRADUATION_INVESTMENT_THRESHOLD,
  GRADUATION_REVENUE_THRESHOLD,
  type GraduationCriterion,
  type GraduationInput,
  graduationEligibility,
} from '@torch/shared';
import { describe, expect, it } from 'vitest';

const ASOF = '2024-06-30';
const nothing: GraduationInput = {
  asOf: ASOF,
  highTechCertifiedOn: null,
  investments: [],
  approvedRevenues: [],
  listings: [],
};

function judge(input: Partial<GraduationInput>, criterion: GraduationCriterion): CriterionResult {
  const result = graduationEligibility({ ...nothing, ...input }).find((r) => r.criterion === criterion);
  if (!result) throw new Error(`no result for ${criterion}`);
  return result;
}

describe('graduationEligibility', () => {
  it('uses the 2018 thresholds', () => {
    expect(GRADUATION_INVESTMENT_THRESHOLD).toBe(5_000_000);
    expect(GRADUATION_REVENUE_THRESHOLD).toBe(10_000_000);
  });

  it('judges all five criteria, in the enum order, and proves none without records', () => {
    const results = graduationEligibility(nothing);
    expect(results.map((r) => r.criterion)).toEqual([...GRADUATION_CRITERIA]);
    expect(results.filter((r) => r.proven)).toEqual([]);
  });

  describe('high_tech_enterprise', () => {
    it('is proven by a certificate dated on or before the graduation date', () => {
      expect(judge({ highTechCertifiedOn: ASOF }, 'high_tech_enterprise')).toMatchObject({
        proven: true,
        reason: 'certified',
      });
    });
    it('is not proven by a later certificate or none', () => {
      expect(judge({ highTechCertifiedOn: '2024-07-01' }, 'high_tech_enterprise')).toMatchObject({
        proven: false,
        reason: 'certified_after_date',
      });
      expect(judge({}, 'high_tech_enterprise').reason).toBe('not_certified');
    });
  });

  describe('investment_over_5m', () => {
    const inv = (
      investorKind: 'angel' | 'vc' | 'government_grant' | 'incubator_fund' | 'bank_loan',
      amount: number,
      investedOn = '2023-01-01',
    ) => ({
      investorKind,
      amount,
      investedOn,
    });

    it('exactly 5,000,000 is not over 5,000,000', () => {
      const r = judge({ investments: [inv('angel', 2_000_000), inv('vc', 3_000_000)] }, 'investment_over_5m');
      expect(r).toMatchObject({
        proven: false,
        reason: 'investment_total_5000000',
        detail: { total: 5_000_000 },
      });
    });

    it('5,000,001 is', () => {
      const r = judge({ investments: [inv('angel', 2_000_001), inv('vc', 3_000_000)] }, 'investment_over_5m');
      expect(r).toMatchObject({ proven: true, reason: 'investment_total_5000001' });
    });

    it('counts only angel and VC money', () => {
      const r = judge(
        {
          investments: [
            inv('vc', 1_000_000),
            inv('government_grant', 9_000_000),
            inv('incubator_fund', 9_000_000),
            inv('bank_loan', 9_000_000),
          ],
        },
        'investment_over_5m',
      );
      expect(r).toMatchObject({ proven: false, reason: 'investment_total_1000000' });
    });

    it('counts investments dated on the graduation date but not after it', () => {
      const r = judge(
        { investments: [inv('vc', 5_000_000, ASOF), inv('angel', 1, ASOF), inv('angel', 1, '2024-07-01')] },
        'investment_over_5m',
      );
      expect(r).toMatchObject({ proven: true, reason: 'investment_total_5000001' });
    });
  });

  describe('revenue_10m_two_years', () => {
    it('exactly 10,000,000 over two consecutive years is not above it', () => {
      const r = judge(
        {
          approvedRevenues: [
            { year: 2022, revenue: 4_000_000 },
            { year: 2023, revenue: 6_000_000 },
          ],
        },
        'revenue_10m_two_years',
      );
      expect(r).toMatchObject({ proven: false, reason: 'revenue_2022_2023_10000000' });
    });

    it('10,000,001 is', () => {
      const r = judge(
        {
          approvedRevenues: [
            { year: 2022, revenue: 4_000_000 },
            { year: 2023, revenue: 6_000_001 },
          ],
        },
        'revenue_10m_two_years',
      );
      expect(r).toMatchObject({
        proven: true,
        reason: 'revenue_2022_2023_10000001',
        detail: { firstYear: 2022, secondYear: 2023, total: 10_000_001 },
      });
    });

    it('does not add up years that are not consecutive', () => {
      const r = judge(
        {
          approvedRevenues: [
            { year: 2020, revenue: 9_000_000 },
            { year: 2022, revenue: 9_000_000 },
          ],
        },
        'revenue_10m_two_years',
      );
      expect(r).toMatchObject({ proven: false, reason: 'no_consecutive_years' });
    });

    it('finds the best consecutive pair among several years, in any order', () => {
      const r = judge(
        {
          approvedRevenues: [
            { year: 2021, revenue: 9_000_001 },
            { year: 2019, revenue: 1_000_000 },
            { year: 2020, revenue: 2_000_000 },
          ],
        },
        'revenue_10m_two_years',
      );
      expect(r).toMatchObject({ proven: true, reason: 'revenue_2020_2021_11000001' });
    });

    it('ignores the graduation year itself: its revenue is not known yet', () => {
      const r = judge(
        {
          approvedRevenues: [
            { year: 2023, revenue: 1 },
            { year: 2024, revenue: 20_000_000 },
          ],
        },
        'revenue_10m_two_years',
      );
      expect(r).toMatchObject({ proven: false, reason: 'no_consecutive_years' });
    });
  });

  describe('acquired', () => {
    it('is never proven without a dated record', () => {
      expect(judge({}, 'acquired')).toMatchObject({ proven: false, reason: 'no_acquisition_record' });
      expect(judge({ acquiredOn: null }, 'acquired').proven).toBe(false);
    });
    it('is proven by a merger recorded on or before the date', () => {
      expect(judge({ acquiredOn: ASOF }, 'acquired').proven).toBe(true);
      expect(judge({ acquiredOn: '2024-07-01' }, 'acquired')).toMatchObject({
        proven: false,
        reason: 'acquired_after_date',
      });
    });
  });

  describe('listed', () => {
    it('is proven by the first listing on or before the date', () => {
      const r = judge(
        {
          listings: [
            { listedOn: ASOF, exchange: 'sse_star' },
            { listedOn: '2022-03-01', exchange: 'neeq' },
          ],
        },
        'listed',
      );
      expect(r).toMatchObject({
        proven: true,
        reason: 'listed_neeq',
        detail: { listedOn: '2022-03-01', listings: 2 },
      });
    });
    it('is not proven by a later listing', () => {
      expect(judge({ listings: [{ listedOn: '2024-07-01', exchange: 'hkex' }] }, 'listed')).toMatchObject({
        proven: false,
        reason: 'no_listing',
      });
    });
  });
});

describe('checkGraduation', () => {
  const eligibility = graduationEligibility({ ...nothing, highTechCertifiedOn: '2023-01-01' });
  const base = {
    admittedOn: '2021-03-01',
    status: 'incubating' as const,
    graduatedOn: ASOF,
    claimed: ['high_tech_enterprise'] as GraduationCriterion[],
    eligibility,
    today: '2024-07-15',
  };

  it('records a proven criterion as verified without evidence', () => {
    expect(checkGraduation(base)).toEqual({ ok: true, verified: ['high_tech_enterprise'], unverified: [] });
  });

  it('refuses a tenant that is not incubating', () => {
    expect(checkGraduation({ ...base, status: 'graduated' })).toEqual({ ok: false, code: 'not_incubating' });
    expect(checkGraduation({ ...base, status: 'exited' })).toEqual({ ok: false, code: 'not_incubating' });
  });

  it('refuses a date in the future, and allows today', () => {
    expect(checkGraduation({ ...base, graduatedOn: '2024-07-16' })).toMatchObject({
      ok: false,
      code: 'in_future',
    });
    expect(checkGraduation({ ...base, graduatedOn: '2024-07-15' }).ok).toBe(true);
  });

  it('refuses a date before admission, and allows the admission day', () => {
    expect(checkGraduation({ ...base, graduatedOn: '2021-02-28' })).toMatchObject({
      code: 'before_admission',
    });
    expect(checkGraduation({ ...base, graduatedOn: '2021-03-01' }).ok).toBe(true);
  });

  it('refuses a graduation that claims no criterion', () => {
    expect(checkGraduation({ ...base, claimed: [] })).toEqual({ ok: false, code: 'no_criteria' });
  });

  it('needs evidence of at least 10 characters for a claim the records do not prove', () => {
    const claimed: GraduationCriterion[] = ['high_tech_enterprise', 'acquired'];
    expect(checkGraduation({ ...base, claimed })).toEqual({
      ok: false,
      code: 'evidence_required',
      unproven: ['acquired'],
    });
    expect(checkGraduation({ ...base, claimed, evidence: '  123456789   ' })).toMatchObject({
      code: 'evidence_required',
    });
    expect(checkGraduation({ ...base, claimed, evidence: '1234567890' })).toEqual({
      ok: true,
      verified: ['high_tech_enterprise'],
      unverified: ['acquired'],
    });
  });

  it('counts a criterion claimed twice once', () => {
    const r = checkGraduation({ ...base, claimed: ['high_tech_enterprise', 'high_tech_enterprise'] });
    expect(r).toEqual({ ok: true, verified: ['high_tech_enterprise'], unverified: [] });
  });
});
