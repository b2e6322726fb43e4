import { WorkingCalendar } from '../calendar/working-calendar';
import { DEFAULT_REMINDER_POLICY, reminderPolicySchema } from './policy';
import { previewReminders } from './preview';

// The library knows Giao thừa (Fri 5/2/2027) and mùng 1 (Sat 6/2); the district adds the rest of the break.
const tet2027 = new WorkingCalendar([
  { date: '2027-02-04', kind: 'DAY_OFF', name: 'Nghỉ Tết Nguyên Đán' },
  { date: '2027-02-08', kind: 'DAY_OFF', name: 'Nghỉ Tết Nguyên Đán' },
  { date: '2027-02-09', kind: 'DAY_OFF', name: 'Nghỉ Tết Nguyên Đán' },
]);

describe('previewReminders', () => {
  it('places the default ladder on working days, Tết and weekends skipped, at the district hour', () => {
    // Wed 10/2/2027, the first working day after the break.
    const p = previewReminders(
      new Date('2027-02-10T17:00:00+07:00'),
      DEFAULT_REMINDER_POLICY.SUBMISSION,
      tet2027,
      '07:30',
    );
    expect(p.deadline).toEqual({ at: '2027-02-10T10:00:00.000Z', date: '2027-02-10', working: true, dayOff: null });
    expect(p.rungs.map((r) => [r.key, r.date])).toEqual([
      ['before-7', '2027-01-26'],
      ['before-3', '2027-02-01'],
      ['before-1', '2027-02-03'],
      ['due', '2027-02-10'],
      ['after-1', '2027-02-11'],
      ['after-3', '2027-02-15'],
    ]);
    expect(p.rungs[0].at).toBe('2027-01-26T00:30:00.000Z');
    // after-3 on Mon 15/2; digests every 7 calendar days from there, moved back to a working day.
    expect(p.digests.map((d) => d.date)).toEqual(['2027-02-22', '2027-03-01', '2027-03-08']);
  });

  it('names the day off a deadline falls on and counts "before" rungs from the last working day before it', () => {
    const p = previewReminders(
      new Date('2027-02-06T17:00:00+07:00'),
      DEFAULT_REMINDER_POLICY.SUBMISSION,
      tet2027,
      '08:00',
    );
    expect(p.deadline.working).toBe(false);
    expect(p.deadline.dayOff).toBeTruthy();
    expect(p.rungs.find((r) => r.key === 'due')?.date).toBe('2027-02-03');
    expect(p.rungs.find((r) => r.key === 'before-1')?.date).toBe('2027-02-02');
  });

  it('moves with a day off the district adds, and has no digests for a ladder without one', () => {
    const ladder = reminderPolicySchema.parse({
      SUBMISSION: { rungs: [{ key: 'before-2', offset: -2, to: ['PRINCIPAL'] }] },
    }).SUBMISSION;
    const deadline = new Date('2027-03-12T17:00:00+07:00'); // Fri
    expect(previewReminders(deadline, ladder, new WorkingCalendar(), '07:30').rungs[0].date).toBe('2027-03-10');
    const closed = new WorkingCalendar([{ date: '2027-03-10', kind: 'DAY_OFF', name: 'Nghỉ riêng của huyện' }]);
    const p = previewReminders(deadline, ladder, closed, '07:30');
    expect(p.rungs[0].date).toBe('2027-03-09');
    expect(p.digests).toEqual([]);
  });
});
