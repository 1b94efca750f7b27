// The end of a tenancy: what the records prove about graduating, graduation and exit.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExitBody, GraduationBody, GraduationEligibilityOut, Tenant } from '@torch/shared';
import { api } from './client';
import { invalidateSummaries } from './dashboard';
import { incubatorKeys } from './incubators';
import { tenantKeys } from './tenants';

export const lifecycleKeys = {
  all: ['lifecycle'] as const,
  eligibilityOf: (tenantId: string) => [...lifecycleKeys.all, 'eligibility', tenantId] as const,
  eligibility: (tenantId: string, asOf: string) => [...lifecycleKeys.eligibilityOf(tenantId), asOf] as const,
};

/** As of a planned graduation date: records dated after it do not count. */
export function useGraduationEligibility(
  tenantId: string,
  asOf: string,
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: lifecycleKeys.eligibility(tenantId, asOf),
    queryFn: ({ signal }) =>
      api<GraduationEligibilityOut>(`/tenants/${tenantId}/graduation-eligibility`, {
        query: { asOf },
        signal,
      }),
    // While another date is asked about, the last answer stays on screen (dimmed).
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** Graduation and exit change the tenant, its incubator's counts, lists and summaries. */
function useEndTenancy<Body>(tenantId: string, action: 'graduation' | 'exit') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api<Tenant>(`/tenants/${tenantId}/${action}`, { method: 'POST', body }),
    onSuccess: (tenant) => {
      queryClient.setQueryData(tenantKeys.detail(tenantId), tenant);
      void queryClient.invalidateQueries({ queryKey: tenantKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: incubatorKeys.all });
      void queryClient.invalidateQueries({ queryKey: lifecycleKeys.eligibilityOf(tenantId) });
      invalidateSummaries(queryClient, tenantId);
    },
  });
}

export const useGraduate = (tenantId: string) => useEndTenancy<GraduationBody>(tenantId, 'graduation');
export const useExit = (tenantId: string) => useEndTenancy<ExitBody>(tenantId, 'exit');
