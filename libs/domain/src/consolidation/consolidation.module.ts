import { Module } from '@nestjs/common';
import { ConsolidationService } from './consolidation.service';

/** Consolidation (tổng hợp): the approved plans' targets rolled up by level, cluster and district. */
@Module({
  providers: [ConsolidationService],
  exports: [ConsolidationService],
})
export class ConsolidationModule {}
