import type { WorkingCalendar } from './working-calendar';
import { formatLocalDay, formatVnDateTime } from '../common/format';

const WEEKEND_DAY = ['Chủ nhật', '', '', '', '', '', 'thứ Bảy'];

/**
 * A warning, in Vietnamese, when a deadline falls on a day off of the district (a weekend, a public holiday, a
 * day the district closes): it is accepted, since an office may mean it, but said out loud, because nobody works
 * that day and the reminders treat the last working day before it as the deadline's day. null on a working day.
 */
export function dayOffWarning(what: string, at: Date, calendar: WorkingCalendar): string | null {
  const day = calendar.localDate(at);
  const info = calendar.describe(day);
  if (info.working) return null;
  const why = info.name ?? WEEKEND_DAY[new Date(`${day}T00:00:00Z`).getUTCDay()];
  return (
    `${what} ${formatVnDateTime(at, calendar.timeZone)} rơi vào ngày nghỉ (${why}). ` +
    `Nhắc hạn "hạn chót là hôm nay" sẽ gửi vào ngày làm việc cuối cùng trước đó ` +
    `(${formatLocalDay(calendar.previousWorkingDay(day))}); nếu không chủ ý, hãy chọn một ngày làm việc.`
  );
}
