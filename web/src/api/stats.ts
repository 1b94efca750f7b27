// National statistics (SPEC §5): summaries, time series and the yearbook exports. The API scopes
// every answer by role (national: the country; province: its own; manager: its incubators).

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type {
  StatsExportQuery,
  StatsSummary,
  StatsSummaryQuery,
  StatsTimeseries,
  StatsTimeseriesQuery,
} from '@torch/shared';
import { api } from './client';
import { downloadFile } from './download';

export type SummaryParams = Pick<StatsSummaryQuery, 'year' | 'source' | 'groupBy' | 'province'>;
export type TimeseriesParams = Pick<
  StatsTimeseriesQuery,
  'from' | 'to' | 'indicator' | 'source' | 'province'
>;
export type ExportParams = Pick<StatsExportQuery, 'year' | 'format' | 'groupBy' | 'province' | 'source'>;

export const statsKeys = {
  all: ['stats'] as const,
  summaries: () => [...statsKeys.all, 'summary'] as const,
  summary: (params: SummaryParams) => [...statsKeys.summaries(), params] as const,
  timeseriesAll: () => [...statsKeys.all, 'timeseries'] as const,
  timeseries: (params: TimeseriesParams) => [...statsKeys.timeseriesAll(), params] as const,
};

/** Rollups change only when records do, and the server caches them too: a minute is fresh enough. */
const STATS_STALE_MS = 60_000;

export function useStatsSummary(params: SummaryParams) {
  return useQuery({
    queryKey: statsKeys.summary(params),
    queryFn: ({ signal }) => api<StatsSummary>('/stats/summary', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    staleTime: STATS_STALE_MS,
  });
}

export function useStatsTimeseries(params: TimeseriesParams) {
  return useQuery({
    queryKey: statsKeys.timeseries(params),
    queryFn: ({ signal }) => api<StatsTimeseries>('/stats/timeseries', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    staleTime: STATS_STALE_MS,
  });
}

/** Downloads a yearbook export (XLSX: every grouping; CSV: one); resolves to the saved file's name. */
export function useStatsExport() {
  return useMutation({
    mutationFn: (params: ExportParams) =>
      downloadFile('/stats/export', { ...params }, `torch-stats-${params.year}.${params.format}`),
  });
}
