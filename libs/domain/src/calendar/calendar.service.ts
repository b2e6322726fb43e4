import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { type DayOverride, PrismaService } from '@duyet/database';
import type { AuthUser } from '../plans/access';
import { DomainError } from '../common/errors';
import { isUniqueViolation } from '../common/failures';
import { reminderHourSchema } from './reminder-hour';
import {
  type DayOverrideEntry,
  type DayOverrideKind,
  type LocalDate,
  VN_TIME_ZONE,
  WorkingCalendar,
  isLocalDate,
  vnPublicHolidays,
} from './working-calendar';
import { AuditLog } from '../audit/audit-log';

export const dayOverrideInputSchema = z.object({
  kind: z.enum(['DAY_OFF', 'WORKING_DAY']),
  name: z.string().trim().min(1, 'Cần ghi tên hoặc lý do của ngày').max(200),
});
export type DayOverrideInput = z.infer<typeof dayOverrideInputSchema>;

export const reminderHourInputSchema = z.object({ hour: reminderHourSchema });

/** When the district's reminders go out: once a day, for every campaign, at this local time. */
export interface ReminderHourSetting {
  hour: string;
  timeZone: string;
}

/** One line of the admin's calendar: a day off, or a working day the district put back. */
export interface CalendarDay {
  date: LocalDate;
  kind: DayOverrideKind;
  name: string;
  /** library: Vietnam's public holidays (date-holidays); district: this district's own table */
  source: 'library' | 'district';
  /** for a district entry on a library holiday: the holiday it replaces */
  replaces?: string;
}

interface CacheEntry {
  stamp: string;
  calendar: WorkingCalendar;
}

const toDbDate = (date: LocalDate): Date => new Date(`${date}T00:00:00Z`);
const fromDbDate = (date: Date): LocalDate => date.toISOString().slice(0, 10);

/**
 * The working-day calendar of each district: Vietnam's public holidays plus the district's DayOverride table.
 * Calendars are cached per district; each call checks a cheap stamp of the table (row count and newest row),
 * so a change made by another process (the API while the worker sends reminders) is seen on the next call.
 * Changes replace rows rather than update them, which is what keeps that stamp honest.
 */
@Injectable()
export class CalendarService {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly prisma: PrismaService) {}

  async forDistrict(districtId: string): Promise<WorkingCalendar> {
    const stamp = await this.stamp(districtId);
    const cached = this.cache.get(districtId);
    if (cached?.stamp === stamp) return cached.calendar;
    const [district, rows] = await Promise.all([
      this.prisma.district.findUnique({ where: { id: districtId }, select: { timezone: true } }),
      this.prisma.dayOverride.findMany({ where: { districtId } }),
    ]);
    const calendar = new WorkingCalendar(rows.map(toEntry), district?.timezone ?? VN_TIME_ZONE);
    this.cache.set(districtId, { stamp, calendar });
    return calendar;
  }

  invalidate(districtId: string): void {
    this.cache.delete(districtId);
  }

  /** The year's days off (library and district) and the district's working-day overrides, by date. */
  async listYear(user: AuthUser, year: number): Promise<CalendarDay[]> {
    const rows = await this.prisma.dayOverride.findMany({
      where: { districtId: user.districtId, date: { gte: toDbDate(`${year}-01-01`), lte: toDbDate(`${year}-12-31`) } },
    });
    const days = new Map<LocalDate, CalendarDay>();
    for (const [date, name] of vnPublicHolidays(year))
      days.set(date, { date, kind: 'DAY_OFF', name, source: 'library' });
    for (const row of rows) {
      const entry = toEntry(row);
      const holiday = days.get(entry.date);
      days.set(entry.date, { ...entry, source: 'district', ...(holiday ? { replaces: holiday.name } : {}) });
    }
    return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  async setDay(admin: AuthUser, date: string, input: DayOverrideInput): Promise<CalendarDay> {
    assertAdmin(admin);
    const day = parseDate(date);
    const write = () =>
      this.prisma.$transaction(async (tx) => {
        const where = { districtId_date: { districtId: admin.districtId, date: toDbDate(day) } };
        const before = await tx.dayOverride.findUnique({ where });
        await tx.dayOverride.deleteMany({ where: where.districtId_date });
        await tx.dayOverride.create({
          // A fresh createdAt (not the transaction's start) moves the cache stamp for every process.
          data: {
            districtId: admin.districtId,
            date: toDbDate(day),
            kind: input.kind,
            name: input.name,
            createdAt: new Date(),
          },
        });
        await AuditLog.write(tx, {
          districtId: admin.districtId,
          actorId: admin.id,
          type: 'DAY_OVERRIDE_CHANGED',
          data: { date: day, before: before ? toEntry(before) : null, after: { date: day, ...input } },
        });
      });
    try {
      await write();
    } catch (err) {
      // Two admins setting the same day at once: the later one runs again over the earlier one's row.
      if (!isUniqueViolation(err)) throw err;
      await write();
    }
    this.invalidate(admin.districtId);
    const holiday = vnPublicHolidays(Number(day.slice(0, 4))).get(day);
    return { date: day, ...input, source: 'district', ...(holiday ? { replaces: holiday } : {}) };
  }

  async removeDay(admin: AuthUser, date: string): Promise<void> {
    assertAdmin(admin);
    const day = parseDate(date);
    await this.prisma.$transaction(async (tx) => {
      const where = { districtId_date: { districtId: admin.districtId, date: toDbDate(day) } };
      const before = await tx.dayOverride.findUnique({ where });
      const removed = before && (await tx.dayOverride.deleteMany({ where: where.districtId_date })).count;
      if (!before || !removed) {
        throw new DomainError('NOT_FOUND', `Ngày ${day} không có điều chỉnh nào của Phòng GD&ĐT.`);
      }
      await AuditLog.write(tx, {
        districtId: admin.districtId,
        actorId: admin.id,
        type: 'DAY_OVERRIDE_CHANGED',
        data: { date: day, before: toEntry(before), after: null },
      });
    });
    this.invalidate(admin.districtId);
  }

  async reminderHour(user: AuthUser): Promise<ReminderHourSetting> {
    const district = await this.prisma.district.findUniqueOrThrow({
      where: { id: user.districtId },
      select: { reminderHour: true, timezone: true },
    });
    return { hour: district.reminderHour, timeZone: district.timezone };
  }

  /**
   * Moves the district's daily reminder run. The reminders workflow reads the hour before each sleep and again
   * on waking, so the change applies from the next run (see workflows/src/reminders.workflow.ts).
   */
  async setReminderHour(admin: AuthUser, hour: string): Promise<ReminderHourSetting> {
    if (admin.role !== 'ADMIN') {
      throw new DomainError('FORBIDDEN', 'Chỉ lãnh đạo Phòng GD&ĐT được đổi giờ gửi nhắc hạn.');
    }
    const parsed = reminderHourSchema.safeParse(hour);
    if (!parsed.success) {
      throw new DomainError('VALIDATION', `Giờ "${hour}" không hợp lệ.`, {
        errors: [{ field: 'hour', message: 'Giờ gửi nhắc phải có dạng HH:mm' }],
      });
    }
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.district.findUniqueOrThrow({ where: { id: admin.districtId } });
      const after = await tx.district.update({ where: { id: admin.districtId }, data: { reminderHour: parsed.data } });
      await AuditLog.write(tx, {
        districtId: admin.districtId,
        actorId: admin.id,
        type: 'REMINDER_HOUR_CHANGED',
        data: { before: before.reminderHour, after: after.reminderHour },
      });
      return { hour: after.reminderHour, timeZone: after.timezone };
    });
  }

  private async stamp(districtId: string): Promise<string> {
    const agg = await this.prisma.dayOverride.aggregate({
      where: { districtId },
      _count: { _all: true },
      _max: { createdAt: true },
    });
    return `${agg._count._all}:${agg._max.createdAt?.getTime() ?? 0}`;
  }
}

function toEntry(row: Pick<DayOverride, 'date' | 'kind' | 'name'>): DayOverrideEntry {
  return { date: fromDbDate(row.date), kind: row.kind, name: row.name };
}

function parseDate(date: string): LocalDate {
  if (!isLocalDate(date)) {
    throw new DomainError('VALIDATION', `Ngày "${date}" không hợp lệ.`, {
      errors: [{ field: 'date', message: 'Ngày phải có dạng YYYY-MM-DD' }],
    });
  }
  return date;
}

function assertAdmin(user: AuthUser): void {
  if (user.role !== 'ADMIN') {
    throw new DomainError('FORBIDDEN', 'Chỉ lãnh đạo Phòng GD&ĐT được điều chỉnh lịch làm việc.');
  }
}
