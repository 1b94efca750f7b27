// The cube's upkeep: covering later years, adding events to cells, netting a write's old and new
// events, and the rebuild. The indicator lists are made from STATS_INDICATORS.
import { each, STOCK_COLUMNS, stocksNonZero } from './indicators';

const STOCKS = new Set(STOCK_COLUMNS);
const CELL_KEY = 'year, province_code, park_number, incubator_type, incubator_level, field';

// Materialises the year-end stock levels through p_year: a later year starts at the horizon's
// levels (no event is dated after the horizon, or the horizon would be there already).
const cover = `CREATE OR REPLACE FUNCTION stats_cover(p_year int) RETURNS void LANGUAGE plpgsql AS $$
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
  INSERT INTO stats_cube (${CELL_KEY}, ${STOCK_COLUMNS.join(', ')})
  SELECT y, c.province_code, c.park_number, c.incubator_type, c.incubator_level, c.field,
         ${STOCK_COLUMNS.map((s) => `c.${s}`).join(', ')}
  FROM stats_cube c, generate_series(h + 1, p_year) AS y
  WHERE c.year = h AND ${stocksNonZero('c.')};
  UPDATE stats_state SET horizon = p_year WHERE id = 1;
END;
$$`;

// Adds events (times p_sign) to the cube: to the cell of their incubator's attributes (or of
// p_as, an incubator's attributes before a change) and to its province's cell for their field.
// Flows go to their year; stock changes to the levels of their year and every later year through
// the horizon. p_events NULL means every record's events (the rebuild).
const cubeAdd = `CREATE OR REPLACE FUNCTION stats_cube_add(p_events stats_event[], p_sign int, p_as incubators DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  h int;
BEGIN
  PERFORM stats_changed();
  PERFORM stats_cover((SELECT max(e.year) FROM unnest(p_events) e));
  SELECT horizon INTO h FROM stats_state WHERE id = 1;
  INSERT INTO stats_cube AS c (${CELL_KEY}, ${each((col) => col)})
  WITH events AS (
    SELECT e.*, coalesce(p_as, i) AS inc
    FROM (SELECT * FROM unnest(p_events)
          UNION ALL
          -- No array (the rebuild): every record's events, without building an array of them.
          SELECT * FROM stats_facts('-infinity', 'infinity', NULL) WHERE p_events IS NULL) AS e
    LEFT JOIN incubators i ON i.id = e.incubator_id
  ), cells AS (
    -- Both granularities of each event's cell; d sums the changes per year.
    SELECT k.${CELL_KEY.replaceAll(', ', ', k.')},
      ${each((col) => `p_sign * sum(e.${col}) AS ${col}`)}
    FROM events e,
         LATERAL (VALUES
           (e.year, (e.inc).province_code, coalesce((e.inc).park_number, 0), (e.inc).type, (e.inc).level, '*'),
           (e.year, (e.inc).province_code, -1, '*', '*', e.field)
         ) AS k(${CELL_KEY})
    GROUP BY 1, 2, 3, 4, 5, 6
  ), years AS (
    -- The years a cell changes: its events' years, and through the horizon when a stock moved.
    SELECT k.province_code, k.park_number, k.incubator_type, k.incubator_level, k.field, y AS year
    FROM (SELECT province_code, park_number, incubator_type, incubator_level, field, min(year) AS first_year,
                 CASE WHEN bool_or(${stocksNonZero('')}) THEN h ELSE max(year) END AS last_year
          FROM cells GROUP BY 1, 2, 3, 4, 5) AS k,
         generate_series(k.first_year, k.last_year) AS y
  )
  SELECT g.${CELL_KEY.replaceAll(', ', ', g.')},
    ${each((col) => (STOCKS.has(col) ? `sum(coalesce(d.${col}, 0)) OVER w` : `coalesce(d.${col}, 0)`))}
  FROM years g
  LEFT JOIN cells d USING (${CELL_KEY})
  WINDOW w AS (PARTITION BY g.province_code, g.park_number, g.incubator_type, g.incubator_level, g.field ORDER BY g.year)
  ON CONFLICT (${CELL_KEY}) DO UPDATE SET
    ${each((col) => `${col} = c.${col} + excluded.${col}`, ',\n    ')};
END;
$$`;

// Subtracts OLD's events and adds NEW's, netted per key; keys whose changes cancel out (a date
// moved within its year) touch nothing.
const apply = `CREATE OR REPLACE FUNCTION stats_apply(p_old stats_event[], p_new stats_event[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  delta stats_event[];
BEGIN
  -- Even when the difference nets to nothing (a date moved within its year): as-of answers change.
  PERFORM stats_changed();
  delta := array(
    SELECT n.e FROM (
      SELECT ROW(d.year, d.incubator_id, d.field,
        ${each((col) => `sum(d.sign * d.${col})::bigint`)})::stats_event AS e
      FROM (SELECT -1 AS sign, o.* FROM unnest(p_old) o UNION ALL SELECT 1 AS sign, n.* FROM unnest(p_new) n) d
      GROUP BY d.year, d.incubator_id, d.field
    ) n
    WHERE n.e IS DISTINCT FROM (SELECT z FROM stats_row((n.e).year, (n.e).incubator_id, (n.e).field) z));
  IF cardinality(delta) > 0 THEN
    PERFORM stats_cube_add(delta, 1);
  END IF;
END;
$$`;

// The argument-less rebuild_stats of 0004, replaced by the one below (see oldFacts in events.ts).
const oldRebuild = 'DROP FUNCTION IF EXISTS rebuild_stats()';

// Recomputes the cube from the raw tables in one set-based pass: after a bulk load (which skips the
// row triggers with set_config('torch.stats_deferred', 'on', true), or session_replication_role =
// replica) or to repair. Memory for the big aggregations (hash, not on-disk sorts) while it runs.
// p_keep_events leaves the events it counted in the temp table stats_rebuilt_events (dropped at
// commit), for a bulk load that also needs per-incubator cells (the demo filing its returns)
// without a second pass over every record.
const rebuild = `CREATE OR REPLACE FUNCTION rebuild_stats(p_keep_events boolean DEFAULT false) RETURNS void LANGUAGE plpgsql
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
  IF p_keep_events THEN
    IF to_regclass('pg_temp.stats_rebuilt_events') IS NOT NULL THEN
      DROP TABLE pg_temp.stats_rebuilt_events;
    END IF;
    CREATE TEMP TABLE stats_rebuilt_events ON COMMIT DROP AS SELECT * FROM stats_facts('-infinity', 'infinity', NULL);
    PERFORM stats_cube_add(array(SELECT row(e.*)::stats_event FROM stats_rebuilt_events e), 1);
  ELSE
    PERFORM stats_cube_add(NULL, 1);
  END IF;
  -- Exact again: later writes in this transaction are followed by the triggers.
  PERFORM set_config('torch.stats_deferred', 'off', true);
END;
$$`;

export const CUBE_STATEMENTS = [cover, cubeAdd, apply, oldRebuild, rebuild];
