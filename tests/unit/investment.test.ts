import {
  checkInvestment,
  type InvestmentFacts,
  investmentTotals,
  PARALLEL_INVESTMENT_MAX,
  parallelInvestmentCap,
} from '@torch/shared';
import { describe, expect, it } from 'vitest';

const parallel = (amount: number): InvestmentFacts => ({
  investorKind: 'government_grant',
  instrument: 'parallel_investment',
  amount,
});
const messages = (inv: InvestmentFacts, vc?: number | null) =>
  checkInvestment(inv, { coInvestingVcAmount: vc }).map((p) => `${p.path}:${p.message}`);

describe('parallelInvestmentCap', () => {
  it.each([
    [6_000_000, 3_000_000],
    [8_000_000, 3_000_000],
    [4_000_000, 2_000_000],
    [5_999_998, 2_999_999],
    [4_000_001, 2_000_000],
    [1, 0],
    [0, 0],
    [-10, 0],
  ])('VC %i allows at most %i', (vc, cap) => {
    expect(parallelInvestmentCap(vc)).toBe(cap);
  });

  it('never exceeds 3,000,000', () => {
    expect(PARALLEL_INVESTMENT_MAX).toBe(3_000_000);
    expect(parallelInvestmentCap(1_000_000_000)).toBe(3_000_000);
  });
});

describe('checkInvestment', () => {
  it('accepts a parallel investment at the 50% cap and refuses one yuan more', () => {
    expect(messages(parallel(2_000_000), 4_000_000)).toEqual([]);
    expect(messages(parallel(2_000_001), 4_000_000)).toEqual(['amount:exceeds_parallel_cap']);
  });

  it('accepts a parallel investment at the 3,000,000 cap and refuses one yuan more', () => {
    expect(messages(parallel(3_000_000), 6_000_000)).toEqual([]);
    expect(messages(parallel(3_000_001), 6_000_000)).toEqual(['amount:exceeds_parallel_cap']);
    expect(messages(parallel(3_000_000), 8_000_000)).toEqual([]);
    expect(messages(parallel(3_000_001), 8_000_000)).toEqual(['amount:exceeds_parallel_cap']);
  });

  it('needs the co-investing VC amount for a parallel investment', () => {
    expect(messages(parallel(100))).toEqual(['coInvestingVcAmount:required_for_parallel_investment']);
    expect(messages(parallel(100), 0)).toEqual(['coInvestingVcAmount:required_for_parallel_investment']);
  });

  it('needs a government investor for a parallel investment', () => {
    expect(messages({ ...parallel(100), investorKind: 'vc' }, 1_000)).toEqual([
      'investorKind:parallel_needs_government_investor',
    ]);
  });

  it('refuses the VC amount on anything but a parallel investment', () => {
    const equity: InvestmentFacts = { investorKind: 'vc', instrument: 'equity', amount: 100 };
    expect(messages(equity, 1_000)).toEqual(['coInvestingVcAmount:only_for_parallel_investment']);
    expect(messages(equity, null)).toEqual([]);
  });

  it('needs a positive whole amount', () => {
    const grant: InvestmentFacts = { investorKind: 'government_grant', instrument: 'grant', amount: 1 };
    expect(messages(grant)).toEqual([]);
    expect(messages({ ...grant, amount: 0 })).toEqual(['amount:not_positive']);
    expect(messages({ ...grant, amount: -5 })).toEqual(['amount:not_positive']);
    expect(messages({ ...grant, amount: 1.5 })).toEqual(['amount:not_integer']);
  });

  it('takes an equity share in (0, 100] only for equity-like instruments', () => {
    const equity: InvestmentFacts = { investorKind: 'angel', instrument: 'equity', amount: 100 };
    expect(messages({ ...equity, equityShare: 100 })).toEqual([]);
    expect(messages({ ...equity, equityShare: 0.01 })).toEqual([]);
    expect(messages({ ...equity, instrument: 'convertible', equityShare: 5 })).toEqual([]);
    expect(messages({ ...equity, equityShare: 0 })).toEqual(['equityShare:out_of_range']);
    expect(messages({ ...equity, equityShare: 100.01 })).toEqual(['equityShare:out_of_range']);
    expect(messages({ ...equity, instrument: 'loan', equityShare: 5 })).toEqual([
      'equityShare:equity_share_not_applicable',
    ]);
    expect(messages({ ...equity, instrument: 'grant', equityShare: null })).toEqual([]);
  });
});

describe('investmentTotals', () => {
  it('adds up by investor kind, with every kind present', () => {
    const totals = investmentTotals([
      { investorKind: 'incubator_fund', amount: 300_000 },
      { investorKind: 'vc', amount: 2_000_000 },
      { investorKind: 'vc', amount: 1_000_000 },
      { investorKind: 'bank_loan', amount: 500_000 },
    ]);
    expect(totals).toEqual({
      total: 3_800_000,
      byKind: {
        incubator_fund: 300_000,
        angel: 0,
        vc: 3_000_000,
        government_grant: 0,
        bank_loan: 500_000,
        other: 0,
      },
      incubatorInvestment: 300_000,
    });
  });

  it('is all zeros for no investments', () => {
    expect(investmentTotals([]).total).toBe(0);
    expect(investmentTotals([]).byKind.angel).toBe(0);
  });
});
