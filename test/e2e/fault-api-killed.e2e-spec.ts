import { request as httpRequest } from 'node:http';
import { bearer, openCampaign, planIdOf, principal, PRIMARY_DRAFT } from '../support/campaign';
import { type Child, startApp } from '../support/processes';
import { freePort } from '../setup/global-setup';
import { type Stack, eventually, startStack } from '../support/stack';

// The API killed (kill -9, by pid) while principals submit, each client retrying under its Idempotency-Key until
// it gets an answer: every plan ends with one version, one audit event and one receipt, whatever attempt landed.

const SCHOOLS = ['th-binh-minh', 'th-nam-binh', 'th-thanh-tan', 'th-vu-quy', 'th-binh-dinh', 'th-vu-ninh'];
const DRAFT = PRIMARY_DRAFT;

/** One POST on its own socket; a connection the dying API cut is an answer of 0. */
const post = (port: number, path: string, headers: Record<string, string>): Promise<number> =>
  new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.setTimeout(10_000, () => req.destroy());
    req.end();
  });

describe('the API killed mid-request', () => {
  let stack: Stack;
  let api: Child | undefined;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await api?.stop();
    await stack?.close();
  });

  it('loses and duplicates nothing when clients retry under their Idempotency-Key', async () => {
    const campaignId = await openCampaign(stack, {
      key: 'fault-api-2027',
      documentNumber: '16/KH-PGDĐT',
      targetLevels: ['PRIMARY'],
      submissionDeadline: '2027-06-30T17:00:00+07:00',
    });
    const plans = await Promise.all(
      SCHOOLS.map(async (school) => {
        const id = await planIdOf(stack, campaignId, school);
        const auth = await bearer(stack, principal(school));
        expect((await stack.http().put(`/api/plans/${id}/draft`).set(auth).send(DRAFT)).status).toBe(200);
        return { id, auth, key: `fault-api-submit-${id}` };
      }),
    );

    const port = await freePort();
    const up = async () => {
      api = startApp('api', { PORT: String(port) });
      await eventually(
        async () => ((await post(port, '/api/auth/login', {})) !== 0 ? true : undefined),
        60_000,
        'the API to listen',
      );
    };
    await up();

    const attempts = new Map<string, number[]>();
    const submitUntilAnswered = async (plan: (typeof plans)[number]) => {
      const seen: number[] = [];
      attempts.set(plan.id, seen);
      for (;;) {
        const status = await post(port, `/api/plans/${plan.id}/submit`, {
          ...plan.auth,
          'idempotency-key': plan.key,
        });
        seen.push(status);
        if (status === 200) return;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const clients = Promise.all(plans.map(submitUntilAnswered));
    await new Promise((r) => setTimeout(r, 30));
    await api!.kill();
    await up();
    await clients;
    process.stdout.write(`answers per client: ${[...attempts.values()].map((s) => s.join('→')).join(', ')}\n`);

    for (const plan of plans) {
      const row = await stack.prisma.plan.findUniqueOrThrow({ where: { id: plan.id } });
      expect(row.status).toBe('SUBMITTED');
      expect(await stack.prisma.planVersion.count({ where: { planId: plan.id } })).toBe(1);
      expect(await stack.prisma.auditEvent.count({ where: { planId: plan.id, type: 'PLAN_SUBMITTED' } })).toBe(1);
      expect(
        await stack.prisma.emailLog.count({ where: { planId: plan.id, template: 'SUBMISSION_RECEIPT' } }),
      ).toBeGreaterThan(0);
    }
    const receipts = await stack.prisma.emailLog.groupBy({
      by: ['planId', 'to'],
      where: { planId: { in: plans.map((p) => p.id) }, template: 'SUBMISSION_RECEIPT' },
      _count: { _all: true },
    });
    expect(receipts.every((r) => r._count._all === 1)).toBe(true);
  });
});
