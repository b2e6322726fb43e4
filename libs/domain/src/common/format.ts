// The one place dates are written for people and for the audit log. E-mails, the board's CSV, error messages
// and notices all say an instant as "17:00 25/12/2017" (time, then day, in the district's time zone, the way the
// office's documents write "17 giờ 00 ngày 25/12/2017") and a day as "25/12/2017"; the audit log keeps every
// instant in UTC ("2017-12-25T10:00:00.000Z"), whatever offset the request carried.

const VN_TZ = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, { dateTime: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();

function formattersOf(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    const date = { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' } as const;
    f = {
      dateTime: new Intl.DateTimeFormat('vi-VN', { ...date, hour: '2-digit', minute: '2-digit', hour12: false }),
      date: new Intl.DateTimeFormat('vi-VN', date),
    };
    formatters.set(timeZone, f);
  }
  return f;
}

const partsOf = (f: Intl.DateTimeFormat, at: Date) =>
  Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));

/** "17:00 25/12/2017": an instant as people read it, in Vietnam's time zone (or the district's). */
export function formatVnDateTime(date: Date, timeZone = VN_TZ): string {
  const p = partsOf(formattersOf(timeZone).dateTime, date);
  // Some ICU versions write midnight as 24:00.
  return `${p.hour === '24' ? '00' : p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

/** "25/12/2017": the day an instant falls on in Vietnam (or the district), as Vietnamese documents and Excel read it. */
export function formatVnDate(date: Date, timeZone = VN_TZ): string {
  const p = partsOf(formattersOf(timeZone).date, date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "25/12/2017" for a local day written 'YYYY-MM-DD' (a reminder run's day, a calendar entry). */
export function formatLocalDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`Not a local day (YYYY-MM-DD): ${day}`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** How the audit log keeps an instant: UTC, ISO 8601, whatever offset it was sent with ("…T17:00:00+07:00"). */
export function auditInstant(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${String(at)}`);
  return date.toISOString();
}
