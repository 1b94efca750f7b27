// What the reads of a tenancy's records (its reports, its investments) share: the tenancy as the
// outer row of one prepared statement, its records joined to it laterally, so that the tenancy's
// visibility and its records take one round trip. No row: the tenancy is not the caller's to see
// (404); one row whose records are null: a visible tenancy without any.
import { and, eq, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { incubators, tenants } from '../db/schema/index';
import type { Caller } from '../plugins/auth';
import { scopeReadsIncubators, tenantVisible } from '../scope';

/**
 * A dynamic select from `tenants` narrowed to the tenancy of the placeholder `tenantId`, if the
 * caller may see it; its records are joined after. `incubators` is joined only for a scope that
 * reads it (a province's): a visible tenancy's records are all visible.
 */
export function visibleTenancy<Query extends PgSelect>(query: Query, caller: Caller): Query {
  if (scopeReadsIncubators(caller)) query.innerJoin(incubators, eq(incubators.id, tenants.incubatorId));
  return query.where(and(eq(tenants.id, sql.placeholder('tenantId')), tenantVisible(caller)));
}

/** The records in a visible tenancy's rows (each row's `key`), none when its one row has null. */
export function recordsOf<Row, Key extends keyof Row>(rows: Row[], key: Key): NonNullable<Row[Key]>[] {
  const records: NonNullable<Row[Key]>[] = [];
  for (const row of rows) if (row[key]) records.push(row[key] as NonNullable<Row[Key]>);
  return records;
}
