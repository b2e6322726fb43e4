import { ApplicationFailure, log } from '@temporalio/activity';
import type { CampaignActivitiesService, PlanTransitionsService, RemindersService } from '@duyet/domain';
import { describePermanentFailure, failureKind } from '@duyet/domain';
import type { CampaignActivities, PlanActivities, ReminderActivities } from '@duyet/workflows';

type Activities = PlanActivities & CampaignActivities & ReminderActivities;

/**
 * Every activity's errors sorted once: a refusal or a data error (a NUL PostgreSQL cannot store, a broken
 * constraint, a bug) fails at once, never retried, with a reason the caller can show; anything else is thrown
 * as it is and retried by the workflow's bounded policy.
 */
export function classifyFailures<A extends object>(activities: A): A {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(activities) as [string, (input: unknown) => Promise<unknown>][]) {
    wrapped[name] = async (input: unknown) => {
      try {
        return await fn(input);
      } catch (err) {
        if (err instanceof ApplicationFailure || failureKind(err) === 'TRANSIENT') throw err;
        const { type, message } = describePermanentFailure(err);
        // The original error stays in the worker's log and the failure's details, not as a cause: a driver's
        // error object does not always survive the failure converter.
        const detail = err instanceof Error ? err.message : String(err);
        log.warn(`${name} failed permanently (${type})`, { error: detail });
        throw ApplicationFailure.create({ message, type, nonRetryable: true, details: [detail] });
      }
    };
  }
  return wrapped as A;
}

/** Activities are thin adapters over the domain services; each service method is idempotent. */
export function createActivities(
  plans: PlanTransitionsService,
  campaigns: CampaignActivitiesService,
  reminders: RemindersService,
): Activities {
  return classifyFailures<Activities>({
    applyPlanTransition: (input) => plans.applyPlanTransition(input),
    openCampaignPlans: (input) => campaigns.openCampaignPlans(input),
    startPlanWorkflowsBatch: (input) => campaigns.startPlanWorkflowsBatch(input),
    markCampaignPlansOpened: (input) => campaigns.markCampaignPlansOpened(input),
    markCampaignClosed: (input) => campaigns.markCampaignClosed(input),
    extendCampaignDeadline: (input) => campaigns.extendCampaignDeadline(input),
    signalPlanWorkflowsBatch: (input) => campaigns.signalPlanWorkflowsBatch(input),
    recordCampaignProblem: (input) => campaigns.recordCampaignProblem(input),
    districtReminderHour: (input) => reminders.reminderHour(input.districtId),
    sendDueReminders: async (input) => {
      const sent = await reminders.sendDueReminders(input);
      return { emails: sent.emails };
    },
  });
}
