// When a district's reminder run happens: once a day at the district's hour, Asia/Ho_Chi_Minh. Vietnam keeps
// UTC+7 all year (no daylight saving), so a fixed offset is exact. Pure: the reminders workflow uses it.

const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The local calendar date (YYYY-MM-DD, Asia/Ho_Chi_Minh) of an instant. */
export function vnDate(ms: number): string {
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first run strictly after `afterMs`: `hour` ('HH:mm') local time on that day or the next. */
export function nextReminderRun(afterMs: number, hour: string): { at: number; day: string } {
  const [h, m] = hour.split(':').map(Number);
  const localMidnight = Math.floor((afterMs + VN_OFFSET_MS) / DAY_MS) * DAY_MS - VN_OFFSET_MS;
  let at = localMidnight + (h * 60 + m) * 60_000;
  if (at <= afterMs) at += DAY_MS;
  return { at, day: vnDate(at) };
}

/** The instant of a day's run: `hour` ('HH:mm') local time on `day` ('YYYY-MM-DD'). */
export function reminderRunAt(day: string, hour: string): number {
  const [h, m] = hour.split(':').map(Number);
  return Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS + (h * 60 + m) * 60_000;
}

/**
 * The run to wait for, planned again each time the reminders workflow wakes, with the district's hour read
 * again: the planned run whose moment has come under the hour now in force, and which has not happened, is
 * due at once (also when an admin has just moved the hour to one already past, rather than skipping the day);
 * otherwise the first run after `now` of a day not run yet.
 */
export function planReminderRun(
  now: number,
  hour: string,
  waiting: { plannedDay: string | null; lastRunDay: string | null },
): { at: number; day: string } {
  const { plannedDay, lastRunDay } = waiting;
  if (plannedDay && plannedDay !== lastRunDay && reminderRunAt(plannedDay, hour) <= now) {
    return { at: now, day: plannedDay };
  }
  const next = nextReminderRun(now, hour);
  // An hour moved later after today's run must not plan today again.
  return next.day === lastRunDay ? nextReminderRun(next.at, hour) : next;
}
