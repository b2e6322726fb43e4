import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { ApiError } from '../api/errors';
import type { components } from '../api/schema.gen';
import { campaignKeys } from '../campaigns/queries';

export const phaseKeys = {
  phases: (campaignId: string) => ['campaigns', campaignId, 'phases'] as const,
};

/** A campaign's phases, each with the self-assessment opened for it, and the schools with approved plans. */
export const usePhases = (campaignId: string, enabled = true) =>
  useQuery({
    queryKey: phaseKeys.phases(campaignId),
    queryFn: () => unwrap(api.GET('/api/campaigns/{id}/phases', { params: { path: { id: campaignId } } })),
    enabled,
  });

export type CampaignPhases = NonNullable<ReturnType<typeof usePhases>['data']>;
export type OpenPhaseInput = components['schemas']['OpenPhaseDto'];

/** Opens a phase: the campaign's reads (its phases, its audit trail, the list) are read again. */
export function useOpenPhase(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, { index: number; body: OpenPhaseInput }>({
    mutationFn: ({ index, body }) =>
      unwrap(
        api.POST('/api/campaigns/{id}/phases/{index}/open', {
          params: { path: { id: campaignId, index: String(index) } },
          body,
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKeys.one(campaignId) }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.list() }),
      ]),
  });
}
