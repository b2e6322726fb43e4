import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap } from '../api/client';
import type { ApiError } from '../api/errors';
import { timelineKeys } from '../timeline/queries';
import { calendarIndex } from './working-days';

export const extensionKeys = {
  list: (planId: string) => ['plans', planId, 'extension-requests'] as const,
  year: (year: number) => ['calendar', 'days', year] as const,
};

/** The plan's extension requests with their answers (GET /api/plans/:id/extension-requests). */
export function useExtensionRequests(planId: string) {
  return useQuery({
    queryKey: extensionKeys.list(planId),
    queryFn: () => unwrap(api.GET('/api/plans/{id}/extension-requests', { params: { path: { id: planId } } })),
  });
}

export type ExtensionRequest = NonNullable<ReturnType<typeof useExtensionRequests>['data']>[number];

/** The district's days off and working-day corrections of the years the picker may show. */
export function useDistrictCalendar(years: number[]) {
  const answers = useQueries({
    queries: years.map((year) => ({
      queryKey: extensionKeys.year(year),
      queryFn: () => unwrap(api.GET('/api/calendar/days', { params: { query: { year } } })),
      staleTime: 60 * 60_000,
    })),
  });
  const days = answers.flatMap((a) => a.data ?? []);
  return {
    calendar: calendarIndex(days),
    ready: answers.every((a) => a.data),
    error: answers.find((a) => a.error)?.error,
  };
}

export function useRequestExtension(planId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, { reason: string; requestedUntil: string }>({
    mutationFn: (body) =>
      unwrap(
        api.POST('/api/plans/{id}/extension-requests', {
          params: { path: { id: planId } },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body,
        }),
      ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: extensionKeys.list(planId) }),
        queryClient.invalidateQueries({ queryKey: timelineKeys.all(planId) }),
      ]),
  });
}
