import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap } from '../api/client';
import type { ApiError } from '../api/errors';
import type { components } from '../api/schema.gen';

/** Keys by campaign: a change to one campaign invalidates its reads and the list (their counts), nothing else. */
export const campaignKeys = {
  all: ['campaigns'] as const,
  list: () => ['campaigns', 'list'] as const,
  one: (id: string) => ['campaigns', id] as const,
  plans: (id: string) => ['campaigns', id, 'plans'] as const,
  audit: (id: string) => ['campaigns', id, 'audit'] as const,
  catalogue: () => ['campaigns', 'catalogue'] as const,
  schools: () => ['district', 'schools', 'open'] as const,
  clusters: () => ['district', 'clusters'] as const,
  office: () => ['district', 'users', 'office'] as const,
  // Under 'calendar': a day off added on the calendar page moves every preview.
  preview: (body: unknown) => ['calendar', 'reminder-preview', body] as const,
};

export type IssueInput = components['schemas']['CreateCampaignDto'];
export type ReminderPreview = components['schemas']['ReminderPreviewDto'];
export type Catalogue = components['schemas']['CampaignCatalogueDto'];

const path = (id: string) => ({ params: { path: { id } } });

export const useCampaigns = () =>
  useQuery({ queryKey: campaignKeys.list(), queryFn: () => unwrap(api.GET('/api/campaigns')) });

export type Campaign = NonNullable<ReturnType<typeof useCampaigns>['data']>[number];

/** Statuses a plan leaves when its school is removed or its campaign closes (its workflow closes it, a moment later). */
export const OPEN_STATUSES = ['NOT_STARTED', 'DRAFTING', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED'];

/**
 * The campaign; read again every two seconds while its workflows are still at work: opening the schools' plans, or
 * closing them after the campaign closed (`settling`: a removed school's plan not closed yet).
 */
export const useCampaign = (id: string, settling = false) =>
  useQuery({
    queryKey: campaignKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/campaigns/{id}', path(id))),
    refetchInterval: (q) => {
      const c = q.state.data;
      if (!c) return false;
      const closing = c.status === 'CLOSED' && OPEN_STATUSES.some((x) => c.planCounts[x]);
      return !c.plansOpenedAt || closing || settling ? 2000 : false;
    },
  });

/** A campaign's plans (one per school), its schools by code (GET /api/plans, up to the API's 200 a page). */
export const useCampaignPlans = (id: string) =>
  useQuery({
    queryKey: campaignKeys.plans(id),
    queryFn: () => unwrap(api.GET('/api/plans', { params: { query: { campaignId: id, page: 1, pageSize: 200 } } })),
    refetchInterval: (q) =>
      q.state.data?.items.some((p) => p.removedAt && OPEN_STATUSES.includes(p.status)) ? 2000 : false,
  });

export type CampaignPlan = NonNullable<ReturnType<typeof useCampaignPlans>['data']>['items'][number];

export const useCampaignAudit = (id: string) =>
  useQuery({
    queryKey: campaignKeys.audit(id),
    queryFn: () => unwrap(api.GET('/api/campaigns/{id}/audit', path(id))),
  });

export const useCatalogue = () =>
  useQuery({
    queryKey: campaignKeys.catalogue(),
    queryFn: () => unwrap(api.GET('/api/campaigns/catalogue')),
    staleTime: 5 * 60_000,
  });

/** The district's open schools, with level and cluster: how many each choice of the form selects. */
export const useOpenSchools = (enabled = true) =>
  useQuery({
    queryKey: campaignKeys.schools(),
    queryFn: () => unwrap(api.GET('/api/schools', { params: { query: { closed: 'false' } } })),
    enabled,
  });

export const useClusters = () =>
  useQuery({ queryKey: campaignKeys.clusters(), queryFn: () => unwrap(api.GET('/api/clusters')) });

/** The office's people (no school): who may sign a directive and receive the submissions. */
export const useOfficePeople = () =>
  useQuery({
    queryKey: campaignKeys.office(),
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/users', { params: { query: { active: 'true', pageSize: 200 } } }));
      return page.items.filter((u) => ['HEAD', 'DEPUTY_HEAD', 'SPECIALIST', 'CLERK'].includes(u.position));
    },
  });

/** Where each reminder falls for this deadline and ladder, on the district's calendar (nothing is written). */
export function useReminderPreview(body: { submissionDeadline: string; reminderPolicy?: unknown } | null) {
  return useQuery({
    queryKey: campaignKeys.preview(body),
    queryFn: () =>
      unwrap(
        api.POST('/api/campaigns/reminder-preview', {
          body: body as components['schemas']['ReminderPreviewInputDto'],
        }),
      ),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useIssueCampaign() {
  const queryClient = useQueryClient();
  return useMutation<components['schemas']['IssuedCampaignDto'], ApiError, IssueInput>({
    // The API finds the campaign a retry issued by its key and number (200 instead of 201): issued once.
    mutationFn: (body) => unwrap(api.POST('/api/campaigns', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

/** After a change to a campaign: its reads, the list's counts, and the plans the change opened or closed. */
function useAfterChange() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['plans'] }),
    ]);
}

export function useAddSchool(id: string) {
  const settled = useAfterChange();
  return useMutation<unknown, ApiError, string>({
    mutationFn: (schoolCode) =>
      unwrap(
        api.POST('/api/campaigns/{id}/schools', {
          ...path(id),
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: { schoolCode },
        }),
      ),
    onSettled: settled,
  });
}

export function useRemoveSchool(id: string) {
  const settled = useAfterChange();
  return useMutation<unknown, ApiError, { schoolCode: string; reason: string }>({
    mutationFn: ({ schoolCode, reason }) =>
      unwrap(
        api.DELETE('/api/campaigns/{id}/schools/{schoolCode}', {
          params: { path: { id, schoolCode } },
          body: { reason },
        }),
      ),
    onSettled: settled,
  });
}

export function useExtendCampaign(id: string) {
  const settled = useAfterChange();
  return useMutation<{ warnings: string[] }, ApiError, { until: string; reason: string }>({
    mutationFn: (body) =>
      unwrap(
        api.POST('/api/campaigns/{id}/deadline', {
          ...path(id),
          headers: { 'Idempotency-Key': idempotencyKey() },
          body,
        }),
      ),
    onSettled: settled,
  });
}

export function useCloseCampaign(id: string) {
  const settled = useAfterChange();
  return useMutation<unknown, ApiError, { reason: string }>({
    mutationFn: (body) =>
      unwrap(
        api.POST('/api/campaigns/{id}/close', {
          ...path(id),
          headers: { 'Idempotency-Key': idempotencyKey() },
          body,
        }),
      ),
    onSettled: settled,
  });
}
