import { meetingReviewDue } from './meeting-review-due';
import { localInstant } from './meeting-times';

const ZONE = 'Asia/Ho_Chi_Minh';

describe('meetingReviewDue', () => {
  it('falls due at 17:00 on the day the school presents, however far the meeting is', () => {
    const meeting = { startsAt: localInstant('2017-09-25', '07:30', ZONE), slotMinutes: 30 };
    expect(meetingReviewDue(meeting, 1, ZONE).toISOString()).toBe('2017-09-25T10:00:00.000Z');
    expect(meetingReviewDue(meeting, 12, ZONE).toISOString()).toBe('2017-09-25T10:00:00.000Z');
  });

  it('waits for the end of the slot when the meeting runs past 17:00', () => {
    const meeting = { startsAt: localInstant('2017-09-27', '13:30', ZONE), slotMinutes: 30 };
    // The 8th school presents 17:00 - 17:30.
    expect(meetingReviewDue(meeting, 8, ZONE).toISOString()).toBe('2017-09-27T10:30:00.000Z');
  });
});
