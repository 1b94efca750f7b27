// The incubator dashboard (KPI tiles, what needs attention) and a tenant's timeline. Both are
// summaries of other records, so the mutations that change those records invalidate them here.

import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { IncubatorDashboard, TenantTimeline } from '@torch/shared';
import { api } from './client';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  incubator: (incubatorId: string) => [...dashboardKeys.all, incubatorId] as const,
};

export const timelineKeys = {
  all: ['timeline'] as const,
  tenant: (tenantId: string) => [...timelineKeys.all, tenantId] as const,
};

export function useIncubatorDashboard(incubatorId: string) {
  return useQuery({
    queryKey: dashboardKeys.incubator(incubatorId),
    queryFn: ({ signal }) => api<IncubatorDashboard>(`/incubators/${incubatorId}/dashboard`, { signal }),
  });
}

export function useTenantTimeline(tenantId: string) {
  return useQuery({
    queryKey: timelineKeys.tenant(tenantId),
    queryFn: ({ signal }) => api<TenantTimeline>(`/tenants/${tenantId}/timeline`, { signal }),
  });
}

/** A record of a tenant changed: its story and its incubator's tiles are out of date. */
export function invalidateSummaries(queryClient: QueryClient, tenantId: string) {
  void queryClient.invalidateQueries({ queryKey: timelineKeys.tenant(tenantId) });
  void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
}
