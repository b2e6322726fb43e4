import { Module } from '@nestjs/common';
import { StorageModule } from '@duyet/storage';
import { PlansModule } from '../plans/plans.module';
import { PlanAttachmentsService } from './plan-attachments.service';

/** The files attached to a plan's draft and frozen with its versions. */
@Module({
  imports: [PlansModule, StorageModule],
  providers: [PlanAttachmentsService],
  exports: [PlanAttachmentsService],
})
export class AttachmentsModule {}
