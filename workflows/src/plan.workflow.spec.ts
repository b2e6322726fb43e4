// The plan workflow on a Temporal server of its own, with its one activity mocked (it crosses a process
// boundary): moves through the Updates, deadline timers on real time seconds away, continue-as-new.
import { randomUUID } from 'node:crypto';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { type WorkflowTestEnv, eventually, recordHistory, startWorkflowTestEnv } from '../../test/support/workflow-env';
import type { ApplyMoveInput } from './activities';
import {
  type Actor,
  type PlanDeadlines,
  type PlanState,
  type PlanWorkflowInput,
  type MoveOutcome,
  approvePlanUpdate,
  closePlanSignal,
  extendDeadlineUpdate,
  planStateQuery,
  returnForRevisionUpdate,
  startDraftUpdate,
  submitPlanUpdate,
} from './definitions';

const PRINCIPAL: Actor = { userId: 'u-principal', role: 'PRINCIPAL' };
const REVIEWER: Actor = { userId: 'u-reviewer', role: 'REVIEWER', rank: 'SPECIALIST' };
const ADMIN: Actor = { userId: 'u-admin', role: 'ADMIN', rank: 'HEAD' };
const DECISION = { actor: REVIEWER, capacity: 'TL. TRƯỞNG PHÒNG', comment: 'Đạt yêu cầu' };

/** What the database holds for each plan, as far as the activity's answer needs it. */
const rows = new Map<string, { versionNo: number; deadlines: PlanDeadlines }>();
const calls: ApplyMoveInput[] = [];
const failures = new Map<string, Error[]>();

const activities = {
  async applyPlanTransition(input: ApplyMoveInput): Promise<MoveOutcome> {
    calls.push(input);
    const failure = failures.get(input.planId)?.shift();
    if (failure) throw failure;
    const row = rows.get(input.planId);
    if (!row) throw ApplicationFailure.nonRetryable(`no plan ${input.planId}`, 'NOT_FOUND');
    if (input.action === 'START_DRAFT') row.versionNo++;
    if (input.action === 'RETURN') row.deadlines.revision = input.deadline ?? null;
    if (input.action === 'APPROVE') row.deadlines = { ...row.deadlines, revision: null, reviewDue: null };
    if (input.action === 'EXTEND_DEADLINE' && input.deadline) {
      const key = ({ SUBMISSION: 'submission', REVISION: 'revision', REVIEW: 'reviewDue' } as const)[
        input.deadlineKind ?? 'SUBMISSION'
      ];
      row.deadlines = { ...row.deadlines, [key]: input.deadline };
    }
    return {
      status: input.to,
      versionNo: row.versionNo,
      auditEventId: `audit-${calls.length}`,
      deadlines: { ...row.deadlines },
    };
  },
};

let t: WorkflowTestEnv;
beforeAll(async () => {
  t = await startWorkflowTestEnv(activities);
}, 60_000);
afterAll(async () => {
  await t?.teardown();
});

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

async function startPlan(overrides: Partial<PlanWorkflowInput> = {}) {
  const planId = randomUUID();
  const input: PlanWorkflowInput = {
    planId,
    campaignId: 'c-spec',
    schoolId: `s-${planId}`,
    districtId: 'd-spec',
    submissionDeadline: inAnHour(),
    ...overrides,
  };
  rows.set(planId, {
    versionNo: 0,
    deadlines: { submission: input.submissionDeadline, revision: null, reviewDue: null },
  });
  const workflowId = `plan:spec:${planId}`;
  const handle = await t.env.client.workflow.start('planWorkflow', {
    taskQueue: t.taskQueue,
    workflowId,
    args: [input],
  });
  const callsOf = () => calls.filter((c) => c.planId === planId);
  return { planId, workflowId, handle, callsOf };
}

/** The failure an Update was answered with: its type and message. */
async function refusal(p: Promise<unknown>): Promise<{ type: string | undefined; message: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return { type: (cause as ApplicationFailure).type ?? undefined, message: (cause as ApplicationFailure).message };
}

describe('planWorkflow', () => {
  it('goes draft → submit → approve and ends when closed afterwards, with no CLOSE move', async () => {
    const { workflowId, handle, callsOf } = await startPlan();
    await handle.executeUpdate(startDraftUpdate, { args: [PRINCIPAL] });
    expect((await handle.executeUpdate(submitPlanUpdate, { args: [PRINCIPAL] })).status).toBe('SUBMITTED');
    expect((await handle.executeUpdate(approvePlanUpdate, { args: [DECISION] })).status).toBe('APPROVED');

    await handle.signal(closePlanSignal, { actorId: ADMIN.userId, reason: 'Đợt kết thúc' });
    const result = await handle.result();
    expect(result.status).toBe('APPROVED');
    expect(result.deadlineInForce).toBeNull();
    expect(callsOf().map((c) => [c.action, c.from, c.to])).toEqual([
      ['START_DRAFT', 'NOT_STARTED', 'DRAFTING'],
      ['SUBMIT', 'DRAFTING', 'SUBMITTED'],
      ['APPROVE', 'SUBMITTED', 'APPROVED'],
    ]);
    expect(callsOf()[2]).toMatchObject({ capacity: DECISION.capacity, comment: DECISION.comment });
    await recordHistory(t.env, workflowId, 'plan-submit-approve');
  });

  it('refuses a move the state does not allow (INVALID_TRANSITION) without writing, then takes the next', async () => {
    const { workflowId, handle, callsOf } = await startPlan();
    await handle.executeUpdate(startDraftUpdate, { args: [PRINCIPAL] });
    await handle.executeUpdate(submitPlanUpdate, { args: [PRINCIPAL] });

    const refused = await refusal(handle.executeUpdate(submitPlanUpdate, { args: [PRINCIPAL] }));
    expect(refused.type).toBe('INVALID_TRANSITION');
    expect(refused.message).toContain('đã nộp');
    expect(callsOf()).toHaveLength(2);

    const revisionDeadline = inAnHour();
    const returned = await handle.executeUpdate(returnForRevisionUpdate, {
      args: [{ ...DECISION, comment: 'Bổ sung chỉ tiêu', revisionDeadline }],
    });
    expect(returned).toMatchObject({ status: 'RETURNED', deadlines: { revision: revisionDeadline } });
    expect((await handle.query(planStateQuery)).deadlineInForce).toEqual({
      kind: 'REVISION',
      at: revisionDeadline,
      overdue: false,
    });
    await handle.executeUpdate(startDraftUpdate, { args: [PRINCIPAL] });
    const resubmitted = await handle.executeUpdate(submitPlanUpdate, { args: [PRINCIPAL] });
    expect(resubmitted).toMatchObject({ status: 'SUBMITTED', versionNo: 2 });
    await handle.executeUpdate(approvePlanUpdate, { args: [DECISION] });

    const state = await handle.query(planStateQuery);
    expect(state).toMatchObject({ status: 'APPROVED', versionNo: 2, deadlines: { revision: null } });
    expect(state.history.map((h) => h.action)).toEqual([
      'START_DRAFT',
      'SUBMIT',
      'RETURN',
      'START_DRAFT',
      'SUBMIT',
      'APPROVE',
    ]);
    const keys = callsOf().map((c) => c.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key.startsWith(`${workflowId}:`)).toBe(true);

    await handle.signal(closePlanSignal, { actorId: ADMIN.userId, reason: 'Đợt kết thúc' });
    await handle.result();
    await recordHistory(t.env, workflowId, 'plan-return-resubmit-approve');
  });

  it('marks the submission deadline overdue when its timer fires, and an extension re-arms it', async () => {
    const { handle, callsOf } = await startPlan({ submissionDeadline: new Date(Date.now() + 1500).toISOString() });
    const overdue = await eventually(
      () => handle.query(planStateQuery),
      (s) => s.deadlineInForce?.overdue === true,
    );
    expect(overdue.deadlineInForce).toMatchObject({ kind: 'SUBMISSION', overdue: true });

    const until = new Date(Date.now() + 1500).toISOString();
    await handle.executeUpdate(extendDeadlineUpdate, {
      args: [{ actor: ADMIN, kind: 'SUBMISSION', until, reason: 'Trường xin gia hạn' }],
    });
    expect((await handle.query(planStateQuery)).deadlineInForce).toEqual({
      kind: 'SUBMISSION',
      at: until,
      overdue: false,
    });
    expect(callsOf()).toEqual([
      expect.objectContaining({ action: 'EXTEND_DEADLINE', deadlineKind: 'SUBMISSION', deadline: until }),
    ]);

    const overdueAgain = await eventually(
      () => handle.query(planStateQuery),
      (s) => s.deadlineInForce?.overdue === true,
    );
    expect(overdueAgain.deadlineInForce).toEqual({ kind: 'SUBMISSION', at: until, overdue: true });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(until));
  });

  it('answers a permanent activity failure with its type and leaves the plan free for the next move', async () => {
    const { planId, handle, callsOf } = await startPlan();
    failures.set(planId, [ApplicationFailure.nonRetryable('Mục tiêu của kế hoạch còn trống.', 'DATA_ERROR')]);

    const failed = await refusal(handle.executeUpdate(submitPlanUpdate, { args: [PRINCIPAL] }));
    expect(failed).toEqual({ type: 'DATA_ERROR', message: 'Mục tiêu của kế hoạch còn trống.' });
    const after = await handle.query(planStateQuery);
    expect(after).toMatchObject({ status: 'NOT_STARTED', history: [] });
    // non-retryable: one attempt, not the move's five
    expect(callsOf()).toHaveLength(1);

    expect((await handle.executeUpdate(submitPlanUpdate, { args: [PRINCIPAL] })).status).toBe('SUBMITTED');
    expect(callsOf().map((c) => c.action)).toEqual(['SUBMIT', 'SUBMIT']);
  });

  it('continues as new when its history passes historyLimit, keeping the state and taking moves after', async () => {
    const { workflowId, handle } = await startPlan({ historyLimit: 20 });
    const firstRunId = (await handle.describe()).runId;
    await handle.executeUpdate(startDraftUpdate, { args: [PRINCIPAL] });
    await handle.executeUpdate(submitPlanUpdate, { args: [PRINCIPAL] });
    const revisionDeadline = inAnHour();
    await handle.executeUpdate(returnForRevisionUpdate, {
      args: [{ ...DECISION, comment: 'Bổ sung', revisionDeadline }],
    });

    const latest = t.env.client.workflow.getHandle(workflowId);
    const run = await eventually(
      () => latest.describe(),
      (d) => d.runId !== firstRunId,
    );
    expect(run.runId).not.toBe(firstRunId);
    expect((await t.env.client.workflow.getHandle(workflowId, firstRunId).describe()).status.name).toBe(
      'CONTINUED_AS_NEW',
    );
    const carried: PlanState = await latest.query(planStateQuery);
    expect(carried).toMatchObject({
      status: 'RETURNED',
      versionNo: 1,
      deadlines: { revision: revisionDeadline },
      deadlineInForce: { kind: 'REVISION', at: revisionDeadline, overdue: false },
    });
    expect(carried.history.map((h) => h.action)).toEqual(['START_DRAFT', 'SUBMIT', 'RETURN']);

    await latest.executeUpdate(startDraftUpdate, { args: [PRINCIPAL] });
    expect((await latest.executeUpdate(submitPlanUpdate, { args: [PRINCIPAL] })).versionNo).toBe(2);
  });
});
