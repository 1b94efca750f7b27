import { z } from 'zod';
import { checkInvestment, DEFAULT_INSTRUMENTS } from '../rules/investment';
import { IsoDate, PastDate, Yuan } from './common';
import { INVESTOR_KINDS, InvestmentInstrument, InvestorKind } from './enums';

/**
 * The shape of an investment, field by field. The API validates requests with this and applies
 * checkInvestment in the service, so a broken domain rule (the parallel-investment cap) is a 422,
 * not a 400; forms use InvestmentCreate, which applies the same rule as they type.
 */
const InvestmentShape = z.strictObject({
  investorKind: InvestorKind,
  investorName: z.string().trim().min(1).max(120).optional(),
  amount: Yuan.positive(),
  investedOn: PastDate,
  /** Free text as the market names rounds: 天使轮, A, Pre-B ... */
  round: z.string().trim().min(1).max(40).optional(),
  /** Percent of the company bought; only for equity-like instruments (checkInvestment). */
  equityShare: z.number().gt(0).max(100).optional(),
  /** Optional: when omitted it follows from investorKind (DEFAULT_INSTRUMENTS); `other` must give it. */
  instrument: InvestmentInstrument.optional(),
  /** The VC's equity amount a parallel investment follows; the cap is computed from it. */
  coInvestingVcAmount: Yuan.positive().optional(),
});

export const InvestmentFields = InvestmentShape.superRefine((v, ctx) => {
  if (!v.instrument && !DEFAULT_INSTRUMENTS[v.investorKind])
    ctx.addIssue({ code: 'custom', path: ['instrument'], message: 'required' });
}).transform((v) => ({ ...v, instrument: (v.instrument ?? DEFAULT_INSTRUMENTS[v.investorKind])! }));

export const InvestmentCreate = InvestmentFields.superRefine((v, ctx) => {
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
  incubatorId: z.uuid(),
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

/** investmentTotals() as it leaves the API. */
export const InvestmentTotalsOut = z.object({
  total: z.number().int(),
  byKind: z.object(
    Object.fromEntries(INVESTOR_KINDS.map((k) => [k, z.number().int()])) as Record<
      (typeof INVESTOR_KINDS)[number],
      z.ZodNumber
    >,
  ),
  incubatorInvestment: z.number().int(),
});
export type InvestmentTotalsOut = z.infer<typeof InvestmentTotalsOut>;

/** A tenancy's investments, oldest first, with their totals. */
export const TenantInvestments = z.object({
  items: z.array(Investment),
  totals: InvestmentTotalsOut,
});
export type TenantInvestments = z.infer<typeof TenantInvestments>;

export const InvestmentTotalsQuery = z.object({
  /** Only investments dated in this calendar year; all years when absent. */
  year: z.coerce.number().int().min(1987).max(2100).optional(),
});
export type InvestmentTotalsQuery = z.infer<typeof InvestmentTotalsQuery>;

/** Investments recorded under an incubator's tenancies; `incubatorInvestment` is its own fund's. */
export const IncubatorInvestmentTotals = InvestmentTotalsOut.extend({
  incubatorId: z.uuid(),
  year: z.number().int().nullable(),
  count: z.number().int(),
});
export type IncubatorInvestmentTotals = z.infer<typeof IncubatorInvestmentTotals>;
