// A tenancy's story in date order: admission, money, listings, reports, mentoring, its end.
import {
  type GraduationCriterion,
  type TenantTimeline,
  type TimelineEvent,
  type TimelineKind,
  todayInChina,
} from '@torch/shared';
import type { Db } from '../../db/client';
import { notFound } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { findTenant } from './queries';
import * as q from './timeline-queries';

/**
 * Within one day, the order things happen in a tenancy's life. Report events share a rank and
 * keep the order of their timestamps, so a return and a resubmission on one day stay in order.
 */
const RANK: Record<TimelineKind, number> = {
  admitted: 0,
  mentoring_started: 1,
  investment: 2,
  listing: 3,
  report_submitted: 4,
  report_returned: 4,
  report_approved: 4,
  graduated: 5,
  exited: 6,
};

/** An event and, for those that have one, the instant it happened (to order within a day). */
interface Dated {
  event: TimelineEvent;
  at?: number;
}

/** A timestamp's civil date in China, where the records' dates live. */
const chinaDate = (timestamp: string) => todayInChina(new Date(timestamp));

type ReportRow = Awaited<ReturnType<typeof q.reportsOf>>[number];
type Transition = Awaited<ReturnType<typeof q.reportTransitions>>[number];

/**
 * Report events come from the audit log, which keeps every round of submit and return. Reports
 * loaded without one (imports, the demo dataset) fall back to the dates on the report itself.
 */
function reportEvents(report: ReportRow, transitions: Transition[]): Dated[] {
  const base = { reportId: report.id, year: report.year };
  const dated = (timestamp: string, make: (date: string) => TimelineEvent): Dated => ({
    event: make(chinaDate(timestamp)),
    at: Date.parse(timestamp),
  });
  if (transitions.length) {
    return transitions.map((t) => {
      if (t.action === 'report.submit')
        return dated(t.at, (date) => ({ date, kind: 'report_submitted', ...base }));
      if (t.action === 'report.approve')
        return dated(t.at, (date) => ({ date, kind: 'report_approved', ...base }));
      const comment = (t.after as { reviewComment?: string | null } | null)?.reviewComment ?? null;
      return dated(t.at, (date) => ({ date, kind: 'report_returned', ...base, comment }));
    });
  }
  const events: Dated[] = [];
  if (report.submittedAt)
    events.push(dated(report.submittedAt, (date) => ({ date, kind: 'report_submitted', ...base })));
  if (report.reviewedAt && report.status === 'approved') {
    events.push(dated(report.reviewedAt, (date) => ({ date, kind: 'report_approved', ...base })));
  }
  if (report.reviewedAt && report.status === 'returned') {
    events.push(
      dated(report.reviewedAt, (date) => ({
        date,
        kind: 'report_returned',
        ...base,
        comment: report.reviewComment,
      })),
    );
  }
  return events;
}

export async function timeline(db: Db, caller: Caller, tenantId: string): Promise<TenantTimeline> {
  const tenant = await findTenant(db, caller, tenantId);
  if (!tenant) throw notFound('Tenant');
  const [money, listed, mentorings, reports] = await Promise.all([
    q.investmentsOf(db, tenantId),
    q.listingsOf(db, tenantId),
    q.mentoringsOf(db, tenantId),
    q.reportsOf(db, tenantId),
  ]);
  const transitions = await q.reportTransitions(
    db,
    reports.map((r) => r.id),
  );

  const plain = (event: TimelineEvent): Dated => ({ event });
  const events: Dated[] = [
    plain({
      date: tenant.admittedOn,
      kind: 'admitted',
      incubatorId: tenant.incubatorId,
      incubatorName: tenant.incubatorName,
    }),
    ...money.map(({ id, investedOn, ...rest }) =>
      plain({ date: investedOn, kind: 'investment', investmentId: id, ...rest }),
    ),
    ...listed.map(({ id, listedOn, ...rest }) =>
      plain({ date: listedOn, kind: 'listing', listingId: id, ...rest }),
    ),
    ...mentorings.map(({ startedOn, ...rest }) =>
      plain({ date: startedOn, kind: 'mentoring_started', ...rest }),
    ),
    ...reports.flatMap((r) =>
      reportEvents(
        r,
        transitions.filter((t) => t.reportId === r.id),
      ),
    ),
  ];
  if (tenant.graduatedOn) {
    const criteria = tenant.graduationCriteria as GraduationCriterion[];
    events.push(plain({ date: tenant.graduatedOn, kind: 'graduated', criteria }));
  }
  if (tenant.exitedOn)
    events.push(plain({ date: tenant.exitedOn, kind: 'exited', reason: tenant.exitReason ?? null }));

  // Array.prototype.sort is stable: events that tie keep their query order.
  events.sort(
    (a, b) =>
      a.event.date.localeCompare(b.event.date) ||
      RANK[a.event.kind] - RANK[b.event.kind] ||
      (a.at ?? 0) - (b.at ?? 0),
  );
  return { tenantId, events: events.map((d) => d.event) };
}
