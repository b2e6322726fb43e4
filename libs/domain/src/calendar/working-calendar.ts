import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A local calendar day, 'YYYY-MM-DD', in the district's time zone. */
export type LocalDate = string;

export type DayOverrideKind = 'DAY_OFF' | 'WORKING_DAY';

/** A district's correction of the calendar: a day off no library can know, or a working Saturday. */
export interface DayOverrideEntry {
  date: LocalDate;
  kind: DayOverrideKind;
  name: string;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

/** True for a real calendar day written 'YYYY-MM-DD' (rejects 2027-02-30). */
export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

// Day arithmetic runs on whole days since 1970-01-01: a 50,000-plan run asks about the same few hundred days
// over and over, and plain integers keep that cheap (no time zone is involved in counting days).
function toDayNumber(date: LocalDate): number {
  if (!isLocalDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function fromDayNumber(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from a to b (b - a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function addCalendarDays(date: LocalDate, n: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + n);
}

const vnHolidays = new Holidays('VN');
const publicHolidayCache = new Map<number, ReadonlyMap<LocalDate, string>>();

/**
 * Vietnam's public holidays of a year from date-holidays, lunar ones included (Tết: Giao thừa and mùng 1;
 * Giỗ tổ Hùng Vương, 10/3 lunar), with Vietnamese names. What the library does not know, and the district's
 * DayOverride table supplies: the rest of the multi-day Tết break the government announces each year, the
 * day next to 2/9 (since 2025), substitute days for a holiday on a weekend, and bridge days.
 */
export function vnPublicHolidays(year: number): ReadonlyMap<LocalDate, string> {
  let days = publicHolidayCache.get(year);
  if (!days) {
    const map = new Map<LocalDate, string>();
    for (const h of vnHolidays.getHolidays(year, 'vi')) {
      if (h.type === 'public') map.set(h.date.slice(0, 10), h.name);
    }
    days = map;
    publicHolidayCache.set(year, days);
  }
  return days;
}

export interface DayInfo {
  date: LocalDate;
  working: boolean;
  /** the holiday or override that decided, if any */
  name?: string;
  source: 'weekday' | 'weekend' | 'library' | 'district';
}

/**
 * Working days of one district: Monday to Friday, less the library's public holidays, with the district's
 * overrides winning over both. Pure: the overrides are handed in, the library's holidays are computed.
 */
export class WorkingCalendar {
  private readonly overrides: ReadonlyMap<LocalDate, DayOverrideEntry>;
  private readonly memo = new Map<number, boolean>();

  constructor(
    overrides: Iterable<DayOverrideEntry> = [],
    readonly timeZone: string = VN_TIME_ZONE,
    private readonly holidays: (year: number) => ReadonlyMap<LocalDate, string> = vnPublicHolidays,
  ) {
    this.overrides = new Map([...overrides].map((o) => [o.date, o] as const));
  }

  describe(date: LocalDate): DayInfo {
    const override = this.overrides.get(date);
    if (override) return { date, working: override.kind === 'WORKING_DAY', name: override.name, source: 'district' };
    const holiday = this.holidays(Number(date.slice(0, 4))).get(date);
    if (holiday) return { date, working: false, name: holiday, source: 'library' };
    // 1970-01-01 was a Thursday: day number + 4 is 0 on Sundays.
    const weekday = (((toDayNumber(date) + 4) % 7) + 7) % 7;
    return weekday === 0 || weekday === 6
      ? { date, working: false, source: 'weekend' }
      : { date, working: true, source: 'weekday' };
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.isWorking(toDayNumber(date));
  }

  /** The date itself when it is a working day, else the last working day before it. */
  previousWorkingDay(date: LocalDate): LocalDate {
    return fromDayNumber(this.stepToWorking(toDayNumber(date), -1));
  }

  /** The date itself when it is a working day, else the first working day after it. */
  nextWorkingDay(date: LocalDate): LocalDate {
    return fromDayNumber(this.stepToWorking(toDayNumber(date), 1));
  }

  /**
   * The n-th working day after (n > 0) or before (n < 0) the date, not counting the date itself; n = 0 gives
   * the date unchanged, working or not.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    let day = toDayNumber(date);
    const step = Math.sign(n);
    for (let left = Math.abs(n); left > 0; left--) day = this.stepToWorking(day + step, step);
    return fromDayNumber(day);
  }

  /**
   * Working days from a to b: how many working days lie in (a, b] when b is after a, minus how many lie in
   * (b, a] when b is before a. The inverse of addWorkingDays for working days.
   */
  workingDaysBetween(a: LocalDate, b: LocalDate): number {
    const from = toDayNumber(a);
    const to = toDayNumber(b);
    const step = Math.sign(to - from);
    let count = 0;
    for (let day = from + step; step !== 0 && day !== to + step; day += step) if (this.isWorking(day)) count++;
    return count === 0 ? 0 : step * count;
  }

  /** The local calendar day of an instant. */
  localDate(instant: Date): LocalDate {
    return DateTime.fromJSDate(instant, { zone: this.timeZone }).toISODate()!;
  }

  /** The instant at which a local day reaches 'HH:mm'. */
  atLocalTime(date: LocalDate, hhmm: string): Date {
    if (!isLocalDate(date) || !HOUR.test(hhmm)) throw new RangeError(`Not a local date and time: ${date} ${hhmm}`);
    return DateTime.fromISO(`${date}T${hhmm}`, { zone: this.timeZone }).toJSDate();
  }

  private isWorking(day: number): boolean {
    let working = this.memo.get(day);
    if (working === undefined) {
      working = this.describe(fromDayNumber(day)).working;
      this.memo.set(day, working);
    }
    return working;
  }

  private stepToWorking(day: number, step: 1 | -1 | number): number {
    // No real calendar has a month without a working day; a bound turns a broken override table into an error.
    for (let i = 0; i < 366; i++, day += step) if (this.isWorking(day)) return day;
    throw new RangeError(`No working day within a year of ${fromDayNumber(day)}`);
  }
}
