import { Module } from '@nestjs/common';
import { MailModule } from '@duyet/mail';
import { CalendarModule } from '../calendar/calendar.module';
import { PeopleModule } from '../people/people.module';
import { CampaignIssuingService } from './campaign-issuing.service';
import { CampaignChangesService } from './campaign-changes.service';
import { CampaignQueriesService } from './campaign-queries.service';
import { CampaignStepsService } from './campaign-steps.service';
import { CampaignFormService } from './campaign-form.service';

/** Campaigns: issued and copied by the admin, changed while they run, read, and the steps their workflow takes. */
@Module({
  imports: [CalendarModule, MailModule, PeopleModule],
  providers: [
    CampaignFormService,
    CampaignIssuingService,
    CampaignChangesService,
    CampaignQueriesService,
    CampaignStepsService,
  ],
  exports: [
    CampaignFormService,
    CampaignIssuingService,
    CampaignChangesService,
    CampaignQueriesService,
    CampaignStepsService,
  ],
})
export class CampaignsModule {}
