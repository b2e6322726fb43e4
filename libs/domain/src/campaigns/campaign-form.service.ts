import { Injectable } from '@nestjs/common';
import {
  type IndicatorDirection,
  type IndicatorRollup,
  type IndicatorWeight,
  PrismaService,
  type SchoolLevel,
} from '@duyet/database';
import type { AuthUser } from '../plans/access';
import { CalendarService } from '../calendar/calendar.service';
import { type ReminderPreview, previewReminders } from '../reminders/preview';
import { DEFAULT_REMINDER_POLICY } from '../reminders/policy';
import type { ReminderPreviewInput } from './campaign.schemas';

export interface CampaignCatalogue {
  sections: { key: string; title: string; required: boolean }[];
  indicators: {
    code: string;
    label: string;
    unit: string;
    level: SchoolLevel | null;
    direction: IndicatorDirection;
    rollup: IndicatorRollup;
    weight: IndicatorWeight;
    /** the district's own target */
    target: { min: number | null; max: number | null };
  }[];
}

/** What the office's issuing form reads before it sends anything: the catalogue, and where reminders would fall. */
@Injectable()
export class CampaignFormService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly calendars: CalendarService,
  ) {}

  /** The district's plan sections and indicators (with its own targets) a campaign chooses from. */
  async catalogue(user: AuthUser): Promise<CampaignCatalogue> {
    const [sections, indicators] = await Promise.all([
      this.prisma.sectionTemplate.findMany({ where: { districtId: user.districtId }, orderBy: { position: 'asc' } }),
      this.prisma.indicator.findMany({
        where: { districtId: user.districtId },
        orderBy: [{ level: 'asc' }, { code: 'asc' }],
      }),
    ]);
    const num = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());
    return {
      sections: sections.map((s) => ({ key: s.key, title: s.title, required: s.required })),
      indicators: indicators.map((i) => ({
        code: i.code,
        label: i.label,
        unit: i.unit,
        level: i.level,
        direction: i.direction,
        rollup: i.rollup,
        weight: i.weight,
        target: { min: num(i.targetMin), max: num(i.targetMax) },
      })),
    };
  }

  /** The submission ladder of a policy (the default one when none is given) placed on the district's calendar. */
  async previewReminders(user: AuthUser, input: ReminderPreviewInput): Promise<ReminderPreview> {
    const [calendar, setting] = await Promise.all([
      this.calendars.forDistrict(user.districtId),
      this.calendars.reminderHour(user),
    ]);
    const ladder = input.reminderPolicy?.SUBMISSION ?? DEFAULT_REMINDER_POLICY.SUBMISSION;
    return previewReminders(new Date(input.submissionDeadline), ladder, calendar, setting.hour);
  }
}
