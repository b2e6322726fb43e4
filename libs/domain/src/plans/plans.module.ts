import { Module } from '@nestjs/common';
import { MailModule } from '@duyet/mail';
import { CalendarModule } from '../calendar/calendar.module';
import { PlanContentModule } from '../plan-content/plan-content.module';
import { PeopleModule } from '../people/people.module';
import { PlanAccessService } from './plan-access.service';
import { PlansService } from './plans.service';
import { PlanMovesService } from './plan-moves.service';
import { PlanMoveEffectsService } from './plan-move-effects.service';
import { PlanExtensionsService } from './plan-extensions.service';
import { ReviewQueueService } from './review-queue.service';

/** A plan's reads, its one scoped loader, its moves through the workflow and what each move writes, and the school's requests for more time. */
@Module({
  imports: [CalendarModule, PlanContentModule, MailModule, PeopleModule],
  providers: [
    PlanAccessService,
    PlansService,
    PlanMovesService,
    PlanMoveEffectsService,
    PlanExtensionsService,
    ReviewQueueService,
  ],
  exports: [
    PlanAccessService,
    PlansService,
    PlanMovesService,
    PlanMoveEffectsService,
    PlanExtensionsService,
    ReviewQueueService,
  ],
})
export class PlansModule {}
