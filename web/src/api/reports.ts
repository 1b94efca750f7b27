// Yearly reports: the company drafts, edits and submits its own; the incubator reviews them.

import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Report, ReportCreate, ReportListQuery, ReportPatch, ReportReturnBody } from '@torch/shared';
import { api } from './client';
import { invalidateSummaries } from './dashboard';
import { lifecycleKeys } from './lifecycle';
import type { Page } from './page';

export type ReportFilters = Partial<ReportListQuery>;

export const reportKeys = {
  all: ['reports'] as const,
  lists: () => [...reportKeys.all, 'list'] as const,
  ofTenant: (tenantId: string) => [...reportKeys.lists(), 'tenant', tenantId] as const,
  ofIncubator: (incubatorId: string, filters: ReportFilters) =>
    [...reportKeys.lists(), 'incubator', incubatorId, filters] as const,
  details: () => [...reportKeys.all, 'detail'] as const,
  detail: (id: string) => [...reportKeys.details(), id] as const,
};

/** A company files one report a year, so one page of 200 is its whole history. */
export function useTenantReports(tenantId: string) {
  return useQuery({
    queryKey: reportKeys.ofTenant(tenantId),
    queryFn: ({ signal }) =>
      api<Page<Report>>(`/tenants/${tenantId}/reports`, { query: { pageSize: 200 }, signal }),
  });
}

export function useIncubatorReports(incubatorId: string, filters: ReportFilters) {
  return useQuery({
    queryKey: reportKeys.ofIncubator(incubatorId, filters),
    queryFn: ({ signal }) =>
      api<Page<Report>>(`/incubators/${incubatorId}/reports`, { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: reportKeys.detail(id),
    queryFn: ({ signal }) => api<Report>(`/reports/${id}`, { signal }),
  });
}

/** Every change of a report shows in the lists, the queue count, the timeline and eligibility. */
function saved(queryClient: QueryClient, report: Report) {
  queryClient.setQueryData(reportKeys.detail(report.id), report);
  void queryClient.invalidateQueries({ queryKey: reportKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: lifecycleKeys.eligibilityOf(report.tenantId) });
  invalidateSummaries(queryClient, report.tenantId);
}

export function useCreateReport(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportCreate) => api<Report>(`/tenants/${tenantId}/reports`, { method: 'POST', body }),
    onSuccess: (report) => saved(queryClient, report),
  });
}

export function usePatchReport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportPatch) => api<Report>(`/reports/${id}`, { method: 'PATCH', body }),
    onSuccess: (report) => saved(queryClient, report),
  });
}

export type ReportTransition = { id: string } & (
  | { action: 'submit' | 'approve' }
  | { action: 'return'; body: ReportReturnBody }
);

/** submit (the company), approve and return (the incubator's manager). */
export function useReportTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (transition: ReportTransition) =>
      api<Report>(`/reports/${transition.id}/${transition.action}`, {
        method: 'POST',
        body: transition.action === 'return' ? transition.body : undefined,
      }),
    onSuccess: (report) => saved(queryClient, report),
  });
}
