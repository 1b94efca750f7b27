// What each caller may see (SPEC §1), as SQL conditions every scoped query ANDs in.
// Anything outside them does not exist for the caller: the services answer 404.
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { auditLog, incubators, tenants } from './db/schema/index';
import { ALL_SCOPES, NO_SCOPE, type ScopeSetting } from './db/scoped-client';
import type { Caller } from './plugins/auth';

const NOTHING = sql`false`;

/**
 * Incubators the caller may read — or, given the column that names a record's incubator, the
 * records of those incubators (`incubators` joined for province callers). Tenant users read their
 * company, not incubators.
 */
export function incubatorVisible(caller: Caller, incubatorId: AnyPgColumn = incubators.id): SQL | undefined {
  switch (caller.role) {
    case 'national':
      return undefined;
    case 'province':
      return caller.provinceCode ? eq(incubators.provinceCode, caller.provinceCode) : NOTHING;
    case 'incubator_manager':
      return caller.incubatorIds.length ? inArray(incubatorId, caller.incubatorIds) : NOTHING;
    case 'tenant':
      return NOTHING;
  }
}

/**
 * Records that belong to a company in an incubator (tenancies, reports, …): national all, a
 * province its incubators' (needs `incubators` joined), a manager its incubators', a company its own.
 */
export function companyRecordVisible(
  caller: Caller,
  record: { incubatorId: AnyPgColumn; companyId: AnyPgColumn },
): SQL | undefined {
  // A company its own records; everyone else the records of the incubators it sees.
  if (caller.role === 'tenant') return caller.companyId ? eq(record.companyId, caller.companyId) : NOTHING;
  return incubatorVisible(caller, record.incubatorId);
}

/**
 * Whether the caller's visibility condition reads `incubators` (a province's incubators): a
 * statement that needs the table for nothing else joins it only then.
 */
export function scopeReadsIncubators(caller: Caller): boolean {
  return caller.role === 'province';
}

/** Tenancies the caller may read. Needs `incubators` joined for province callers. */
export function tenantVisible(caller: Caller): SQL | undefined {
  return companyRecordVisible(caller, tenants);
}

/** Audit rows: national all, a manager its incubators'. Other roles never reach the audit log. */
export function auditVisible(caller: Caller): SQL | undefined {
  if (caller.role === 'national') return undefined;
  return caller.incubatorIds.length ? inArray(auditLog.incubatorId, caller.incubatorIds) : NOTHING;
}

/**
 * Whose statistics the caller may see, as the cells' filters: a province user its province, a
 * manager its incubators, national everything (nulls). Statistics are incubatorVisible's rows
 * summed: the same reach, said for the cube (whose cells carry provinces, not incubator ids).
 */
export function statsReach(caller: Caller): { province: string | null; incubatorIds: string[] | null } {
  switch (caller.role) {
    case 'national':
      return { province: null, incubatorIds: null };
    case 'province':
      return { province: caller.provinceCode, incubatorIds: caller.provinceCode ? null : [] };
    case 'incubator_manager':
      return { province: null, incubatorIds: caller.incubatorIds };
    case 'tenant':
      return { province: null, incubatorIds: [] };
  }
}

/** Whether the caller manages this incubator (the right to write its records). */
export function manages(caller: Caller, incubatorId: string): boolean {
  return caller.role === 'incubator_manager' && caller.incubatorIds.includes(incubatorId);
}

/**
 * The same reach as incubatorVisible / companyRecordVisible, said to the database: the setting the
 * row-level security policies read (drizzle/0017). Ids come from the session, never from input.
 */
export function scopeSetting(caller: Caller): ScopeSetting {
  switch (caller.role) {
    case 'national':
      return ALL_SCOPES;
    case 'province':
      return caller.provinceCode ? `province:${caller.provinceCode}` : NO_SCOPE;
    case 'incubator_manager':
      return caller.incubatorIds.length ? `incubators:{${caller.incubatorIds.join(',')}}` : NO_SCOPE;
    case 'tenant':
      return caller.companyId ? `company:${caller.companyId}` : NO_SCOPE;
  }
}

/** The caller's scope as a key: statements prepared once per shape embed it (db/prepared.ts). */
export function scopeKey(caller: Caller): string {
  return [caller.role, caller.provinceCode, caller.companyId, ...caller.incubatorIds].join(',');
}

/** `%` and `_` typed by a user are letters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
