import { Module } from '@nestjs/common';
import { MailModule } from '@duyet/mail';
import { CampaignActivitiesService } from './campaign-activities.service';
import { CampaignsService } from './campaigns.service';
import { PlanTransitionsService } from './plan-transitions.service';

@Module({
  imports: [MailModule],
  providers: [CampaignsService, CampaignActivitiesService, PlanTransitionsService],
  exports: [CampaignsService, CampaignActivitiesService, PlanTransitionsService],
})
export class DomainModule {}
