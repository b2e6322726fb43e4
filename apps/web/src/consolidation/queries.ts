import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema.gen';

export type Consolidation = components['schemas']['CampaignConsolidationDto'];
export type IndicatorSummary = Consolidation['indicators'][number];
export type FigureRow = IndicatorSummary['district'];

export type PhaseRow = FigureRow['results'][number];

/** The consolidated report's downloads (DOCX, XLSX): plain links, the session cookie goes with them. */
export const reportHrefs = (id: string) => ({
  docx: `/api/campaigns/${id}/documents/report.docx`,
  xlsx: `/api/campaigns/${id}/documents/report.xlsx`,
});

/** Under the campaign's key: anything that changes the campaign's plans invalidates it with them. */
export const consolidationKey = (id: string) => ['campaigns', id, 'consolidation'] as const;

export const useConsolidation = (id: string) =>
  useQuery({
    queryKey: consolidationKey(id),
    queryFn: () => unwrap(api.GET('/api/campaigns/{id}/consolidation', { params: { path: { id } } })),
  });
