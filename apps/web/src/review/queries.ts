import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap } from '../api/client';
import type { ApiError } from '../api/errors';
import type { QueueQuery } from './queue-params';

/** The queue is keyed by its filters; any decision makes every filtered view of it stale. */
export const queueKeys = {
  all: ['review-queue'] as const,
  of: (q: QueueQuery) => ['review-queue', q] as const,
};

/** The plans waiting on me, most urgent first, with the count of each filter (GET /api/review-queue). */
export function useReviewQueue(q: QueueQuery, enabled = true) {
  return useQuery({
    queryKey: queueKeys.of(q),
    queryFn: () => unwrap(api.GET('/api/review-queue', { params: { query: q } })),
    enabled,
  });
}

export type ReviewQueue = NonNullable<ReturnType<typeof useReviewQueue>['data']>;
export type QueueItem = ReviewQueue['items'][number];
export type Facet = ReviewQueue['facets']['campaign'];

export interface BulkInput {
  action: 'approve' | 'return';
  planIds: string[];
  comment?: string;
  revisionDeadline?: string;
}

/** One shared comment, one decision per plan; the answer says which were refused and why. */
export function useBulkDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkInput) =>
      unwrap(api.POST('/api/plans/bulk-decisions', { headers: { 'Idempotency-Key': idempotencyKey() }, body })),
    onSuccess: (_data, body) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queueKeys.all }),
        ...body.planIds.map((id) => queryClient.invalidateQueries({ queryKey: ['plans', id] })),
      ]),
  });
}

export type BulkOutcome = NonNullable<ReturnType<typeof useBulkDecision>['data']>;
export type { ApiError };
