import { WorkingCalendar } from '../calendar/working-calendar';
import { PAPER_FIRST_REMINDER_DAYS, PAPER_REMINDER_EVERY_DAYS, paperReminderRung } from './paper-copies-owed';

describe('paperReminderRung: when missing paper copies are reminded', () => {
  const calendar = new WorkingCalendar();
  // Submitted Monday 08/03/2027: working days Tue 09 … ; weekends do not count.
  const submitted = '2027-03-08';

  it('waits the first working days, then reminds every few working days', () => {
    expect(PAPER_FIRST_REMINDER_DAYS).toBe(3);
    expect(PAPER_REMINDER_EVERY_DAYS).toBe(5);
    expect(paperReminderRung(calendar, submitted, '2027-03-08')).toBeNull();
    expect(paperReminderRung(calendar, submitted, '2027-03-10')).toBeNull(); // 2 working days
    expect(paperReminderRung(calendar, submitted, '2027-03-11')).toBe(1); // Thu: 3 working days
    expect(paperReminderRung(calendar, submitted, '2027-03-14')).toBe(1); // Sun: still the first rung
    expect(paperReminderRung(calendar, submitted, '2027-03-17')).toBe(1); // Wed: 7 working days
    expect(paperReminderRung(calendar, submitted, '2027-03-18')).toBe(2); // Thu: 8 working days
    expect(paperReminderRung(calendar, submitted, '2027-03-25')).toBe(3); // 13 working days
  });

  it('does not count a day the district closes', () => {
    const closed = new WorkingCalendar([{ date: '2027-03-09', kind: 'DAY_OFF', name: 'Nghỉ bù' }]);
    expect(paperReminderRung(closed, submitted, '2027-03-11')).toBeNull();
    expect(paperReminderRung(closed, submitted, '2027-03-12')).toBe(1);
  });
});
