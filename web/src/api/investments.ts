// Money into a tenant: its investments with totals, and recording one.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Investment, InvestmentCreate, TenantInvestments } from '@torch/shared';
import { api } from './client';
import { invalidateSummaries } from './dashboard';
import { lifecycleKeys } from './lifecycle';

export const investmentKeys = {
  all: ['investments'] as const,
  ofTenant: (tenantId: string) => [...investmentKeys.all, 'tenant', tenantId] as const,
};

export function useTenantInvestments(tenantId: string) {
  return useQuery({
    queryKey: investmentKeys.ofTenant(tenantId),
    queryFn: ({ signal }) => api<TenantInvestments>(`/tenants/${tenantId}/investments`, { signal }),
  });
}

export function useRecordInvestment(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvestmentCreate) =>
      api<Investment>(`/tenants/${tenantId}/investments`, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: investmentKeys.ofTenant(tenantId) });
      // Angel and VC money may prove the investment graduation criterion.
      void queryClient.invalidateQueries({ queryKey: lifecycleKeys.eligibilityOf(tenantId) });
      invalidateSummaries(queryClient, tenantId);
    },
  });
}
