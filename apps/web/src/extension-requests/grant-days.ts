import { type DayKind, canAskFor } from '../extensions/working-days';

/**
 * Whether the office may set a deadline on this day ('YYYY-MM-DD' all): a working day of the district, after the
 * deadline it moves and after today (a new deadline is always in the future, the API's rule).
 */
export function canGrantOn(date: string, deadlineDay: string, today: string, calendar: Map<string, DayKind>): boolean {
  return canAskFor(date, deadlineDay > today ? deadlineDay : today, calendar);
}
