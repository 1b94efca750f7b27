// Statistics SQL. Every number comes from one rollup query over "cells" (year × incubator attributes
// × company field, with the indicator columns as of that year's end or the as-of date). Cells come
// from the cube (national and province scopes, year-ends) or are summed from the events of the raw
// records (stats_facts: incubator scopes, and as-of dates inside a year).
import {
  STATS_INDICATORS,
  STATS_STOCK_INDICATORS,
  type StatsGrouping,
  type StatsIndicator,
  type StatsSource,
} from '@torch/shared';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { rowsOf } from '../../db/rows';
import { incubators, statsState } from '../../db/schema/index';
import { indicatorColumnName } from '../../db/schema/stats-columns';
import { officialCellsSql } from '../returns/official-queries';

/** Which incubators a rollup covers: a province, some incubators, both, or (neither) the country. */
export interface CellScope {
  province: string | null;
  incubatorIds: string[] | null;
}

export interface CellRequest {
  fromYear: number;
  toYear: number;
  /** An as-of date inside the single year `toYear` (not Dec 31): computed from the raw tables. */
  asOf: string | null;
  scope: CellScope;
  /** Official cells are the accepted annual returns' snapshots (year-ends only). */
  source?: StatsSource;
}

export type IndicatorValues = Record<StatsIndicator, number>;

export interface RollupRow {
  year: number;
  /** null on the total row. */
  key: string | null;
  values: IndicatorValues;
}

const STOCKS = new Set<StatsIndicator>(STATS_STOCK_INDICATORS);
const COLUMNS = STATS_INDICATORS.map((name) => ({ name, column: sql.identifier(indicatorColumnName(name)) }));

const uuidArray = (ids: string[]) =>
  ids.length
    ? sql`array[${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[]`
    : sql`'{}'::uuid[]`;

/** The incubator attributes a cell is grouped by, taken from `incubators i`. */
const ATTRIBUTES = sql`i.province_code, coalesce(i.park_number, 0) as park_number, i.type as incubator_type, i.level as incubator_level`;

/** Cells for each year g.year from events `e`: stocks sum every event up to it, flows its own. */
function cellsFromEvents(events: SQL, fromYear: number, toYear: number, province: string | null): SQL {
  const values = sql.join(
    COLUMNS.map(({ name, column }) =>
      STOCKS.has(name)
        ? sql`sum(e.${column}) as ${column}`
        : sql`coalesce(sum(e.${column}) filter (where e.year = g.year), 0) as ${column}`,
    ),
    sql`, `,
  );
  return sql`select g.year, ${ATTRIBUTES}, e.field, ${values}
    from generate_series(${fromYear}::int, ${toYear}::int) as g(year)
    join (${events}) e on e.year <= g.year
    join incubators i on i.id = e.incubator_id
    ${province ? sql`where i.province_code = ${province}` : sql``}
    group by g.year, i.province_code, i.park_number, i.type, i.level, e.field`;
}

/**
 * Every incubator's cells of each year from..to by company field, from all records (a bulk
 * filing of annual returns: the demo). The same definitions as every other cell, summed from the
 * events the rebuild just counted: only after `rebuildStats(tx, { keepEvents: true })` in the
 * same transaction.
 */
export function everyIncubatorCellsSql(fromYear: number, toYear: number): SQL {
  const events = sql`select * from stats_rebuilt_events where year <= ${toYear}`;
  return incubatorCellsFromEvents(events, fromYear, toYear);
}

/**
 * Each incubator's cells of each year from..to from events `e` with one row per year, incubator
 * and field (as stats_facts gives them): the sums of cellsFromEvents kept apart per incubator, as running
 * sums along each incubator's years (every year from its field's first event) rather than a join
 * of every year with all earlier events, which costs a row per event and later year.
 */
function incubatorCellsFromEvents(events: SQL, fromYear: number, toYear: number): SQL {
  const values = sql.join(
    COLUMNS.map(({ name, column }) =>
      STOCKS.has(name)
        ? sql`sum(coalesce(e.${column}, 0)) over w as ${column}`
        : sql`coalesce(e.${column}, 0) as ${column}`,
    ),
    sql`, `,
  );
  return sql`with ev as (${events}),
    grid as (select k.incubator_id, k.field, y.year
      from (select incubator_id, field, min(year) as first from ev group by incubator_id, field) k,
      generate_series(k.first, ${toYear}::int) as y(year))
    select * from (
      select g.year, g.incubator_id, ${ATTRIBUTES}, g.field, ${values}
      from grid g
      left join ev e on e.incubator_id = g.incubator_id and e.field = g.field and e.year = g.year
      join incubators i on i.id = g.incubator_id
      window w as (partition by g.incubator_id, g.field order by g.year)
    ) c where c.year >= ${fromYear}::int`;
}

/** Cube cells of years from..to in one of its two granularities (see stats-cube.ts). */
function cubeCells(
  fromYear: number,
  toYear: number,
  byField: boolean,
  province: string | null,
  only?: 'stocks',
): SQL {
  const columns = sql.join(
    COLUMNS.map(({ name, column }) => (only && !STOCKS.has(name) ? sql`0 as ${column}` : sql`c.${column}`)),
    sql`, `,
  );
  const granularity = byField ? sql`c.park_number = -1` : sql`c.field = '*'`;
  return sql`select c.year, c.province_code, c.park_number, c.incubator_type, c.incubator_level, c.field, ${columns}
    from stats_cube c where ${granularity} and c.year between ${fromYear} and ${toYear}
    ${province ? sql`and c.province_code = ${province}` : sql``}`;
}

/**
 * The incubators whose raw records an as-of read of a province sums: the province's, read first
 * (incubators_province_idx) so stats_facts gets a constant array. A constant array lets the planner
 * inline stats_facts and find each table's rows through its incubator index; a subquery argument
 * would keep the function opaque, and every province's records of the year would be read and
 * thrown away after the join (docs/statistics.md "Reads that do not come from the cube").
 */
async function asOfIncubators(db: DbOrTx, { asOf, scope, source }: CellRequest): Promise<string[] | null> {
  if (!asOf || source === 'official' || scope.incubatorIds || !scope.province) return null;
  const rows = await db
    .select({ id: incubators.id })
    .from(incubators)
    .where(eq(incubators.provinceCode, scope.province));
  return rows.map((r) => r.id);
}

function cellsSql(
  { fromYear, toYear, asOf, scope, source }: CellRequest,
  byField: boolean,
  provinceIncubators: string[] | null,
): SQL {
  if (source === 'official') return officialCellsSql(fromYear, toYear, scope);
  const last = asOf ?? 'infinity';
  if (scope.incubatorIds) {
    // A few incubators: sum their records' events directly.
    // Flows of years before the first cell's are never read: skip the records that carry only those.
    const first = asOf ? toYear : fromYear;
    const events = sql`select * from stats_facts('-infinity', ${last}::date, ${uuidArray(scope.incubatorIds)},
      ${`${first}-01-01`}::date) where year <= ${toYear}`;
    return cellsFromEvents(events, first, toYear, scope.province);
  }
  if (!asOf) return cubeCells(fromYear, toYear, byField, scope.province);
  // As of a day inside the year: last year-end's levels from the cube, plus this year's events so far.
  const levels = sql`select ${toYear}::int as year, province_code, park_number, incubator_type, incubator_level, field,
    ${sql.join(
      COLUMNS.map(({ column }) => sql`${column}`),
      sql`, `,
    )} from (${cubeCells(toYear - 1, toYear - 1, byField, scope.province, 'stocks')}) l`;
  // The fourth argument (flows from Jan 1) adds an int bound on the reports' year, so that a
  // province's are found by reports_incubator_year_idx rather than all its years' approved ones.
  const jan1 = `${toYear}-01-01`;
  const only = provinceIncubators ? uuidArray(provinceIncubators) : sql`null`;
  const events = sql`select * from stats_facts(${jan1}::date, ${asOf}::date, ${only}, ${jan1}::date)`;
  return sql`${levels} union all ${cellsFromEvents(events, toYear, toYear, scope.province)}`;
}

const GROUP_KEYS: Record<StatsGrouping, SQL> = {
  province: sql`c.province_code`,
  region: sql`p.region`,
  park: sql`case when c.park_number = 0 then 'none' else c.park_number::text end`,
  type: sql`c.incubator_type`,
  level: sql`c.incubator_level`,
  field: sql`c.field`,
};

/**
 * Sums the indicators per year and group, plus each year's total, in one statement (grouping
 * sets): totals are never added up anywhere else.
 */
export async function rollup(
  db: DbOrTx,
  cells: CellRequest,
  groupBy: StatsGrouping | null,
): Promise<RollupRow[]> {
  const result = await db.execute(await rollupSql(db, cells, groupBy));
  return rowsOf(result).map((row) => ({
    year: Number(row.year),
    key: row.is_total ? null : String(row.key),
    values: Object.fromEntries(
      STATS_INDICATORS.map((name) => [name, Number(row[name] ?? 0)]),
    ) as IndicatorValues,
  }));
}

/** The rollup's statement (exported for the tests that EXPLAIN what it reads). */
export async function rollupSql(db: DbOrTx, cells: CellRequest, groupBy: StatsGrouping | null): Promise<SQL> {
  const key = groupBy ? GROUP_KEYS[groupBy] : sql`null::text`;
  const grouping = groupBy ? sql`grouping sets ((c.year, ${key}), (c.year))` : sql`c.year`;
  const sums = sql.join(
    COLUMNS.map(({ name, column }) => sql`sum(c.${column})::bigint as ${sql.identifier(name)}`),
    sql`, `,
  );
  const isTotal = groupBy ? sql`grouping(${key}) = 1` : sql`true`;
  const cellsOf = cellsSql(cells, groupBy === 'field', await asOfIncubators(db, cells));
  return sql`
    select c.year, ${key} as key, ${isTotal} as is_total, ${sums}
    from (${cellsOf}) c join provinces p on p.code = c.province_code
    group by ${grouping}`;
}

/** What cached answers are valid for, and the last year whose stocks are materialised. */
export async function readStatsState(db: DbOrTx) {
  // Built once (db/prepared.ts): every cached answer reads it first, and drizzle building it again
  // per request was ~60 µs of the ~130 µs a completeness hit cost the server (scale 10, measured).
  const statement = preparedOnce(db, 'stats_state', () =>
    db
      .select({ version: statsState.version, horizon: statsState.horizon })
      .from(statsState)
      .where(eq(statsState.id, 1))
      .prepare('stats_state'),
  );
  const [row] = await statement.execute();
  if (!row) throw new Error('stats_state is missing: migrations have not run');
  return { version: Number(row.version), horizon: row.horizon };
}

/** Materialises year-end stocks through `year` (the first read of a new year). */
export async function coverYear(db: DbOrTx, year: number) {
  await db.execute(sql`select stats_cover(${year}::int)`);
}
