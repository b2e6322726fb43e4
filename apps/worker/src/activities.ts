import type { CampaignActivitiesService, PlanTransitionsService, RemindersService } from '@duyet/domain';
import type { CampaignActivities, PlanActivities, ReminderActivities } from '@duyet/workflows';

/** Activities are thin adapters over the domain services; each service method is idempotent. */
export function createActivities(
  plans: PlanTransitionsService,
  campaigns: CampaignActivitiesService,
  reminders: RemindersService,
): PlanActivities & CampaignActivities & ReminderActivities {
  return {
    applyPlanTransition: (input) => plans.applyPlanTransition(input),
    openCampaignPlans: (input) => campaigns.openCampaignPlans(input),
    startPlanWorkflowsBatch: (input) => campaigns.startPlanWorkflowsBatch(input),
    markCampaignPlansOpened: (input) => campaigns.markCampaignPlansOpened(input),
    markCampaignClosed: (input) => campaigns.markCampaignClosed(input),
    extendCampaignDeadline: (input) => campaigns.extendCampaignDeadline(input),
    signalPlanWorkflowsBatch: (input) => campaigns.signalPlanWorkflowsBatch(input),
    districtReminderHour: (input) => reminders.reminderHour(input.districtId),
    sendDueReminders: async (input) => {
      const sent = await reminders.sendDueReminders(input);
      return { emails: sent.emails };
    },
  };
}
