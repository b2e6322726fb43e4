import { ADMIN, bearer, openCampaign, planIdOf, principal, PRIMARY_DRAFT } from '../support/campaign';
import { type Stack, eventually, startStack, overrideEnv } from '../support/stack';
import { type TemporalServer, startTemporalServer } from '../support/temporal-server';

// Temporal killed while principals make moves: a move answers 503 naming Temporal within 2 s instead of hanging or
// answering 500, reads that need no workflow still answer, and once Temporal is back the same request (with its
// Idempotency-Key) goes through exactly once.

const SCHOOL = 'th-vu-ninh';
const DRAFT = PRIMARY_DRAFT;

describe('Temporal stopped during moves', () => {
  let temporal: TemporalServer;
  let stack: Stack;
  let restoreEnv = () => {};

  beforeAll(async () => {
    temporal = await startTemporalServer();
    const id = Date.now().toString(36);
    restoreEnv = overrideEnv({
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: `duyet-test-temporal-${id}`,
      QUEUE_PREFIX: `duyet-test-temporal-${id}`,
    });
    stack = await startStack();
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
    restoreEnv();
    await temporal?.destroy();
  });

  it('answers 503 naming Temporal while it is down, and takes the retried move once after', async () => {
    const campaignId = await openCampaign(stack, {
      key: 'fault-temporal-2027',
      documentNumber: '15/KH-PGDĐT',
      targetLevels: ['PRIMARY'],
      submissionDeadline: '2027-06-30T17:00:00+07:00',
    });
    const planId = await planIdOf(stack, campaignId, SCHOOL);
    const p = await bearer(stack, principal(SCHOOL));
    expect((await stack.http().put(`/api/plans/${planId}/draft`).set(p).send(DRAFT)).status).toBe(200);

    await temporal.kill();
    const key = `submit-${planId}`;
    const t = Date.now();
    const refused = await stack.http().post(`/api/plans/${planId}/submit`).set(p).set('Idempotency-Key', key).send();
    const refusedMs = Date.now() - t;
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'UNAVAILABLE', dependency: 'temporal' });
    expect(refused.body.message).toContain('Temporal');
    expect(refusedMs).toBeLessThan(2000);

    const t2 = Date.now();
    const state = await stack.http().get(`/api/plans/${planId}/state`).set(p);
    const stateMs = Date.now() - t2;
    expect(state.status).toBe(503);
    expect(stateMs).toBeLessThan(6000);
    expect((await stack.http().get(`/api/plans/${planId}`).set(p)).status).toBe(200);

    await temporal.start();
    const back = Date.now();
    const submitted = await eventually(
      async () => {
        const res = await stack.http().post(`/api/plans/${planId}/submit`).set(p).set('Idempotency-Key', key).send();
        return res.status === 200 ? res : undefined;
      },
      60_000,
      'the submit to go through once Temporal is back',
    );
    const recoveryMs = Date.now() - back;
    process.stdout.write(
      `submit refused with 503 in ${refusedMs} ms (state query ${stateMs} ms); through ${recoveryMs} ms after Temporal's return\n`,
    );
    expect(submitted.body.status).toBe('SUBMITTED');
    const again = await stack.http().post(`/api/plans/${planId}/submit`).set(p).set('Idempotency-Key', key).send();
    expect(again.status).toBe(200);

    const versions = await stack.prisma.planVersion.findMany({ where: { planId } });
    expect(versions).toHaveLength(1);
    const events = await stack.prisma.auditEvent.findMany({ where: { planId, type: 'PLAN_SUBMITTED' } });
    expect(events).toHaveLength(1);
    expect(
      (
        await stack
          .http()
          .get('/api/board')
          .set(await bearer(stack, ADMIN))
      ).status,
    ).toBe(200);
  });
});
