import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap } from '../../api/client';
import type { ApiError } from '../../api/errors';
import { queueKeys } from '../../review/queries';
import { planKeys } from '../queries';

type Rating = 'MET' | 'PARTLY' | 'NOT_MET';
export type Rubric = Partial<Record<'COMPLETE' | 'CONCRETE' | 'FEASIBLE' | 'FITTING', { rating: Rating }>>;

/** Who decides here, the capacity a decision will record, the campaign's revision rule (GET …/decision-context). */
export function useDecisionContext(planId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...planKeys.plan(planId), 'decision-context'] as const,
    queryFn: () => unwrap(api.GET('/api/plans/{id}/decision-context', { params: { path: { id: planId } } })),
    enabled,
  });
}

export type DecisionContext = NonNullable<ReturnType<typeof useDecisionContext>['data']>;

export type DecisionMove =
  | { kind: 'approve'; comment?: string; rubric?: Rubric }
  | { kind: 'return'; comment: string; rubric?: Rubric; revisionDeadline?: string }
  | { kind: 'recommend'; recommendation: 'APPROVE' | 'RETURN'; comment?: string; rubric?: Rubric };

/** Approve, return or recommend: the plan and everything read from it change, and so does the queue. */
export function useDecision(planId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, DecisionMove>({
    mutationFn: (move) => {
      const init = { params: { path: { id: planId } }, headers: { 'Idempotency-Key': idempotencyKey() } };
      if (move.kind === 'approve') {
        return unwrap(
          api.POST('/api/plans/{id}/approve', { ...init, body: { comment: move.comment, rubric: move.rubric } }),
        );
      }
      if (move.kind === 'return') {
        const { kind: _kind, ...body } = move;
        return unwrap(api.POST('/api/plans/{id}/return', { ...init, body }));
      }
      const { kind: _kind, ...body } = move;
      return unwrap(api.POST('/api/plans/{id}/recommend', { ...init, body }));
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planKeys.plan(planId) }),
        queryClient.invalidateQueries({ queryKey: queueKeys.all }),
      ]),
  });
}
