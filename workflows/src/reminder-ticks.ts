// When the campaign's reminder run happens: once a day at the policy's hour, Asia/Ho_Chi_Minh. Vietnam keeps
// UTC+7 all year (no daylight saving), so a fixed offset is exact. Pure: the campaign workflow uses it.

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
