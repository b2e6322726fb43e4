import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap } from '../api/client';
import type { ApiError } from '../api/errors';
import type { components } from '../api/schema.gen';
import { boardKeys } from '../board/queries';
import { timelineKeys } from '../timeline/queries';

export type PaperCopies = components['schemas']['PaperCopiesDto'];

const key = (planId: string) => ['plans', planId, 'paper-copies'] as const;

/** The copies the directive asks of the school and those the office received (GET /api/plans/:id/paper-copies). */
export const usePaperCopies = (planId: string) =>
  useQuery({
    queryKey: key(planId),
    queryFn: () => unwrap(api.GET('/api/plans/{id}/paper-copies', { params: { path: { id: planId } } })),
  });

/** The clerk (or an admin) records copies just received; one key per click, so a retried request counts once. */
export function useRecordPaperCopies(planId: string) {
  const client = useQueryClient();
  return useMutation<PaperCopies, ApiError, { copies: number; note?: string }>({
    mutationFn: (body) =>
      unwrap(
        api.POST('/api/plans/{id}/paper-copies', {
          params: { path: { id: planId } },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body,
        }),
      ),
    onSuccess: (answer) => {
      client.setQueryData(key(planId), answer);
      // The board's "paper 1/2" and the plan's trail changed too.
      void client.invalidateQueries({ queryKey: boardKeys.all });
      void client.invalidateQueries({ queryKey: timelineKeys.all(planId) });
    },
  });
}
