import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/**
 * Keyed by where the plan stands (status, version, draft revision): every move and every save adds to the trail,
 * and the plan's own read, which the page refreshes after each, carries those three.
 */
export const timelineKeys = {
  /** every stamp of the plan's trail: what a write that adds an event invalidates */
  all: (planId: string) => ['plans', planId, 'audit'] as const,
  of: (planId: string, stamp: string) => ['plans', planId, 'audit', stamp] as const,
};

/** The plan's audit trail, each event with its sentence (GET /api/plans/:id/audit). */
export function usePlanTimeline(planId: string, stamp: string) {
  return useQuery({
    queryKey: timelineKeys.of(planId, stamp),
    queryFn: () => unwrap(api.GET('/api/plans/{id}/audit', { params: { path: { id: planId } } })),
  });
}

export type TimelineEvent = NonNullable<ReturnType<typeof usePlanTimeline>['data']>[number];
