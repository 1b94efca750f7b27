// Incubators the caller may see (the API scopes the list by role).

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Incubator, IncubatorListQuery } from '@torch/shared';
import { api } from './client';
import type { Page } from './page';

export type IncubatorFilters = Partial<IncubatorListQuery>;

export const incubatorKeys = {
  all: ['incubators'] as const,
  lists: () => [...incubatorKeys.all, 'list'] as const,
  list: (filters: IncubatorFilters) => [...incubatorKeys.lists(), filters] as const,
  details: () => [...incubatorKeys.all, 'detail'] as const,
  detail: (id: string) => [...incubatorKeys.details(), id] as const,
};

export function useIncubators(filters: IncubatorFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: incubatorKeys.list(filters),
    queryFn: ({ signal }) => api<Page<Incubator>>('/incubators', { query: filters, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useIncubator(id: string | undefined) {
  return useQuery({
    queryKey: incubatorKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<Incubator>(`/incubators/${id}`, { signal }),
    enabled: Boolean(id),
  });
}
