import type { PlanStatus } from '@duyet/database';
import type { LocalDate, WorkingCalendar } from '../calendar/working-calendar';

/**
 * The plans that owe their paper copies (bản giấy): submitted at least once and not taken out of the campaign's
 * course (exempted or closed). Copies are "missing" while the receipts of such a plan sum below the campaign's
 * paperCopies; the board's filter, its count and the reminders all read this one definition.
 */
export const PAPER_OWED_STATUSES = [
  'SUBMITTED',
  'UNDER_REVIEW',
  'RETURNED',
  'APPROVED',
] as const satisfies readonly PlanStatus[];

/** The first reminder of missing copies: this many working days after the (last) submission's day. */
export const PAPER_FIRST_REMINDER_DAYS = 3;
/** Then one every this many working days, until the copies are complete (or the plan or campaign closes). */
export const PAPER_REMINDER_EVERY_DAYS = 5;

/**
 * Which reminder of a plan's missing copies is due on `today` (1, 2, …), or null before the first: the latest rung
 * on or before today, so a day the run did not happen is made up the next day, and a rung already sent is never
 * sent again (its e-mail's key names it). Working days on the district's calendar: a weekend, a holiday or a day
 * the district closes does not count.
 */
export function paperReminderRung(calendar: WorkingCalendar, submittedDay: LocalDate, today: LocalDate): number | null {
  const days = calendar.workingDaysBetween(submittedDay, today);
  if (days < PAPER_FIRST_REMINDER_DAYS) return null;
  return Math.floor((days - PAPER_FIRST_REMINDER_DAYS) / PAPER_REMINDER_EVERY_DAYS) + 1;
}
