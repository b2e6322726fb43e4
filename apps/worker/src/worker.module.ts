import { Module } from '@nestjs/common';
import { ConfigModule } from '@duyet/config';
import { DatabaseModule } from '@duyet/database';
import { DomainModule } from '@duyet/domain';
import { MailModule } from '@duyet/mail';
import { TemporalModule } from '@duyet/temporal';
import { MailWorkerService } from './mail-worker.service';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({
  imports: [ConfigModule, DatabaseModule, TemporalModule, MailModule, DomainModule],
  providers: [TemporalWorkerService, MailWorkerService],
})
export class WorkerModule {}
