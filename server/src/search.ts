// The one definition of "a company matches q": its name or English name contains q (any case), or
// its USCC starts with q. Shared by the tenant list and the national company search, so both find
// the same companies. Indexes (migration 0009): trigram GIN on both names, text_pattern_ops on USCC;
// an incubator's tenancies with their names in tenants_incubator_admitted_idx (migration 0015); the
// national record's name bigrams (migration 0016) for two-character queries.
import { and, ilike, like, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import { companies } from './db/schema/index';
import { likePattern } from './scope';

/** A USCC has only digits and capital letters; anything else can be no code's prefix. */
const USCC_PREFIX = /^[0-9A-Za-z]{1,18}$/;

export interface SearchPatterns {
  /** q itself: a short q's bigrams narrow a search of the national record (nameBigrams below). */
  text: string;
  /** q is shorter than a trigram (two characters): the trigram indexes cannot narrow it. */
  short: boolean;
  /** A substring of the names. */
  name: string;
  /** A USCC prefix, when q could start one. */
  uscc?: string;
  /**
   * q has a character with case, so the names are compared case-insensitively (ILIKE). Without one
   * (Chinese, digits, punctuation) LIKE finds exactly the same names: ILIKE lower()s both sides, and
   * lower() leaves a character without case as it is and turns no other character into one. LIKE
   * saves lower()ing every name, which under a non-C ctype (C.UTF-8) is most of a scan's cost.
   */
  cased: boolean;
}

/** A character with case: one that upper- or lower-casing changes (`ß` → `SS` counts). */
const hasCase = (q: string) => q.toLowerCase() !== q || q.toUpperCase() !== q;

/** The patterns for q. */
export function searchPatterns(q: string): SearchPatterns {
  return {
    text: q,
    short: [...q].length < 3,
    name: likePattern(q),
    ...(USCC_PREFIX.test(q) ? { uscc: `${q.toUpperCase()}%` } : {}),
    cased: hasCase(q),
  };
}

/** Names to match: the national record's, or a tenancy's as its incubator recorded them. */
interface Names {
  name: AnyPgColumn;
  nameEn: AnyPgColumn;
  /** The tenancy's company, whose USCC is matched; absent for the national record itself. */
  companyId?: AnyPgColumn;
}

// The companies a USCC prefix picks, for a tenancy's match (its own name, its company's USCC).
// (Interpolated, an alias renders as its name alone, so the FROM item is spelt out.)
const BY_USCC = 'by_uscc';
const byUscc = alias(companies, BY_USCC);

/**
 * The match, from the patterns (or placeholders standing for them in a prepared statement; `cased`
 * is then part of the statement's shape). A tenancy's USCC prefix is `company_id in (the companies
 * with that prefix)`: the prefix index finds those few companies once, where an OR across a join
 * to companies probed the company of every tenancy in the incubator (~3,300 for Wuhan East Lake).
 */
export function companyMatches(
  patterns: {
    name: string | SQLWrapper;
    uscc?: string | SQLWrapper | undefined;
    cased: boolean;
    /** A short q itself (SearchPatterns.short), to search the national record's names by bigrams. */
    shortText?: string | SQLWrapper | undefined;
  },
  names: Names = companies,
): SQL {
  const contains = patterns.cased ? ilike : like;
  const usccMatch = (uscc: string | SQLWrapper) =>
    names.companyId
      ? sql`${names.companyId} in (select ${byUscc.id} from ${companies} as ${sql.identifier(BY_USCC)} where ${like(byUscc.uscc, uscc)})`
      : like(companies.uscc, uscc);
  const named =
    patterns.shortText !== undefined && names === companies
      ? shortNameMatch(patterns.shortText, patterns.cased)
      : (or(contains(names.name, patterns.name), contains(names.nameEn, patterns.name)) as SQL);
  return or(named, ...(patterns.uscc ? [usccMatch(patterns.uscc)] : [])) as SQL;
}

/**
 * A short q in the national record's names. A name containing q in any case has every bigram of
 * q: the condition the GIN index companies_name_bigram_idx (migration 0016) answers, spelt as it is
 * built. The test is then ILIKE's own (PostgreSQL's ILIKE lower()s both sides and finds q's text),
 * written as strpos so that no trigram index can take it: a two-character pattern has no trigram,
 * and a prepared statement's generic plan, not knowing the pattern, chose the trigram indexes, whose
 * whole posting lists it then read (every company, seconds per call, measured at scale 1). A q
 * without case is found as it is (as LIKE for ILIKE above): lower()ing the ~1,000 names a bigram
 * picks at scale 10 was a tenth of the statement's time.
 */
function shortNameMatch(text: string | SQLWrapper, cased: boolean): SQL {
  const inAnyCase = (column: AnyPgColumn) =>
    cased ? sql`strpos(lower(${column}), lower(${text})) > 0` : sql`strpos(${column}, ${text}) > 0`;
  return and(
    sql`name_bigrams(${companies.name} || ' ' || coalesce(${companies.nameEn}, '')) @> name_bigrams(${text})`,
    or(inAnyCase(companies.name), inAnyCase(companies.nameEn)),
  ) as SQL;
}
