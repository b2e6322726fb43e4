import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  isCancellation,
  sleep,
  continueAsNew,
  currentUpdateInfo,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CampaignActivities } from './activities';
import {
  type CampaignState,
  type CampaignWorkflowInput,
  campaignStateQuery,
  closeCampaignUpdate,
  extendCampaignDeadlineUpdate,
} from './definitions';
import { CAMPAIGN_ACTIVITY, SHORT_ACTIVITY } from './retry-policies';

const acts = proxyActivities<CampaignActivities>(CAMPAIGN_ACTIVITY);
const { recordCampaignProblem } = proxyActivities<CampaignActivities>(SHORT_ACTIVITY);

/** After a launch failed for good, how long before it is tried again (the admin sees the reason meanwhile). */
const LAUNCH_RETRY_MS = 15 * 60_000;

/** The reason an activity failed, as its caller should read it. */
const reasonOf = (err: unknown): string =>
  err instanceof ActivityFailure && err.cause instanceof ApplicationFailure
    ? err.cause.message
    : 'Hệ thống chưa hoàn tất được thao tác sau nhiều lần thử.';

interface CampaignProgress {
  cursor: string | null;
  plansStarted: number;
  opened: boolean;
}

/**
 * The campaign's process: opens one plan per targeted school (starting their workflows in batches), moves the
 * campaign deadline, and closes every plan. Reminders are not here: the district's reminders workflow sends
 * them for every campaign at once (reminders.workflow.ts), so a person hears once a day about all of them.
 */
export async function campaignWorkflow(
  input: CampaignWorkflowInput,
  progress?: CampaignProgress,
): Promise<CampaignState> {
  const batchSize = input.batchSize ?? 200;
  const state: CampaignState = {
    campaignId: input.campaignId,
    plansStarted: progress?.plansStarted ?? 0,
    done: progress?.opened ?? false,
    closed: false,
  };
  let busy = false;
  const exclusive = async (stage: 'CLOSE' | 'DEADLINE', fn: () => Promise<void>): Promise<CampaignState> => {
    await condition(() => !busy && state.done);
    busy = true;
    try {
      await fn();
      return state;
    } catch (err) {
      // The admin who asked sees the reason in the answer; the campaign keeps it too, and the same request
      // may be sent again (every step is idempotent).
      if (isCancellation(err)) throw err;
      const message = reasonOf(err);
      await recordCampaignProblem({ campaignId: input.campaignId, stage, message });
      throw ApplicationFailure.nonRetryable(message, 'CAMPAIGN_PROBLEM');
    } finally {
      busy = false;
    }
  };
  const refuseWhenClosed = (_req: unknown): void => {
    if (state.closed) throw ApplicationFailure.nonRetryable('Đợt này đã kết thúc.', 'INVALID_TRANSITION');
  };
  const signalAll = async (signal: 'close' | 'deadline', actorId: string, reason: string, until?: string) => {
    let cursor: string | null = null;
    do {
      const batch: { nextCursor: string | null } = await acts.signalPlanWorkflowsBatch({
        campaignId: input.campaignId,
        signal,
        after: cursor,
        limit: batchSize,
        actorId,
        reason,
        until,
      });
      cursor = batch.nextCursor;
    } while (cursor !== null);
  };

  setHandler(campaignStateQuery, () => state);
  setHandler(
    closeCampaignUpdate,
    (req) =>
      exclusive('CLOSE', async () => {
        if (state.closed) return;
        await acts.markCampaignClosed({ campaignId: input.campaignId, actorId: req.actorId, reason: req.reason });
        await signalAll('close', req.actorId, req.reason);
        state.closed = true;
      }),
    { validator: refuseWhenClosed },
  );
  setHandler(
    extendCampaignDeadlineUpdate,
    (req) =>
      exclusive('DEADLINE', async () => {
        const key = `${workflowInfo().workflowId}:${currentUpdateInfo()?.id ?? req.until}`;
        await acts.extendCampaignDeadline({ campaignId: input.campaignId, ...req, idempotencyKey: key });
        await signalAll('deadline', req.actorId, req.reason, req.until);
      }),
    { validator: refuseWhenClosed },
  );

  // The last batch the launch finished, so a launch tried again starts after it.
  let launchCursor = progress?.cursor ?? null;
  if (!progress?.opened) {
    for (;;) {
      try {
        await launch();
        break;
      } catch (err) {
        // Attempts are bounded; a launch that failed for good is shown to the admin with its reason and tried
        // again later from where it stopped, rather than retried silently for ever.
        if (isCancellation(err)) throw err;
        await recordCampaignProblem({ campaignId: input.campaignId, stage: 'LAUNCH', message: reasonOf(err) });
        await sleep(LAUNCH_RETRY_MS);
      }
    }
    await acts.markCampaignPlansOpened({ campaignId: input.campaignId, plansStarted: state.plansStarted });
    state.done = true;
  }

  await condition(() => state.closed);
  await condition(() => !busy);
  return state;

  /** Opens the plans (idempotent) and starts their workflows batch by batch, after the last batch finished. */
  async function launch(): Promise<void> {
    await acts.openCampaignPlans({ campaignId: input.campaignId });
    for (;;) {
      const batch = await acts.startPlanWorkflowsBatch({
        campaignId: input.campaignId,
        after: launchCursor,
        limit: batchSize,
      });
      state.plansStarted += batch.started;
      launchCursor = batch.nextCursor;
      if (launchCursor === null) return;
      if (workflowInfo().continueAsNewSuggested) {
        await continueAsNew<typeof campaignWorkflow>(input, { ...snapshot(), cursor: launchCursor, opened: false });
      }
    }
  }

  function snapshot(): Omit<CampaignProgress, 'cursor' | 'opened'> {
    return { plansStarted: state.plansStarted };
  }
}
