// Spreadsheet imports (upload → mapping → preview → commit) and the incubator's XLSX exports.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Import, ImportCommitResult, ImportKind } from '@torch/shared';
import { api, type QueryValue } from './client';
import { dashboardKeys } from './dashboard';
import { downloadFile } from './download';
import { incubatorKeys } from './incubators';
import { reportKeys } from './reports';
import { statsKeys } from './stats';
import { tenantKeys } from './tenants';

export const importKeys = {
  all: ['imports'] as const,
  detail: (id: string) => [...importKeys.all, id] as const,
};

/** `polling` while a commit runs: its progress is read every few hundred milliseconds. */
export function useImport(id: string | undefined, polling = false) {
  return useQuery({
    queryKey: importKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<Import>(`/imports/${id}`, { signal }),
    enabled: Boolean(id),
    refetchInterval: polling ? 300 : false,
  });
}

export function useUploadImport(incubatorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return api<Import>(`/incubators/${incubatorId}/imports`, {
        method: 'POST',
        query: { kind },
        body: form,
      });
    },
    onSuccess: (result) => queryClient.setQueryData(importKeys.detail(result.id), result),
  });
}

export function useMapImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mapping: Record<string, string>) =>
      api<Import>(`/imports/${id}/mapping`, { method: 'PUT', body: { mapping } }),
    onSuccess: (result) => queryClient.setQueryData(importKeys.detail(id), result),
  });
}

export function useCommitImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<ImportCommitResult>(`/imports/${id}/commit`, { method: 'POST' }),
    onSuccess: () => {
      // Tenants, their reports, the incubator's counts and the statistics all changed.
      for (const key of [
        importKeys.detail(id),
        tenantKeys.all,
        reportKeys.all,
        incubatorKeys.all,
        dashboardKeys.all,
        statsKeys.all,
      ]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
}

export const downloadImportFile = (id: string) =>
  downloadFile(`/imports/${id}/file`, {}, 'import-result.xlsx');

export const downloadTemplate = (incubatorId: string, kind: ImportKind) =>
  downloadFile(`/incubators/${incubatorId}/imports/template`, { kind }, `template-${kind}.xlsx`);

export type ExportWhat = 'tenants' | 'reports' | 'investments';

export const downloadExport = (
  incubatorId: string,
  what: ExportWhat,
  query: Record<string, QueryValue> = {},
) => downloadFile(`/incubators/${incubatorId}/${what}/export`, query, `${what}.xlsx`);
