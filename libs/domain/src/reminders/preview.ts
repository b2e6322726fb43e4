import type { LocalDate, WorkingCalendar } from '../calendar/working-calendar';
import { addCalendarDays } from '../calendar/working-calendar';
import { type ReminderLadder, type ReminderRole, rungDay } from './policy';

/** One rung of a ladder placed on the calendar: the day (and the district's hour) its reminder goes out. */
export interface PreviewedRung {
  key: string;
  offset: number;
  to: ReminderRole[];
  cc: ReminderRole[];
  date: LocalDate;
  /** the instant of that day's run, at the district's reminder hour */
  at: string;
}

export interface ReminderPreview {
  deadline: { at: string; date: LocalDate; working: boolean; dayOff: string | null };
  hour: string;
  timeZone: string;
  rungs: PreviewedRung[];
  /** the first digests after the last rung (none when the ladder has no digest) */
  digests: { n: number; date: LocalDate; at: string }[];
}

const WEEKEND = ['Chủ nhật', '', '', '', '', '', 'Thứ Bảy'];

/**
 * Where each rung of a ladder falls for a deadline, by the same rules the daily run applies (rungDay, dueRungs):
 * what the office sees before it issues a campaign, so that a deadline just after Tết shows its reminders moved
 * back before the break.
 */
export function previewReminders(
  deadline: Date,
  ladder: ReminderLadder,
  calendar: WorkingCalendar,
  hour: string,
  digestCount = 3,
): ReminderPreview {
  const deadlineDate = calendar.localDate(deadline);
  const info = calendar.describe(deadlineDate);
  const at = (date: LocalDate) => calendar.atLocalTime(date, hour).toISOString();
  const rungs = ladder.rungs
    .map((r) => {
      const date = rungDay(deadlineDate, r.offset, calendar);
      return { key: r.key, offset: r.offset, to: r.to, cc: r.cc, date, at: at(date) };
    })
    .sort((a, b) => a.offset - b.offset);
  const digests: ReminderPreview['digests'] = [];
  if (ladder.digest) {
    const start = rungDay(deadlineDate, ladder.digest.startAfter, calendar);
    for (let n = 1; n <= digestCount; n++) {
      const date = calendar.previousWorkingDay(addCalendarDays(start, n * ladder.digest.everyDays));
      digests.push({ n, date, at: at(date) });
    }
  }
  const dayOff = info.working ? null : (info.name ?? WEEKEND[new Date(`${deadlineDate}T00:00:00Z`).getUTCDay()]);
  return {
    deadline: { at: deadline.toISOString(), date: deadlineDate, working: info.working, dayOff },
    hour,
    timeZone: calendar.timeZone,
    rungs,
    digests,
  };
}
