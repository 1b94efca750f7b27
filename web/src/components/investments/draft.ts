// What the investment form holds (strings as typed, named like InvestmentCreate's fields) and how
// it becomes the API's body. Amounts are typed in 万元 and sent as integer yuan; fields that do not
// apply to the instrument are left out, not sent empty.
import { EQUITY_INSTRUMENTS, type InvestmentInstrument, todayInChina } from '@torch/shared';
import { given, number, text, wan } from '../form/body';

export const INVESTMENT_FIELDS = [
  'investorKind',
  'investorName',
  'instrument',
  'amount',
  'investedOn',
  'round',
  'equityShare',
  'coInvestingVcAmount',
] as const;

export type InvestmentValues = Record<(typeof INVESTMENT_FIELDS)[number], string>;

export function emptyInvestment(): InvestmentValues {
  return {
    investorKind: '',
    investorName: '',
    instrument: 'equity',
    amount: '',
    investedOn: todayInChina(),
    round: '',
    equityShare: '',
    coInvestingVcAmount: '',
  };
}

/** An equity share means something only for an instrument that buys a stake. */
export const takesEquityShare = (instrument: string) =>
  EQUITY_INSTRUMENTS.has(instrument as InvestmentInstrument);

export const isParallel = (instrument: string) => instrument === 'parallel_investment';

export function investmentBody(values: InvestmentValues): Record<string, unknown> {
  return given({
    investorKind: text(values.investorKind),
    investorName: text(values.investorName),
    instrument: text(values.instrument),
    amount: wan(values.amount),
    investedOn: text(values.investedOn),
    round: text(values.round),
    equityShare: takesEquityShare(values.instrument) ? number(values.equityShare) : undefined,
    coInvestingVcAmount: isParallel(values.instrument) ? wan(values.coInvestingVcAmount) : undefined,
  });
}
