import { Module } from '@nestjs/common';
import { ConfigModule } from '@duyet/config';
import { DatabaseModule } from '@duyet/database';
import { CampaignsModule, PlansModule, RemindersModule } from '@duyet/domain';
import { MailModule } from '@duyet/mail';
import { TemporalModule } from '@duyet/temporal';
import { MailWorkerService } from './mail-worker.service';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({
  // Only the features whose services the activities run.
  imports: [ConfigModule, DatabaseModule, TemporalModule, MailModule, PlansModule, CampaignsModule, RemindersModule],
  providers: [TemporalWorkerService, MailWorkerService],
})
export class WorkerModule {}
