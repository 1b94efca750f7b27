// An incubator's mentors (Torch Entrepreneur Mentors Action) and whom they mentor.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Mentor, MentorCreate, Mentoring, MentoringCreate, MentorWithTenants } from '@torch/shared';
import { api } from './client';
import { invalidateSummaries } from './dashboard';
import type { Page } from './page';

export interface MentorFilters {
  page?: number;
  pageSize?: number;
}

export const mentorKeys = {
  all: ['mentors'] as const,
  lists: () => [...mentorKeys.all, 'list'] as const,
  listOf: (incubatorId: string, filters: MentorFilters) =>
    [...mentorKeys.lists(), incubatorId, filters] as const,
};

export function useIncubatorMentors(incubatorId: string, filters: MentorFilters) {
  return useQuery({
    queryKey: mentorKeys.listOf(incubatorId, filters),
    queryFn: ({ signal }) =>
      api<Page<MentorWithTenants>>(`/incubators/${incubatorId}/mentors`, { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAddMentor(incubatorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MentorCreate) =>
      api<Mentor>(`/incubators/${incubatorId}/mentors`, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mentorKeys.lists() }),
  });
}

export function useAssignMentor(mentorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MentoringCreate) =>
      api<Mentoring>(`/mentors/${mentorId}/tenants`, { method: 'POST', body }),
    onSuccess: (mentoring) => {
      void queryClient.invalidateQueries({ queryKey: mentorKeys.lists() });
      invalidateSummaries(queryClient, mentoring.tenantId);
    },
  });
}
