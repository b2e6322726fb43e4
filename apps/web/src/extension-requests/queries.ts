import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { ApiError } from '../api/errors';

export const requestKeys = {
  pending: ['extension-requests', 'pending'] as const,
  plans: (q: string) => ['extension-requests', 'plans', q] as const,
};

/** The district's requests waiting for an answer (GET /api/extension-requests). */
export function usePendingRequests() {
  return useQuery({
    queryKey: requestKeys.pending,
    queryFn: () => unwrap(api.GET('/api/extension-requests')),
  });
}

export type PendingRequest = NonNullable<ReturnType<typeof usePendingRequests>['data']>[number];

/** A decision changes the request, the plan (its deadline, its timeline) and the board's counts. */
function useAfterDecision() {
  const queryClient = useQueryClient();
  return (planId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: requestKeys.pending }),
      queryClient.invalidateQueries({ queryKey: ['plans', planId] }),
      queryClient.invalidateQueries({ queryKey: ['board'] }),
    ]);
}

/**
 * Grants a request. The key is made once per dialog (the caller's), so a retried click or a network retry grants
 * once; a second grant of the same request is refused by the API (409) with its message.
 */
export function useGrantRequest() {
  const after = useAfterDecision();
  return useMutation<unknown, ApiError, { request: PendingRequest; until: string; note: string; key: string }>({
    mutationFn: ({ request, until, note, key }) =>
      unwrap(
        api.POST('/api/plans/{id}/extension-requests/{requestId}/grant', {
          params: { path: { id: request.planId, requestId: request.id } },
          headers: { 'Idempotency-Key': key },
          body: { until, note },
        }),
      ),
    onSettled: (_d, _e, v) => after(v.request.planId),
  });
}

export function useRefuseRequest() {
  const after = useAfterDecision();
  return useMutation<unknown, ApiError, { request: PendingRequest; note: string }>({
    mutationFn: ({ request, note }) =>
      unwrap(
        api.POST('/api/plans/{id}/extension-requests/{requestId}/refuse', {
          params: { path: { id: request.planId, requestId: request.id } },
          body: { note },
        }),
      ),
    onSettled: (_d, _e, v) => after(v.request.planId),
  });
}

/** Plans to pick for a school's own deadline: the board's search by school name or code. */
export function usePlanSearch(q: string) {
  return useQuery({
    queryKey: requestKeys.plans(q),
    queryFn: () => unwrap(api.GET('/api/board', { params: { query: { q, sort: 'school', page: 1, pageSize: 20 } } })),
    enabled: q.trim().length >= 2,
    staleTime: 30_000,
  });
}

export type DeadlineKind = 'SUBMISSION' | 'REVISION' | 'REVIEW';

export type PlanChoice = NonNullable<ReturnType<typeof usePlanSearch>['data']>['items'][number];

export function useChangeDeadline() {
  const after = useAfterDecision();
  return useMutation<
    unknown,
    ApiError,
    { planId: string; kind: DeadlineKind; until: string; reason: string; key: string }
  >({
    mutationFn: ({ planId, key, ...body }) =>
      unwrap(
        api.POST('/api/plans/{id}/deadline', {
          params: { path: { id: planId } },
          headers: { 'Idempotency-Key': key },
          body,
        }),
      ),
    onSettled: (_d, _e, v) => after(v.planId),
  });
}
