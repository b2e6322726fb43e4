// A meeting's clock, pure: when it starts in the district's time zone, when each school presents, and who is
// presenting at a given instant. Schools present back to back, one slot each, in the order of their positions.
import { DateTime } from 'luxon';
import { isLocalDate } from '../calendar/working-calendar';

export const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface TimeRange {
  startsAt: Date;
  endsAt: Date;
}

/** The instant a local date ('YYYY-MM-DD') reaches a local time ('HH:mm') in a time zone. */
export function localInstant(date: string, time: string, zone: string): Date {
  if (!isLocalDate(date) || !HH_MM.test(time)) throw new RangeError(`Not a local date and time: ${date} ${time}`);
  return DateTime.fromISO(`${date}T${time}`, { zone }).toJSDate();
}

/** The local date and time of an instant, as an admin typed them. */
export function localParts(at: Date, zone: string): { date: string; time: string } {
  const local = DateTime.fromJSDate(at, { zone });
  return { date: local.toFormat('yyyy-LL-dd'), time: local.toFormat('HH:mm') };
}

/** The slot of the school at `position` (1-based). */
export function slotTime(startsAt: Date, slotMinutes: number, position: number): TimeRange {
  const start = startsAt.getTime() + (position - 1) * slotMinutes * 60_000;
  return { startsAt: new Date(start), endsAt: new Date(start + slotMinutes * 60_000) };
}

/** From the first slot's start to the last one's end; a meeting without schools still lasts one slot. */
export function meetingTime(startsAt: Date, slotMinutes: number, slotCount: number): TimeRange {
  return { startsAt, endsAt: slotTime(startsAt, slotMinutes, Math.max(1, slotCount)).endsAt };
}

export type AgendaPhase = 'UPCOMING' | 'IN_PROGRESS' | 'ENDED' | 'CANCELLED';

export interface AgendaNow<T> {
  phase: AgendaPhase;
  /** the school presenting at that instant; null between slots, before and after */
  current: T | null;
  /** the next school to present */
  next: T | null;
}

/** Who presents at `now` and who comes next, from the slots' times alone. */
export function agendaAt<T extends TimeRange>(
  meeting: TimeRange & { cancelled: boolean },
  slots: readonly T[],
  now: Date,
): AgendaNow<T> {
  if (meeting.cancelled) return { phase: 'CANCELLED', current: null, next: null };
  const t = now.getTime();
  const ordered = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const current = ordered.find((s) => s.startsAt.getTime() <= t && t < s.endsAt.getTime()) ?? null;
  const next = ordered.find((s) => s.startsAt.getTime() > t) ?? null;
  const phase: AgendaPhase =
    t < meeting.startsAt.getTime() ? 'UPCOMING' : t >= meeting.endsAt.getTime() ? 'ENDED' : 'IN_PROGRESS';
  return { phase, current, next };
}

/** "Thứ Hai, 25/09/2017": the day as invitations and minutes write it. */
export function vnDay(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).setLocale('vi').toFormat('cccc, dd/LL/yyyy');
}

/** "07:30 - 08:00" */
export function vnTimeRange(range: TimeRange, zone: string): string {
  const hhmm = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat('HH:mm');
  return `${hhmm(range.startsAt)} - ${hhmm(range.endsAt)}`;
}
