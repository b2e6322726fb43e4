import { Worker } from '@temporalio/worker';
import { type PlanState, planStateQuery } from '@duyet/workflows';
import { ADMIN, bearer, openCampaign, planIdOf, principal, PRIMARY_DRAFT } from '../support/campaign';
import { type Stack, startStack, overrideEnv } from '../support/stack';

// A plan's workflow lives as long as its campaign (years for a multi-year programme), so its history is bounded:
// past a limit it continues as new, handing its state to the next run. Here the limit is small, so a few rounds
// of review run through several runs; the plan must read and move exactly as if it had one, and every run's
// history must replay with today's code.

const SCHOOL = 'th-binh-minh';
const REVIEWER = 'pho.phothong@kienxuong.example';
const DRAFT = PRIMARY_DRAFT;

describe('a long-lived plan continues as new', () => {
  let stack: Stack;
  let restoreEnv = () => {};

  beforeAll(async () => {
    restoreEnv = overrideEnv({ PLAN_HISTORY_LIMIT: '40' });
    stack = await startStack();
  });

  afterAll(async () => {
    await stack?.close();
    restoreEnv();
  });

  it('keeps its state, its deadlines and its moves across runs, and each run replays', async () => {
    const campaignId = await openCampaign(stack, {
      key: 'long-lived-2027',
      documentNumber: '17/KH-PGDĐT',
      targetLevels: ['PRIMARY'],
      submissionDeadline: '2027-06-30T17:00:00+07:00',
    });
    const planId = await planIdOf(stack, campaignId, SCHOOL);
    const p = await bearer(stack, principal(SCHOOL));
    const r = await bearer(stack, REVIEWER);
    const ok = (res: { status: number; body: unknown }) => {
      if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      return res;
    };

    for (let round = 1; round <= 3; round++) {
      ok(await stack.http().put(`/api/plans/${planId}/draft`).set(p).send(DRAFT));
      ok(await stack.http().post(`/api/plans/${planId}/submit`).set(p).send());
      ok(await stack.http().post(`/api/plans/${planId}/start-review`).set(r).send());
      ok(
        await stack
          .http()
          .post(`/api/plans/${planId}/return`)
          .set(r)
          .send({ comment: `Bổ sung giải pháp, vòng ${round}`, revisionDeadline: '2027-07-20T17:00:00+07:00' }),
      );
    }
    ok(await stack.http().put(`/api/plans/${planId}/draft`).set(p).send(DRAFT));
    ok(await stack.http().post(`/api/plans/${planId}/submit`).set(p).send());
    ok(await stack.http().post(`/api/plans/${planId}/approve`).set(r).send({ comment: 'Đạt yêu cầu' }));

    const plan = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    const client = await stack.temporal.getClient();
    const runs: { runId: string; status: string }[] = [];
    for await (const w of client.workflow.list({ query: `WorkflowId = "${plan.workflowId}"` })) {
      runs.push({ runId: w.runId, status: w.status.name });
    }
    process.stdout.write(`plan workflow ran as ${runs.length} runs: ${runs.map((x) => x.status).join(', ')}\n`);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.filter((x) => x.status === 'CONTINUED_AS_NEW').length).toBe(runs.length - 1);

    const state = await client.workflow.getHandle(plan.workflowId).query<PlanState>(planStateQuery);
    expect(state).toMatchObject({ status: 'APPROVED', versionNo: 4 });
    expect(plan.status).toBe('APPROVED');
    expect(await stack.prisma.planVersion.count({ where: { planId } })).toBe(4);
    expect(await stack.prisma.decision.count({ where: { planId } })).toBe(4);

    // The approved plan still takes the office's moves in its latest run.
    ok(
      await stack
        .http()
        .post(`/api/plans/${planId}/reopen`)
        .set(await bearer(stack, ADMIN))
        .send({ reason: 'Điều chỉnh chỉ tiêu cuối học kỳ I' }),
    );
    expect((await client.workflow.getHandle(plan.workflowId).query<PlanState>(planStateQuery)).status).toBe('DRAFTING');

    for (const run of runs) {
      const history = await client.workflow.getHandle(plan.workflowId, run.runId).fetchHistory();
      await expect(
        Worker.runReplayHistory(
          { workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH as string } },
          history,
          plan.workflowId,
        ),
      ).resolves.toBeUndefined();
    }
  });
});
