import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { PhaseResultsService } from './phase-results';
import { PhasesService } from './phases.service';

/** A campaign's phases: opening one for the approved plans (a self-assessment campaign), and its results. */
@Module({
  imports: [CampaignsModule],
  providers: [PhasesService, PhaseResultsService],
  exports: [PhasesService, PhaseResultsService],
})
export class PhasesModule {}
