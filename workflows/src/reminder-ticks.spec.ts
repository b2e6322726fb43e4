import { nextReminderRun, planReminderRun, reminderRunAt, vnDate } from './reminder-ticks';

describe('reminder runs', () => {
  it('reads the local date in Asia/Ho_Chi_Minh', () => {
    expect(vnDate(Date.parse('2027-02-05T16:59:59Z'))).toBe('2027-02-05');
    expect(vnDate(Date.parse('2027-02-05T17:00:00Z'))).toBe('2027-02-06');
  });

  it('runs at the district hour the same day when it is still ahead, else the next day', () => {
    expect(nextReminderRun(Date.parse('2027-02-01T06:00:00+07:00'), '07:30')).toEqual({
      at: Date.parse('2027-02-01T07:30:00+07:00'),
      day: '2027-02-01',
    });
    expect(nextReminderRun(Date.parse('2027-02-01T07:30:00+07:00'), '07:30')).toEqual({
      at: Date.parse('2027-02-02T07:30:00+07:00'),
      day: '2027-02-02',
    });
    // 23:30 local is already the next UTC day minus a few hours: still the next local morning.
    expect(nextReminderRun(Date.parse('2027-02-01T23:30:00+07:00'), '07:30').day).toBe('2027-02-02');
  });

  it("places a day's run at the hour, local time", () => {
    expect(reminderRunAt('2027-02-01', '07:30')).toBe(Date.parse('2027-02-01T07:30:00+07:00'));
    expect(reminderRunAt('2027-02-01', '00:00')).toBe(Date.parse('2027-01-31T17:00:00Z'));
  });

  describe('planned again each time the workflow wakes', () => {
    const at = (local: string) => Date.parse(`${local}+07:00`);
    const waitingToday = { plannedDay: '2027-02-01', lastRunDay: '2027-01-29' };

    it('waits for the first run after now when no run is planned', () => {
      // Started at 10:00: today's 07:30 is gone, tomorrow's is the first.
      expect(planReminderRun(at('2027-02-01T10:00:00'), '07:30', { plannedDay: null, lastRunDay: null })).toEqual({
        at: at('2027-02-02T07:30:00'),
        day: '2027-02-02',
      });
    });

    it('runs the planned day once its moment has come, even when the timer fired late', () => {
      expect(planReminderRun(at('2027-02-01T07:30:00'), '07:30', waitingToday)).toEqual({
        at: at('2027-02-01T07:30:00'),
        day: '2027-02-01',
      });
      expect(
        planReminderRun(at('2027-02-02T00:10:00'), '23:55', { ...waitingToday, plannedDay: '2027-02-01' }),
      ).toEqual({ at: at('2027-02-02T00:10:00'), day: '2027-02-01' });
    });

    it('follows an hour moved later the same day', () => {
      expect(planReminderRun(at('2027-02-01T07:30:00'), '09:00', waitingToday)).toEqual({
        at: at('2027-02-01T09:00:00'),
        day: '2027-02-01',
      });
    });

    it("runs today's at once when the hour moves to one already past, rather than skipping the day", () => {
      expect(planReminderRun(at('2027-02-01T07:20:00'), '07:00', waitingToday)).toEqual({
        at: at('2027-02-01T07:20:00'),
        day: '2027-02-01',
      });
    });

    it("waits for tomorrow once today's run is done, whatever the hour", () => {
      const done = { plannedDay: '2027-02-01', lastRunDay: '2027-02-01' };
      expect(planReminderRun(at('2027-02-01T07:40:00'), '07:00', done).day).toBe('2027-02-02');
      expect(planReminderRun(at('2027-02-01T07:40:00'), '09:00', done)).toEqual({
        at: at('2027-02-02T09:00:00'),
        day: '2027-02-02',
      });
    });
  });
});
