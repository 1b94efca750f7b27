// Reference data (provinces, parks, fields) is fixed by migration: fetched once per session.

import { useQuery } from '@tanstack/react-query';
import type { FieldOut, Park, Province } from '@torch/shared';
import { api } from './client';

/** A technology field as /fields serves it (with its incubation limit). */
export type FieldInfo = ReturnType<typeof FieldOut.parse>;

export const referenceKeys = {
  all: ['reference'] as const,
  provinces: () => [...referenceKeys.all, 'provinces'] as const,
  parks: () => [...referenceKeys.all, 'parks'] as const,
  fields: () => [...referenceKeys.all, 'fields'] as const,
};

const forever = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY };

export function useProvinces() {
  return useQuery({
    queryKey: referenceKeys.provinces(),
    queryFn: ({ signal }) => api<Province[]>('/provinces', { signal }),
    ...forever,
  });
}

export function useParks() {
  return useQuery({
    queryKey: referenceKeys.parks(),
    queryFn: ({ signal }) => api<Park[]>('/parks', { signal }),
    ...forever,
  });
}

export function useFields() {
  return useQuery({
    queryKey: referenceKeys.fields(),
    queryFn: ({ signal }) => api<FieldInfo[]>('/fields', { signal }),
    ...forever,
  });
}
