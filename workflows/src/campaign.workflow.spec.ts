// The campaign workflow on a Temporal server of its own, with its activities mocked (they cross a process
// boundary): the launch in batches, the deadline and close Updates.
import { randomUUID } from 'node:crypto';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { type WorkflowTestEnv, eventually, recordHistory, startWorkflowTestEnv } from '../../test/support/workflow-env';
import type { CampaignActivities, StartPlanBatchResult } from './activities';
import {
  type CampaignWorkflowInput,
  campaignStateQuery,
  closeCampaignUpdate,
  extendCampaignDeadlineUpdate,
} from './definitions';

const SCHOOLS = ['s1', 's2', 's3', 's4', 's5'];

/** One page of the schools after the cursor, as the activities page through the campaign's plans. */
const page = (after: string | null, limit: number): StartPlanBatchResult => {
  const from = after === null ? 0 : SCHOOLS.indexOf(after) + 1;
  const batch = SCHOOLS.slice(from, from + limit);
  const last = from + batch.length >= SCHOOLS.length;
  return { started: batch.length, nextCursor: last ? null : batch[batch.length - 1] };
};

type Call = { name: keyof CampaignActivities; input: { campaignId: string } & Record<string, unknown> };
const calls: Call[] = [];
const failures = new Map<string, Error[]>();

const record = (name: keyof CampaignActivities, input: Call['input']) => {
  calls.push({ name, input });
  const failure = failures.get(`${input.campaignId}:${name}`)?.shift();
  if (failure) throw failure;
};

const activities: CampaignActivities = {
  async openCampaignPlans(input) {
    record('openCampaignPlans', input);
    return { plans: SCHOOLS.length };
  },
  async startPlanWorkflowsBatch(input) {
    record('startPlanWorkflowsBatch', input);
    return page(input.after, input.limit);
  },
  async markCampaignPlansOpened(input) {
    record('markCampaignPlansOpened', input);
  },
  async markCampaignClosed(input) {
    record('markCampaignClosed', input);
  },
  async extendCampaignDeadline(input) {
    record('extendCampaignDeadline', input);
  },
  async recordCampaignProblem(input) {
    record('recordCampaignProblem', input);
  },
  async signalPlanWorkflowsBatch(input) {
    record('signalPlanWorkflowsBatch', input);
    return page(input.after, input.limit);
  },
};

let t: WorkflowTestEnv;
beforeAll(async () => {
  t = await startWorkflowTestEnv(activities);
}, 60_000);
afterAll(async () => {
  await t?.teardown();
});

async function startCampaign() {
  const campaignId = randomUUID();
  const input: CampaignWorkflowInput = { campaignId, districtId: 'd-spec', batchSize: 2 };
  const workflowId = `campaign:spec:${campaignId}`;
  const handle = await t.env.client.workflow.start('campaignWorkflow', {
    taskQueue: t.taskQueue,
    workflowId,
    args: [input],
  });
  const callsOf = (name?: keyof CampaignActivities) =>
    calls.filter((c) => c.input.campaignId === campaignId && (!name || c.name === name));
  return { campaignId, workflowId, handle, callsOf };
}

const CLOSE = { actorId: 'u-admin', reason: 'Hết năm học' };

describe('campaignWorkflow', () => {
  it('opens the plans in batches after the last cursor, moves the deadline, and closes through its Update', async () => {
    const { campaignId, workflowId, handle, callsOf } = await startCampaign();
    const opened = await eventually(
      () => handle.query(campaignStateQuery),
      (s) => s.done,
    );
    expect(opened).toEqual({ campaignId, plansStarted: 5, done: true, closed: false });
    expect(callsOf('startPlanWorkflowsBatch').map((c) => [c.input.after, c.input.limit])).toEqual([
      [null, 2],
      ['s2', 2],
      ['s4', 2],
    ]);
    expect(callsOf('markCampaignPlansOpened').map((c) => c.input)).toEqual([{ campaignId, plansStarted: 5 }]);

    const until = new Date(Date.now() + 86_400_000).toISOString();
    await handle.executeUpdate(extendCampaignDeadlineUpdate, {
      args: [{ actorId: 'u-admin', until, reason: 'Lùi hạn cả đợt' }],
    });
    expect(callsOf('extendCampaignDeadline')).toEqual([
      expect.objectContaining({
        input: expect.objectContaining({ until, idempotencyKey: expect.stringMatching(`^${workflowId}:`) }),
      }),
    ]);
    expect(callsOf('signalPlanWorkflowsBatch').map((c) => [c.input.signal, c.input.after, c.input.until])).toEqual([
      ['deadline', null, until],
      ['deadline', 's2', until],
      ['deadline', 's4', until],
    ]);

    const closed = await handle.executeUpdate(closeCampaignUpdate, { args: [CLOSE] });
    expect(closed).toMatchObject({ closed: true, plansStarted: 5 });
    expect(await handle.result()).toMatchObject({ closed: true });
    expect(callsOf('markCampaignClosed').map((c) => c.input)).toEqual([{ campaignId, ...CLOSE }]);
    expect(
      callsOf('signalPlanWorkflowsBatch')
        .filter((c) => c.input.signal === 'close')
        .map((c) => c.input.after),
    ).toEqual([null, 's2', 's4']);
    await recordHistory(t.env, workflowId, 'campaign-launch-close');
  });

  it('answers a close that failed for good with CAMPAIGN_PROBLEM, keeps the reason, and takes the close again', async () => {
    const { campaignId, handle, callsOf } = await startCampaign();
    await eventually(
      () => handle.query(campaignStateQuery),
      (s) => s.done,
    );
    failures.set(`${campaignId}:markCampaignClosed`, [
      ApplicationFailure.nonRetryable('Không ghi được trạng thái đợt.', 'DATA_ERROR'),
    ]);

    const err = await handle.executeUpdate(closeCampaignUpdate, { args: [CLOSE] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((err as WorkflowUpdateFailedError).cause).toMatchObject({
      type: 'CAMPAIGN_PROBLEM',
      message: 'Không ghi được trạng thái đợt.',
    });
    expect(callsOf('recordCampaignProblem').map((c) => c.input)).toEqual([
      { campaignId, stage: 'CLOSE', message: 'Không ghi được trạng thái đợt.' },
    ]);
    expect((await handle.query(campaignStateQuery)).closed).toBe(false);

    expect(await handle.executeUpdate(closeCampaignUpdate, { args: [CLOSE] })).toMatchObject({ closed: true });
    expect(callsOf('markCampaignClosed')).toHaveLength(2);
  });
});
