// Accounts and one-time links: the users in scope, invitations, reset links, the accept page's
// calls, and one's own password (API.md "Accounts, invitations and sessions").
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Invitation,
  InvitationAccept,
  InvitationCreate,
  InvitationCreated,
  InvitationListQuery,
  InvitationPreview,
  PasswordChangeBody,
  TokenPair,
  UserPatch,
  UserSummary,
} from '@torch/shared';
import { authKeys } from './auth';
import { api, setAccessToken } from './client';
import type { Page } from './page';

export interface UserFilters {
  q?: string;
  role?: string;
  disabled?: 'true' | 'false';
  companyId?: string;
  incubatorId?: string;
}

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (filters: UserFilters) => [...userKeys.lists(), filters] as const,
  invitations: (filters: InvitationListQuery) => [...userKeys.all, 'invitations', filters] as const,
  preview: (token: string) => [...userKeys.all, 'preview', token] as const,
};

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ signal }) => api<Page<UserSummary>>('/users', { query: { ...filters }, signal }),
  });
}

export function useInvitations(filters: InvitationListQuery) {
  return useQuery({
    queryKey: userKeys.invitations(filters),
    queryFn: ({ signal }) =>
      api<{ items: Invitation[]; total: number }>('/invitations', { query: { ...filters }, signal }),
  });
}

/** Every account write changes lists and pending links alike: refetch both. */
function useAccountMutation<In, Out>(fn: (input: In) => Promise<Out>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export const useInvite = () =>
  useAccountMutation((body: InvitationCreate) =>
    api<InvitationCreated>('/invitations', { method: 'POST', body }),
  );

export const useRevokeInvitation = () =>
  useAccountMutation((id: string) => api<void>(`/invitations/${id}`, { method: 'DELETE' }));

export const useResendInvitation = () =>
  useAccountMutation((id: string) => api<InvitationCreated>(`/invitations/${id}/resend`, { method: 'POST' }));

export const usePatchUser = () =>
  useAccountMutation(({ id, ...body }: UserPatch & { id: string }) =>
    api<UserSummary>(`/users/${id}`, { method: 'PATCH', body }),
  );

export const useResetLink = () =>
  useAccountMutation((id: string) =>
    api<InvitationCreated>(`/users/${id}/password-reset`, { method: 'POST' }),
  );

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: userKeys.preview(token),
    queryFn: ({ signal }) =>
      api<InvitationPreview>(`/invitations/by-token/${encodeURIComponent(token)}`, {
        signal,
        anonymous: true,
      }),
    retry: false,
  });
}

/** Spends the link and signs in as the new (or reset) account. */
export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitationAccept) =>
      api<TokenPair>(`/invitations/by-token/${encodeURIComponent(token)}/accept`, {
        method: 'POST',
        body,
        anonymous: true,
      }),
    onSuccess: (pair) => {
      setAccessToken(pair.accessToken);
      // A previous user's cached pages must never show; the spent link's preview stays, or the
      // still-open page would ask for it again (and hear 410).
      queryClient.removeQueries({ predicate: (q) => q.queryKey[1] !== 'preview' });
      queryClient.setQueryData(authKeys.me(), pair.user);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: PasswordChangeBody) => api<void>('/me/password', { method: 'POST', body }),
  });
}
