// When the office owes its decision on a plan reviewed at a meeting (reviewMode MEETING). The meeting decides each
// school's plan in its slot and the outcome is recorded on the spot, so the review falls due at the end of the
// office day (17:00) of the day the school presents, or at the end of its slot when the meeting runs later: not
// `reviewDays` working days after the plan came in, which for a meeting a month away made the plan overdue, and
// its reviewer reminded, weeks before the meeting.
import { localInstant, localParts, slotTime } from './meeting-times';

/** The end of the office day, as for every deadline the office sets by a number of working days. */
export const MEETING_REVIEW_DUE_TIME = '17:00';

export interface MeetingForReviewDue {
  startsAt: Date;
  slotMinutes: number;
}

/** The review due date of the plan presented at `position` (1-based) of a meeting, in the district's zone. */
export function meetingReviewDue(meeting: MeetingForReviewDue, position: number, zone: string): Date {
  const slot = slotTime(meeting.startsAt, meeting.slotMinutes, position);
  const endOfDay = localInstant(localParts(slot.startsAt, zone).date, MEETING_REVIEW_DUE_TIME, zone);
  return slot.endsAt > endOfDay ? slot.endsAt : endOfDay;
}
