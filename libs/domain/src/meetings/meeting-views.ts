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

export function meetingSummary(m: MeetingRow) {
  return { ...schedule(m), slotCount: m.slots.length };
}

/** Everything, for the office: slots with plans and outcomes, invitees with their attendance. */
export function meetingDetail(m: MeetingRow) {
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
