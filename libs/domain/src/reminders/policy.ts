import { z } from 'zod';
import { type LocalDate, type WorkingCalendar, addCalendarDays, daysBetween } from '../calendar/working-calendar';

/** Who a rung writes to: the school's principal, the plan's reviewer(s), the office head(s). */
export const REMINDER_ROLES = ['PRINCIPAL', 'REVIEWER', 'ADMIN'] as const;
export type ReminderRole = (typeof REMINDER_ROLES)[number];

export const DEADLINE_KINDS = ['SUBMISSION', 'REVISION', 'REVIEW'] as const;
export type ReminderDeadlineKind = (typeof DEADLINE_KINDS)[number];

const roles = z.array(z.enum(REMINDER_ROLES));

const rungSchema = z.object({
  /** names the rung in ReminderSent; "digest-…" and "manual-…" are the sender's own */
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Mã mốc nhắc chỉ gồm chữ thường không dấu, số và dấu gạch ngang')
    .refine((k) => !/^(digest|manual)-/.test(k), 'Mã mốc nhắc không được bắt đầu bằng "digest-" hoặc "manual-"'),
  /** working days from the deadline: negative before, 0 on the day, positive after */
  offset: z.number().int().min(-60).max(60),
  to: roles.min(1, 'Mỗi mốc nhắc cần ít nhất một người nhận'),
  cc: roles.default([]),
});

const digestSchema = z.object({
  /** working days after the deadline from which the digest counts; the first one comes everyDays later */
  startAfter: z.number().int().min(0).max(60),
  everyDays: z.number().int().min(1).max(60).default(7),
  to: roles.min(1).default(['ADMIN']),
});

const ladderSchema = z.object({
  rungs: z
    .array(rungSchema)
    .max(20)
    .refine((rs) => new Set(rs.map((r) => r.key)).size === rs.length, 'Mã các mốc nhắc phải khác nhau'),
  /** null: no digest after the last rung */
  digest: digestSchema.nullable().default(null),
});

export type ReminderRung = z.infer<typeof rungSchema>;
export type ReminderDigest = z.infer<typeof digestSchema>;
export type ReminderLadder = z.infer<typeof ladderSchema>;

const rung = (key: string, offset: number, to: ReminderRole[], cc: ReminderRole[] = []): ReminderRung => ({
  key,
  offset,
  to,
  cc,
});

/** DOMAIN.md's ladder for whoever has to act (the principal, or the reviewer for a review's due date). */
const defaultLadder = (actor: ReminderRole, copyOnFirstDayLate: ReminderRole[]): ReminderLadder => ({
  rungs: [
    rung('before-7', -7, [actor]),
    rung('before-3', -3, [actor]),
    rung('before-1', -1, [actor]),
    rung('due', 0, [actor]),
    rung('after-1', 1, [actor], copyOnFirstDayLate),
    rung('after-3', 3, ['ADMIN']),
  ],
  digest: { startAfter: 3, everyDays: 7, to: ['ADMIN'] },
});

/** District.reminderHour's default: the daily run's local time (Asia/Ho_Chi_Minh). */
export const DEFAULT_REMINDER_HOUR = '07:30';

/**
 * Campaign.reminderPolicy. `{}` is the default policy; a kind that is given replaces that kind's whole ladder.
 * A reviewer's own ladder has nobody to copy on the first day late: the office head hears on the third.
 * Unknown keys are dropped, so a policy stored with the former per-campaign `hour` still reads.
 */
export const reminderPolicySchema = z.object({
  SUBMISSION: ladderSchema.default(defaultLadder('PRINCIPAL', ['REVIEWER'])),
  REVISION: ladderSchema.default(defaultLadder('PRINCIPAL', ['REVIEWER'])),
  REVIEW: ladderSchema.default(defaultLadder('REVIEWER', [])),
});
export type ReminderPolicy = z.infer<typeof reminderPolicySchema>;

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = reminderPolicySchema.parse({});

/** A rung that falls on the day asked about. */
export interface DueRung {
  key: string;
  /** the rung's offset; for a digest, its startAfter */
  offset: number;
  to: ReminderRole[];
  cc: ReminderRole[];
  digest: boolean;
}

/**
 * The day a rung falls on. Before and on the deadline, working days are counted back from the last working
 * day on or before the deadline's date, so a deadline on a day off (Tết, a Saturday) keeps its whole ladder
 * and "on the day" means the last day the office is open; after it, they are counted forward from the date.
 */
export function rungDay(deadlineDate: LocalDate, offset: number, calendar: WorkingCalendar): LocalDate {
  if (offset <= 0) return calendar.addWorkingDays(calendar.previousWorkingDay(deadlineDate), offset);
  return calendar.addWorkingDays(deadlineDate, offset);
}

/**
 * The rungs of a ladder that fall on `today` for a deadline: each rung on its working day, and the digests
 * every `everyDays` calendar days after the startAfter day, a digest on a day off moved back to the previous
 * working day (several digests moved onto one day count once, as the latest).
 */
export function dueRungs(
  deadline: Date,
  ladder: ReminderLadder,
  calendar: WorkingCalendar,
  today: LocalDate,
): DueRung[] {
  const deadlineDate = calendar.localDate(deadline);
  const due: DueRung[] = ladder.rungs
    .filter((r) => rungDay(deadlineDate, r.offset, calendar) === today)
    .map((r) => ({ key: r.key, offset: r.offset, to: r.to, cc: r.cc, digest: false }));
  const digest = ladder.digest;
  if (digest) {
    const start = rungDay(deadlineDate, digest.startAfter, calendar);
    // A digest moved back lands at most a long holiday earlier: look a month ahead of today for candidates.
    const first = Math.max(1, Math.ceil(daysBetween(start, today) / digest.everyDays));
    const last = Math.floor((daysBetween(start, today) + 31) / digest.everyDays);
    for (let k = last; k >= first; k--) {
      if (calendar.previousWorkingDay(addCalendarDays(start, k * digest.everyDays)) === today) {
        due.push({ key: `digest-${k}`, offset: digest.startAfter, to: digest.to, cc: [], digest: true });
        break;
      }
    }
  }
  return due;
}

/**
 * Where today stands against a deadline, in working days, counted the way the ladder counts them: before it,
 * how many working days are left up to the last working day on or before its date (0 on that day); after
 * its date, how many working days have passed. dueToday tells "the deadline is today" from "the office is
 * open today for the last time before a deadline on a day off".
 */
export function deadlineDistance(
  deadline: Date,
  calendar: WorkingCalendar,
  today: LocalDate,
): { workingDays: number; dueToday: boolean } {
  const date = calendar.localDate(deadline);
  if (today > date) return { workingDays: calendar.workingDaysBetween(date, today), dueToday: false };
  const lastOpen = calendar.previousWorkingDay(date);
  return { workingDays: 0 - Math.max(0, calendar.workingDaysBetween(today, lastOpen)), dueToday: today === date };
}
