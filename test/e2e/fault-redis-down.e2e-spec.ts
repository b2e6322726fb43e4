import { type ChildProcess, spawn } from 'node:child_process';
import { ADMIN, bearer, openCampaign, planIdOf } from '../support/campaign';
import { mailTo } from '../support/mailbox';
import { freePort } from '../setup/global-setup';
import { DEMO_PASSWORD, type Stack, eventually, startStack, overrideEnv } from '../support/stack';

// Redis stopped (a server of the test's own, killed by pid): a move that writes e-mails still answers at once,
// because the outbox row is the promise and the worker's sweep the guarantee; health says Redis is down, and
// the e-mail goes out, once, when Redis is back.

describe('Redis down during moves', () => {
  let stack: Stack;
  let redis: ChildProcess | undefined;
  let port: number;
  let restoreEnv = () => {};

  const startRedis = async () => {
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await new Promise((r) => setTimeout(r, 300));
  };
  const killRedis = async () => {
    const r = redis;
    if (!r?.pid || r.exitCode !== null || r.signalCode !== null) return;
    const gone = new Promise((done) => r.once('exit', done));
    process.kill(r.pid, 'SIGKILL');
    await gone;
  };

  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    restoreEnv = overrideEnv({ REDIS_URL: `redis://127.0.0.1:${port}` });
    stack = await startStack();
  });

  const running = () => redis !== undefined && redis.exitCode === null && redis.signalCode === null;

  afterAll(async () => {
    // The stack closes its Redis connections cleanly only with Redis there; a second server on the same port
    // would fail to bind and leave the first one running (and this process waiting on it).
    if (!running()) await startRedis();
    await stack?.close();
    await killRedis();
    restoreEnv();
  });

  it('answers the move at once and sends its e-mail once Redis is back', async () => {
    const campaignId = await openCampaign(stack, {
      key: 'fault-redis-2027',
      documentNumber: '18/KH-PGDĐT',
      targetLevels: ['PRIMARY'],
      submissionDeadline: '2027-06-30T17:00:00+07:00',
    });
    const planId = await planIdOf(stack, campaignId, 'th-thanh-tan');
    const admin = await bearer(stack, ADMIN);

    await killRedis();
    const t = Date.now();
    const res = await stack
      .http()
      .post(`/api/plans/${planId}/exempt`)
      .set(admin)
      .send({ reason: 'Trường sáp nhập, thử khi Redis dừng' });
    const ms = Date.now() - t;
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('EXEMPTED');
    expect(ms).toBeLessThan(3000);
    const rows = await stack.prisma.emailLog.findMany({ where: { planId, template: 'PLAN_STATUS_NOTICE' } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'QUEUED')).toBe(true);
    const health = await stack.http().get('/api/health');
    expect(health.body.down).toContain('redis');
    expect(health.body.worker.mailConsumers).toBeNull();
    // Signing in does not depend on Redis: the per-address limits, kept there, let the request through.
    const signedIn = Date.now();
    await stack.http().post('/api/auth/login').send({ email: ADMIN, password: DEMO_PASSWORD }).expect(200);
    expect(Date.now() - signedIn).toBeLessThan(3000);

    await startRedis();
    const back = Date.now();
    await eventually(
      async () => {
        const sent = await stack.prisma.emailLog.findMany({ where: { planId, template: 'PLAN_STATUS_NOTICE' } });
        return sent.every((r) => r.status === 'SENT') ? sent : undefined;
      },
      60_000,
      'the exemption e-mails to go out',
    );
    const recoveryMs = Date.now() - back;
    process.stdout.write(
      `exempt answered in ${ms} ms with Redis down; e-mails sent ${recoveryMs} ms after it came back\n`,
    );
    for (const row of rows) {
      const caught = (await mailTo(row.to)).filter((m) => m.headers['message-id'] === `<${row.id}@duyet.example>`);
      expect(caught).toHaveLength(1);
    }
  });
});
