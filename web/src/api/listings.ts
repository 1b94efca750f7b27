// IPO and other listings (上市、挂牌) of a tenant.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Listing, ListingCreate } from '@torch/shared';
import { api } from './client';
import { invalidateSummaries } from './dashboard';
import { lifecycleKeys } from './lifecycle';

export const listingKeys = {
  all: ['listings'] as const,
  ofTenant: (tenantId: string) => [...listingKeys.all, 'tenant', tenantId] as const,
};

export function useTenantListings(tenantId: string) {
  return useQuery({
    queryKey: listingKeys.ofTenant(tenantId),
    queryFn: ({ signal }) => api<{ items: Listing[] }>(`/tenants/${tenantId}/listings`, { signal }),
  });
}

export function useRecordListing(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ListingCreate) =>
      api<Listing>(`/tenants/${tenantId}/listings`, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: listingKeys.ofTenant(tenantId) });
      // A listing proves the "listed" graduation criterion.
      void queryClient.invalidateQueries({ queryKey: lifecycleKeys.eligibilityOf(tenantId) });
      invalidateSummaries(queryClient, tenantId);
    },
  });
}
