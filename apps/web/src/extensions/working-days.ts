// Which days the extension picker offers: working days of the district after the deadline in force. The district's
// calendar (GET /api/calendar/days) lists its holidays and its corrections; Saturdays and Sundays are days off
// unless listed as working days (the API's rule, calendar.controller.ts).

export type DayKind = 'DAY_OFF' | 'WORKING_DAY';

/** 'YYYY-MM-DD' → the kind the calendar lists for it. */
export const calendarIndex = (days: { date: string; kind: DayKind }[]): Map<string, DayKind> =>
  new Map(days.map((d) => [d.date, d.kind]));

export function isDayOff(date: string, calendar: Map<string, DayKind>): boolean {
  const listed = calendar.get(date);
  if (listed) return listed === 'DAY_OFF';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Whether a day may be asked for: a working day after the day of the deadline in force ('YYYY-MM-DD' both). */
export function canAskFor(date: string, deadlineDay: string, calendar: Map<string, DayKind>): boolean {
  return date > deadlineDay && !isDayOff(date, calendar);
}

/** The instant asked for: the chosen day at the deadline's own time of day, in Vietnam ("2027-07-05T17:00:00+07:00"). */
export const requestedInstant = (date: string, time: string): string => `${date}T${time}:00+07:00`;
