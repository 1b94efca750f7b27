// IPO / 挂牌 listings. Graduates stay tracked, so their listings are recorded too.
import type { Listing, ListingCreate } from '@torch/shared';
import { lockManagedTenant } from '../../access';
import type { Db } from '../../db/client';
import { iso } from '../../db/iso';
import { conflict, notFound, unprocessable } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { insertUnderTenancy, requireRecordsKeptOn } from '../tenancy-records';
import { findTenant } from '../tenants/queries';
import * as q from './queries';

const toListing = (row: q.ListingRow): Listing => ({ ...row, createdAt: iso(row.createdAt) });

export async function listOfTenant(db: Db, caller: Caller, tenantId: string) {
  if (!(await findTenant(db, caller, tenantId))) throw notFound('Tenant');
  return { items: (await q.listingsOfTenant(db, tenantId)).map(toListing) };
}

export async function create(
  db: Db,
  caller: Caller,
  tenantId: string,
  body: ListingCreate,
): Promise<Listing> {
  const id = await db.transaction(async (tx) => {
    const tenant = await lockManagedTenant(tx, caller, tenantId);
    if (body.listedOn < tenant.foundedOn) {
      throw unprocessable('A company cannot be listed before it was founded', [
        { path: 'listedOn', message: 'listed_before_founded' },
      ]);
    }
    requireRecordsKeptOn(
      tenant,
      body.listedOn,
      'listedOn',
      'The tenant has exited; a listing after its exit is not this incubator’s record',
    );
    if (await q.tickerTaken(tx, body.exchange, body.ticker)) {
      throw conflict('This ticker is already recorded on this exchange', [
        { path: 'ticker', message: 'duplicate_listing' },
      ]);
    }
    return insertUnderTenancy(tx, caller, tenant, { entity: 'listing', body }, (values) =>
      q.insertListing(tx, values),
    );
  });
  return toListing((await q.findListing(db, id))!);
}
