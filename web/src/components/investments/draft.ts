// What the investment form holds (strings as typed) and how it becomes the API's body. Amounts
// are typed in 万元 and sent as integer yuan; validation is the shared InvestmentCreate's job.
import { EQUITY_INSTRUMENTS, type InvestmentInstrument, todayInChina } from '@torch/shared';
import { wanToYuan } from '../../format';

export interface InvestmentDraft {
  investorKind: string;
  investorName: string;
  instrument: string;
  amountWan: string;
  investedOn: string;
  round: string;
  equityShare: string;
  coInvestingVcAmountWan: string;
}

export function emptyInvestmentDraft(): InvestmentDraft {
  return {
    investorKind: '',
    investorName: '',
    instrument: 'equity',
    amountWan: '',
    investedOn: todayInChina(),
    round: '',
    equityShare: '',
    coInvestingVcAmountWan: '',
  };
}

/** An equity share means something only for an instrument that buys a stake. */
export const takesEquityShare = (draft: InvestmentDraft) =>
  EQUITY_INSTRUMENTS.has(draft.instrument as InvestmentInstrument);

export const isParallel = (draft: InvestmentDraft) => draft.instrument === 'parallel_investment';

const given = (text: string) => text.trim() !== '';

/** The body before the schema checks it; fields that do not apply are left out, not sent empty. */
export function investmentInput(draft: InvestmentDraft): Record<string, unknown> {
  const input: Record<string, unknown> = {
    investorKind: draft.investorKind || undefined,
    investorName: given(draft.investorName) ? draft.investorName.trim() : undefined,
    instrument: draft.instrument || undefined,
    amount: given(draft.amountWan) ? wanToYuan(draft.amountWan) : undefined,
    investedOn: draft.investedOn || undefined,
    round: given(draft.round) ? draft.round.trim() : undefined,
    equityShare: takesEquityShare(draft) && given(draft.equityShare) ? Number(draft.equityShare) : undefined,
    coInvestingVcAmount:
      isParallel(draft) && given(draft.coInvestingVcAmountWan)
        ? wanToYuan(draft.coInvestingVcAmountWan)
        : undefined,
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
