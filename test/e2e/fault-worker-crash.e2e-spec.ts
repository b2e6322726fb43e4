import { ADMIN, bearer, campaignBody } from '../support/campaign';
import { type Child, startApp } from '../support/processes';
import { type Stack, eventually, startStack, overrideEnv } from '../support/stack';

// The worker killed (kill -9, by pid) in the middle of a campaign's launch: the batch it was running is noticed
// within its heartbeat timeout and resumed when a worker is back, so every plan is open within a minute of the
// worker's return (it took ten minutes when the activity had only its start-to-close timeout).

describe('a worker killed during a campaign launch', () => {
  let stack: Stack;
  let worker: Child | undefined;
  let restoreEnv = () => {};

  beforeAll(async () => {
    // Small batches: the launch is a dozen activities, so the kill lands in the middle of one.
    restoreEnv = overrideEnv({ CAMPAIGN_BATCH_SIZE: '5' });
    stack = await startStack({ worker: false });
  });

  afterAll(async () => {
    await worker?.stop();
    await stack?.close();
    restoreEnv();
  });

  const healthWorker = async () => (await stack.http().get('/api/health')).body.worker?.mailConsumers as number;

  it('opens every plan within 60 s of the worker coming back, none twice', async () => {
    worker = startApp('worker', { CAMPAIGN_BATCH_SIZE: '5' });
    await eventually(async () => ((await healthWorker()) > 0 ? true : undefined), 60_000, 'the worker to start');
    // Its mail consumer shows first; a launch also needs its Temporal pollers, which health (200) counts too.
    await eventually(
      async () => ((await stack.http().get('/api/health')).status === 200 ? true : undefined),
      60_000,
      'the API to see every dependency up',
    );

    const res = await stack
      .http()
      .post('/api/campaigns')
      .set(await bearer(stack, ADMIN))
      .send(campaignBody({ key: 'fault-launch-2027', documentNumber: '14/KH-PGDĐT' }));
    expect(res.status).toBe(201);
    const campaignId = res.body.id as string;
    const expected = await stack.prisma.school.count({
      // open schools only: a campaign opens no plan for a closed one (the district's browser spec closes one)
      where: { district: { code: 'kien-xuong' }, level: { in: res.body.targetLevels }, closedAt: null },
    });

    // Kill it as soon as the launch is under way: some plan workflows started, not all.
    const client = await stack.temporal.getClient();
    const running = async () => {
      let n = 0;
      for await (const _ of client.workflow.list({ query: `WorkflowId STARTS_WITH "plan:${campaignId}"` })) n++;
      return n;
    };
    await eventually(async () => ((await running()) > 0 ? true : undefined), 30_000, 'the launch to start');
    await worker.kill();
    const startedAtKill = await running();
    expect(startedAtKill).toBeLessThan(expected);

    await new Promise((r) => setTimeout(r, 3000));
    const back = Date.now();
    worker = startApp('worker', { CAMPAIGN_BATCH_SIZE: '5' });
    await eventually(
      async () => {
        const c = await stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
        return c.plansOpenedAt ?? undefined;
      },
      90_000,
      'the launch to complete',
    );
    const recoverySeconds = (Date.now() - back) / 1000;
    process.stdout.write(
      `launch interrupted at ${startedAtKill}/${expected} plans; complete ${recoverySeconds.toFixed(1)} s after the worker's return\n`,
    );
    expect(recoverySeconds).toBeLessThan(60);

    const plans = await stack.prisma.plan.findMany({ where: { campaignId } });
    expect(plans).toHaveLength(expected);
    expect(new Set(plans.map((p) => p.schoolId)).size).toBe(expected);
    // Visibility lags a moment behind the starts.
    await eventually(async () => ((await running()) === expected ? true : undefined), 10_000, 'every plan workflow');
    const shown = await stack
      .http()
      .get(`/api/campaigns/${campaignId}`)
      .set(await bearer(stack, ADMIN));
    expect(shown.body.planCounts).toEqual({ NOT_STARTED: expected });
    const opened = await stack.prisma.auditEvent.findMany({ where: { campaignId, type: 'CAMPAIGN_PLANS_OPENED' } });
    expect(opened).toHaveLength(1);
    expect(opened[0]?.data).toMatchObject({ plansStarted: expected });
  });
});
