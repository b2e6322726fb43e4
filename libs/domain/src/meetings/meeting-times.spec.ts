import { agendaAt, localInstant, localParts, meetingTime, slotTime, vnDay, vnTimeRange } from './meeting-times';

const ZONE = 'Asia/Ho_Chi_Minh';
const start = localInstant('2017-09-25', '07:30', ZONE);
const slots = [1, 2, 3].map((position) => ({ position, ...slotTime(start, 30, position) }));
const meeting = { ...meetingTime(start, 30, slots.length), cancelled: false };
const at = (hhmm: string) => localInstant('2017-09-25', hhmm, ZONE);

describe('meeting times', () => {
  it('reads a local date and time in the district time zone, and back', () => {
    expect(start.toISOString()).toBe('2017-09-25T00:30:00.000Z');
    expect(localParts(start, ZONE)).toEqual({ date: '2017-09-25', time: '07:30' });
    expect(() => localInstant('2017-02-30', '07:30', ZONE)).toThrow(RangeError);
    expect(() => localInstant('2017-09-25', '7:30', ZONE)).toThrow(RangeError);
  });

  it('gives each school its slot back to back, and the meeting the span of all slots', () => {
    expect(slots.map((s) => vnTimeRange(s, ZONE))).toEqual(['07:30 - 08:00', '08:00 - 08:30', '08:30 - 09:00']);
    expect(vnTimeRange(meeting, ZONE)).toBe('07:30 - 09:00');
    expect(vnTimeRange(meetingTime(start, 45, 0), ZONE)).toBe('07:30 - 08:15');
    expect(vnDay(start, ZONE)).toBe('Thứ Hai, 25/09/2017');
  });

  it.each([
    ['07:00', 'UPCOMING', null, 1],
    ['07:30', 'IN_PROGRESS', 1, 2],
    ['08:10', 'IN_PROGRESS', 2, 3],
    ['08:59', 'IN_PROGRESS', 3, null],
    ['09:00', 'ENDED', null, null],
  ])('at %s the meeting is %s, school %s presents and %s is next', (hhmm, phase, current, next) => {
    const now = agendaAt(meeting, slots, at(hhmm));
    expect(now.phase).toBe(phase);
    expect(now.current?.position ?? null).toBe(current);
    expect(now.next?.position ?? null).toBe(next);
  });

  it('shows nobody presenting at a cancelled meeting', () => {
    expect(agendaAt({ ...meeting, cancelled: true }, slots, at('08:10'))).toEqual({
      phase: 'CANCELLED',
      current: null,
      next: null,
    });
  });
});
