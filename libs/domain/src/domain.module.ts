import { Module } from '@nestjs/common';
import { MailModule } from '@duyet/mail';
import { BoardService } from './board/board.service';
import { CalendarService } from './calendar/calendar.service';
import { CampaignActivitiesService } from './campaign-activities.service';
import { CampaignOperationsService } from './campaign-operations.service';
import { CampaignsService } from './campaigns.service';
import { ClockService } from './clock.service';
import { CommentsService } from './comments/comments.service';
import { EmailsService } from './emails/emails.service';
import { PlanContentService } from './plan-content/plan-content.service';
import { PlanDraftsService } from './plan-content/plan-drafts.service';
import { PlanTransitionsService } from './plan-transitions.service';
import { RemindersService } from './reminders/reminders.service';

/** Every domain service, provided here and exported to the API and the worker alike. */
const SERVICES = [
  ClockService,
  CalendarService,
  PlanContentService,
  PlanDraftsService,
  CommentsService,
  EmailsService,
  BoardService,
  CampaignsService,
  CampaignActivitiesService,
  CampaignOperationsService,
  PlanTransitionsService,
  RemindersService,
];

@Module({
  imports: [MailModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class DomainModule {}
