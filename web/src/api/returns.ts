// Annual statistical returns (年度统计报表): the manager drafts and submits, the province approves,
// the Torch Center accepts; either reviewer returns one with comments. Accepting changes the
// official statistics, so every transition refreshes them too.
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  AnnualReturn,
  Completeness,
  ReturnAction,
  ReturnListItem,
  ReturnSave,
  ReturnSendBack,
  ReturnStatus,
} from '@torch/shared';
import { api } from './client';
import type { Page } from './page';
import { statsKeys } from './stats';

export interface QueueFilters {
  year: number;
  status?: ReturnStatus | undefined;
  province?: string | undefined;
  page?: number;
}

export const returnKeys = {
  all: ['returns'] as const,
  detail: (incubatorId: string, year: number) => [...returnKeys.all, 'detail', incubatorId, year] as const,
  queues: () => [...returnKeys.all, 'queue'] as const,
  queue: (filters: QueueFilters) => [...returnKeys.queues(), filters] as const,
  completeness: (year: number, province?: string) =>
    [...returnKeys.all, 'completeness', year, province] as const,
};

const path = (incubatorId: string, year: number) => `/incubators/${incubatorId}/returns/${year}`;

export function useReturn(incubatorId: string | undefined, year: number) {
  return useQuery({
    queryKey: returnKeys.detail(incubatorId ?? '', year),
    queryFn: ({ signal }) => api<AnnualReturn>(path(incubatorId ?? '', year), { signal }),
    enabled: Boolean(incubatorId),
  });
}

export function useReturnQueue(filters: QueueFilters) {
  return useQuery({
    queryKey: returnKeys.queue(filters),
    queryFn: ({ signal }) =>
      api<Page<ReturnListItem>>('/returns', { query: { ...filters, pageSize: 100 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCompleteness(year: number, province?: string) {
  return useQuery({
    queryKey: returnKeys.completeness(year, province),
    queryFn: ({ signal }) =>
      api<Completeness>('/returns/completeness', { query: { year, province }, signal }),
    placeholderData: keepPreviousData,
  });
}

function changed(queryClient: QueryClient, ret: AnnualReturn) {
  queryClient.setQueryData(returnKeys.detail(ret.incubatorId, ret.year), ret);
  void queryClient.invalidateQueries({ queryKey: returnKeys.queues() });
  void queryClient.invalidateQueries({ queryKey: [...returnKeys.all, 'completeness'] });
  void queryClient.invalidateQueries({ queryKey: statsKeys.all });
}

export function useSaveReturn(incubatorId: string, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReturnSave) => api<AnnualReturn>(path(incubatorId, year), { method: 'PUT', body }),
    onSuccess: (ret) => changed(queryClient, ret),
  });
}

export type ReturnTransition =
  | { action: Exclude<ReturnAction, 'return' | 'reopen'> }
  | { action: 'return'; body: ReturnSendBack }
  | { action: 'reopen'; body: { reason: string } };

export function useReturnTransition(incubatorId: string, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: ReturnTransition) =>
      api<AnnualReturn>(`${path(incubatorId, year)}/${step.action}`, {
        method: 'POST',
        ...('body' in step ? { body: step.body } : {}),
      }),
    onSuccess: (ret) => changed(queryClient, ret),
  });
}
