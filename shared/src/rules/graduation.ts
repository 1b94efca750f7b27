// Graduation criteria, MOST 2018 (科技企业孵化器管理办法, 国科发区〔2018〕300号): any one suffices.
// The system proves what the records can prove; a claim the records cannot prove is still
// accepted with an evidence note, and is then stored as unverified (SPEC §3, Graduation).
import type { Exchange, GraduationCriterion, InvestorKind, TenantStatus } from '../schemas/enums';
import { todayInChina, yearOf } from './dates';

/** Cumulative angel + VC investment must be strictly over this (超过500万元). */
export const GRADUATION_INVESTMENT_THRESHOLD = 5_000_000;
/** Two consecutive years' revenue must total strictly over this (连续2年营业收入累计超过1000万元). */
export const GRADUATION_REVENUE_THRESHOLD = 10_000_000;
export const GRADUATION_EVIDENCE_MIN_LENGTH = 10;

// Only outside risk capital counts: the rule is about the market's verdict on the company, so
// grants, loans and the incubator's own fund do not.
const COUNTED_INVESTORS: ReadonlySet<InvestorKind> = new Set<InvestorKind>(['angel', 'vc']);

export interface GraduationInput {
  /** The graduation date: every record must be dated on or before it to count. */
  asOf: string;
  highTechCertifiedOn: string | null;
  investments: readonly { investorKind: InvestorKind; amount: number; investedOn: string }[];
  /** Revenue from approved yearly reports only; submitted or draft figures prove nothing. */
  approvedRevenues: readonly { year: number; revenue: number }[];
  listings: readonly { listedOn: string; exchange: Exchange }[];
  /** Set only when a record (an exit or investment marked merged) dates the acquisition. */
  acquiredOn?: string | null;
}

export interface CriterionResult {
  criterion: GraduationCriterion;
  proven: boolean;
  /** A stable machine code, e.g. `investment_total_5200000`; the web turns it into words. */
  reason: string;
  detail: Record<string, number | string>;
}

export function graduationEligibility(input: GraduationInput): CriterionResult[] {
  return [
    highTechEnterprise(input),
    investmentOver5m(input),
    revenue10mTwoYears(input),
    acquired(input),
    listed(input),
  ];
}

function highTechEnterprise({ asOf, highTechCertifiedOn }: GraduationInput): CriterionResult {
  const criterion = 'high_tech_enterprise';
  if (!highTechCertifiedOn) return { criterion, proven: false, reason: 'not_certified', detail: {} };
  const proven = highTechCertifiedOn <= asOf;
  return {
    criterion,
    proven,
    reason: proven ? 'certified' : 'certified_after_date',
    detail: { certifiedOn: highTechCertifiedOn },
  };
}

function investmentOver5m({ asOf, investments }: GraduationInput): CriterionResult {
  let total = 0;
  for (const inv of investments) {
    if (COUNTED_INVESTORS.has(inv.investorKind) && inv.investedOn <= asOf) total += inv.amount;
  }
  return {
    criterion: 'investment_over_5m',
    proven: total > GRADUATION_INVESTMENT_THRESHOLD,
    reason: `investment_total_${total}`,
    detail: { total, threshold: GRADUATION_INVESTMENT_THRESHOLD },
  };
}

/**
 * Only calendar years that ended before the graduation date count: a year's revenue is not
 * known until the year is over. The best consecutive pair is reported even when it falls short,
 * so the manager sees how close the company is.
 */
function revenue10mTwoYears({ asOf, approvedRevenues }: GraduationInput): CriterionResult {
  const criterion = 'revenue_10m_two_years';
  const lastClosedYear = yearOf(asOf) - 1;
  const byYear = new Map<number, number>();
  for (const { year, revenue } of approvedRevenues) {
    if (year <= lastClosedYear) byYear.set(year, (byYear.get(year) ?? 0) + revenue);
  }
  let best: { firstYear: number; total: number } | null = null;
  for (const [year, revenue] of byYear) {
    const next = byYear.get(year + 1);
    if (next === undefined) continue;
    const total = revenue + next;
    if (!best || total > best.total || (total === best.total && year < best.firstYear)) {
      best = { firstYear: year, total };
    }
  }
  if (!best) return { criterion, proven: false, reason: 'no_consecutive_years', detail: {} };
  return {
    criterion,
    proven: best.total > GRADUATION_REVENUE_THRESHOLD,
    reason: `revenue_${best.firstYear}_${best.firstYear + 1}_${best.total}`,
    detail: {
      firstYear: best.firstYear,
      secondYear: best.firstYear + 1,
      total: best.total,
      threshold: GRADUATION_REVENUE_THRESHOLD,
    },
  };
}

function acquired({ asOf, acquiredOn }: GraduationInput): CriterionResult {
  const criterion = 'acquired';
  if (!acquiredOn) return { criterion, proven: false, reason: 'no_acquisition_record', detail: {} };
  const proven = acquiredOn <= asOf;
  return {
    criterion,
    proven,
    reason: proven ? 'acquisition_on_record' : 'acquired_after_date',
    detail: { acquiredOn },
  };
}

function listed({ asOf, listings }: GraduationInput): CriterionResult {
  const criterion = 'listed';
  const before = listings
    .filter((l) => l.listedOn <= asOf)
    .sort((a, b) => a.listedOn.localeCompare(b.listedOn));
  const first = before[0];
  if (!first) return { criterion, proven: false, reason: 'no_listing', detail: {} };
  return {
    criterion,
    proven: true,
    reason: `listed_${first.exchange}`,
    detail: { listedOn: first.listedOn, listings: before.length },
  };
}

export type GraduationCheck =
  | { ok: true; verified: GraduationCriterion[]; unverified: GraduationCriterion[] }
  | { ok: false; code: 'not_incubating' | 'in_future' | 'before_admission' | 'no_criteria' }
  | { ok: false; code: 'evidence_required'; unproven: GraduationCriterion[] };

export interface GraduationRequest {
  admittedOn: string;
  status: TenantStatus;
  graduatedOn: string;
  claimed: readonly GraduationCriterion[];
  evidence?: string | null;
  /** graduationEligibility computed with `asOf` = graduatedOn. */
  eligibility: readonly CriterionResult[];
  today?: string;
}

/** Whether a graduation may be recorded, and which of its claimed criteria the records prove. */
export function checkGraduation(req: GraduationRequest): GraduationCheck {
  if (req.status !== 'incubating') return { ok: false, code: 'not_incubating' };
  if (req.graduatedOn > (req.today ?? todayInChina())) return { ok: false, code: 'in_future' };
  if (req.graduatedOn < req.admittedOn) return { ok: false, code: 'before_admission' };
  const claimed = [...new Set(req.claimed)];
  if (claimed.length === 0) return { ok: false, code: 'no_criteria' };

  const proven = new Set(req.eligibility.filter((e) => e.proven).map((e) => e.criterion));
  const verified = claimed.filter((c) => proven.has(c));
  const unverified = claimed.filter((c) => !proven.has(c));
  if (unverified.length > 0 && (req.evidence?.trim().length ?? 0) < GRADUATION_EVIDENCE_MIN_LENGTH) {
    return { ok: false, code: 'evidence_required', unproven: unverified };
  }
  return { ok: true, verified, unverified };
}
