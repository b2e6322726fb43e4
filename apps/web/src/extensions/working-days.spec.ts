import { calendarIndex, canAskFor, isDayOff, requestedInstant } from './working-days';

// Tết 2027: the library knows 06/02 (Saturday, New Year's day), the district adds the break around it.
const calendar = calendarIndex([
  { date: '2027-02-05', kind: 'DAY_OFF' },
  { date: '2027-02-06', kind: 'DAY_OFF' },
  { date: '2027-02-08', kind: 'DAY_OFF' },
  { date: '2027-02-09', kind: 'DAY_OFF' },
  // a working Saturday in exchange
  { date: '2027-02-20', kind: 'WORKING_DAY' },
]);

describe('the working-day picker', () => {
  it('greys out weekends, holidays and the district’s days off, and keeps its working Saturdays', () => {
    expect(isDayOff('2027-02-04', calendar)).toBe(false); // Thursday
    expect(isDayOff('2027-02-05', calendar)).toBe(true); // district day off
    expect(isDayOff('2027-02-07', calendar)).toBe(true); // Sunday
    expect(isDayOff('2027-02-10', calendar)).toBe(false); // Wednesday after the break
    expect(isDayOff('2027-02-13', calendar)).toBe(true); // an ordinary Saturday
    expect(isDayOff('2027-02-20', calendar)).toBe(false); // the working Saturday
  });

  it('offers only working days after the day of the deadline in force', () => {
    expect(canAskFor('2027-02-04', '2027-02-04', calendar)).toBe(false);
    expect(canAskFor('2027-02-03', '2027-02-04', calendar)).toBe(false);
    expect(canAskFor('2027-02-08', '2027-02-04', calendar)).toBe(false);
    expect(canAskFor('2027-02-10', '2027-02-04', calendar)).toBe(true);
  });

  it('asks for the chosen day at the deadline’s time, in Vietnam', () => {
    expect(new Date(requestedInstant('2027-02-10', '17:00')).toISOString()).toBe('2027-02-10T10:00:00.000Z');
  });
});
