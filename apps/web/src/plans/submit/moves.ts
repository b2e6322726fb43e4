import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap } from '../../api/client';
import type { ApiError } from '../../api/errors';
import { plansKeys } from '../../home/queries';
import { planKeys } from '../queries';

/** Submit or withdraw: the plan, its frame (deadline in force) and the home's list change; nothing else does. */
export function usePlanMove(planId: string, move: 'submit' | 'withdraw') {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError>({
    mutationFn: () => {
      const init = { params: { path: { id: planId } }, headers: { 'Idempotency-Key': idempotencyKey() } };
      return unwrap(
        move === 'submit' ? api.POST('/api/plans/{id}/submit', init) : api.POST('/api/plans/{id}/withdraw', init),
      );
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planKeys.plan(planId), exact: true }),
        queryClient.invalidateQueries({ queryKey: planKeys.form(planId) }),
        queryClient.invalidateQueries({ queryKey: plansKeys.mine() }),
      ]),
  });
}
