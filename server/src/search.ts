// The one definition of "a company matches q": its name or English name contains q (any case), or
// its USCC starts with q. Shared by the tenant list and the national company search, so both find
// the same companies. Indexes (migration 0009): trigram GIN on both names, text_pattern_ops on USCC.
import { ilike, like, or, type SQL } from 'drizzle-orm';
import { companies } from './db/schema/index';
import { likePattern } from './scope';

/** A USCC has only digits and capital letters; anything else can be no code's prefix. */
const USCC_PREFIX = /^[0-9A-Za-z]{1,18}$/;

export function companyMatches(q: string): SQL {
  const name = likePattern(q);
  return or(
    ilike(companies.name, name),
    ilike(companies.nameEn, name),
    ...(USCC_PREFIX.test(q) ? [like(companies.uscc, `${q.toUpperCase()}%`)] : []),
  ) as SQL;
}
