import { Module } from '@nestjs/common';
import { AttachmentsModule } from './attachments/attachments.module';
import { BoardModule } from './board/board.module';
import { CalendarModule } from './calendar/calendar.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { CommentsModule } from './comments/comments.module';
import { ConsolidationModule } from './consolidation/consolidation.module';
import { DocumentsModule } from './documents/documents.module';
import { EmailsModule } from './emails/emails.module';
import { MeetingsModule } from './meetings/meetings.module';
import { PaperCopiesModule } from './paper-copies/paper-copies.module';
import { PeopleModule } from './people/people.module';
import { PhasesModule } from './phases/phases.module';
import { PlanContentModule } from './plan-content/plan-content.module';
import { PlansModule } from './plans/plans.module';
import { ProvinceModule } from './province/province.module';
import { RemindersModule } from './reminders/reminders.module';

/** Every feature module, for the API (its controllers use them all); the worker imports only the ones it runs. */
export const FEATURE_MODULES = [
  AttachmentsModule,
  BoardModule,
  CalendarModule,
  CampaignsModule,
  CommentsModule,
  ConsolidationModule,
  DocumentsModule,
  EmailsModule,
  MeetingsModule,
  PaperCopiesModule,
  PeopleModule,
  PhasesModule,
  PlanContentModule,
  PlansModule,
  ProvinceModule,
  RemindersModule,
];

@Module({
  imports: FEATURE_MODULES,
  exports: FEATURE_MODULES,
})
export class DomainModule {}
