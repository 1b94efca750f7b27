// What happened to one tenancy, from the records kept under it (scope was checked on the tenancy).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditLog, investments, listings, mentors, mentorships, reports } from '../../db/schema/index';
import { acrossScopes } from '../../db/scoped-client';

export const REPORT_ACTIONS = ['report.submit', 'report.approve', 'report.return'] as const;

export function investmentsOf(db: DbOrTx, tenantId: string) {
  return db
    .select({
      id: investments.id,
      investedOn: investments.investedOn,
      investorKind: investments.investorKind,
      investorName: investments.investorName,
      amount: investments.amount,
      round: investments.round,
    })
    .from(investments)
    .where(eq(investments.tenantId, tenantId));
}

export function listingsOf(db: DbOrTx, tenantId: string) {
  return db
    .select({
      id: listings.id,
      listedOn: listings.listedOn,
      exchange: listings.exchange,
      ticker: listings.ticker,
      amountRaised: listings.amountRaised,
    })
    .from(listings)
    .where(eq(listings.tenantId, tenantId));
}

export function mentoringsOf(db: DbOrTx, tenantId: string) {
  return db
    .select({ mentorId: mentors.id, mentorName: mentors.name, startedOn: mentorships.startedOn })
    .from(mentorships)
    .innerJoin(mentors, eq(mentors.id, mentorships.mentorId))
    .where(eq(mentorships.tenantId, tenantId));
}

export function reportsOf(db: DbOrTx, tenantId: string) {
  return db
    .select({
      id: reports.id,
      year: reports.year,
      status: reports.status,
      reviewComment: reports.reviewComment,
      submittedAt: reports.submittedAt,
      reviewedAt: reports.reviewedAt,
    })
    .from(reports)
    .where(eq(reports.tenantId, tenantId));
}

/**
 * Every submission and review of these reports, oldest first: a report may go round several times.
 * The reports are the tenancy's, found in the caller's scope; their audit rows are read across
 * scopes because the audit log is an incubator's (a company reads its own reports' rounds only here).
 */
export async function reportTransitions(db: DbOrTx, reportIds: string[]) {
  if (!reportIds.length) return [];
  return acrossScopes(async () =>
    db
      .select({
        reportId: auditLog.entityId,
        action: auditLog.action,
        at: auditLog.at,
        after: auditLog.after,
      })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'report'),
          inArray(auditLog.entityId, reportIds),
          inArray(auditLog.action, [...REPORT_ACTIONS]),
        ),
      )
      .orderBy(asc(auditLog.at), asc(auditLog.id)),
  );
}
