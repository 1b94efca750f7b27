// Who is signed in: sign-in, sign-out and /me.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, Me, TokenPair } from '@torch/shared';
import { api, setAccessToken } from './client';

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

export function useMe() {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => api<Me>('/me', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api<TokenPair>('/auth/login', { method: 'POST', body, anonymous: true }),
    onSuccess: (pair) => {
      setAccessToken(pair.accessToken);
      // A previous user's cached pages must never show for the next one.
      queryClient.clear();
      queryClient.setQueryData(authKeys.me(), pair.user);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST', anonymous: true }),
    onSettled: () => {
      setAccessToken(null);
      queryClient.clear();
    },
  });
}

/** The signed-in user, for pages under RequireSession (which waits for /me before rendering them). */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser needs RequireSession above it');
  return data;
}
