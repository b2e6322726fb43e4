import {
  ApplicationFailure,
  condition,
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

const acts = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

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
  const exclusive = async (fn: () => Promise<void>): Promise<CampaignState> => {
    await condition(() => !busy && state.done);
    busy = true;
    try {
      await fn();
      return state;
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
      exclusive(async () => {
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
      exclusive(async () => {
        const key = `${workflowInfo().workflowId}:${currentUpdateInfo()?.id ?? req.until}`;
        await acts.extendCampaignDeadline({ campaignId: input.campaignId, ...req, idempotencyKey: key });
        await signalAll('deadline', req.actorId, req.reason, req.until);
      }),
    { validator: refuseWhenClosed },
  );

  if (!progress?.opened) {
    await acts.openCampaignPlans({ campaignId: input.campaignId });
    let cursor = progress?.cursor ?? null;
    for (;;) {
      const batch = await acts.startPlanWorkflowsBatch({
        campaignId: input.campaignId,
        after: cursor,
        limit: batchSize,
      });
      state.plansStarted += batch.started;
      cursor = batch.nextCursor;
      if (cursor === null) break;
      if (workflowInfo().continueAsNewSuggested) {
        await continueAsNew<typeof campaignWorkflow>(input, { ...snapshot(), cursor, opened: false });
      }
    }
    await acts.markCampaignPlansOpened({ campaignId: input.campaignId, plansStarted: state.plansStarted });
    state.done = true;
  }

  await condition(() => state.closed);
  await condition(() => !busy);
  return state;

  function snapshot(): Omit<CampaignProgress, 'cursor' | 'opened'> {
    return { plansStarted: state.plansStarted };
  }
}
