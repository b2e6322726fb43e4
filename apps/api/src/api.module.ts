import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ConfigModule } from '@duyet/config';
import { DatabaseModule } from '@duyet/database';
import { FEATURE_MODULES } from '@duyet/domain';
import { MailModule } from '@duyet/mail';
import { StorageModule } from '@duyet/storage';
import { TemporalModule } from '@duyet/temporal';
import { AuthModule } from './auth/auth.module';
import { BoardController } from './board/board.controller';
import { CalendarController } from './calendar/calendar.controller';
import { CampaignsController } from './campaigns/campaigns.controller';
import { ConsolidationController } from './consolidation/consolidation.controller';
import { CampaignDocumentsController } from './documents/campaign-documents.controller';
import { PlanDocumentsController } from './documents/plan-documents.controller';
import { HttpErrorsFilter } from './common/http-errors.filter';
import { InputValidationPipe } from './common/input-validation.pipe';
import { RequireDependencies } from './common/require-dependencies';
import { ResponseValidation } from './common/response-validation.interceptor';
import { EmailsController } from './emails/emails.controller';
import { DependencyMonitor } from './health/dependency-monitor.service';
import { HealthController } from './health/health.controller';
import { MeetingRecordsController } from './meetings/meeting-records.controller';
import { MeetingSlotsController } from './meetings/meeting-slots.controller';
import { MeetingsController } from './meetings/meetings.controller';
import { PlanAttachmentsController } from './plans/plan-attachments.controller';
import { PlanCommentsController } from './plans/plan-comments.controller';
import { PlanContentController } from './plans/plan-content.controller';
import { PlanExtensionsController } from './plans/plan-extensions.controller';
import { PlanFormController } from './plans/plan-form.controller';
import { PlanMovesController } from './plans/plan-moves.controller';
import { PlansController } from './plans/plans.controller';
import { ReviewQueueController } from './plans/review-queue.controller';
import { AccountsController } from './people/accounts.controller';
import { ClustersController } from './people/clusters.controller';
import { PaperCopiesController } from './plans/paper-copies.controller';
import { DelegationsController } from './people/delegations.controller';
import { PersonalDataController } from './people/personal-data.controller';
import { SchoolsController } from './people/schools.controller';
import { UsersController } from './people/users.controller';
import { PeopleImportController } from './people/people-import.controller';
import { ProvinceController } from './province/province.controller';
import { PhasesController } from './phases/phases.controller';

@Module({
  imports: [ConfigModule, DatabaseModule, TemporalModule, MailModule, StorageModule, AuthModule, ...FEATURE_MODULES],
  controllers: [
    CampaignsController,
    ConsolidationController,
    PlansController,
    PlanMovesController,
    PlanExtensionsController,
    PlanCommentsController,
    PlanAttachmentsController,
    PlanContentController,
    PlanFormController,
    ReviewQueueController,
    BoardController,
    CalendarController,
    HealthController,
    MeetingsController,
    MeetingSlotsController,
    MeetingRecordsController,
    EmailsController,
    DelegationsController,
    AccountsController,
    ClustersController,
    SchoolsController,
    UsersController,
    PersonalDataController,
    PaperCopiesController,
    PeopleImportController,
    ProvinceController,
    PhasesController,
    CampaignDocumentsController,
    PlanDocumentsController,
  ],
  providers: [
    DependencyMonitor,
    { provide: APP_PIPE, useClass: InputValidationPipe },
    { provide: APP_INTERCEPTOR, useClass: RequireDependencies },
    { provide: APP_INTERCEPTOR, useClass: ResponseValidation },
    { provide: APP_FILTER, useClass: HttpErrorsFilter },
  ],
})
export class ApiModule {}
