// Tenants: an incubator's list, one tenant, admission and edits.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Tenant, TenantCreate, TenantListQuery, TenantPatch } from '@torch/shared';
import { api } from './client';
import { invalidateSummaries } from './dashboard';
import { incubatorKeys } from './incubators';
import type { Page } from './page';

export type TenantFilters = Partial<TenantListQuery>;
/** What the form sends: the shared schema's parsed output (normalised USCC, defaults filled in). */
export type AdmitBody = ReturnType<typeof TenantCreate.parse>;

export const tenantKeys = {
  all: ['tenants'] as const,
  lists: () => [...tenantKeys.all, 'list'] as const,
  listOf: (incubatorId: string, filters: TenantFilters) =>
    [...tenantKeys.lists(), incubatorId, filters] as const,
  details: () => [...tenantKeys.all, 'detail'] as const,
  detail: (id: string) => [...tenantKeys.details(), id] as const,
};

export function useIncubatorTenants(incubatorId: string, filters: TenantFilters) {
  return useQuery({
    queryKey: tenantKeys.listOf(incubatorId, filters),
    queryFn: ({ signal }) =>
      api<Page<Tenant>>(`/incubators/${incubatorId}/tenants`, { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTenant(id: string | undefined) {
  return useQuery({
    queryKey: tenantKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<Tenant>(`/tenants/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useAdmitTenant(incubatorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AdmitBody) =>
      api<Tenant>(`/incubators/${incubatorId}/tenants`, { method: 'POST', body }),
    onSuccess: (tenant) => {
      queryClient.setQueryData(tenantKeys.detail(tenant.id), tenant);
      // The list and the incubator's incubating count both changed.
      void queryClient.invalidateQueries({ queryKey: tenantKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: incubatorKeys.all });
    },
  });
}

export function usePatchTenant(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TenantPatch) => api<Tenant>(`/tenants/${id}`, { method: 'PATCH', body }),
    onSuccess: (tenant) => {
      queryClient.setQueryData(tenantKeys.detail(id), tenant);
      void queryClient.invalidateQueries({ queryKey: tenantKeys.lists() });
      // A company's deadline-moving edit now waits on its incubator's dashboard.
      invalidateSummaries(queryClient, id);
    },
  });
}

/** The manager's decision on a company's deadline-moving edit: the tenant, the lists and the dashboard change. */
export function useDecidePendingChange(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'confirm' | 'reject') =>
      api<Tenant>(`/tenants/${id}/pending-change/${action}`, { method: 'POST' }),
    onSuccess: (tenant) => {
      queryClient.setQueryData(tenantKeys.detail(id), tenant);
      void queryClient.invalidateQueries({ queryKey: tenantKeys.lists() });
      invalidateSummaries(queryClient, id);
    },
  });
}
