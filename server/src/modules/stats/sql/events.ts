// Events: what each record contributes to the statistics, dated (docs/statistics.md). The
// stats_*_facts functions are the definitions, each written once; the row type and the sums over
// it are made from the indicator list.
import { each, INDICATOR_COLUMNS, isMoneyColumn } from './indicators';

const typeAttributes = `year int, incubator_id uuid, field text, ${each((c) => `${c} bigint`)}`;

/**
 * stats_event: one year's events of one incubator and company field (field '-' for the incubators
 * count), indicator columns in STATS_INDICATORS order. Recreated (with everything typed by it,
 * which the statements after this one create again) only when the indicator list changed.
 */
export const eventType = `DO $$
BEGIN
  IF (SELECT array_agg(attname::text ORDER BY attnum) FROM pg_attribute
      WHERE attrelid = to_regclass('stats_event') AND attnum > 0 AND NOT attisdropped)
     IS DISTINCT FROM ARRAY['year', 'incubator_id', 'field', ${INDICATOR_COLUMNS.map((c) => `'${c}'`).join(', ')}] THEN
    DROP TYPE IF EXISTS stats_event CASCADE;
    CREATE TYPE stats_event AS (${typeAttributes});
  END IF;
END;
$$`;

// One event row, indicators by name (the rest 0). Set-returning SQL so that, called in FROM, the
// planner inlines it with each argument once.
const statsRow = `CREATE OR REPLACE FUNCTION stats_row(
  p_year int, p_incubator uuid, p_field text, ${each((c) => `${c} bigint DEFAULT 0`)}
) RETURNS SETOF stats_event LANGUAGE sql IMMUTABLE AS $$
  SELECT p_year, p_incubator, p_field, ${INDICATOR_COLUMNS.join(', ')}
$$`;

// An incubator: +1 incubator when founded.
const incubatorFacts = `CREATE OR REPLACE FUNCTION stats_incubator_facts(i incubators, p_from date, p_last date)
RETURNS SETOF stats_event LANGUAGE sql STABLE AS $$
  SELECT r.*
  FROM stats_row(extract(year FROM i.founded_on)::int, i.id, '-', incubators => 1) AS r
  WHERE i.founded_on BETWEEN p_from AND p_last
$$`;

// A tenancy: admitted (+1 incubating, unless it left first); graduated (+1 graduate) and exited;
// whichever of those two came first is when it left (-1 incubating, if after its admission).
const tenancyFacts = `CREATE OR REPLACE FUNCTION stats_tenancy_facts(t tenants, p_field text, p_from date, p_last date)
RETURNS SETOF stats_event LANGUAGE sql STABLE AS $$
  SELECT r.*
  FROM stats_row(extract(year FROM t.admitted_on)::int, t.incubator_id, p_field, tenants_admitted => 1,
         tenants_incubating => CASE WHEN least(t.graduated_on, t.exited_on) <= t.admitted_on THEN 0 ELSE 1 END) AS r
  WHERE t.admitted_on BETWEEN p_from AND p_last
  UNION ALL
  SELECT r.*
  FROM stats_row(extract(year FROM t.graduated_on)::int, t.incubator_id, p_field, tenants_graduated => 1,
         graduates_cumulative => 1,
         tenants_incubating => CASE WHEN t.graduated_on <= coalesce(t.exited_on, 'infinity')
                                         AND t.graduated_on > t.admitted_on THEN -1 ELSE 0 END) AS r
  WHERE t.graduated_on BETWEEN p_from AND p_last
  UNION ALL
  SELECT r.*
  FROM stats_row(extract(year FROM t.exited_on)::int, t.incubator_id, p_field, tenants_exited => 1,
         tenants_incubating => CASE WHEN t.exited_on < coalesce(t.graduated_on, 'infinity')
                                         AND t.exited_on > t.admitted_on THEN -1 ELSE 0 END) AS r
  WHERE t.exited_on BETWEEN p_from AND p_last
$$`;

// A company's first listing (earliest, then by id) is the one its listing counts under.
const firstListings = `CREATE OR REPLACE VIEW stats_first_listings AS
  SELECT DISTINCT ON (company_id) company_id, incubator_id, listed_on
  FROM listings
  ORDER BY company_id, listed_on, id`;

// A company's first listing: +1 listed company, under that listing's incubator.
const listingFacts = `CREATE OR REPLACE FUNCTION stats_listing_facts(l stats_company_listings, p_field text, p_from date, p_last date)
RETURNS SETOF stats_event LANGUAGE sql STABLE AS $$
  SELECT r.*
  FROM stats_row(extract(year FROM l.listed_on)::int, l.incubator_id, p_field, listings_cumulative => 1) AS r
  WHERE l.listed_on BETWEEN p_from AND p_last
$$`;

// An investment: its amount in the year it was made, in the total and under its investor kind.
const investmentFacts = `CREATE OR REPLACE FUNCTION stats_investment_facts(v investments, p_field text, p_from date, p_last date)
RETURNS SETOF stats_event LANGUAGE sql STABLE AS $$
  SELECT r.*
  FROM stats_row(extract(year FROM v.invested_on)::int, v.incubator_id, p_field,
         investment_total => v.amount,
         incubator_investment_total => CASE WHEN v.investor_kind = 'incubator_fund' THEN v.amount ELSE 0 END,
         investment_angel => CASE WHEN v.investor_kind = 'angel' THEN v.amount ELSE 0 END,
         investment_vc => CASE WHEN v.investor_kind = 'vc' THEN v.amount ELSE 0 END,
         investment_government_grant => CASE WHEN v.investor_kind = 'government_grant' THEN v.amount ELSE 0 END,
         investment_bank_loan => CASE WHEN v.investor_kind = 'bank_loan' THEN v.amount ELSE 0 END,
         investment_other => CASE WHEN v.investor_kind = 'other' THEN v.amount ELSE 0 END) AS r
  WHERE v.invested_on BETWEEN p_from AND p_last
$$`;

// An approved yearly report: its figures in its year (for an as-of date, the reports of its year).
const reportFacts = `CREATE OR REPLACE FUNCTION stats_report_facts(r reports, p_field text, p_from date, p_last date)
RETURNS SETOF stats_event LANGUAGE sql STABLE AS $$
  SELECT x.*
  FROM stats_row(r.year, r.incubator_id, p_field,
         reports_approved => 1,
         tenant_revenue => r.revenue,
         tenant_rd_spending => r.rd_spending,
         tenant_employees => r.employees,
         tenant_ip_applications => r.ip_applications,
         tenant_ip_granted => r.ip_granted,
         tenant_invention_patents => r.invention_patents) AS x
  WHERE r.status = 'approved' AND r.year BETWEEN extract(year FROM p_from) AND extract(year FROM p_last)
$$`;

/** The functions that define the events, by record: the test checks each indicator is in one. */
export const FACT_FUNCTIONS = [incubatorFacts, tenancyFacts, listingFacts, investmentFacts, reportFacts];

// The three-argument stats_facts of 0004, replaced by the one below (an overload with a defaulted
// fourth argument would make every three-argument call ambiguous). A no-op once dropped.
const oldFacts = 'DROP FUNCTION IF EXISTS stats_facts(date, date, uuid[])';

// Every record's events dated p_from..p_last, summed per (year, incubator, field): what the rebuild
// counts (all of them) and what reads for some incubators or an as-of date sum. p_incubators
// limits it to some incubators (NULL: all). p_flows_from skips the records whose events are flows
// only (investments, reports) before that date: a reader of year-end cells from a year Y on needs
// no flow of an earlier year, and those records are most of an incubator's rows. The extra WHERE
// terms only skip records with no event in the window early.
const facts = `CREATE OR REPLACE FUNCTION stats_facts(p_from date, p_last date, p_incubators uuid[] DEFAULT NULL,
  p_flows_from date DEFAULT '-infinity')
RETURNS SETOF stats_event LANGUAGE sql STABLE AS $$
  SELECT f.year, f.incubator_id, f.field,
    ${each((c) => (isMoneyColumn(c) ? `sum(f.${c})::bigint` : `sum(f.${c}::int)::bigint`))}
  FROM (
    SELECT x.* FROM incubators i, stats_incubator_facts(i, p_from, p_last) x
    WHERE p_incubators IS NULL OR i.id = ANY (p_incubators)
    UNION ALL
    SELECT x.* FROM tenants t JOIN companies c ON c.id = t.company_id, stats_tenancy_facts(t, c.field, p_from, p_last) x
    WHERE (p_incubators IS NULL OR t.incubator_id = ANY (p_incubators))
      -- A date in the window: for a few incubators and one year (an as-of read) three index ranges
      -- (tenants_incubator_admitted_idx, tenants_incubator_graduated_idx, _exited_idx), not all
      -- their tenancies of every year.
      AND (t.admitted_on BETWEEN p_from AND p_last OR t.graduated_on BETWEEN p_from AND p_last
           OR t.exited_on BETWEEN p_from AND p_last)
    UNION ALL
    SELECT x.* FROM stats_first_listings l JOIN companies c ON c.id = l.company_id,
      stats_listing_facts(ROW(l.company_id, l.incubator_id, l.listed_on)::stats_company_listings, c.field, p_from, p_last) x
    WHERE p_incubators IS NULL OR l.incubator_id = ANY (p_incubators)
    UNION ALL
    SELECT x.* FROM investments v JOIN companies c ON c.id = v.company_id, stats_investment_facts(v, c.field, p_from, p_last) x
    WHERE (p_incubators IS NULL OR v.incubator_id = ANY (p_incubators))
      AND v.invested_on BETWEEN greatest(p_from, p_flows_from) AND p_last
    UNION ALL
    SELECT x.* FROM reports r JOIN companies c ON c.id = r.company_id, stats_report_facts(r, c.field, p_from, p_last) x
    WHERE (p_incubators IS NULL OR r.incubator_id = ANY (p_incubators)) AND r.status = 'approved'
      AND r.year BETWEEN extract(year FROM p_from) AND extract(year FROM p_last)
      -- An int bound (infinite years clamped), so that reports_incubator_year_idx can find a year's.
      AND r.year >= greatest(extract(year FROM p_flows_from), -1e6)::int
  ) f
  GROUP BY f.year, f.incubator_id, f.field
$$`;

export const EVENT_STATEMENTS = [eventType, statsRow, firstListings, ...FACT_FUNCTIONS, oldFacts, facts];
