import { nextReminderRun, vnDate } from './reminder-ticks';

describe('reminder runs', () => {
  it('reads the local date in Asia/Ho_Chi_Minh', () => {
    expect(vnDate(Date.parse('2027-02-05T16:59:59Z'))).toBe('2027-02-05');
    expect(vnDate(Date.parse('2027-02-05T17:00:00Z'))).toBe('2027-02-06');
  });

  it('runs at the policy hour the same day when it is still ahead, else the next day', () => {
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
});
