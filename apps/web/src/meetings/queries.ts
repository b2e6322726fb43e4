import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap } from '../api/client';
import type { components } from '../api/client';
import type { ApiError } from '../api/errors';
import { plansKeys } from '../home/queries';
import { planKeys } from '../plans/queries';

/** Keyed by meeting, and the campaign's list apart: a change to one meeting refreshes it and the list it is in. */
export const meetingKeys = {
  campaigns: () => ['campaigns', 'list'] as const,
  clusters: () => ['clusters'] as const,
  list: (campaignId: string) => ['meetings', 'campaign', campaignId] as const,
  meeting: (id: string) => ['meetings', id] as const,
  agenda: (id: string) => ['meetings', id, 'agenda'] as const,
  version: (planId: string, n: number) => ['plans', planId, 'versions', n] as const,
};

const path = (id: string) => ({ params: { path: { id } } });
const keyed = () => ({ 'Idempotency-Key': idempotencyKey() });

/** The district's campaigns reviewed in meetings by cluster, the open ones first. */
export function useMeetingCampaigns() {
  return useQuery({
    queryKey: meetingKeys.campaigns(),
    queryFn: () => unwrap(api.GET('/api/campaigns')),
    select: (all) =>
      all
        .filter((c) => c.reviewMode === 'MEETING')
        .sort((a, b) =>
          a.status === b.status ? b.issuedOn.localeCompare(a.issuedOn) : a.status === 'ACTIVE' ? -1 : 1,
        ),
  });
}
export type MeetingCampaign = NonNullable<ReturnType<typeof useMeetingCampaigns>['data']>[number];

export function useClusters(enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.clusters(),
    queryFn: () => unwrap(api.GET('/api/clusters')),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useMeetings(campaignId: string | null) {
  return useQuery({
    queryKey: meetingKeys.list(campaignId ?? ''),
    queryFn: () => unwrap(api.GET('/api/campaigns/{id}/meetings', path(campaignId ?? ''))),
    enabled: !!campaignId,
  });
}
export type MeetingSummary = NonNullable<ReturnType<typeof useMeetings>['data']>[number];

/** The whole meeting, for the office (a school reads the agenda instead). */
export function useMeeting(id: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.meeting(id),
    queryFn: () => unwrap(api.GET('/api/meetings/{id}', path(id))),
    enabled,
  });
}
export type Meeting = components['schemas']['MeetingDto'];
export type Slot = Meeting['slots'][number];
export type Attendee = Meeting['attendees'][number];

/** Who presents now and next by the server's clock; read again every half minute while the room is open. */
export function useAgenda(id: string, refetchInterval: number | false = 30_000) {
  return useQuery({
    queryKey: meetingKeys.agenda(id),
    queryFn: () => unwrap(api.GET('/api/meetings/{id}/agenda', path(id))),
    refetchInterval,
  });
}
export type Agenda = NonNullable<ReturnType<typeof useAgenda>['data']>;

/** A submitted version of a plan: never changes once frozen. */
export function usePlanVersion(planId: string, n: number) {
  return useQuery({
    queryKey: meetingKeys.version(planId, n),
    queryFn: () =>
      unwrap(api.GET('/api/plans/{id}/versions/{number}', { params: { path: { id: planId, number: n } } })),
    enabled: n > 0,
    staleTime: Infinity,
  });
}

/** After any change to a meeting: it, its agenda, and every campaign's list of meetings (a move touches two). */
function useMeetingChange<V, R>(meetingId: string, call: (v: V) => Promise<R>, plans: (v: V) => string[] = () => []) {
  const queryClient = useQueryClient();
  return useMutation<R, ApiError, V>({
    mutationFn: call,
    onSettled: (_r, _e, v) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['meetings'] }),
        ...plans(v).map((id) => queryClient.invalidateQueries({ queryKey: planKeys.plan(id) })),
        queryClient.invalidateQueries({ queryKey: plansKeys.all }),
      ]),
    onSuccess: (r) => {
      if (r && typeof r === 'object' && 'slots' in r && (r as unknown as Meeting).id === meetingId) {
        queryClient.setQueryData(meetingKeys.meeting(meetingId), r);
      }
    },
  });
}

export type ScheduleInput = components['schemas']['ScheduleMeetingDto'];
export function useSchedule(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation<Meeting, ApiError, ScheduleInput>({
    mutationFn: (body) =>
      unwrap(api.POST('/api/campaigns/{id}/meetings', { ...path(campaignId), headers: keyed(), body })),
    onSuccess: (m) => queryClient.setQueryData(meetingKeys.meeting(m.id), m),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['meetings'] }),
  });
}

export type RescheduleInput = components['schemas']['RescheduleMeetingDto'];
export const useReschedule = (id: string) =>
  useMeetingChange(id, (body: RescheduleInput) =>
    unwrap(api.PATCH('/api/meetings/{id}', { ...path(id), headers: keyed(), body })),
  );

export const useCancelMeeting = (id: string) =>
  useMeetingChange(id, (reason: string) =>
    unwrap(api.POST('/api/meetings/{id}/cancel', { ...path(id), headers: keyed(), body: { reason } })),
  );

export const useReorder = (id: string) =>
  useMeetingChange(id, (slotIds: string[]) =>
    unwrap(api.PUT('/api/meetings/{id}/slots', { ...path(id), headers: keyed(), body: { slotIds } })),
  );

export const useMoveSlot = (id: string) =>
  useMeetingChange(
    id,
    (v: { slotId: string; meetingId: string; planId: string }) =>
      unwrap(
        api.POST('/api/meetings/{id}/slots/{slotId}/move', {
          params: { path: { id, slotId: v.slotId } },
          headers: keyed(),
          body: { meetingId: v.meetingId },
        }),
      ),
    (v) => [v.planId],
  );

export const useToDesk = (id: string) =>
  useMeetingChange(
    id,
    (v: { slotId: string; reason: string; planId: string }) =>
      unwrap(
        api.POST('/api/meetings/{id}/slots/{slotId}/desk', {
          params: { path: { id, slotId: v.slotId } },
          headers: keyed(),
          body: { reason: v.reason },
        }),
      ),
    (v) => [v.planId],
  );

export type AttendanceInput = components['schemas']['AttendanceDto'];
export const useAttendance = (id: string) =>
  useMeetingChange(id, (body: AttendanceInput) =>
    unwrap(api.PUT('/api/meetings/{id}/attendance', { ...path(id), headers: keyed(), body })),
  );

export type OutcomeInput = components['schemas']['MeetingOutcomeDto'];
export const useOutcome = (id: string) =>
  useMeetingChange(
    id,
    (v: { slotId: string; planId: string; body: OutcomeInput }) =>
      unwrap(
        api.POST('/api/meetings/{id}/slots/{slotId}/outcome', {
          params: { path: { id, slotId: v.slotId } },
          headers: keyed(),
          body: v.body,
        }),
      ),
    (v) => [v.planId],
  );

/** Why the meeting was called off (the generated type reads the nullable string as an array; it is a string). */
export const cancelReasonOf = (m: Meeting): string => m.cancelReason ?? '';

/** The minutes (biên bản) as a Word file: a plain link, the session cookie goes with it. */
export const minutesUrl = (id: string) => `/api/meetings/${id}/minutes`;
