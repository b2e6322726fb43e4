import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { PhaseResultsService } from './phase-results';
import { PhasesService } from './phases.service';

/** A campaign's phases: opening one for the approved plans (a self-assessment campaign), and its results. */
@Module({
  imports: [CalendarModule, CampaignsModule],
  providers: [PhasesService, PhaseResultsService],
  exports: [PhasesService, PhaseResultsService],
})
export class PhasesModule {}
