import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap } from '../api/client';
import type { ApiError } from '../api/errors';
import { timelineKeys } from '../timeline/queries';

/** Keyed by the version the plan is at: a submission or a return brings the threads as they stand for it. */
export const commentKeys = {
  all: (planId: string) => ['plans', planId, 'comments'] as const,
  of: (planId: string, versionNo: number) => ['plans', planId, 'comments', versionNo] as const,
};

/** The threads as they stand for the plan's current version, with open ones carried over (GET …/comments). */
export function useComments(planId: string, versionNo: number) {
  return useQuery({
    queryKey: commentKeys.of(planId, versionNo),
    queryFn: () => unwrap(api.GET('/api/plans/{id}/comments', { params: { path: { id: planId } } })),
    enabled: versionNo > 0,
  });
}

export type CommentList = NonNullable<ReturnType<typeof useComments>['data']>;
export type Thread = CommentList['threads'][number];

export function useReply(planId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, { commentId: string; body: string }>({
    mutationFn: ({ commentId, body }) =>
      unwrap(
        api.POST('/api/plans/{id}/comments/{commentId}/replies', {
          params: { path: { id: planId, commentId } },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: { body },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: commentKeys.all(planId) }),
        queryClient.invalidateQueries({ queryKey: timelineKeys.all(planId) }),
      ]),
  });
}

export interface NewComment {
  anchorType: Thread['anchorType'];
  anchorKey?: string;
  body: string;
}

/** The office's new remark on the version under review, on a section, an indicator or the plan as a whole. */
export function useStartComment(planId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, NewComment>({
    mutationFn: (body) =>
      unwrap(
        api.POST('/api/plans/{id}/comments', {
          params: { path: { id: planId } },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body,
        }),
      ),
    // Not awaited: the box empties as soon as the server has the remark, not after the lists are read again (a
    // person typing the next remark meanwhile would have it appended to the one already sent).
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: commentKeys.all(planId) });
      void queryClient.invalidateQueries({ queryKey: timelineKeys.all(planId) });
    },
  });
}

/** A reviewer marks a thread resolved at the current version (doing it twice changes nothing: no key needed). */
export function useResolve(planId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, string>({
    mutationFn: (commentId) =>
      unwrap(
        api.POST('/api/plans/{id}/comments/{commentId}/resolve', {
          params: { path: { id: planId, commentId } },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: commentKeys.all(planId) }),
        queryClient.invalidateQueries({ queryKey: timelineKeys.all(planId) }),
      ]),
  });
}
