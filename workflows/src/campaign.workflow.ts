import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { CampaignActivities } from './activities';
import { type CampaignState, type CampaignWorkflowInput, campaignStateQuery } from './definitions';

const acts = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

interface CampaignProgress {
  cursor: string | null;
  plansStarted: number;
  opened: boolean;
}

/** Opens one plan per targeted school, starting their workflows in batches; then waits for the campaign to close. */
export async function campaignWorkflow(
  input: CampaignWorkflowInput,
  progress?: CampaignProgress,
): Promise<CampaignState> {
  const batchSize = input.batchSize ?? 200;
  const state: CampaignState = {
    campaignId: input.campaignId,
    plansStarted: progress?.plansStarted ?? 0,
    done: false,
    closed: false,
  };
  setHandler(campaignStateQuery, () => state);

  if (!progress?.opened) await acts.openCampaignPlans({ campaignId: input.campaignId });
  let cursor = progress?.cursor ?? null;
  for (;;) {
    const batch = await acts.startPlanWorkflowsBatch({ campaignId: input.campaignId, after: cursor, limit: batchSize });
    state.plansStarted += batch.started;
    cursor = batch.nextCursor;
    if (cursor === null) break;
    if (workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof campaignWorkflow>(input, { cursor, plansStarted: state.plansStarted, opened: true });
    }
  }
  await acts.markCampaignPlansOpened({ campaignId: input.campaignId, plansStarted: state.plansStarted });
  state.done = true;

  await condition(() => state.closed);
  return state;
}
