import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Side } from './diff-view';

/** A diff against the draft is keyed by the draft's last save: a save makes it stale, a version never changes. */
export const versionKeys = {
  /** every comparison of the plan: a change to the draft's files changes those against the draft */
  all: (planId: string) => ['plans', planId, 'diff'] as const,
  diff: (planId: string, from: number, to: Side, draftStamp: string) =>
    ['plans', planId, 'diff', from, to, to === 'draft' ? draftStamp : ''] as const,
};

export function usePlanDiff(planId: string, pair: { from: number; to: Side } | null, draftStamp: string) {
  return useQuery({
    queryKey: versionKeys.diff(planId, pair?.from ?? 0, pair?.to ?? 0, draftStamp),
    queryFn: () =>
      unwrap(
        api.GET('/api/plans/{id}/diff', {
          params: { path: { id: planId }, query: { from: pair!.from, to: pair!.to } },
        }),
      ),
    enabled: pair !== null,
    placeholderData: keepPreviousData,
  });
}

export type PlanDiff = NonNullable<ReturnType<typeof usePlanDiff>['data']>;
