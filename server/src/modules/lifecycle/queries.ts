// The records graduation criteria are judged on.
import { and, asc, eq, min } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { companies, investments, listings, reports, tenants } from '../../db/schema/index';
import { acrossScopes } from '../../db/scoped-client';

/**
 * Everything about the company that can prove a criterion. Criteria are about the company, not
 * one stay, so records from every tenancy count. Callers reach this only through a scoped
 * tenant lookup; the result is a verdict, never the other incubator's rows themselves (so it
 * reads across scopes).
 */
export function graduationRecords(db: DbOrTx, companyId: string) {
  return acrossScopes(() => graduationRecordsOf(db, companyId));
}

async function graduationRecordsOf(db: DbOrTx, companyId: string) {
  const [company] = await db
    .select({ highTechCertifiedOn: companies.highTechCertifiedOn })
    .from(companies)
    .where(eq(companies.id, companyId));
  const money = await db
    .select({
      investorKind: investments.investorKind,
      amount: investments.amount,
      investedOn: investments.investedOn,
    })
    .from(investments)
    .where(eq(investments.companyId, companyId));
  const approvedRevenues = await db
    .select({ year: reports.year, revenue: reports.revenue })
    .from(reports)
    .where(and(eq(reports.companyId, companyId), eq(reports.status, 'approved')))
    .orderBy(asc(reports.year));
  const listed = await db
    .select({ listedOn: listings.listedOn, exchange: listings.exchange })
    .from(listings)
    .where(eq(listings.companyId, companyId));
  // A stay that ended because the company was merged into or bought by another dates the acquisition.
  const [merger] = await db
    .select({ on: min(tenants.exitedOn) })
    .from(tenants)
    .where(and(eq(tenants.companyId, companyId), eq(tenants.exitReason, 'merged')));
  return {
    highTechCertifiedOn: company?.highTechCertifiedOn ?? null,
    investments: money,
    approvedRevenues,
    listings: listed,
    acquiredOn: merger?.on ?? null,
  };
}

/** The graduation fields the Tenant resource does not carry. */
export async function recordedGraduation(db: DbOrTx, tenantId: string) {
  const [row] = await db
    .select({
      graduatedOn: tenants.graduatedOn,
      criteria: tenants.graduationCriteria,
      unverifiedCriteria: tenants.unverifiedCriteria,
      evidence: tenants.graduationEvidence,
    })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return row;
}
