// The national company identity: search across incubators and one company's stays (national and
// province users; the API scopes both).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Company, CompanyDetail, CompanyListQuery } from '@torch/shared';
import { api } from './client';
import type { Page } from './page';

export const companyKeys = {
  all: ['companies'] as const,
  search: (query: CompanyListQuery) => [...companyKeys.all, 'search', query] as const,
  detail: (id: string) => [...companyKeys.all, 'detail', id] as const,
};

/** Asks only once there is something to look for (the API wants two characters or more). */
export function useCompanySearch(query: CompanyListQuery | null) {
  return useQuery({
    queryKey: companyKeys.search(query ?? { q: '', page: 1, pageSize: 0 }),
    queryFn: ({ signal }) => api<Page<Company>>('/companies', { query: query ?? {}, signal }),
    placeholderData: keepPreviousData,
    enabled: query !== null,
  });
}

export function useCompany(id: string) {
  return useQuery({
    queryKey: companyKeys.detail(id),
    queryFn: ({ signal }) => api<CompanyDetail>(`/companies/${id}`, { signal }),
  });
}
