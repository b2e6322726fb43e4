import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { ConfigModule } from '@duyet/config';
import { DatabaseModule } from '@duyet/database';
import { DomainModule } from '@duyet/domain';
import { MailModule } from '@duyet/mail';
import { TemporalModule } from '@duyet/temporal';
import { AuthModule } from './auth/auth.module';
import { CampaignsQueryService } from './campaigns/campaigns-query.service';
import { CampaignsController } from './campaigns/campaigns.controller';
import { HttpErrorsFilter } from './common/http-errors.filter';
import { HealthController } from './health/health.controller';
import { PlansController } from './plans/plans.controller';
import { PlansService } from './plans/plans.service';

@Module({
  imports: [ConfigModule, DatabaseModule, TemporalModule, MailModule, DomainModule, AuthModule],
  controllers: [CampaignsController, PlansController, HealthController],
  providers: [
    CampaignsQueryService,
    PlansService,
    { provide: APP_PIPE, useClass: ZodValidationPipe },
    { provide: APP_FILTER, useClass: HttpErrorsFilter },
  ],
})
export class ApiModule {}
