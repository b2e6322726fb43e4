import { CLERK, bearer, openCampaign, planIdOf, principal } from '../support/campaign';
import { type Stack, startStack } from '../support/stack';

// The clerk records the paper copies (bản giấy) each plan hands in: owed against received, each delivery once per
// Idempotency-Key, refusals in words, and the trail says it in plain Vietnamese.

const SCHOOL = 'th-quang-binh';

describe('paper copies of a plan', () => {
  let stack: Stack;
  let planId: string;

  beforeAll(async () => {
    stack = await startStack();
    const campaignId = await openCampaign(stack, {
      key: 'ban-giay-2027',
      documentNumber: '31/KH-PGDĐT',
      targetLevels: ['PRIMARY'],
      targetClusters: ['II'],
      paperCopies: 2,
      submissionDeadline: '2027-06-30T17:00:00+07:00',
    });
    planId = await planIdOf(stack, campaignId, SCHOOL);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const record = async (email: string, body: object, key?: string) => {
    const req = stack
      .http()
      .post(`/api/plans/${planId}/paper-copies`)
      .set(await bearer(stack, email));
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  };

  it('counts each delivery once, against the copies the directive asks', async () => {
    const first = await record(
      CLERK,
      { copies: 1, receivedAt: '2026-12-04T09:30:00+07:00', note: 'Nộp tại bàn văn thư' },
      'ban-giay-lan-1',
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ required: 2, received: 1, complete: false });
    expect(first.body.receipts[0]).toMatchObject({
      copies: 1,
      receivedAt: '2026-12-04T02:30:00.000Z',
      note: 'Nộp tại bàn văn thư',
      recordedBy: { fullName: 'Đặng Anh Tuấn' },
    });
    // The same request again (a retry): the same answer, nothing recorded twice.
    const retried = await record(CLERK, { copies: 1, receivedAt: '2026-12-04T09:30:00+07:00' }, 'ban-giay-lan-1');
    expect(retried.status).toBe(201);
    expect(retried.body.received).toBe(1);

    const second = await record(CLERK, { copies: 1 }, 'ban-giay-lan-2');
    expect(second.body).toMatchObject({ received: 2, complete: true });

    // The school sees it; the trail says it.
    const seen = await stack
      .http()
      .get(`/api/plans/${planId}/paper-copies`)
      .set(await bearer(stack, principal(SCHOOL)))
      .expect(200);
    expect(seen.body).toMatchObject({ required: 2, received: 2, complete: true });
    const trail = await stack.prisma.auditEvent.findMany({
      where: { planId, type: 'PAPER_COPIES_RECEIVED' },
      orderBy: { createdAt: 'asc' },
    });
    expect(trail.map((e) => (e.data as { total: number }).total)).toEqual([1, 2]);
  });

  it('refuses a school, a count or a time that cannot be, in words', async () => {
    const bySchool = await record(principal(SCHOOL), { copies: 1 });
    expect(bySchool.status).toBe(403);
    const none = await record(CLERK, { copies: 0 });
    expect(none.status).toBe(400);
    expect(none.body.errors).toEqual([{ field: 'copies', message: 'Ít nhất 1 bản' }]);
    const later = await record(CLERK, { copies: 1, receivedAt: '2099-01-01T08:00:00+07:00' });
    expect(later.status).toBe(400);
    expect(later.body.message).toBe('Thời điểm nhận bản giấy không thể ở tương lai.');
    const unknown = await stack
      .http()
      .post('/api/plans/00000000-0000-4000-8000-000000000000/paper-copies')
      .set(await bearer(stack, CLERK))
      .send({ copies: 1 });
    expect(unknown.status).toBe(404);
    const count = await stack.prisma.paperCopyReceipt.count({ where: { planId } });
    expect(count).toBe(2);
  });
});
