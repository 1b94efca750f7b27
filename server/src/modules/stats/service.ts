// National statistics: scope, source, cache, and the rollup turned into group rows. The numbers
// themselves come from one SQL rollup (queries.ts); this file only arranges them.
import {
  STATS_GROUPINGS,
  STATS_INDICATORS,
  type StatsExportQuery,
  type StatsGrouping,
  type StatsRow,
  type StatsSummary,
  type StatsSummaryQuery,
  type StatsTimeseries,
  type StatsTimeseriesQuery,
  todayInChina,
  yearOf,
} from '@torch/shared';
import type { Db } from '../../db/client';
import { conflict } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { coverage as officialCoverage } from '../returns/official-queries';
import type { CacheOutcome, StatsCache } from './cache';
import { expectedKeys, groupLabel, sortKeys } from './groups';
import { type CellScope, coverYear, type IndicatorValues, type RollupRow, rollup } from './queries';
import { statsScope } from './scope';

/** The field of the `incubators` count in the statistics tables: an incubator has no company field. */
const NO_FIELD = '-';

/**
 * Where no annual return of the year is accepted, the official source says so instead of
 * inventing numbers (200 with available=false; exports answer 409).
 */
const OFFICIAL_UNAVAILABLE = { available: false, reason: 'no_accepted_returns' as const };

const currentYear = () => yearOf(todayInChina());

const blankValues = () => Object.fromEntries(STATS_INDICATORS.map((k) => [k, 0])) as IndicatorValues;

/** The rows a table shows: its expected groups and any other group with data, in yearbook order. */
function shownKeys(groupBy: StatsGrouping, scope: CellScope, dataKeys: Iterable<string>): string[] {
  const keys = new Set(scope.incubatorIds ? [] : expectedKeys(groupBy, scope.province));
  for (const key of dataKeys) if (!(groupBy === 'field' && key === NO_FIELD)) keys.add(key);
  return sortKeys(groupBy, keys);
}

function groupRows(groupBy: StatsGrouping, scope: CellScope, rolled: RollupRow[], blank: IndicatorValues) {
  const byKey = new Map(rolled.filter((r) => r.key !== null).map((r) => [r.key as string, r.values]));
  return shownKeys(groupBy, scope, byKey.keys()).map(
    (key): StatsRow => ({
      key,
      ...groupLabel(groupBy, key),
      ...(byKey.get(key) ?? blank),
      // Incubators cannot be split by their tenants' fields: only the total counts them.
      incubators: groupBy === 'field' ? null : (byKey.get(key)?.incubators ?? 0),
    }),
  );
}

export async function summary(
  db: Db,
  cache: StatsCache,
  caller: Caller,
  query: StatsSummaryQuery,
  seen?: CacheOutcome,
): Promise<StatsSummary> {
  const scope = await statsScope(db, caller, query);
  const year = query.year ?? (query.asOf ? yearOf(query.asOf) : currentYear());
  return summaryOf(
    db,
    cache,
    scope,
    { year, asOf: query.asOf, source: query.source, groupBy: query.groupBy },
    seen,
  );
}

async function summaryOf(
  db: Db,
  cache: StatsCache,
  scope: CellScope,
  q: { year: number; asOf: string | undefined; source: StatsSummary['source']; groupBy: StatsGrouping },
  seen?: CacheOutcome,
): Promise<StatsSummary> {
  const yearEnd = `${q.year}-12-31`;
  const asOf = q.asOf ?? yearEnd;
  const head = { year: q.year, asOf, source: q.source, groupBy: q.groupBy };
  const key = JSON.stringify(['summary', q.source, q.year, asOf, q.groupBy, scope]);
  return cache.through(
    db,
    key,
    async (horizon) => {
      const official = q.source === 'official';
      const [coverage = null] = official ? await officialCoverage(db, q.year, q.year, scope) : [];
      if (coverage?.accepted === 0)
        return { ...head, ...OFFICIAL_UNAVAILABLE, coverage, rows: [], total: null };
      if (!official && q.year > horizon) await coverYear(db, q.year);
      const cells = {
        fromYear: q.year,
        toYear: q.year,
        asOf: asOf === yearEnd ? null : asOf,
        scope,
        source: q.source,
      };
      const rolled = await rollup(db, cells, q.groupBy);
      const blank = blankValues();
      return {
        ...head,
        available: true,
        reason: null,
        coverage: coverage && { expected: coverage.expected, accepted: coverage.accepted },
        rows: groupRows(q.groupBy, scope, rolled, blank),
        total: rolled.find((r) => r.key === null)?.values ?? blank,
      };
    },
    // An as-of date sums a year's raw records: through the gate.
    { seen, expensive: asOf !== yearEnd },
  );
}

export async function timeseries(
  db: Db,
  cache: StatsCache,
  caller: Caller,
  query: StatsTimeseriesQuery,
  seen?: CacheOutcome,
): Promise<StatsTimeseries> {
  const scope = await statsScope(db, caller, query);
  const to = query.to ?? currentYear();
  const groupBy = query.groupBy ?? null;
  const head = { indicator: query.indicator, from: query.from, to, source: query.source, groupBy };
  const key = JSON.stringify(['timeseries', query.source, query.from, to, query.indicator, groupBy, scope]);
  return cache.through(
    db,
    key,
    async (horizon) => {
      const official = query.source === 'official';
      const coverage = official ? await officialCoverage(db, query.from, to, scope) : null;
      if (coverage?.every((c) => c.accepted === 0)) {
        return { ...head, ...OFFICIAL_UNAVAILABLE, coverage, total: [], series: [] };
      }
      if (!official && to > horizon) await coverYear(db, to);
      const cells = { fromYear: query.from, toYear: to, asOf: null, scope, source: query.source };
      const rolled = await rollup(db, cells, groupBy);
      const years = Array.from({ length: to - query.from + 1 }, (_, i) => query.from + i);
      const byKeyYear = new Map(rolled.map((r) => [`${r.key}|${r.year}`, r.values[query.indicator]]));
      const value = (key: string | null, year: number) => byKeyYear.get(`${key}|${year}`) ?? 0;
      const nullByField = groupBy === 'field' && query.indicator === 'incubators';
      const series = groupBy
        ? shownKeys(groupBy, scope, new Set(rolled.flatMap((r) => (r.key === null ? [] : [r.key])))).map(
            (key) => ({
              key,
              ...groupLabel(groupBy, key),
              points: years.map((year) => ({ year, value: nullByField ? null : value(key, year) })),
            }),
          )
        : [];
      return {
        ...head,
        available: true,
        reason: null,
        coverage,
        total: years.map((year) => ({ year, value: value(null, year) })),
        series,
      };
    },
    { seen },
  );
}

/** The summaries a yearbook export lays out: one grouping for CSV, every grouping for XLSX. */
export async function exportSummaries(db: Db, cache: StatsCache, caller: Caller, query: StatsExportQuery) {
  const scope = await statsScope(db, caller, query);
  const year = query.year ?? currentYear();
  const groupings = query.format === 'csv' ? [query.groupBy] : [...STATS_GROUPINGS];
  const summaries: StatsSummary[] = [];
  for (const groupBy of groupings) {
    summaries.push(
      await summaryOf(db, cache, scope, { year, asOf: undefined, source: query.source, groupBy }),
    );
  }
  if (summaries.some((s) => !s.available)) {
    throw conflict(
      'No annual return of that year has been accepted: there are no official statistics to export',
      [{ path: 'source', message: 'no_accepted_returns' }],
    );
  }
  return { year, province: scope.province, summaries };
}
