import { remindersWorkflowId } from '@duyet/workflows';
import { bearer } from '../support/campaign';
import { type TestDistrict, importSampleDistrict, openDistrictCampaign } from '../support/district';
import { allMail } from '../support/mailbox';
import { type Stack, eventually, startStack } from '../support/stack';

// "Remind now" (POST /api/board/remind) over a school with plans in several campaigns at once (issue 13, defect 9):
// the principal's one message of the day must list every one of them, and a plan that message does not name must
// never be recorded as reminded. A district of its own, so no other suite's reminders share its principals' day.

const DOMAIN = 'nhac-ngay.example';
const SCHOOL = 'thcs-vu-ninh';
const OTHER = 'thcs-vu-le';
const RUN = Date.now().toString(36);

describe('remind now: one message per principal, naming every plan it counts', () => {
  let stack: Stack;
  let district: TestDistrict;
  const documentNumbers: string[] = [];
  const campaignIds: string[] = [];

  const today = () =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()); /* YYYY-MM-DD */
  const openCampaign = async (n: number) => {
    const documentNumber = `${40 + n}/KH-PGDĐT-${RUN}`;
    const id = await openDistrictCampaign(stack, district, {
      key: `nhac-ngay-${n}-${RUN}`,
      documentNumber,
      title: `Kế hoạch chuyên đề số ${n} năm học 2026 - 2027`,
      issuedOn: '2026-09-01',
      period: { from: '2026-09-01', to: '2027-06-30' },
      phases: [],
      targetLevels: ['LOWER_SECONDARY'],
      targetClusters: [],
      requiredIndicators: [],
      submissionDeadline: '2027-06-15T17:00:00+07:00',
    });
    // Nothing but "remind now" writes reminders here: the district's daily run is stopped.
    const client = await stack.temporal.getClient();
    await client.workflow
      .getHandle(remindersWorkflowId(district.id))
      .terminate('remind-now e2e: only manual reminders')
      .catch(() => undefined);
    documentNumbers.push(documentNumber);
    campaignIds.push(id);
  };
  const remind = async (schoolCode: string) =>
    stack
      .http()
      .post('/api/board/remind')
      .query({ schoolCode })
      .set(await bearer(stack, district.admin));
  const messageOfToday = (email: string) =>
    stack.prisma.emailLog.findUnique({ where: { idempotencyKey: `reminder:${email}:${today()}` } });
  const plansOf = (schoolCode: string) =>
    stack.prisma.plan.findMany({
      where: { campaignId: { in: campaignIds }, school: { code: schoolCode } },
      orderBy: { createdAt: 'asc' },
    });

  beforeAll(async () => {
    stack = await startStack();
    district = await importSampleDistrict(stack.prisma, {
      code: 'nhac-ngay',
      domain: DOMAIN,
      schools: [SCHOOL, OTHER],
    });
    for (const n of [1, 2, 3, 4]) await openCampaign(n);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const preview = async (query: Record<string, string>, email = district.admin) =>
    stack
      .http()
      .get('/api/board/remind/preview')
      .query(query)
      .set(await bearer(stack, email));

  it('previews what remind now would send, for the filter or the ticked plans, writing nothing', async () => {
    const res = await preview({ schoolCode: SCHOOL });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ plans: 4, campaigns: 4, emails: 1, alreadyRemindedToday: 0, notRemindedToday: 0 });
    const two = (await plansOf(SCHOOL)).slice(0, 2).map((p) => p.id);
    const ticked = await preview({ schoolCode: SCHOOL, planIds: two.join(',') });
    expect(ticked.body).toEqual({ plans: 2, campaigns: 2, emails: 1, alreadyRemindedToday: 0, notRemindedToday: 0 });
    // A ticked plan outside the filter is left out.
    const outside = (await plansOf(OTHER))[0].id;
    const mixed = await preview({ schoolCode: SCHOOL, planIds: [two[0], outside].join(',') });
    expect(mixed.body).toMatchObject({ plans: 1, emails: 1 });
    expect(await messageOfToday(district.principal(SCHOOL))).toBeNull();
    expect(await stack.prisma.reminderSent.count({ where: { planId: { in: two } } })).toBe(0);
    expect((await preview({ schoolCode: SCHOOL, planIds: 'not-a-uuid' })).status).toBe(400);
    // The clerk reads the board but reminds nobody, so is not told what a reminder would send either.
    expect((await preview({ schoolCode: SCHOOL }, district.clerk)).status).toBe(403);
  });

  it('lists every plan of the school, from every campaign, in the one message it counts', async () => {
    const res = await remind(SCHOOL);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ plans: 4, campaigns: 4, emails: 1, alreadyRemindedToday: 0, notRemindedToday: 0 });

    const principal = district.principal(SCHOOL);
    const row = await messageOfToday(principal);
    expect(row).toMatchObject({ template: 'REMINDER', to: principal, campaignId: null, planId: null });
    expect(row!.subject).toBe(`[Duyệt] Nhắc việc ngày ${today().split('-').reverse().join('/')}: 4 kế hoạch cần xử lý`);
    for (const number of documentNumbers) expect(row!.text).toContain(`- Kế hoạch: ${number} - Kế hoạch chuyên đề`);
    // Every plan counted as reminded points at the message that names it.
    const plans = await plansOf(SCHOOL);
    for (const plan of plans) expect(row!.text).toContain(`/plans/${plan.id}`);
    const sent = await stack.prisma.reminderSent.findMany({ where: { planId: { in: plans.map((p) => p.id) } } });
    expect(sent.map((r) => [r.planId, r.recipient, r.emailId]).sort()).toEqual(
      plans.map((p) => [p.id, principal, row!.id]).sort(),
    );
    // The other school of the district was not in the filter.
    expect(await messageOfToday(district.principal(OTHER))).toBeNull();

    // What the principal receives is that message.
    const caught = await eventually(
      async () => (await allMail()).find((m) => m.headers['message-id'] === `<${row!.id}@duyet.example>`),
      30_000,
      'the reminder to reach the mail catcher',
    );
    expect(caught.to.map((t) => t.address)).toEqual([principal]);
    for (const plan of plans) expect(caught.text).toContain(`/plans/${plan.id}`);
  });

  it('sends nothing more the same day, counting the plans as already reminded', async () => {
    const res = await remind(SCHOOL);
    expect(res.body).toEqual({ plans: 4, campaigns: 4, emails: 0, alreadyRemindedToday: 4, notRemindedToday: 0 });
    expect(await stack.prisma.emailLog.count({ where: { to: district.principal(SCHOOL), template: 'REMINDER' } })).toBe(
      1,
    );
  });

  it("does not count as reminded a plan the day's message does not name", async () => {
    await openCampaign(5);
    // The preview says so before anything is sent.
    expect((await preview({ schoolCode: SCHOOL })).body).toEqual({
      plans: 5,
      campaigns: 5,
      emails: 0,
      alreadyRemindedToday: 4,
      notRemindedToday: 1,
    });
    const res = await remind(SCHOOL);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ plans: 5, campaigns: 5, emails: 0, alreadyRemindedToday: 4, notRemindedToday: 1 });
    const fifth = (await plansOf(SCHOOL)).find((p) => p.campaignId === campaignIds[4])!;
    expect(await stack.prisma.reminderSent.count({ where: { planId: fifth.id } })).toBe(0);
    const row = await messageOfToday(district.principal(SCHOOL));
    expect(row!.text).not.toContain(`/plans/${fifth.id}`);
    // The board does not show it as reminded either.
    const board = await stack
      .http()
      .get('/api/board')
      .query({ campaignId: campaignIds[4], schoolCode: SCHOOL })
      .set(await bearer(stack, district.admin));
    expect(board.body.items).toMatchObject([{ planId: fifth.id, remindersSent: 0, lastReminderAt: null }]);
  });
});
