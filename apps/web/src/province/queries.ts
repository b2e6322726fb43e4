import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** The province's districts with their campaigns counted by state (GET /api/province/districts). */
export function useProvinceDistricts() {
  return useQuery({
    queryKey: ['province', 'districts'],
    queryFn: () => unwrap(api.GET('/api/province/districts')),
    staleTime: 60_000,
  });
}

export type ProvinceOverview = NonNullable<ReturnType<typeof useProvinceDistricts>['data']>;
export type ProvinceDistrict = ProvinceOverview['districts'][number];
export type ProvinceCampaign = ProvinceDistrict['campaigns'][number];

/**
 * Where a campaign's consolidation opens for a reader of another district's data (the campaign's own page, told which
 * district: a province user has none of its own), and its consolidated report's downloads.
 */
export const campaignLinks = (districtId: string, campaignId: string) => ({
  consolidation: `/campaigns/${campaignId}/consolidation?district=${districtId}`,
  reportDocx: `/api/campaigns/${campaignId}/documents/report.docx`,
  reportXlsx: `/api/campaigns/${campaignId}/documents/report.xlsx`,
});
