import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { forgetEarlyReads } from '../api/early-reads';
import type { ApiError } from '../api/errors';

export const meKey = ['me'] as const;

/** The signed-in user (GET /api/auth/me); null when nobody is (401), so the shell can send them to sign in. */
export const meQuery = () =>
  queryOptions({
    queryKey: meKey,
    queryFn: async () => {
      const answer = await api.GET('/api/auth/me');
      if (answer.response.status === 401) return null;
      return unwrap(Promise.resolve(answer));
    },
    staleTime: 5 * 60_000,
    retry: false,
  });

export const useMe = () => useQuery(meQuery());

export type Me = NonNullable<ReturnType<typeof useMe>['data']>;

export function useSignIn() {
  const client = useQueryClient();
  return useMutation<unknown, ApiError, { email: string; password: string }>({
    mutationFn: (body) => unwrap(api.POST('/api/auth/session', { body })),
    onSuccess: async () => {
      // Whatever another user's session had cached or read is not this user's to see.
      forgetEarlyReads();
      client.clear();
      await client.fetchQuery({ queryKey: meKey, queryFn: () => unwrap(api.GET('/api/auth/me')) });
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation<unknown, ApiError>({
    mutationFn: () => unwrap(api.DELETE('/api/auth/session')),
    onSettled: () => {
      client.clear();
      client.setQueryData(meKey, null);
    },
  });
}
