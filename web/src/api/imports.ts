// Spreadsheet imports (upload → mapping → preview → commit) and the incubator's XLSX exports.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Import, ImportCommitResult, ImportKind } from '@torch/shared';
import { useRef } from 'react';
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
  progress: (id: string) => [...importKeys.all, id, 'progress'] as const,
};

export function useImport(id: string | undefined) {
  return useQuery({
    queryKey: importKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<Import>(`/imports/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/**
 * How far a running upload, re-check or commit of import `id` has got, read every 300 ms while
 * `running` (from whichever server process answers). `uploading`: the id is that of an upload
 * still on its way, which the server has maybe not claimed yet: it answers 204 (not yet, the bar
 * waits) instead of a 404.
 */
export function useImportProgress(id: string | undefined, running: boolean, uploading = false) {
  const query = useQuery({
    queryKey: importKeys.progress(id ?? ''),
    queryFn: async ({ signal }) =>
      (await api<Import | undefined>(`/imports/${id}`, {
        signal,
        query: uploading ? { uploading: true } : {},
      })) ?? null,
    enabled: Boolean(id) && running,
    refetchInterval: running ? 300 : false,
    retry: false,
  });
  // What an earlier run (the upload's, before this commit) left in the cache is not this run's.
  const since = useRef<number | null>(null);
  if (!running) since.current = null;
  else since.current ??= Date.now();
  const fresh = running && query.dataUpdatedAt >= (since.current ?? 0);
  const progress = fresh ? query.data?.progress : undefined;
  return progress && progress.phase !== 'done' ? progress : undefined;
}

/**
 * A random UUID (v4) for a new import. crypto.randomUUID exists only in secure contexts (https,
 * localhost); a dashboard served over plain http inside an intranet still has getRandomValues.
 */
export function newImportId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `id`: the import's id, made by the wizard so it can follow the validation while the file uploads. */
export function useUploadImport(incubatorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file, id }: { kind: ImportKind; file: File; id: string }) => {
      const form = new FormData();
      form.append('file', file);
      return api<Import>(`/incubators/${incubatorId}/imports`, {
        method: 'POST',
        query: { kind, id },
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
