// The one definition of "a company matches q": its name or English name contains q (any case), or
// its USCC starts with q. Shared by the tenant list and the national company search, so both find
// the same companies. Indexes (migration 0009): trigram GIN on both names, text_pattern_ops on USCC.
import { ilike, like, or, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { companies } from './db/schema/index';
import { likePattern } from './scope';

/** A USCC has only digits and capital letters; anything else can be no code's prefix. */
const USCC_PREFIX = /^[0-9A-Za-z]{1,18}$/;

/** The patterns for q: a substring of the names, and a USCC prefix when q could start one. */
export function searchPatterns(q: string): { name: string; uscc?: string } {
  return { name: likePattern(q), ...(USCC_PREFIX.test(q) ? { uscc: `${q.toUpperCase()}%` } : {}) };
}

/**
 * The match, from the patterns (or placeholders standing for them in a prepared statement). The
 * names are the national record's, or a tenancy's as its incubator recorded them (`names` = tenants);
 * the USCC is always the national identity's.
 */
export function companyMatches(
  name: string | SQLWrapper,
  uscc?: string | SQLWrapper,
  names: { name: AnyPgColumn; nameEn: AnyPgColumn } = companies,
): SQL {
  return or(
    ilike(names.name, name),
    ilike(names.nameEn, name),
    ...(uscc ? [like(companies.uscc, uscc)] : []),
  ) as SQL;
}
