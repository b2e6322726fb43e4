import { ADMIN, CLERK, PRIMARY_DRAFT, bearer, openCampaign, planIdOf, principal } from '../support/campaign';
import { type Stack, startStack } from '../support/stack';

// What the school's screens read beyond the plan row: the editor's frame (GET /api/plans/:id/form) and, on the
// home's list, each plan's deadline in force in working days and the office's comments still open.

const SCHOOL = 'th-thanh-tan'; // primary, cluster I
const OTHER = 'th-binh-minh';
const DEPUTY = 'pho.phothong@kienxuong.example'; // reviews primary schools
const DEADLINE = '2027-06-30T17:00:00+07:00';

describe("the school's frame of a plan and its standing", () => {
  let stack: Stack;
  let planId: string;
  let campaignId: string;

  beforeAll(async () => {
    stack = await startStack();
    campaignId = await openCampaign(stack, {
      key: 'khung-ke-hoach-2027',
      documentNumber: '23/KH-PGDĐT',
      targetLevels: ['PRIMARY'],
      targetClusters: ['I'],
      receiver: CLERK,
      paperCopies: 2,
      submissionDeadline: DEADLINE,
    });
    planId = await planIdOf(stack, campaignId, SCHOOL);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("answers the directive's header, its sections and the indicators of the school's level only", async () => {
    const res = await stack
      .http()
      .get(`/api/plans/${planId}/form`)
      .set(await bearer(stack, principal(SCHOOL)));
    expect(res.status).toBe(200);
    expect(res.body.campaign).toMatchObject({
      documentNumber: '23/KH-PGDĐT',
      legalBases: ['Nghị quyết số 87/NQ-HĐND ngày 17/12/2021', 'Quyết định số 8992/QĐ-UBND ngày 30/12/2021'],
      submissionDeadline: new Date(DEADLINE).toISOString(),
      paperCopies: 2,
      receiver: { fullName: 'Đặng Anh Tuấn', title: 'Văn thư' },
    });
    expect(res.body.schoolLevel).toBe('PRIMARY');
    expect(res.body.sections).toContainEqual({ key: 'purpose', title: 'Mục đích, yêu cầu', required: true });
    const levels = new Set(res.body.indicators.map((i: { level: string | null }) => i.level));
    expect(levels).toEqual(new Set(['PRIMARY', null]));
    expect(res.body.indicators).toContainEqual({
      code: 'SWIM_CERT',
      label: 'Tỷ lệ HS được cấp chứng chỉ biết bơi',
      unit: '%',
      level: null,
      direction: 'HIGHER',
      targetMin: 15,
      rollup: 'RATE',
      targetMax: null,
      required: true,
    });
    expect(res.body.standing).toMatchObject({
      due: { at: new Date(DEADLINE).toISOString(), holder: 'SCHOOL', overdue: false, workingDaysOverdue: 0 },
      openComments: 0,
    });
    expect(res.body.standing.due.workingDaysLeft).toBeGreaterThan(0);
  });

  it("refuses another school's principal", async () => {
    const res = await stack
      .http()
      .get(`/api/plans/${planId}/form`)
      .set(await bearer(stack, principal(OTHER)));
    expect(res.status).toBe(403);
  });

  it("lists each plan with the office's deadline once submitted and the open comments, not their replies", async () => {
    const p = await bearer(stack, principal(SCHOOL));
    expect((await stack.http().put(`/api/plans/${planId}/draft`).set(p).send(PRIMARY_DRAFT)).status).toBe(200);
    expect((await stack.http().post(`/api/plans/${planId}/submit`).set(p).send()).status).toBe(200);
    const r = await bearer(stack, DEPUTY);
    const comment = (anchorKey: string) =>
      stack
        .http()
        .post(`/api/plans/${planId}/comments`)
        .set(r)
        .send({ anchorType: 'SECTION', anchorKey, body: 'Cần nêu cụ thể hơn.' });
    const first = await comment('tasks');
    expect(first.status).toBe(201);
    expect((await comment('purpose')).status).toBe(201);
    const reply = await stack
      .http()
      .post(`/api/plans/${planId}/comments/${first.body.id}/replies`)
      .set(p)
      .send({ body: 'Nhà trường sẽ bổ sung.' });
    expect(reply.status).toBe(201);

    const list = await stack.http().get('/api/plans').set(p);
    expect(list.status).toBe(200);
    const item = list.body.items.find((i: { id: string }) => i.id === planId);
    const plan = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    expect(item).toMatchObject({
      status: 'SUBMITTED',
      openComments: 2,
      due: { at: plan.reviewDueAt!.toISOString(), holder: 'OFFICE', overdue: false },
    });

    // The admin sees the same figures; the campaign's other plans, not started, are the schools' to submit. (Only
    // this campaign's: the suites share one database, and other suites' plans are approved, exempted or closed.)
    const all = await stack
      .http()
      .get(`/api/plans?campaignId=${campaignId}&pageSize=100`)
      .set(await bearer(stack, ADMIN));
    const others = all.body.items.filter((i: { id: string; status: string }) => i.id !== planId);
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) expect(other).toMatchObject({ openComments: 0, due: { holder: 'SCHOOL' } });
  });
});
