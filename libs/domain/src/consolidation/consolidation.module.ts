import { Module } from '@nestjs/common';
import { PhasesModule } from '../phases/phases.module';
import { ProvinceModule } from '../province/province.module';
import { ConsolidationService } from './consolidation.service';

/** Consolidation (tổng hợp): the approved plans' targets rolled up by level, cluster and district. */
@Module({
  imports: [ProvinceModule, PhasesModule],
  providers: [ConsolidationService],
  exports: [ConsolidationService],
})
export class ConsolidationModule {}
