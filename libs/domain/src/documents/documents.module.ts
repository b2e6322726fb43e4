import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ConsolidationModule } from '../consolidation/consolidation.module';
import { PlansModule } from '../plans/plans.module';
import { ProvinceModule } from '../province/province.module';
import { CampaignDocumentsService } from './campaign-documents.service';
import { PlanDocumentsService } from './plan-documents.service';

/** The documents an office files (Nghị định 30/2020): the directive, an approved plan, the consolidated report. */
@Module({
  imports: [CalendarModule, ConsolidationModule, PlansModule, ProvinceModule],
  providers: [CampaignDocumentsService, PlanDocumentsService],
  exports: [CampaignDocumentsService, PlanDocumentsService],
})
export class DocumentsModule {}
