import { DateTime } from 'luxon';
import { CalendarService, RemindersService, WorkingCalendar } from '@duyet/domain';
import { type TestDistrict, importSampleDistrict, openDistrictCampaign } from '../support/district';
import { MAM_NON, PRESCHOOL_DRAFT, ZONE, callsAs, expectStatus } from '../support/meetings';
import { type Stack, eventually, startStack } from '../support/stack';

// A campaign reviewed in meetings (reviewMode MEETING) whose cluster meets a month from now (issue 13, defect 10):
// a plan the office holds falls due for review on the day it is presented, not reviewDays working days after it
// came in, so it is neither overdue on the board nor its reviewer reminded weeks before the meeting. Real time; a
// district of its own, so the reminder runs read only its plans.

const DOMAIN = 'hop-duyet.example';
const EARLY = 'mn-thanh-tan'; // submits before the meeting is scheduled
const LATE = 'mn-binh-minh'; // submits once it is
const RUN = Date.now().toString(36);
const REVIEWER = `pho.mamnon@${DOMAIN}`;

describe('review due date of a plan reviewed at a meeting', () => {
  let stack: Stack;
  let api: ReturnType<typeof callsAs>;
  let district: TestDistrict;
  let campaignId: string;
  const planId: Record<string, string> = {};
  /** the meeting's day, a working day a month ahead, and 17:00 that day: when its plans fall due for review */
  const meetingDay = new WorkingCalendar().nextWorkingDay(DateTime.now().setZone(ZONE).plus({ days: 30 }).toISODate()!);
  const dueAtMeeting = DateTime.fromISO(`${meetingDay}T17:00`, { zone: ZONE }).toJSDate();

  const submit = async (school: string) => {
    const head = district.principal(school);
    expectStatus(await api.put(head, `/api/plans/${planId[school]}/draft`, PRESCHOOL_DRAFT), 200);
    const res = await api.post(head, `/api/plans/${planId[school]}/submit`);
    expectStatus(res, 200);
    return res.body as { status: string; deadlines: { reviewDue: string | null } };
  };
  const state = async (school: string) => {
    const res = await api.get(district.admin, `/api/plans/${planId[school]}/state`);
    expectStatus(res, 200);
    return res.body as { status: string; deadlineInForce: { kind: string; at: string; overdue: boolean } | null };
  };
  const reviewDueAt = async (school: string) =>
    (await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId[school] } })).reviewDueAt;

  beforeAll(async () => {
    stack = await startStack();
    api = callsAs(stack);
    district = await importSampleDistrict(stack.prisma, { code: 'hop-duyet', domain: DOMAIN, schools: [EARLY, LATE] });
    const { meetings: _meetings, signer: _signer, ...campaign } = MAM_NON;
    campaignId = await openDistrictCampaign(stack, district, {
      ...campaign,
      key: `hop-duyet-${RUN}`,
      documentNumber: `86/KH-PGDĐT-${RUN}`,
      issuedOn: DateTime.now().setZone(ZONE).toISODate(),
      period: { from: '2026-09-01', to: '2027-12-31' },
      submissionDeadline: DateTime.fromISO(`${meetingDay}T07:00`, { zone: ZONE }).minus({ days: 1 }).toISO(),
      reviewDays: 5,
    });
    for (const p of await stack.prisma.plan.findMany({ where: { campaignId }, include: { school: true } })) {
      planId[p.school.code] = p.id;
    }
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('gives a plan submitted before any meeting is scheduled the desk rule: reviewDays working days', async () => {
    const calendar = await stack.api.get(CalendarService).forDistrict(district.id);
    const desk = calendar.atLocalTime(calendar.addWorkingDays(calendar.localDate(new Date()), 5), '17:00');
    const outcome = await submit(EARLY);
    expect(outcome.deadlines.reviewDue).toBe(desk.toISOString());
    expect(await reviewDueAt(EARLY)).toEqual(desk);
  });

  it('moves the review due date to the meeting day when the meeting is scheduled, through the workflow', async () => {
    const res = await api.post(
      district.admin,
      `/api/campaigns/${campaignId}/meetings`,
      { cluster: 'I', date: meetingDay, startTime: '07:30', slotMinutes: 30, venue: 'Hội trường Phòng GD&ĐT' },
      `hop-duyet-${RUN}`,
    );
    expectStatus(res, 201);
    expect(await reviewDueAt(EARLY)).toEqual(dueAtMeeting);
    const early = await eventually(
      async () => {
        const s = await state(EARLY);
        return s.deadlineInForce?.at === dueAtMeeting.toISOString() ? s : undefined;
      },
      15_000,
      "the workflow to re-arm the review's timer",
    );
    expect(early.deadlineInForce).toEqual({ kind: 'REVIEW', at: dueAtMeeting.toISOString(), overdue: false });
    const audit = await stack.prisma.auditEvent.findFirstOrThrow({
      where: { planId: planId[EARLY], type: 'DEADLINE_EXTENDED' },
    });
    expect(audit.data).toMatchObject({ kind: 'REVIEW', until: dueAtMeeting.toISOString() });
    // The school is told by its invitation; no deadline e-mail of its own.
    expect(await stack.prisma.emailLog.count({ where: { planId: planId[EARLY], template: 'EXTENSION_DECIDED' } })).toBe(
      0,
    );
  });

  it('gives a plan submitted for a meeting a month away the meeting day as its review due date', async () => {
    const outcome = await submit(LATE);
    expect(outcome.status).toBe('SUBMITTED');
    expect(outcome.deadlines.reviewDue).toBe(dueAtMeeting.toISOString());
    expect(await reviewDueAt(LATE)).toEqual(dueAtMeeting);
    expect((await state(LATE)).deadlineInForce).toEqual({
      kind: 'REVIEW',
      at: dueAtMeeting.toISOString(),
      overdue: false,
    });
  });

  it('keeps both off the overdue board and the reviewer unreminded until the days before the meeting', async () => {
    const board = await api.get(district.admin, `/api/board?campaignId=${campaignId}&waitingOn=OFFICE`);
    expectStatus(board, 200);
    expect(board.body.summary.overdue).toBe(0);
    expect(board.body.items.map((i: { deadline: string }) => i.deadline)).toEqual([
      dueAtMeeting.toISOString(),
      dueAtMeeting.toISOString(),
    ]);

    const reminders = stack.worker!.get(RemindersService);
    const calendar = await stack.api.get(CalendarService).forDistrict(district.id);
    const today = calendar.localDate(new Date());
    const reviewRungs = () =>
      stack.prisma.reminderSent.findMany({ where: { planId: { in: Object.values(planId) }, kind: 'REVIEW' } });
    // The days the desk rule would have made due and late: nothing for the reviewer.
    for (const n of [5, 6, 8])
      await reminders.sendDueReminders({ districtId: district.id, day: calendar.addWorkingDays(today, n) });
    expect(await reviewRungs()).toEqual([]);
    // The working day before the meeting: the reviewer hears of both plans, in one message.
    const before = calendar.addWorkingDays(calendar.previousWorkingDay(meetingDay), -1);
    await reminders.sendDueReminders({ districtId: district.id, day: before });
    const rungs = await reviewRungs();
    expect(rungs.map((r) => [r.rung, r.recipient, r.deadlineAt.toISOString()])).toEqual([
      ['before-1', REVIEWER, dueAtMeeting.toISOString()],
      ['before-1', REVIEWER, dueAtMeeting.toISOString()],
    ]);
  });
});
