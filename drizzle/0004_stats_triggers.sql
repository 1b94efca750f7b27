-- National statistics kept exact in the same transaction as every write (docs/statistics.md).
--
-- Events. Every record contributes dated events: flows (admitted, graduated, exited, invested,
-- reported) and changes of stocks (incubators, tenants incubating, graduates, listed companies).
-- The stats_*_facts functions say which, once; they are the definitions. For example
--   incubating at d  <=>  admitted_on <= d and not (graduated_on <= d or exited_on <= d)
-- is +1 on admission and -1 on leaving (nothing at all if it left before it was admitted).
--
-- stats_cube (see its schema file) holds per year and cell the flows and the year-end stock levels
-- (running sums of the changes) through stats_state.horizon, >= every year any record mentions;
-- stats_cover(y) carries the levels into later years. Triggers turn each write into the events it
-- removes (OLD) and adds (NEW) and apply the net change; rebuild_stats() recomputes the cube from all
-- records; reads for one incubator or an as-of date inside a year sum stats_facts directly.

INSERT INTO "stats_state" ("id", "version", "horizon")
VALUES (1, 0, extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int);
--> statement-breakpoint

-- What the stats_*_facts functions return: one year's events of one incubator and company field
-- (field '-' for the incubators count), indicator columns in stats_cube's order.
CREATE TYPE stats_event AS (
  year int, incubator_id uuid, field text,
  incubators bigint, tenants_incubating bigint, graduates_cumulative bigint,
  listings_cumulative bigint, tenants_admitted bigint, tenants_graduated bigint,
  tenants_exited bigint, investment_total bigint, incubator_investment_total bigint,
  investment_angel bigint, investment_vc bigint, investment_government_grant bigint,
  investment_bank_loan bigint, investment_other bigint, reports_approved bigint,
  tenant_revenue bigint, tenant_rd_spending bigint, tenant_employees bigint,
  tenant_ip_applications bigint, tenant_ip_granted bigint, tenant_invention_patents bigint
);
--> statement-breakpoint

-- One event row, indicators by name (the rest 0). Set-returning SQL so that, called in FROM, the
-- planner inlines it with each argument once.
CREATE FUNCTION stats_row(
  p_year int, p_incubator uuid, p_field text,
  incubators bigint DEFAULT 0, tenants_incubating bigint DEFAULT 0, graduates_cumulative bigint DEFAULT 0,
  listings_cumulative bigint DEFAULT 0, tenants_admitted bigint DEFAULT 0, tenants_graduated bigint DEFAULT 0,
  tenants_exited bigint DEFAULT 0, investment_total bigint DEFAULT 0, incubator_investment_total bigint DEFAULT 0,
  investment_angel bigint DEFAULT 0, investment_vc bigint DEFAULT 0, investment_government_grant bigint DEFAULT 0,
  investment_bank_loan bigint DEFAULT 0, investment_other bigint DEFAULT 0, reports_approved bigint DEFAULT 0,
  tenant_revenue bigint DEFAULT 0, tenant_rd_spending bigint DEFAULT 0, tenant_employees bigint DEFAULT 0,
  tenant_ip_applications bigint DEFAULT 0, tenant_ip_granted bigint DEFAULT 0, tenant_invention_patents bigint DEFAULT 0
) RETURNS SETOF stats_event LANGUAGE sql IMMUTABLE AS $$
  SELECT p_year, p_incubator, p_field,
    incubators, tenants_incubating, graduates_cumulative, listings_cumulative,
    tenants_admitted, tenants_graduated, tenants_exited, investment_total,
    incubator_investment_total, investment_angel, investment_vc, investment_government_grant,
    investment_bank_loan, investment_other, reports_approved, tenant_revenue,
    tenant_rd_spending, tenant_employees, tenant_ip_applications, tenant_ip_granted,
    tenant_invention_patents
$$;
--> statement-breakpoint

-- An incubator: +1 incubator when founded.
CREATE FUNCTION stats_incubator_facts(i incubators, p_from date, p_last date)
RETURNS SETOF stats_event LANGUAGE sql STABLE AS $$
  SELECT r.*
  FROM stats_row(extract(year FROM i.founded_on)::int, i.id, '-', incubators => 1) AS r
  WHERE i.founded_on BETWEEN p_from AND p_last
$$;
--> statement-breakpoint

-- A tenancy: admitted (+1 incubating, unless it left first); graduated (+1 graduate) and exited;
-- whichever of those two came first is when it left (-1 incubating, if after its admission).
CREATE FUNCTION stats_tenancy_facts(t tenants, p_field text, p_from date, p_last date)
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
$$;
--> statement-breakpoint

-- A company's first listing (earliest, then by id) is the one its listing counts under.
CREATE VIEW stats_first_listings AS
  SELECT DISTINCT ON (company_id) company_id, incubator_id, listed_on
  FROM listings
  ORDER BY company_id, listed_on, id;
--> statement-breakpoint

-- A company's first listing: +1 listed company, under that listing's incubator.
CREATE FUNCTION stats_listing_facts(l stats_company_listings, p_field text, p_from date, p_last date)
RETURNS SETOF stats_event LANGUAGE sql STABLE AS $$
  SELECT r.*
  FROM stats_row(extract(year FROM l.listed_on)::int, l.incubator_id, p_field, listings_cumulative => 1) AS r
  WHERE l.listed_on BETWEEN p_from AND p_last
$$;
--> statement-breakpoint

-- An investment: its amount in the year it was made, in the total and under its investor kind.
CREATE FUNCTION stats_investment_facts(v investments, p_field text, p_from date, p_last date)
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
$$;
--> statement-breakpoint

-- An approved yearly report: its figures in its year (for an as-of date, the reports of its year).
CREATE FUNCTION stats_report_facts(r reports, p_field text, p_from date, p_last date)
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
$$;
--> statement-breakpoint

-- Every record's events dated p_from..p_last, summed per (year, incubator, field): what the rebuild
-- counts (all of them) and what reads for some incubators or an as-of date sum. p_incubators
-- limits it to some incubators (NULL: all). The extra WHERE terms only skip records with no event
-- in the window early. Counts are summed as int (a by-value state, several times cheaper than
-- bigint's); only money needs bigint sums.
CREATE FUNCTION stats_facts(p_from date, p_last date, p_incubators uuid[] DEFAULT NULL)
RETURNS SETOF stats_event LANGUAGE sql STABLE AS $$
  SELECT f.year, f.incubator_id, f.field,
    sum(f.incubators::int)::bigint, sum(f.tenants_incubating::int)::bigint, sum(f.graduates_cumulative::int)::bigint,
    sum(f.listings_cumulative::int)::bigint, sum(f.tenants_admitted::int)::bigint, sum(f.tenants_graduated::int)::bigint,
    sum(f.tenants_exited::int)::bigint, sum(f.investment_total)::bigint, sum(f.incubator_investment_total)::bigint,
    sum(f.investment_angel)::bigint, sum(f.investment_vc)::bigint, sum(f.investment_government_grant)::bigint,
    sum(f.investment_bank_loan)::bigint, sum(f.investment_other)::bigint, sum(f.reports_approved::int)::bigint,
    sum(f.tenant_revenue)::bigint, sum(f.tenant_rd_spending)::bigint, sum(f.tenant_employees::int)::bigint,
    sum(f.tenant_ip_applications::int)::bigint, sum(f.tenant_ip_granted::int)::bigint, sum(f.tenant_invention_patents::int)::bigint
  FROM (
    SELECT x.* FROM incubators i, stats_incubator_facts(i, p_from, p_last) x
    WHERE p_incubators IS NULL OR i.id = ANY (p_incubators)
    UNION ALL
    SELECT x.* FROM tenants t JOIN companies c ON c.id = t.company_id, stats_tenancy_facts(t, c.field, p_from, p_last) x
    WHERE (p_incubators IS NULL OR t.incubator_id = ANY (p_incubators))
      AND greatest(t.admitted_on, t.graduated_on, t.exited_on) >= p_from
      AND least(t.admitted_on, t.graduated_on, t.exited_on) <= p_last
    UNION ALL
    SELECT x.* FROM stats_first_listings l JOIN companies c ON c.id = l.company_id,
      stats_listing_facts(ROW(l.company_id, l.incubator_id, l.listed_on)::stats_company_listings, c.field, p_from, p_last) x
    WHERE p_incubators IS NULL OR l.incubator_id = ANY (p_incubators)
    UNION ALL
    SELECT x.* FROM investments v JOIN companies c ON c.id = v.company_id, stats_investment_facts(v, c.field, p_from, p_last) x
    WHERE (p_incubators IS NULL OR v.incubator_id = ANY (p_incubators)) AND v.invested_on BETWEEN p_from AND p_last
    UNION ALL
    SELECT x.* FROM reports r JOIN companies c ON c.id = r.company_id, stats_report_facts(r, c.field, p_from, p_last) x
    WHERE (p_incubators IS NULL OR r.incubator_id = ANY (p_incubators)) AND r.status = 'approved'
      AND r.year BETWEEN extract(year FROM p_from) AND extract(year FROM p_last)
  ) f
  GROUP BY f.year, f.incubator_id, f.field
$$;
--> statement-breakpoint

-- Materialises the year-end stock levels through p_year: a later year starts at the horizon's
-- levels (no event is dated after the horizon, or the horizon would be there already).
CREATE FUNCTION stats_cover(p_year int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  h int;
BEGIN
  SELECT horizon INTO h FROM stats_state WHERE id = 1;
  IF p_year IS NULL OR p_year <= h THEN
    RETURN;
  END IF;
  UPDATE stats_state SET version = version + 1 WHERE id = 1 RETURNING horizon INTO h;
  IF p_year <= h THEN
    RETURN;
  END IF;
  INSERT INTO stats_cube (year, province_code, park_number, incubator_type, incubator_level, field,
                          incubators, tenants_incubating, graduates_cumulative, listings_cumulative)
  SELECT y, c.province_code, c.park_number, c.incubator_type, c.incubator_level, c.field,
         c.incubators, c.tenants_incubating, c.graduates_cumulative, c.listings_cumulative
  FROM stats_cube c, generate_series(h + 1, p_year) AS y
  WHERE c.year = h AND (c.incubators, c.tenants_incubating, c.graduates_cumulative, c.listings_cumulative) <> (0, 0, 0, 0);
  UPDATE stats_state SET horizon = p_year WHERE id = 1;
END;
$$;
--> statement-breakpoint

-- Adds events (times p_sign) to the cube: to the cell of their incubator's attributes (or of
-- p_as, an incubator's attributes before a change) and to its province's cell for their field.
-- Flows go to their year; stock changes to the levels of their year and every later year through
-- the horizon. p_events NULL means every record's events (the rebuild).
CREATE FUNCTION stats_cube_add(p_events stats_event[], p_sign int, p_as incubators DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  h int;
BEGIN
  PERFORM stats_cover((SELECT max(e.year) FROM unnest(p_events) e));
  SELECT horizon INTO h FROM stats_state WHERE id = 1;
  INSERT INTO stats_cube AS c
  WITH events AS (
    SELECT e.*, coalesce(p_as, i) AS inc
    FROM (SELECT * FROM unnest(p_events)
          UNION ALL
          -- No array (the rebuild): every record's events, without building an array of them.
          SELECT * FROM stats_facts('-infinity', 'infinity', NULL) WHERE p_events IS NULL) AS e
    LEFT JOIN incubators i ON i.id = e.incubator_id
  ), cells AS (
    -- Both granularities of each event's cell; d sums the changes per year.
    SELECT k.year, k.province_code, k.park_number, k.incubator_type, k.incubator_level, k.field,
      p_sign * sum(e.incubators) AS incubators, p_sign * sum(e.tenants_incubating) AS tenants_incubating,
      p_sign * sum(e.graduates_cumulative) AS graduates_cumulative, p_sign * sum(e.listings_cumulative) AS listings_cumulative,
      p_sign * sum(e.tenants_admitted) AS tenants_admitted, p_sign * sum(e.tenants_graduated) AS tenants_graduated,
      p_sign * sum(e.tenants_exited) AS tenants_exited, p_sign * sum(e.investment_total) AS investment_total,
      p_sign * sum(e.incubator_investment_total) AS incubator_investment_total, p_sign * sum(e.investment_angel) AS investment_angel,
      p_sign * sum(e.investment_vc) AS investment_vc, p_sign * sum(e.investment_government_grant) AS investment_government_grant,
      p_sign * sum(e.investment_bank_loan) AS investment_bank_loan, p_sign * sum(e.investment_other) AS investment_other,
      p_sign * sum(e.reports_approved) AS reports_approved, p_sign * sum(e.tenant_revenue) AS tenant_revenue,
      p_sign * sum(e.tenant_rd_spending) AS tenant_rd_spending, p_sign * sum(e.tenant_employees) AS tenant_employees,
      p_sign * sum(e.tenant_ip_applications) AS tenant_ip_applications, p_sign * sum(e.tenant_ip_granted) AS tenant_ip_granted,
      p_sign * sum(e.tenant_invention_patents) AS tenant_invention_patents
    FROM events e,
         LATERAL (VALUES
           (e.year, (e.inc).province_code, coalesce((e.inc).park_number, 0), (e.inc).type, (e.inc).level, '*'),
           (e.year, (e.inc).province_code, -1, '*', '*', e.field)
         ) AS k(year, province_code, park_number, incubator_type, incubator_level, field)
    GROUP BY 1, 2, 3, 4, 5, 6
  ), years AS (
    -- The years a cell changes: its events' years, and through the horizon when a stock moved.
    SELECT k.province_code, k.park_number, k.incubator_type, k.incubator_level, k.field, y AS year
    FROM (SELECT province_code, park_number, incubator_type, incubator_level, field, min(year) AS first_year,
                 CASE WHEN bool_or((incubators, tenants_incubating, graduates_cumulative, listings_cumulative) <> (0, 0, 0, 0)) THEN h ELSE max(year) END AS last_year
          FROM cells GROUP BY 1, 2, 3, 4, 5) AS k,
         generate_series(k.first_year, k.last_year) AS y
  )
  SELECT g.year, g.province_code, g.park_number, g.incubator_type, g.incubator_level, g.field,
    sum(coalesce(d.incubators, 0)) OVER w, sum(coalesce(d.tenants_incubating, 0)) OVER w,
    sum(coalesce(d.graduates_cumulative, 0)) OVER w, sum(coalesce(d.listings_cumulative, 0)) OVER w,
    coalesce(d.tenants_admitted, 0), coalesce(d.tenants_graduated, 0), coalesce(d.tenants_exited, 0),
    coalesce(d.investment_total, 0), coalesce(d.incubator_investment_total, 0), coalesce(d.investment_angel, 0),
    coalesce(d.investment_vc, 0), coalesce(d.investment_government_grant, 0), coalesce(d.investment_bank_loan, 0),
    coalesce(d.investment_other, 0), coalesce(d.reports_approved, 0), coalesce(d.tenant_revenue, 0),
    coalesce(d.tenant_rd_spending, 0), coalesce(d.tenant_employees, 0), coalesce(d.tenant_ip_applications, 0),
    coalesce(d.tenant_ip_granted, 0), coalesce(d.tenant_invention_patents, 0)
  FROM years g
  LEFT JOIN cells d USING (year, province_code, park_number, incubator_type, incubator_level, field)
  WINDOW w AS (PARTITION BY g.province_code, g.park_number, g.incubator_type, g.incubator_level, g.field ORDER BY g.year)
  ON CONFLICT (year, province_code, park_number, incubator_type, incubator_level, field) DO UPDATE SET
    incubators = c.incubators + excluded.incubators,
    tenants_incubating = c.tenants_incubating + excluded.tenants_incubating,
    graduates_cumulative = c.graduates_cumulative + excluded.graduates_cumulative,
    listings_cumulative = c.listings_cumulative + excluded.listings_cumulative,
    tenants_admitted = c.tenants_admitted + excluded.tenants_admitted,
    tenants_graduated = c.tenants_graduated + excluded.tenants_graduated,
    tenants_exited = c.tenants_exited + excluded.tenants_exited,
    investment_total = c.investment_total + excluded.investment_total,
    incubator_investment_total = c.incubator_investment_total + excluded.incubator_investment_total,
    investment_angel = c.investment_angel + excluded.investment_angel,
    investment_vc = c.investment_vc + excluded.investment_vc,
    investment_government_grant = c.investment_government_grant + excluded.investment_government_grant,
    investment_bank_loan = c.investment_bank_loan + excluded.investment_bank_loan,
    investment_other = c.investment_other + excluded.investment_other,
    reports_approved = c.reports_approved + excluded.reports_approved,
    tenant_revenue = c.tenant_revenue + excluded.tenant_revenue,
    tenant_rd_spending = c.tenant_rd_spending + excluded.tenant_rd_spending,
    tenant_employees = c.tenant_employees + excluded.tenant_employees,
    tenant_ip_applications = c.tenant_ip_applications + excluded.tenant_ip_applications,
    tenant_ip_granted = c.tenant_ip_granted + excluded.tenant_ip_granted,
    tenant_invention_patents = c.tenant_invention_patents + excluded.tenant_invention_patents;
END;
$$;
--> statement-breakpoint

-- Subtracts OLD's events and adds NEW's, netted per key; keys whose changes cancel out (a date
-- moved within its year) touch nothing.
CREATE FUNCTION stats_apply(p_old stats_event[], p_new stats_event[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  delta stats_event[];
BEGIN
  delta := array(
    SELECT n.e FROM (
      SELECT ROW(d.year, d.incubator_id, d.field,
        sum(d.sign * d.incubators)::bigint, sum(d.sign * d.tenants_incubating)::bigint,
        sum(d.sign * d.graduates_cumulative)::bigint, sum(d.sign * d.listings_cumulative)::bigint,
        sum(d.sign * d.tenants_admitted)::bigint, sum(d.sign * d.tenants_graduated)::bigint,
        sum(d.sign * d.tenants_exited)::bigint, sum(d.sign * d.investment_total)::bigint,
        sum(d.sign * d.incubator_investment_total)::bigint, sum(d.sign * d.investment_angel)::bigint,
        sum(d.sign * d.investment_vc)::bigint, sum(d.sign * d.investment_government_grant)::bigint,
        sum(d.sign * d.investment_bank_loan)::bigint, sum(d.sign * d.investment_other)::bigint,
        sum(d.sign * d.reports_approved)::bigint, sum(d.sign * d.tenant_revenue)::bigint,
        sum(d.sign * d.tenant_rd_spending)::bigint, sum(d.sign * d.tenant_employees)::bigint,
        sum(d.sign * d.tenant_ip_applications)::bigint, sum(d.sign * d.tenant_ip_granted)::bigint,
        sum(d.sign * d.tenant_invention_patents)::bigint)::stats_event AS e
      FROM (SELECT -1 AS sign, o.* FROM unnest(p_old) o UNION ALL SELECT 1 AS sign, n.* FROM unnest(p_new) n) d
      GROUP BY d.year, d.incubator_id, d.field
    ) n
    WHERE n.e IS DISTINCT FROM (SELECT z FROM stats_row((n.e).year, (n.e).incubator_id, (n.e).field) z));
  IF cardinality(delta) > 0 THEN
    PERFORM stats_cube_add(delta, 1);
  END IF;
END;
$$;
--> statement-breakpoint

-- Every statistics-changing statement takes the stats_state row first: writers queue there instead
-- of deadlocking on cube rows, and cached answers see the new version once it commits.
CREATE FUNCTION stats_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE stats_state SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

-- An incubator's own event (founded) follows its founding date; when its attributes change, every
-- event under it moves from its old cell to its new one.
CREATE FUNCTION stats_on_incubators() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved boolean := TG_OP = 'UPDATE' AND (OLD.province_code, OLD.park_number, OLD.type, OLD.level)
                                        IS DISTINCT FROM (NEW.province_code, NEW.park_number, NEW.type, NEW.level);
  others stats_event[];
BEGIN
  IF moved THEN
    -- Its records' events, from the raw tables (field '-' is the incubator's own event).
    others := array(SELECT x FROM stats_facts('-infinity', 'infinity', ARRAY[NEW.id]) x WHERE x.field <> '-');
    PERFORM stats_cube_add(others, -1, OLD);
    PERFORM stats_cube_add(others, 1, NEW);
  END IF;
  IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR moved OR OLD.founded_on IS DISTINCT FROM NEW.founded_on) THEN
    PERFORM stats_cube_add(array(SELECT x FROM stats_incubator_facts(OLD, '-infinity', 'infinity') x), -1, OLD);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (moved OR OLD.founded_on IS DISTINCT FROM NEW.founded_on)) THEN
    PERFORM stats_cube_add(array(SELECT x FROM stats_incubator_facts(NEW, '-infinity', 'infinity') x), 1, NEW);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE FUNCTION stats_on_tenants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_apply(
    CASE WHEN TG_OP = 'INSERT' THEN '{}' ELSE array(
      SELECT x FROM companies c, stats_tenancy_facts(OLD, c.field, '-infinity', 'infinity') x WHERE c.id = OLD.company_id) END,
    CASE WHEN TG_OP = 'DELETE' THEN '{}' ELSE array(
      SELECT x FROM companies c, stats_tenancy_facts(NEW, c.field, '-infinity', 'infinity') x WHERE c.id = NEW.company_id) END);
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE FUNCTION stats_on_investments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_apply(
    CASE WHEN TG_OP = 'INSERT' THEN '{}' ELSE array(
      SELECT x FROM companies c, stats_investment_facts(OLD, c.field, '-infinity', 'infinity') x WHERE c.id = OLD.company_id) END,
    CASE WHEN TG_OP = 'DELETE' THEN '{}' ELSE array(
      SELECT x FROM companies c, stats_investment_facts(NEW, c.field, '-infinity', 'infinity') x WHERE c.id = NEW.company_id) END);
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE FUNCTION stats_on_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_apply(
    CASE WHEN TG_OP = 'INSERT' THEN '{}' ELSE array(
      SELECT x FROM companies c, stats_report_facts(OLD, c.field, '-infinity', 'infinity') x WHERE c.id = OLD.company_id) END,
    CASE WHEN TG_OP = 'DELETE' THEN '{}' ELSE array(
      SELECT x FROM companies c, stats_report_facts(NEW, c.field, '-infinity', 'infinity') x WHERE c.id = NEW.company_id) END);
  RETURN NULL;
END;
$$;
--> statement-breakpoint

-- Recounts one company's first listing: stats_company_listings says what was counted, the view
-- what should be. Idempotent, so a statement touching several listings of a company is fine.
CREATE FUNCTION stats_refresh_listing(p_company uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  counted stats_company_listings;
  first_now stats_company_listings;
  fld text;
BEGIN
  SELECT * INTO counted FROM stats_company_listings WHERE company_id = p_company;
  SELECT company_id, incubator_id, listed_on INTO first_now FROM stats_first_listings WHERE company_id = p_company;
  IF (counted.incubator_id, counted.listed_on) IS NOT DISTINCT FROM (first_now.incubator_id, first_now.listed_on) THEN
    RETURN;
  END IF;
  SELECT field INTO fld FROM companies WHERE id = p_company;
  PERFORM stats_apply(
    CASE WHEN counted.company_id IS NULL THEN '{}' ELSE array(SELECT x FROM stats_listing_facts(counted, fld, '-infinity', 'infinity') x) END,
    CASE WHEN first_now.company_id IS NULL THEN '{}' ELSE array(SELECT x FROM stats_listing_facts(first_now, fld, '-infinity', 'infinity') x) END);
  DELETE FROM stats_company_listings WHERE company_id = p_company;
  IF first_now.company_id IS NOT NULL THEN
    INSERT INTO stats_company_listings VALUES (first_now.*);
  END IF;
END;
$$;
--> statement-breakpoint

CREATE FUNCTION stats_on_listings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM stats_refresh_listing(OLD.company_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM stats_refresh_listing(NEW.company_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

-- A company's field changed: every record of it moves from the old field to the new one.
CREATE FUNCTION stats_on_companies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_apply(
    array(SELECT x FROM tenants t, stats_tenancy_facts(t, OLD.field, '-infinity', 'infinity') x WHERE t.company_id = OLD.id
          UNION ALL SELECT x FROM investments v, stats_investment_facts(v, OLD.field, '-infinity', 'infinity') x WHERE v.company_id = OLD.id
          UNION ALL SELECT x FROM reports r, stats_report_facts(r, OLD.field, '-infinity', 'infinity') x WHERE r.company_id = OLD.id
          UNION ALL SELECT x FROM stats_company_listings l, stats_listing_facts(l, OLD.field, '-infinity', 'infinity') x WHERE l.company_id = OLD.id),
    array(SELECT x FROM tenants t, stats_tenancy_facts(t, NEW.field, '-infinity', 'infinity') x WHERE t.company_id = NEW.id
          UNION ALL SELECT x FROM investments v, stats_investment_facts(v, NEW.field, '-infinity', 'infinity') x WHERE v.company_id = NEW.id
          UNION ALL SELECT x FROM reports r, stats_report_facts(r, NEW.field, '-infinity', 'infinity') x WHERE r.company_id = NEW.id
          UNION ALL SELECT x FROM stats_company_listings l, stats_listing_facts(l, NEW.field, '-infinity', 'infinity') x WHERE l.company_id = NEW.id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint

-- Recomputes the cube from the raw tables in one set-based pass: after a bulk load (which skips the
-- row triggers with set_config('torch.stats_deferred', 'on', true), or session_replication_role =
-- replica) or to repair. Memory for the big aggregations (hash, not on-disk sorts) while it runs.
CREATE FUNCTION rebuild_stats() RETURNS void LANGUAGE plpgsql
SET work_mem = '64MB' SET jit = off AS $$
DECLARE
  h int;
BEGIN
  UPDATE stats_state SET version = version + 1 WHERE id = 1 RETURNING horizon INTO h;
  TRUNCATE stats_cube, stats_company_listings;
  INSERT INTO stats_company_listings SELECT company_id, incubator_id, listed_on FROM stats_first_listings;
  -- The horizon covers every year a record mentions (an over-estimate is harmless).
  PERFORM stats_cover(greatest(
    (SELECT max(extract(year FROM founded_on)) FROM incubators),
    (SELECT max(extract(year FROM greatest(admitted_on, graduated_on, exited_on))) FROM tenants),
    (SELECT max(extract(year FROM invested_on)) FROM investments),
    (SELECT max(extract(year FROM listed_on)) FROM listings),
    (SELECT max(year) FROM reports))::int);
  PERFORM stats_cube_add(NULL, 1);
  -- Exact again: later writes in this transaction are followed by the triggers.
  PERFORM set_config('torch.stats_deferred', 'off', true);
END;
$$;
--> statement-breakpoint

CREATE TRIGGER stats_touch BEFORE INSERT OR UPDATE OR DELETE ON tenants FOR EACH STATEMENT EXECUTE FUNCTION stats_touch();
--> statement-breakpoint
CREATE TRIGGER stats_touch BEFORE INSERT OR UPDATE OR DELETE ON investments FOR EACH STATEMENT EXECUTE FUNCTION stats_touch();
--> statement-breakpoint
CREATE TRIGGER stats_touch BEFORE INSERT OR UPDATE OR DELETE ON listings FOR EACH STATEMENT EXECUTE FUNCTION stats_touch();
--> statement-breakpoint
CREATE TRIGGER stats_touch BEFORE INSERT OR UPDATE OR DELETE ON reports FOR EACH STATEMENT EXECUTE FUNCTION stats_touch();
--> statement-breakpoint
CREATE TRIGGER stats_touch BEFORE UPDATE OF field ON companies FOR EACH STATEMENT EXECUTE FUNCTION stats_touch();
--> statement-breakpoint
CREATE TRIGGER stats_touch BEFORE INSERT OR DELETE OR UPDATE OF founded_on, province_code, park_number, type, level
  ON incubators FOR EACH STATEMENT EXECUTE FUNCTION stats_touch();
--> statement-breakpoint

-- Row triggers; a bulk load defers them for its transaction (then calls rebuild_stats).
CREATE TRIGGER stats_incubators AFTER INSERT OR DELETE ON incubators FOR EACH ROW
  WHEN (current_setting('torch.stats_deferred', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION stats_on_incubators();
--> statement-breakpoint
CREATE TRIGGER stats_incubators_update AFTER UPDATE OF founded_on, province_code, park_number, type, level ON incubators FOR EACH ROW
  WHEN (current_setting('torch.stats_deferred', true) IS DISTINCT FROM 'on' AND (OLD.founded_on, OLD.province_code, OLD.park_number, OLD.type, OLD.level)
        IS DISTINCT FROM (NEW.founded_on, NEW.province_code, NEW.park_number, NEW.type, NEW.level))
  EXECUTE FUNCTION stats_on_incubators();
--> statement-breakpoint
CREATE TRIGGER stats_tenants AFTER INSERT OR DELETE ON tenants FOR EACH ROW
  WHEN (current_setting('torch.stats_deferred', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION stats_on_tenants();
--> statement-breakpoint
CREATE TRIGGER stats_tenants_update AFTER UPDATE OF incubator_id, company_id, admitted_on, graduated_on, exited_on ON tenants FOR EACH ROW
  WHEN (current_setting('torch.stats_deferred', true) IS DISTINCT FROM 'on' AND (OLD.incubator_id, OLD.company_id, OLD.admitted_on, OLD.graduated_on, OLD.exited_on)
        IS DISTINCT FROM (NEW.incubator_id, NEW.company_id, NEW.admitted_on, NEW.graduated_on, NEW.exited_on))
  EXECUTE FUNCTION stats_on_tenants();
--> statement-breakpoint
CREATE TRIGGER stats_investments AFTER INSERT OR DELETE ON investments FOR EACH ROW
  WHEN (current_setting('torch.stats_deferred', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION stats_on_investments();
--> statement-breakpoint
CREATE TRIGGER stats_investments_update AFTER UPDATE OF incubator_id, company_id, investor_kind, amount, invested_on ON investments FOR EACH ROW
  WHEN (current_setting('torch.stats_deferred', true) IS DISTINCT FROM 'on' AND (OLD.incubator_id, OLD.company_id, OLD.investor_kind, OLD.amount, OLD.invested_on)
        IS DISTINCT FROM (NEW.incubator_id, NEW.company_id, NEW.investor_kind, NEW.amount, NEW.invested_on))
  EXECUTE FUNCTION stats_on_investments();
--> statement-breakpoint
CREATE TRIGGER stats_reports AFTER INSERT OR DELETE ON reports FOR EACH ROW
  WHEN (current_setting('torch.stats_deferred', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION stats_on_reports();
--> statement-breakpoint
CREATE TRIGGER stats_reports_update AFTER UPDATE ON reports FOR EACH ROW
  WHEN (current_setting('torch.stats_deferred', true) IS DISTINCT FROM 'on' AND (OLD.status = 'approved' OR NEW.status = 'approved')
        AND (OLD.status, OLD.year, OLD.incubator_id, OLD.company_id, OLD.revenue, OLD.rd_spending, OLD.employees,
             OLD.ip_applications, OLD.ip_granted, OLD.invention_patents)
        IS DISTINCT FROM (NEW.status, NEW.year, NEW.incubator_id, NEW.company_id, NEW.revenue, NEW.rd_spending,
             NEW.employees, NEW.ip_applications, NEW.ip_granted, NEW.invention_patents))
  EXECUTE FUNCTION stats_on_reports();
--> statement-breakpoint
CREATE TRIGGER stats_listings AFTER INSERT OR UPDATE OR DELETE ON listings FOR EACH ROW
  WHEN (current_setting('torch.stats_deferred', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION stats_on_listings();
--> statement-breakpoint
CREATE TRIGGER stats_companies AFTER UPDATE OF field ON companies FOR EACH ROW
  WHEN (current_setting('torch.stats_deferred', true) IS DISTINCT FROM 'on' AND OLD.field IS DISTINCT FROM NEW.field)
  EXECUTE FUNCTION stats_on_companies();
