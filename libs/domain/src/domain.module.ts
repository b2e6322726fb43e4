import { Module } from '@nestjs/common';
import { MailModule } from '@duyet/mail';
import { CampaignActivitiesService } from './campaign-activities.service';
import { CampaignsService } from './campaigns.service';
import { ClockService } from './clock.service';
import { PlanTransitionsService } from './plan-transitions.service';

@Module({
  imports: [MailModule],
  providers: [ClockService, CampaignsService, CampaignActivitiesService, PlanTransitionsService],
  exports: [ClockService, CampaignsService, CampaignActivitiesService, PlanTransitionsService],
})
export class DomainModule {}
