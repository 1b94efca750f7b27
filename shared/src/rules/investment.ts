// Investments into tenants, and the VC Introductory Fund's parallel-investment limit (SPEC §3):
// the government fund co-invests at most 50% of the co-investing VC's equity investment, and
// never more than 3,000,000 yuan, so public money follows private money rather than leading it.

import type { FieldProblem } from '../schemas/common';
import type { InvestmentInstrument, InvestorKind } from '../schemas/enums';
import { INVESTOR_KINDS } from '../schemas/enums';

export const PARALLEL_INVESTMENT_MAX = 3_000_000;
/** The fund's share of the VC's equity investment, as a fraction 1/PARALLEL_INVESTMENT_DIVISOR. */
export const PARALLEL_INVESTMENT_DIVISOR = 2;

/** Instruments that buy a stake, so an equity share means something. */
export const EQUITY_INSTRUMENTS: ReadonlySet<InvestmentInstrument> = new Set<InvestmentInstrument>([
  'equity',
  'parallel_investment',
  'convertible',
]);

// The introductory fund is government money (part of Innofund, recorded as a grant-giver); add a
// kind here if the list of investor kinds ever gains another public one.
export const GOVERNMENT_INVESTOR_KINDS: ReadonlySet<InvestorKind> = new Set<InvestorKind>([
  'government_grant',
]);

/**
 * The instrument an investment takes when none is given (API.md): an equity stake for the equity
 * investors, a grant for government money, a loan for banks. `other` investors have no default:
 * they must say.
 */
export const DEFAULT_INSTRUMENTS: Readonly<Partial<Record<InvestorKind, InvestmentInstrument>>> = {
  angel: 'equity',
  vc: 'equity',
  incubator_fund: 'equity',
  government_grant: 'grant',
  bank_loan: 'loan',
};

/** The most the government fund may put in alongside a VC's equity investment of this size. */
export function parallelInvestmentCap(vcEquityAmount: number): number {
  if (!(vcEquityAmount > 0)) return 0;
  // Integer division keeps the cap in whole yuan and never rounds in the fund's favour.
  return Math.min(Math.floor(vcEquityAmount / PARALLEL_INVESTMENT_DIVISOR), PARALLEL_INVESTMENT_MAX);
}

export interface InvestmentFacts {
  investorKind: InvestorKind;
  amount: number;
  instrument: InvestmentInstrument;
  equityShare?: number | null;
}

export function checkInvestment(
  inv: InvestmentFacts,
  context: { coInvestingVcAmount?: number | null } = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(inv.amount)) problems.push({ path: 'amount', message: 'not_integer' });
  else if (inv.amount <= 0) problems.push({ path: 'amount', message: 'not_positive' });

  if (inv.equityShare !== undefined && inv.equityShare !== null) {
    if (!EQUITY_INSTRUMENTS.has(inv.instrument)) {
      problems.push({ path: 'equityShare', message: 'equity_share_not_applicable' });
    } else if (!(inv.equityShare > 0 && inv.equityShare <= 100)) {
      problems.push({ path: 'equityShare', message: 'out_of_range' });
    }
  }

  const vc = context.coInvestingVcAmount;
  if (inv.instrument !== 'parallel_investment') {
    if (vc !== undefined && vc !== null) {
      problems.push({ path: 'coInvestingVcAmount', message: 'only_for_parallel_investment' });
    }
    return problems;
  }
  if (!GOVERNMENT_INVESTOR_KINDS.has(inv.investorKind)) {
    problems.push({ path: 'investorKind', message: 'parallel_needs_government_investor' });
  }
  if (vc === undefined || vc === null || !(vc > 0)) {
    problems.push({ path: 'coInvestingVcAmount', message: 'required_for_parallel_investment' });
  } else if (inv.amount > parallelInvestmentCap(vc)) {
    problems.push({ path: 'amount', message: 'exceeds_parallel_cap' });
  }
  return problems;
}

export interface InvestmentTotals {
  total: number;
  byKind: Record<InvestorKind, number>;
  /** Money from the incubator's own or partner fund: the yearbook's "incubator investments". */
  incubatorInvestment: number;
}

export function investmentTotals(
  investments: readonly { investorKind: InvestorKind; amount: number }[],
): InvestmentTotals {
  const byKind = Object.fromEntries(INVESTOR_KINDS.map((k) => [k, 0])) as Record<InvestorKind, number>;
  let total = 0;
  for (const { investorKind, amount } of investments) {
    byKind[investorKind] += amount;
    total += amount;
  }
  return { total, byKind, incubatorInvestment: byKind.incubator_fund };
}
