import { ApplicationFailure, Context, log } from '@temporalio/activity';
import type {
  CampaignStepsService,
  PageProgress,
  PlanMoveEffectsService,
  ProgressHooks,
  RemindersService,
} from '@duyet/domain';
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

/** How often a long activity tells the server it is alive, well inside its heartbeat timeout. */
const HEARTBEAT_MS = 2000;

/**
 * Runs a long activity while heartbeating: the server then notices a worker that died within the heartbeat
 * timeout (seconds) instead of the start-to-close timeout (minutes), and retries it elsewhere or on the
 * worker's return. The progress a page reports rides on the heartbeats, and a retry resumes from it.
 */
async function withHeartbeats<T>(run: (hooks: ProgressHooks) => Promise<T>): Promise<T> {
  const ctx = Context.current();
  let latest = ctx.info.heartbeatDetails as PageProgress | undefined;
  const hooks: ProgressHooks = {
    resumeFrom: latest,
    report: (progress) => {
      latest = progress;
      ctx.heartbeat(progress);
    },
  };
  ctx.heartbeat(latest);
  const timer = setInterval(() => ctx.heartbeat(latest), HEARTBEAT_MS);
  try {
    return await run(hooks);
  } finally {
    clearInterval(timer);
  }
}

/** Activities are thin adapters over the domain services; each service method is idempotent. */
export function createActivities(
  plans: PlanMoveEffectsService,
  campaigns: CampaignStepsService,
  reminders: RemindersService,
): Activities {
  return classifyFailures<Activities>({
    applyPlanTransition: (input) => plans.applyPlanTransition(input),
    openCampaignPlans: (input) => withHeartbeats(() => campaigns.openCampaignPlans(input)),
    startPlanWorkflowsBatch: (input) => withHeartbeats((hooks) => campaigns.startPlanWorkflowsBatch(input, hooks)),
    markCampaignPlansOpened: (input) => withHeartbeats(() => campaigns.markCampaignPlansOpened(input)),
    markCampaignClosed: (input) => withHeartbeats(() => campaigns.markCampaignClosed(input)),
    extendCampaignDeadline: (input) => withHeartbeats(() => campaigns.extendCampaignDeadline(input)),
    signalPlanWorkflowsBatch: (input) => withHeartbeats((hooks) => campaigns.signalPlanWorkflowsBatch(input, hooks)),
    recordCampaignProblem: (input) => campaigns.recordCampaignProblem(input),
    districtReminderHour: (input) => reminders.reminderHour(input.districtId),
    sendDueReminders: (input) =>
      withHeartbeats(async () => {
        const sent = await reminders.sendDueReminders(input);
        return { emails: sent.emails };
      }),
  });
}
