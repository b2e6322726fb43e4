import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema.gen';

export type Consolidation = components['schemas']['CampaignConsolidationDto'];
export type IndicatorSummary = Consolidation['indicators'][number];
export type FigureRow = IndicatorSummary['district'];

/** Under the campaign's key: anything that changes the campaign's plans invalidates it with them. */
export const consolidationKey = (id: string) => ['campaigns', id, 'consolidation'] as const;

export const useConsolidation = (id: string) =>
  useQuery({
    queryKey: consolidationKey(id),
    queryFn: () => unwrap(api.GET('/api/campaigns/{id}/consolidation', { params: { path: { id } } })),
  });
