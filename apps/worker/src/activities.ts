import type { CampaignActivitiesService, PlanTransitionsService } from '@duyet/domain';
import type { CampaignActivities, PlanActivities } from '@duyet/workflows';

/** Activities are thin adapters over the domain services; each service method is idempotent. */
export function createActivities(
  plans: PlanTransitionsService,
  campaigns: CampaignActivitiesService,
): PlanActivities & CampaignActivities {
  return {
    applyPlanTransition: (input) => plans.applyPlanTransition(input),
    openCampaignPlans: (input) => campaigns.openCampaignPlans(input),
    startPlanWorkflowsBatch: (input) => campaigns.startPlanWorkflowsBatch(input),
    markCampaignPlansOpened: (input) => campaigns.markCampaignPlansOpened(input),
  };
}
