import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { ApiError } from '../api/errors';

/** Under 'calendar': every read that depends on the district's days (the extension picker, reminder previews). */
export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', 'days', year] as const,
  hour: () => ['calendar', 'reminder-hour'] as const,
};

export const useCalendarYear = (year: number) =>
  useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: () => unwrap(api.GET('/api/calendar/days', { params: { query: { year } } })),
  });

export type CalendarDay = NonNullable<ReturnType<typeof useCalendarYear>['data']>[number];

export const useReminderHour = () =>
  useQuery({ queryKey: calendarKeys.hour(), queryFn: () => unwrap(api.GET('/api/calendar/reminder-hour')) });

/** A change to one day moves every deadline count and reminder preview: everything under 'calendar' is read again. */
function useInvalidateCalendar() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: calendarKeys.all });
}

export function useSetDay() {
  const settled = useInvalidateCalendar();
  return useMutation<unknown, ApiError, { date: string; kind: 'DAY_OFF' | 'WORKING_DAY'; name: string }>({
    // PUT: setting the same day twice leaves one correction.
    mutationFn: ({ date, ...body }) =>
      unwrap(api.PUT('/api/calendar/days/{date}', { params: { path: { date } }, body })),
    onSettled: settled,
  });
}

export function useRemoveDay() {
  const settled = useInvalidateCalendar();
  return useMutation<unknown, ApiError, string>({
    mutationFn: (date) => unwrap(api.DELETE('/api/calendar/days/{date}', { params: { path: { date } } })),
    onSettled: settled,
  });
}

export function useSetReminderHour() {
  const settled = useInvalidateCalendar();
  return useMutation<unknown, ApiError, string>({
    mutationFn: (hour) => unwrap(api.PUT('/api/calendar/reminder-hour', { body: { hour } })),
    onSettled: settled,
  });
}
