// What the statistics page shows lives in the URL (?year=&source=&groupBy=&province=&indicator=…):
// a reload, a shared link and the back button all find the same view. Drilling into a province
// pushes a history entry; changing a control replaces the current one.
import {
  type Me,
  ProvinceCode,
  STATS_FIRST_YEAR,
  STATS_GROUPINGS,
  STATS_INDICATORS,
  STATS_SOURCES,
  type StatsGrouping,
  type StatsIndicator,
  type StatsSource,
  todayInChina,
  yearOf,
} from '@torch/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** Statistics describe finished years: the picker runs from the first incubator to last year. */
export const lastFullYear = () => yearOf(todayInChina()) - 1;

export type StatsLevel = 'nation' | 'province' | 'incubators';

export interface StatsView {
  level: StatsLevel;
  year: number;
  source: StatsSource;
  groupBy: StatsGrouping;
  /** The province whose numbers show (a province user's own, or a national user's drill-down). */
  province: string | undefined;
  /** Only a national user drills: the province to send as a filter. */
  drillProvince: string | undefined;
  indicator: StatsIndicator;
  /** Table order: an indicator or 'label', '-' first for descending; none keeps yearbook order. */
  order: string | undefined;
  allColumns: boolean;
}

export type StatsViewChanges = Partial<
  Record<'year' | 'source' | 'groupBy' | 'province' | 'indicator' | 'order' | 'columns', string | undefined>
>;

/** Each level opens on the grouping that says most about it. */
const DEFAULT_GROUPING: Record<StatsLevel, StatsGrouping> = {
  nation: 'province',
  province: 'park',
  incubators: 'field',
};

function oneOf<T extends string>(options: readonly T[], value: string | null, fallback: T): T {
  return options.find((option) => option === value) ?? fallback;
}

function yearFrom(value: string | null): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= STATS_FIRST_YEAR && year <= lastFullYear() ? year : lastFullYear();
}

export function levelOf(me: Me, drillProvince: string | undefined): StatsLevel {
  if (me.role === 'incubator_manager') return 'incubators';
  if (me.role === 'province' || drillProvince) return 'province';
  return 'nation';
}

export function useStatsView(me: Me) {
  const [params, setParams] = useSearchParams();

  const view = useMemo((): StatsView => {
    const wanted = params.get('province');
    const drillProvince =
      me.role === 'national' && ProvinceCode.safeParse(wanted).success ? (wanted ?? undefined) : undefined;
    const level = levelOf(me, drillProvince);
    const order = params.get('order');
    const orderColumn = order?.replace(/^-/, '');
    return {
      level,
      year: yearFrom(params.get('year')),
      source: oneOf(STATS_SOURCES, params.get('source'), 'live'),
      groupBy: oneOf(STATS_GROUPINGS, params.get('groupBy'), DEFAULT_GROUPING[level]),
      province: me.role === 'province' ? (me.provinceCode ?? undefined) : drillProvince,
      drillProvince,
      indicator: oneOf(STATS_INDICATORS, params.get('indicator'), 'tenantsIncubating'),
      order:
        orderColumn === 'label' || STATS_INDICATORS.some((k) => k === orderColumn)
          ? (order ?? undefined)
          : undefined,
      allColumns: params.get('columns') === 'all',
    };
  }, [me, params]);

  const change = useCallback(
    (changes: StatsViewChanges, history: 'push' | 'replace' = 'replace') =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: history === 'replace' },
      ),
    [setParams],
  );

  return [view, change] as const;
}
