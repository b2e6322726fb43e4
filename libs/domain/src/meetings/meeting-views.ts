// What the meeting routes answer, mapped from a loaded meeting. Times are instants; date and startTime are the
// district's local ones, as the admin typed them.
import { type AgendaNow, agendaAt, localParts, meetingTime, slotTime } from './meeting-times';
import { type MeetingRow, type MeetingSlotRow, meetingTitle } from './meeting-store';

const schedule = (m: MeetingRow) => {
  const range = meetingTime(m.startsAt, m.slotMinutes, m.slots.length);
  const local = localParts(m.startsAt, m.campaign.district.timezone);
  return {
    id: m.id,
    title: meetingTitle(m.cluster.name),
    status: m.status,
    cluster: { code: m.cluster.code, name: m.cluster.name },
    campaign: { id: m.campaignId, key: m.campaign.key, documentNumber: m.campaign.documentNumber },
    venue: m.venue,
    date: local.date,
    startTime: local.time,
    slotMinutes: m.slotMinutes,
    startsAt: range.startsAt,
    endsAt: range.endsAt,
  };
};

const slotSchedule = (m: MeetingRow, s: MeetingSlotRow) => ({
  id: s.id,
  position: s.position,
  ...slotTime(m.startsAt, m.slotMinutes, s.position),
  school: { code: s.plan.school.code, name: s.plan.school.name },
});

/** The last message the meeting sent to one address: what that invitee's calendar now holds. */
export interface InvitationMail {
  to: string;
  template: string;
  status: 'QUEUED' | 'SENDING' | 'SENT' | 'FAILED';
  createdAt: Date;
}

/**
 * An invitee's invitation as it stands: cancelled when the last message was a cancellation, updated when more than
 * one invitation or agenda reached them, sent otherwise; with the delivery state of that last message.
 */
export function invitationState(mails: readonly InvitationMail[], email: string | null) {
  const mine = mails.filter((m) => m.to === email).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const last = mine.at(-1);
  if (!last) return null;
  const requests = mine.filter((m) => m.template !== 'MEETING_CANCELLED').length;
  const state = last.template === 'MEETING_CANCELLED' ? 'CANCELLED' : requests > 1 ? 'UPDATED' : 'SENT';
  return { state, delivery: last.status, at: last.createdAt } as const;
}

export function meetingSummary(m: MeetingRow) {
  return { ...schedule(m), slotCount: m.slots.length };
}

/** Everything, for the office: slots with plans and outcomes, invitees with their attendance. */
export function meetingDetail(m: MeetingRow, mails: readonly InvitationMail[] = []) {
  return {
    ...schedule(m),
    uid: m.uid,
    sequence: m.sequence,
    cancelledAt: m.cancelledAt,
    cancelReason: m.cancelReason,
    slots: m.slots.map((s) => ({
      ...slotSchedule(m, s),
      plan: { id: s.planId, status: s.plan.status, currentVersionNo: s.plan.currentVersionNo },
      outcome: s.outcome,
      comment: s.comment,
      decisionId: s.decisionId,
      decidedAt: s.decidedAt,
    })),
    attendees: m.attendees.map((a) => ({
      id: a.id,
      fullName: a.fullName,
      title: a.title,
      email: a.email,
      schoolCode: m.slots.find((s) => s.plan.schoolId === a.schoolId)?.plan.school.code ?? null,
      invited: a.userId !== null,
      withdrawn: a.withdrawnAt !== null,
      present: a.present,
      invitation: a.userId ? invitationState(mails, a.email) : null,
    })),
  };
}

/** The running order at `now`: who presents, who is next; no outcomes, so the schools may read it too. */
export function meetingAgenda(m: MeetingRow, now: Date) {
  const slots = m.slots.map((s) => slotSchedule(m, s));
  const range = meetingTime(m.startsAt, m.slotMinutes, m.slots.length);
  const at: AgendaNow<(typeof slots)[number]> = agendaAt({ ...range, cancelled: m.status === 'CANCELLED' }, slots, now);
  return { ...schedule(m), now, phase: at.phase, current: at.current, next: at.next, slots };
}
