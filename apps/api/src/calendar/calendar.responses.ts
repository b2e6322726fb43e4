// What the calendar routes answer.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { DayKind } from '@duyet/database';
import { isoDay } from '../common/answers';

const calendarDay = z.object({
  date: isoDay,
  kind: z.enum(DayKind),
  name: z.string(),
  /** library: Vietnam's public holidays; district: the district's own table */
  source: z.enum(['library', 'district']),
  /** a district entry on a library holiday: the holiday it replaces */
  replaces: z.string().optional(),
});

export class CalendarDayDto extends createZodDto(calendarDay, { codec: true }) {}
export class CalendarDayListDto extends createZodDto(z.array(calendarDay), { codec: true }) {}
export class ReminderHourSettingDto extends createZodDto(
  z.object({ hour: z.string().regex(/^\d{2}:\d{2}$/), timeZone: z.string() }),
  { codec: true },
) {}
