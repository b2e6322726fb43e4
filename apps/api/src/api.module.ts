import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ConfigModule } from '@duyet/config';
import { DatabaseModule } from '@duyet/database';
import { DomainModule } from '@duyet/domain';
import { MailModule } from '@duyet/mail';
import { StorageModule } from '@duyet/storage';
import { TemporalModule } from '@duyet/temporal';
import { AuthModule } from './auth/auth.module';
import { BoardRemindService } from './board/board-remind.service';
import { BoardController } from './board/board.controller';
import { CalendarController } from './calendar/calendar.controller';
import { CampaignsQueryService } from './campaigns/campaigns-query.service';
import { CampaignsController } from './campaigns/campaigns.controller';
import { HttpErrorsFilter } from './common/http-errors.filter';
import { InputValidationPipe } from './common/input-validation.pipe';
import { RequireDependencies } from './common/require-dependencies';
import { EmailsController } from './emails/emails.controller';
import { DependencyMonitor } from './health/dependency-monitor.service';
import { HealthController } from './health/health.controller';
import { MeetingChangesService } from './meetings/meeting-changes.service';
import { MeetingMinutesService } from './meetings/meeting-minutes.service';
import { MeetingQueriesService } from './meetings/meeting-queries.service';
import { MeetingRecordsController } from './meetings/meeting-records.controller';
import { MeetingRecordsService } from './meetings/meeting-records.service';
import { MeetingSlotsController } from './meetings/meeting-slots.controller';
import { MeetingSlotsService } from './meetings/meeting-slots.service';
import { MeetingsController } from './meetings/meetings.controller';
import { MeetingsService } from './meetings/meetings.service';
import { PlanAttachmentsController } from './plans/plan-attachments.controller';
import { PlanAttachmentsService } from './plans/plan-attachments.service';
import { PlanCommentsController } from './plans/plan-comments.controller';
import { PlanContentController } from './plans/plan-content.controller';
import { PlanExtensionsController } from './plans/plan-extensions.controller';
import { PlanExtensionsService } from './plans/plan-extensions.service';
import { PlanMovesController } from './plans/plan-moves.controller';
import { PlanMovesService } from './plans/plan-moves.service';
import { PlansController } from './plans/plans.controller';
import { PlansService } from './plans/plans.service';

@Module({
  imports: [ConfigModule, DatabaseModule, TemporalModule, MailModule, DomainModule, AuthModule, StorageModule],
  controllers: [
    CampaignsController,
    PlansController,
    PlanMovesController,
    PlanExtensionsController,
    PlanCommentsController,
    PlanAttachmentsController,
    PlanContentController,
    BoardController,
    CalendarController,
    HealthController,
    MeetingsController,
    MeetingSlotsController,
    MeetingRecordsController,
    EmailsController,
  ],
  providers: [
    CampaignsQueryService,
    PlansService,
    BoardRemindService,
    PlanMovesService,
    PlanExtensionsService,
    PlanAttachmentsService,
    MeetingChangesService,
    MeetingQueriesService,
    MeetingsService,
    MeetingSlotsService,
    MeetingRecordsService,
    MeetingMinutesService,
    DependencyMonitor,
    { provide: APP_PIPE, useClass: InputValidationPipe },
    { provide: APP_INTERCEPTOR, useClass: RequireDependencies },
    { provide: APP_FILTER, useClass: HttpErrorsFilter },
  ],
})
export class ApiModule {}
