// The incubator dashboard (KPI tiles and what needs attention) and a tenant's timeline.
import { z } from 'zod';
import { IsoDate } from './common';
import { Exchange, ExitReason, GraduationCriterion, InvestorKind } from './enums';

/** At most this many tenants are listed under a flag; `count` says how many there are. */
export const DASHBOARD_FLAG_ITEMS = 10;

const flagged = <T extends z.ZodType>(item: T) => z.object({ count: z.number().int(), items: z.array(item) });

export const IncubatorDashboard = z.object({
  incubatorId: z.uuid(),
  /** The civil date in China the figures are as of; "this year" is its year. */
  asOf: IsoDate,
  year: z.number().int(),
  kpis: z.object({
    incubating: z.number().int(),
    /** Cumulative: every tenancy of this incubator that graduated. */
    graduated: z.number().int(),
    /** Distinct companies with a listing recorded under this incubator. */
    listed: z.number().int(),
    /** Yuan invested into its tenants with a date in the current calendar year. */
    investmentThisYear: z.number().int(),
    /** Of which from the incubator's own or partner fund. */
    incubatorInvestmentThisYear: z.number().int(),
  }),
  flags: z.object({
    overdue: flagged(z.object({ id: z.uuid(), name: z.string(), incubationEndsOn: IsoDate })),
    admissionExceptions: flagged(
      z.object({ id: z.uuid(), name: z.string(), admittedOn: IsoDate, reason: z.string() }),
    ),
    pendingReviews: z.object({ count: z.number().int() }),
    /** Company edits that would move the incubation deadline, waiting for the manager (oldest first). */
    pendingChanges: flagged(z.object({ id: z.uuid(), name: z.string(), since: z.string() })),
  }),
});
export type IncubatorDashboard = z.infer<typeof IncubatorDashboard>;

const event = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ date: IsoDate, kind: z.literal(kind), ...shape });

const reportEvent = { reportId: z.uuid(), year: z.number().int() };

export const TimelineEvent = z.discriminatedUnion('kind', [
  event('admitted', { incubatorId: z.uuid(), incubatorName: z.string() }),
  event('investment', {
    investmentId: z.uuid(),
    investorKind: InvestorKind,
    investorName: z.string().nullable(),
    amount: z.number().int(),
    round: z.string().nullable(),
  }),
  event('listing', {
    listingId: z.uuid(),
    exchange: Exchange,
    ticker: z.string(),
    amountRaised: z.number().int(),
  }),
  event('report_submitted', reportEvent),
  event('report_approved', reportEvent),
  event('report_returned', { ...reportEvent, comment: z.string().nullable() }),
  event('mentoring_started', { mentorId: z.uuid(), mentorName: z.string() }),
  event('graduated', { criteria: z.array(GraduationCriterion) }),
  event('exited', { reason: ExitReason.nullable() }),
]);
export type TimelineEvent = z.infer<typeof TimelineEvent>;
export type TimelineKind = TimelineEvent['kind'];

export const TenantTimeline = z.object({
  tenantId: z.uuid(),
  /** Oldest first; events of one day in lifecycle order (admitted first, graduated or exited last). */
  events: z.array(TimelineEvent),
});
export type TenantTimeline = z.infer<typeof TenantTimeline>;
