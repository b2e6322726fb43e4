import { ADMIN, PRIMARY_DRAFT, bearer, openCampaign, planIdOf, principal } from '../support/campaign';
import { type Stack, startStack } from '../support/stack';

// The reviewer's queue (GET /api/review-queue) and the decision form's read (GET /api/plans/:id/decision-context):
// who sees which waiting plan, the filters and their counts, and the capacity a decision will record.

const DEPUTY = 'pho.phothong@kienxuong.example'; // deputy head, primary and lower secondary
const PRESCHOOL_DEPUTY = 'pho.mamnon@kienxuong.example';
const SPECIALIST_II = 'chuyenvien2@kienxuong.example'; // specialist, cluster II
const IN_I = 'th-binh-minh'; // primary, cluster I
const IN_II = 'th-vu-le'; // primary, cluster II
const NOT_SUBMITTED = 'th-vu-ninh'; // primary, cluster II

describe('the reviewer queue', () => {
  let stack: Stack;
  let campaignId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack();
    campaignId = await openCampaign(stack, {
      key: 'hang-cho-2027',
      documentNumber: '41/KH-PGDĐT',
      targetLevels: ['PRIMARY'],
      targetClusters: ['I', 'II'],
      approvalLevels: 2,
      revisionDays: 3,
      submissionDeadline: '2027-06-30T17:00:00+07:00',
    });
    for (const school of [IN_I, IN_II, NOT_SUBMITTED]) ids[school] = await planIdOf(stack, campaignId, school);
    for (const school of [IN_I, IN_II]) {
      const p = await bearer(stack, principal(school));
      expect((await stack.http().put(`/api/plans/${ids[school]}/draft`).set(p).send(PRIMARY_DRAFT)).status).toBe(200);
      expect((await stack.http().post(`/api/plans/${ids[school]}/submit`).set(p).send()).status).toBe(200);
    }
    // the cluster I plan is already past its review due date
    await stack.prisma.plan.update({
      where: { id: ids[IN_I] },
      data: { reviewDueAt: new Date('2026-01-05T10:00:00Z') },
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  const queue = async (email: string, query = '') =>
    stack
      .http()
      .get(`/api/review-queue?campaignId=${campaignId}${query}`)
      .set(await bearer(stack, email));

  it('lists the submitted plans in scope, most urgent first, with the count of each filter', async () => {
    const res = await queue(DEPUTY);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { school: { code: string } }) => i.school.code)).toEqual([IN_I, IN_II]);
    expect(res.body.items[0]).toMatchObject({ overdue: true, status: 'SUBMITTED', approvalLevels: 2, versionNo: 1 });
    // every cluster with a waiting plan in the reviewer's scope is offered (other suites' campaigns in this shared
    // district add theirs); only this campaign's are counted
    const clusters = res.body.facets.cluster as { value: string; label: string; count: number }[];
    expect(clusters.filter((c) => c.count !== 0)).toEqual([
      { value: 'I', label: 'I', count: 1 },
      { value: 'II', label: 'II', count: 1 },
    ]);
    expect(res.body.facets.overdue).toEqual([
      { value: 'false', label: 'false', count: 1 },
      { value: 'true', label: 'true', count: 1 },
    ]);

    const overdue = await queue(DEPUTY, '&overdue=true');
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toEqual([ids[IN_I]]);
    // the cluster counts follow the overdue filter; the overdue counts ignore their own choice
    const ofThisCampaign = (overdue.body.facets.cluster as { value: string; count: number }[]).filter((c) =>
      ['I', 'II'].includes(c.value),
    );
    expect(ofThisCampaign.map((c) => c.count)).toEqual([1, 0]);
    expect(overdue.body.facets.overdue.map((c: { count: number }) => c.count)).toEqual([1, 1]);
  });

  it('shows a specialist only their clusters, a deputy head of another level nothing, and refuses a principal', async () => {
    const specialist = await queue(SPECIALIST_II);
    expect(specialist.body.items.map((i: { id: string }) => i.id)).toEqual([ids[IN_II]]);
    expect((await queue(PRESCHOOL_DEPUTY)).body.items).toEqual([]);
    expect((await queue(principal(IN_I))).status).toBe(403);
    const bad = await queue(DEPUTY, '&status=APPROVED');
    expect(bad.status).toBe(400);
  });

  it('marks a recommendation on the waiting version, and names the capacity each person will sign in', async () => {
    const rec = await stack
      .http()
      .post(`/api/plans/${ids[IN_II]}/recommend`)
      .set(await bearer(stack, SPECIALIST_II))
      .send({ recommendation: 'APPROVE', comment: 'Đề nghị phê duyệt.' });
    expect(rec.status).toBe(200);
    const items = (await queue(DEPUTY)).body.items as { id: string; recommendation: string | null; status: string }[];
    expect(items.find((i) => i.id === ids[IN_II])).toMatchObject({ recommendation: 'APPROVE', status: 'UNDER_REVIEW' });
    expect(items.find((i) => i.id === ids[IN_I])?.recommendation).toBeNull();

    const context = async (email: string) =>
      (
        await stack
          .http()
          .get(`/api/plans/${ids[IN_II]}/decision-context`)
          .set(await bearer(stack, email))
      ).body;
    expect(await context(DEPUTY)).toMatchObject({
      approvalLevels: 2,
      revisionDays: 3,
      canDecide: true,
      canRecommend: true,
      decisionCapacity: 'KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG',
      recommendationCapacity: 'PHÓ TRƯỞNG PHÒNG',
    });
    expect(await context(SPECIALIST_II)).toMatchObject({ canDecide: false, recommendationCapacity: 'CHUYÊN VIÊN' });
    const head = await context(ADMIN);
    expect(head).toMatchObject({ canDecide: true, decisionCapacity: 'TRƯỞNG PHÒNG' });
    // three working days from today, at the end of the office day (Vietnam time)
    const due = new Date(head.defaultRevisionDeadline);
    expect(due.getTime()).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    expect(due.toISOString().slice(11, 16)).toBe('10:00');
  });
});
