import { z } from 'zod';
import { checkInvestment } from '../rules/investment';
import { IsoDate, PastDate, Yuan } from './common';
import { InvestmentInstrument, InvestorKind } from './enums';

export const InvestmentCreate = z
  .strictObject({
    investorKind: InvestorKind,
    investorName: z.string().trim().min(1).max(120).optional(),
    amount: Yuan.positive(),
    investedOn: PastDate,
    /** Free text as the market names rounds: 天使轮, A, Pre-B ... */
    round: z.string().trim().min(1).max(40).optional(),
    /** Percent of the company bought; only for equity-like instruments (checkInvestment). */
    equityShare: z.number().gt(0).max(100).optional(),
    instrument: InvestmentInstrument,
    /** The VC's equity amount a parallel investment follows; the cap is computed from it. */
    coInvestingVcAmount: Yuan.positive().optional(),
  })
  .superRefine((v, ctx) => {
    const refused = new Set(ctx.issues.map((i) => i.path?.[0]));
    for (const p of checkInvestment(v, { coInvestingVcAmount: v.coInvestingVcAmount })) {
      if (!refused.has(p.path)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
    }
  });
export type InvestmentCreate = z.infer<typeof InvestmentCreate>;

export const Investment = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  companyId: z.uuid(),
  investorKind: InvestorKind,
  investorName: z.string().nullable(),
  amount: z.number().int(),
  investedOn: IsoDate,
  round: z.string().nullable(),
  equityShare: z.number().nullable(),
  instrument: InvestmentInstrument,
  coInvestingVcAmount: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Investment = z.infer<typeof Investment>;
