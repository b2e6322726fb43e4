import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap } from '../api/client';
import type { ApiError } from '../api/errors';
import { type BoardFilters, type BoardView, filterQuery } from './board-params';

export const boardKeys = {
  all: ['board'] as const,
  page: (v: BoardView) => ['board', 'page', v] as const,
  remindPreview: (f: BoardFilters, planIds: string[]) => ['board', 'remind-preview', f, planIds] as const,
  failedEmails: (campaignId?: string) => ['board', 'failed-emails', campaignId ?? null] as const,
};

/** One page of the board with the summary of its filter (GET /api/board). */
export function useBoard(v: BoardView) {
  return useQuery({
    queryKey: boardKeys.page(v),
    queryFn: () =>
      unwrap(
        api.GET('/api/board', {
          params: { query: { ...filterQuery(v), sort: v.sort, page: v.page, pageSize: v.pageSize } },
        }),
      ),
    // The table keeps its rows while the next page or filter loads, instead of emptying under the reader.
    placeholderData: keepPreviousData,
  });
}

export type BoardPage = NonNullable<ReturnType<typeof useBoard>['data']>;
export type BoardItem = BoardPage['items'][number];

/** The district's campaigns, for the filter (GET /api/campaigns). */
export function useCampaigns() {
  return useQuery({
    queryKey: ['campaigns', 'list'],
    queryFn: () => unwrap(api.GET('/api/campaigns')),
    staleTime: 5 * 60_000,
  });
}

/** The district's clusters, for the filter: the office head's route (GET /api/clusters). */
export function useClusters(enabled: boolean) {
  return useQuery({
    queryKey: ['clusters'],
    queryFn: () => unwrap(api.GET('/api/clusters')),
    staleTime: 5 * 60_000,
    enabled,
  });
}

const remindQuery = (f: BoardFilters, planIds: string[]) => ({
  ...filterQuery(f),
  ...(planIds.length ? { planIds } : {}),
});

/** How many people "remind now" would write to, asked afresh each time the confirmation opens. */
export function useRemindPreview(f: BoardFilters, planIds: string[], enabled: boolean) {
  return useQuery({
    queryKey: boardKeys.remindPreview(f, planIds),
    queryFn: () => unwrap(api.GET('/api/board/remind/preview', { params: { query: remindQuery(f, planIds) } })),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

export type RemindResult = NonNullable<ReturnType<typeof useRemindPreview>['data']>;

/**
 * "Remind now" (POST /api/board/remind). A repeated click sends nothing twice: the API writes each person at most
 * one reminder a day, whatever asks it to.
 */
export function useRemindNow() {
  const queryClient = useQueryClient();
  return useMutation<RemindResult, ApiError, { filter: BoardFilters; planIds: string[] }>({
    mutationFn: ({ filter, planIds }) =>
      unwrap(api.POST('/api/board/remind', { params: { query: remindQuery(filter, planIds) } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: boardKeys.all }),
  });
}

/** E-mails whose retries ran out (GET /api/board/failed-emails, office heads only). */
export function useFailedEmails(campaignId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: boardKeys.failedEmails(campaignId),
    queryFn: () =>
      unwrap(
        api.GET('/api/board/failed-emails', {
          params: { query: { ...(campaignId ? { campaignId } : {}), page: 1, pageSize: 50 } },
        }),
      ),
    enabled,
  });
}

export function useResendEmail() {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, string>({
    mutationFn: (id) =>
      unwrap(
        api.POST('/api/emails/{id}/resend', {
          params: { path: { id } },
          headers: { 'Idempotency-Key': idempotencyKey() },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: boardKeys.all }),
  });
}
