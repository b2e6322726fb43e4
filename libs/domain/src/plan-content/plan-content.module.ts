import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { PlanContentService } from './plan-content.service';
import { PlanDraftsService } from './plan-drafts.service';
import { PlanFormService } from './plan-form.service';

/** A plan's content: the draft, its checks against the campaign, the diff between versions. */
@Module({
  imports: [CalendarModule],
  providers: [PlanContentService, PlanDraftsService, PlanFormService],
  exports: [PlanContentService, PlanDraftsService, PlanFormService],
})
export class PlanContentModule {}
