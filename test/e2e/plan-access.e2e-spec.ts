import { ADMIN, PRIMARY_DRAFT, bearer, openCampaign, planIdOf, principal } from '../support/campaign';
import { type Stack, startStack } from '../support/stack';

// A reviewer an admin assigns to a plan reads and decides it even outside their levels and clusters. Every route
// that reads the plan goes through the one rule (assertCanReadPlan): its comments were once refused with 403
// while the same reviewer could decide the plan.

const SCHOOL = 'th-vu-quy'; // primary
const OUTSIDE = 'pho.mamnon@kienxuong.example'; // deputy head for preschools only

describe('a reviewer assigned to a plan outside their scope', () => {
  let stack: Stack;
  let planId: string;

  beforeAll(async () => {
    stack = await startStack();
    const campaignId = await openCampaign(stack, {
      key: 'phan-cong-2027',
      documentNumber: '19/KH-PGDĐT',
      targetLevels: ['PRIMARY'],
      submissionDeadline: '2027-06-30T17:00:00+07:00',
    });
    planId = await planIdOf(stack, campaignId, SCHOOL);
    const p = await bearer(stack, principal(SCHOOL));
    expect((await stack.http().put(`/api/plans/${planId}/draft`).set(p).send(PRIMARY_DRAFT)).status).toBe(200);
    expect((await stack.http().post(`/api/plans/${planId}/submit`).set(p).send()).status).toBe(200);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('is refused every reading route before the assignment', async () => {
    const r = await bearer(stack, OUTSIDE);
    for (const path of ['', '/comments', '/attachments', '/versions/1', '/audit', '/diff?from=1&to=draft']) {
      const res = await stack.http().get(`/api/plans/${planId}${path}`).set(r);
      expect([path, res.status]).toEqual([path, 403]);
    }
  });

  it('reads the plan, its comments, attachments, versions, diff and audit once assigned, and comments on it', async () => {
    const reviewer = await stack.prisma.user.findFirstOrThrow({ where: { email: OUTSIDE } });
    const assigned = await stack
      .http()
      .post(`/api/plans/${planId}/reviewer`)
      .set(await bearer(stack, ADMIN))
      .send({ reviewerId: reviewer.id });
    expect(assigned.status).toBe(200);

    const r = await bearer(stack, OUTSIDE);
    for (const path of ['', '/comments', '/attachments', '/versions/1', '/audit', '/diff?from=1&to=draft']) {
      const res = await stack.http().get(`/api/plans/${planId}${path}`).set(r);
      expect([path, res.status]).toEqual([path, 200]);
    }
    const comment = await stack
      .http()
      .post(`/api/plans/${planId}/comments`)
      .set(r)
      .send({ anchorType: 'SECTION', anchorKey: 'tasks', body: 'Cần nêu rõ thời gian thực hiện từng nhiệm vụ.' });
    expect(comment.status).toBe(201);
    expect(await stack.prisma.comment.count({ where: { planId, authorId: reviewer.id } })).toBe(1);
  });
});
