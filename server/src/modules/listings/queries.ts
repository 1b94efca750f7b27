import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { listings } from '../../db/schema/index';
import { acrossScopes } from '../../db/scoped-client';

export const listingColumns = {
  id: listings.id,
  tenantId: listings.tenantId,
  companyId: listings.companyId,
  incubatorId: listings.incubatorId,
  exchange: listings.exchange,
  ticker: listings.ticker,
  listedOn: listings.listedOn,
  amountRaised: listings.amountRaised,
  version: listings.version,
  createdAt: listings.createdAt,
};

export type ListingRow = Awaited<ReturnType<typeof listingsOfTenant>>[number];

/** The listings recorded under one tenancy (the caller's scope was checked on the tenancy). */
export async function listingsOfTenant(db: DbOrTx, tenantId: string) {
  return db
    .select(listingColumns)
    .from(listings)
    .where(eq(listings.tenantId, tenantId))
    .orderBy(asc(listings.listedOn), asc(listings.id));
}

export async function findListing(db: DbOrTx, id: string) {
  const [row] = await db.select(listingColumns).from(listings).where(eq(listings.id, id));
  return row;
}

/** A ticker names one security on one exchange, whichever company recorded it. */
export async function tickerTaken(db: DbOrTx, exchange: ListingRow['exchange'], ticker: string) {
  const [row] = await acrossScopes(async () =>
    db
      .select({ id: listings.id })
      .from(listings)
      .where(and(eq(listings.exchange, exchange), eq(listings.ticker, ticker))),
  );
  return Boolean(row);
}

export async function insertListing(db: DbOrTx, values: typeof listings.$inferInsert) {
  const [row] = await db.insert(listings).values(values).returning({ id: listings.id });
  return row!.id;
}
