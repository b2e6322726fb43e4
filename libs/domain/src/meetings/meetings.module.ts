import { Module } from '@nestjs/common';
import { MailModule } from '@duyet/mail';
import { CalendarModule } from '../calendar/calendar.module';
import { PlansModule } from '../plans/plans.module';
import { MeetingQueriesService } from './meeting-queries.service';
import { MeetingChangesService } from './meeting-changes.service';
import { MeetingsService } from './meetings.service';
import { MeetingSlotsService } from './meeting-slots.service';
import { MeetingRecordsService } from './meeting-records.service';
import { MeetingMinutesService } from './meeting-minutes.service';

/** A campaign's review meetings by cluster: the schedule, who presents when, attendance and outcomes, the minutes. */
@Module({
  imports: [CalendarModule, PlansModule, MailModule],
  providers: [
    MeetingQueriesService,
    MeetingChangesService,
    MeetingsService,
    MeetingSlotsService,
    MeetingRecordsService,
    MeetingMinutesService,
  ],
  exports: [
    MeetingQueriesService,
    MeetingChangesService,
    MeetingsService,
    MeetingSlotsService,
    MeetingRecordsService,
    MeetingMinutesService,
  ],
})
export class MeetingsModule {}
