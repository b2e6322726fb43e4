import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/vi';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('vi');

/** Every date on screen is read in the office's time zone, whatever the device says. */
export const VN_TZ = 'Asia/Ho_Chi_Minh';

type Instant = string | number | Date;

const at = (value: Instant) => dayjs(value).tz(VN_TZ);

/** "25/12/2026" */
export const formatDate = (value: Instant): string => at(value).format('DD/MM/YYYY');

/** "14:32" */
export const formatTime = (value: Instant): string => at(value).format('HH:mm');

/** "17:00 25/12/2026": time first, the way the office's documents and e-mails write a deadline. */
export const formatDateTime = (value: Instant): string => at(value).format('HH:mm DD/MM/YYYY');

/** "25/12/2026" for a local day written "2026-12-25". */
export function formatLocalDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/** "98,5" */
export const formatNumber = (n: number): string => n.toLocaleString('vi-VN', { maximumFractionDigits: 3 });

/** "Thứ tư, 10/02/2027" for a local day written "2027-02-10": the weekday shows a weekend or a holiday at a glance. */
export function formatWeekdayDay(day: string): string {
  const weekday = dayjs(day, 'YYYY-MM-DD').format('dddd');
  return `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)}, ${formatLocalDay(day)}`;
}
