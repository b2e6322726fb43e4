import { Module } from '@nestjs/common';
import { MailModule } from '@duyet/mail';
import { BoardService } from './board/board.service';
import { CalendarService } from './calendar/calendar.service';
import { CampaignStepsService } from './campaigns/campaign-steps.service';
import { CampaignChangesService } from './campaigns/campaign-changes.service';
import { CampaignIssuingService } from './campaigns/campaign-issuing.service';
import { ClockService } from './calendar/clock.service';
import { CommentsService } from './comments/comments.service';
import { EmailsService } from './emails/emails.service';
import { PlanContentService } from './plan-content/plan-content.service';
import { PlanDraftsService } from './plan-content/plan-drafts.service';
import { PlanMoveEffectsService } from './plans/plan-move-effects.service';
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
  CampaignIssuingService,
  CampaignStepsService,
  CampaignChangesService,
  PlanMoveEffectsService,
  RemindersService,
];

@Module({
  imports: [MailModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class DomainModule {}
