import { randomUUID } from 'node:crypto';
import { CalendarService, DomainError, RemindersService, type SendRemindersResult } from '@duyet/domain';
import { bearer } from '../support/campaign';
import { type TestDistrict, importSampleDistrict, openDistrictCampaign } from '../support/district';
import { type CaughtMail, allMail } from '../support/mailbox';
import { type Stack, eventually, startStack } from '../support/stack';

// The reminder ladder, day by day, against the real database, queue and SMTP catcher. The run is the
// district's (every active campaign at once), so this suite has a district of its own, a copy of the sample's
// office and of the primary schools of its cluster I.
// Dates are in 2030 so that no real or virtual "today" of the daily run comes near them while this runs.
// Tết 2030: the library knows Giao thừa (Fri 1/2) and mùng 1 (Sat 2/2); the district announces the rest
// of the break (Thu 31/1, Mon 4/2, Tue 5/2) through the calendar API.

const DOMAIN = 'nhac-han.example';
const ADMIN = `truongphong@${DOMAIN}`;
const REVIEWER = `pho.phothong@${DOMAIN}`;
const principal = (school: string) => `hieutruong.${school}@${DOMAIN}`;

// The five primary schools of cluster I, each with its own deadline story.
const X1 = 'th-thanh-tan'; // campaign deadline, Fri 8/2/2030 17:00
const X2 = 'th-binh-minh'; // the same
const Y = 'th-nam-binh'; // extended to Sat 2/2/2030 17:00: mùng 1 Tết, a day off
const W = 'th-binh-thanh'; // its own earlier deadline, Mon 28/1/2030 17:00
const S = 'th-binh-dinh'; // submitted; its reviewer is due to decide by Mon 11/2/2030 17:00
const P = { [X1]: principal(X1), [X2]: principal(X2), [Y]: principal(Y), [W]: principal(W), [S]: principal(S) };

const short = (email: string): string =>
  email === ADMIN ? 'ADMIN' : email === REVIEWER ? 'REVIEWER' : email.replace(/^hieutruong\.(.*)@.*$/, '$1');

function* days(from: string, to: string): Generator<string> {
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    yield d.toISOString().slice(0, 10);
  }
}

describe('reminders: the ladder over Tết, one message per person per day', () => {
  let stack: Stack;
  let reminders: RemindersService;
  let district: TestDistrict;
  let districtId: string;
  let campaignId: string;
  let documentNumber: string;
  let adminId: string;
  const planId: Record<string, string> = {};
  const auth = (email: string) => bearer(stack, email);

  /** The campaign's reminder messages as caught by SMTP, each with its outbox row, once all are sent. */
  async function caught(): Promise<
    { row: { id: string; to: string; cc: string[]; template: string; day: string }; mail: CaughtMail }[]
  > {
    const rows = await eventually(
      async () => {
        const all = await stack.prisma.emailLog.findMany({
          where: { districtId, template: { in: ['REMINDER', 'OVERDUE_DIGEST'] } },
        });
        return all.every((r) => r.status === 'SENT') ? all : undefined;
      },
      30_000,
      'every reminder to be sent',
    );
    const mails = await allMail();
    return rows.map((r) => {
      const mail = mails.find((m) => m.headers['message-id'] === `<${r.id}@duyet.example>`);
      if (!mail) throw new Error(`no caught message for e-mail ${r.id}`);
      return { row: { ...r, day: r.idempotencyKey.split(':').at(-1)! }, mail };
    });
  }

  beforeAll(async () => {
    stack = await startStack();
    reminders = stack.worker!.get(RemindersService);
    district = await importSampleDistrict(stack.prisma, {
      code: 'nhac-han',
      domain: DOMAIN,
      schools: [X1, X2, Y, W, S],
    });
    districtId = district.id;
    const unique = Date.now().toString(36);
    documentNumber = `30/KH-PGDĐT-${unique}`;
    campaignId = await openDistrictCampaign(stack, district, {
      key: `nhac-han-2030-${unique}`,
      documentNumber,
      title: 'Kế hoạch giáo dục năm 2030 của các trường tiểu học cụm I',
      issuedOn: '2030-01-02',
      period: { from: '2030-01-01', to: '2030-12-31' },
      phases: [],
      targetLevels: ['PRIMARY'],
      targetClusters: ['I'],
      submissionDeadline: '2030-02-08T17:00:00+07:00',
      // No paper copies: this suite is about deadlines (missing copies have their own, paper-copy-reminders).
      paperCopies: 0,
    });
    for (const p of await stack.prisma.plan.findMany({ where: { campaignId }, include: { school: true } })) {
      planId[p.school.code] = p.id;
    }
    adminId = (await stack.prisma.user.findUniqueOrThrow({ where: { email: ADMIN } })).id;
    // Extensions and submissions are other features: set their outcome in the read model directly.
    await stack.prisma.plan.update({
      where: { id: planId[Y] },
      data: { submissionDeadline: new Date('2030-02-02T17:00:00+07:00') },
    });
    await stack.prisma.plan.update({
      where: { id: planId[W] },
      data: { submissionDeadline: new Date('2030-01-28T17:00:00+07:00') },
    });
    await stack.prisma.plan.update({
      where: { id: planId[S] },
      data: {
        status: 'SUBMITTED',
        submittedAt: new Date('2030-01-20T09:00:00+07:00'),
        reviewDueAt: new Date('2030-02-11T17:00:00+07:00'),
      },
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('lets the office correct the calendar, telling library days from district days', async () => {
    const admin = await auth(ADMIN);
    // The worker's calendar, read and cached before the change the API makes, must see that change.
    const workerCalendars = stack.worker!.get(CalendarService);
    expect((await workerCalendars.forDistrict(districtId)).isWorkingDay('2030-01-31')).toBe(true);
    for (const [date, name] of [
      ['2030-01-31', 'Nghỉ Tết Nguyên Đán (29 tháng Chạp)'],
      ['2030-02-04', 'Nghỉ Tết Nguyên Đán (mùng 3)'],
      ['2030-02-05', 'Nghỉ Tết Nguyên Đán (mùng 4)'],
    ]) {
      const put = await stack.http().put(`/api/calendar/days/${date}`).set(admin).send({ kind: 'DAY_OFF', name });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ date, kind: 'DAY_OFF', name, source: 'district' });
    }
    // A working Saturday put in and taken out again.
    const sat = await stack
      .http()
      .put('/api/calendar/days/2030-03-02')
      .set(admin)
      .send({ kind: 'WORKING_DAY', name: 'Làm bù' });
    expect(sat.status).toBe(200);
    await stack.http().delete('/api/calendar/days/2030-03-02').set(admin).expect(204);
    expect((await stack.http().delete('/api/calendar/days/2030-03-02').set(admin)).status).toBe(404);

    const forbidden = await stack
      .http()
      .put('/api/calendar/days/2030-02-06')
      .set(await auth(P[X1]))
      .send({ kind: 'DAY_OFF', name: 'Nghỉ' });
    expect(forbidden.status).toBe(403);
    const bad = await stack.http().put('/api/calendar/days/2030-02-30').set(admin).send({ kind: 'DAY_OFF', name: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'date', message: 'Ngày phải có dạng YYYY-MM-DD' }]);

    const list = await stack
      .http()
      .get('/api/calendar/days?year=2030')
      .set(await auth(P[X1]));
    expect(list.status).toBe(200);
    expect(list.body.filter((d: { date: string }) => d.date >= '2030-01-31' && d.date <= '2030-02-05')).toEqual([
      { date: '2030-01-31', kind: 'DAY_OFF', name: 'Nghỉ Tết Nguyên Đán (29 tháng Chạp)', source: 'district' },
      { date: '2030-02-01', kind: 'DAY_OFF', name: 'Giao thừa Tết Nguyên Đán', source: 'library' },
      { date: '2030-02-02', kind: 'DAY_OFF', name: 'Tết Nguyên Đán', source: 'library' },
      { date: '2030-02-04', kind: 'DAY_OFF', name: 'Nghỉ Tết Nguyên Đán (mùng 3)', source: 'district' },
      { date: '2030-02-05', kind: 'DAY_OFF', name: 'Nghỉ Tết Nguyên Đán (mùng 4)', source: 'district' },
    ]);
    expect((await workerCalendars.forDistrict(districtId)).isWorkingDay('2030-01-31')).toBe(false);
    expect((await workerCalendars.forDistrict(districtId)).isWorkingDay('2030-03-02')).toBe(false);
    const audit = await stack.prisma.auditEvent.findMany({
      where: { type: 'DAY_OVERRIDE_CHANGED', actorId: adminId },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((e) => (e.data as { date: string }).date)).toEqual([
      '2030-01-31',
      '2030-02-04',
      '2030-02-05',
      '2030-03-02',
      '2030-03-02',
    ]);
  });

  it('runs every day of the ladder and sends exactly the messages each day calls for', async () => {
    const results: Record<string, SendRemindersResult> = {};
    for (const day of days('2030-01-14', '2030-02-22')) {
      const r = await reminders.sendDueReminders({ districtId, day });
      if (r.emails || r.rungs || r.skipped) results[day] = r;
    }
    const sent = await stack.prisma.reminderSent.findMany({ where: { planId: { in: Object.values(planId) } } });
    const schoolOf = Object.fromEntries(Object.entries(planId).map(([code, id]) => [id, code]));
    const rungsByDay: Record<string, string[]> = {};
    for (const r of sent) {
      const day = r.day.toISOString().slice(0, 10);
      (rungsByDay[day] ??= []).push(`${r.rung}@${schoolOf[r.planId]}→${short(r.recipient)}`);
      expect(r.kind).toBe(schoolOf[r.planId] === S ? 'REVIEW' : 'SUBMISSION');
    }
    for (const list of Object.values(rungsByDay)) list.sort();
    expect(rungsByDay).toEqual({
      '2030-01-17': [`before-7@${W}→${W}`],
      '2030-01-21': [`before-7@${Y}→${Y}`],
      '2030-01-23': [`before-3@${W}→${W}`],
      '2030-01-24': [`before-7@${X2}→${X2}`, `before-7@${X1}→${X1}`],
      '2030-01-25': [`before-1@${W}→${W}`, `before-3@${Y}→${Y}`, `before-7@${S}→REVIEWER`],
      '2030-01-28': [`due@${W}→${W}`],
      '2030-01-29': [`after-1@${W}→REVIEWER`, `after-1@${W}→${W}`, `before-1@${Y}→${Y}`],
      // The Tết break pulls X's "3 days before" back to the last day before it, beside Y's deadline, which
      // falls on mùng 1 and so is "due" on the last open day before Tết.
      '2030-01-30': [`before-3@${X2}→${X2}`, `before-3@${X1}→${X1}`, `due@${Y}→${Y}`],
      '2030-02-06': [`after-1@${Y}→REVIEWER`, `after-1@${Y}→${Y}`, `after-3@${W}→ADMIN`, `before-3@${S}→REVIEWER`],
      '2030-02-07': [`before-1@${X2}→${X2}`, `before-1@${X1}→${X1}`],
      '2030-02-08': [`after-3@${Y}→ADMIN`, `before-1@${S}→REVIEWER`, `due@${X2}→${X2}`, `due@${X1}→${X1}`],
      '2030-02-11': [
        `after-1@${X2}→REVIEWER`,
        `after-1@${X2}→${X2}`,
        `after-1@${X1}→REVIEWER`,
        `after-1@${X1}→${X1}`,
        `due@${S}→REVIEWER`,
      ],
      '2030-02-12': [`after-1@${S}→REVIEWER`],
      '2030-02-13': [`after-3@${X2}→ADMIN`, `after-3@${X1}→ADMIN`, `digest-1@${W}→ADMIN`],
      '2030-02-14': [`after-3@${S}→ADMIN`],
      '2030-02-15': [`digest-1@${Y}→ADMIN`],
      '2030-02-20': [`digest-1@${X2}→ADMIN`, `digest-1@${X1}→ADMIN`, `digest-2@${W}→ADMIN`],
      '2030-02-21': [`digest-1@${S}→ADMIN`],
      '2030-02-22': [`digest-2@${Y}→ADMIN`],
    });
    expect(Object.keys(results)).toEqual(Object.keys(rungsByDay).sort());
    expect(results['2030-02-11']).toEqual({ emails: 3, rungs: 5, skipped: 0, deferred: 0 });
    expect(results['2030-02-13']).toEqual({ emails: 1, rungs: 3, skipped: 0, deferred: 0 });

    // One message per addressee per day, in any role: the reviewer copied on a school's first day late hears
    // of it in their own message of the day, never as a CC on the principal's.
    const messages = await caught();
    const byDay: Record<string, string[]> = {};
    for (const { row, mail } of messages) {
      expect(mail.to.map((t) => t.address)).toEqual([row.to]);
      expect(mail.cc ?? []).toEqual([]);
      expect(row.cc).toEqual([]);
      (byDay[row.day] ??= []).push(`${row.template} ${short(row.to)}`);
    }
    for (const list of Object.values(byDay)) list.sort();
    expect(byDay).toEqual({
      '2030-01-17': [`REMINDER ${W}`],
      '2030-01-21': [`REMINDER ${Y}`],
      '2030-01-23': [`REMINDER ${W}`],
      '2030-01-24': [`REMINDER ${X2}`, `REMINDER ${X1}`],
      '2030-01-25': ['REMINDER REVIEWER', `REMINDER ${W}`, `REMINDER ${Y}`],
      '2030-01-28': [`REMINDER ${W}`],
      '2030-01-29': ['REMINDER REVIEWER', `REMINDER ${W}`, `REMINDER ${Y}`],
      '2030-01-30': [`REMINDER ${X2}`, `REMINDER ${Y}`, `REMINDER ${X1}`],
      '2030-02-06': ['OVERDUE_DIGEST ADMIN', 'REMINDER REVIEWER', `REMINDER ${Y}`],
      '2030-02-07': [`REMINDER ${X2}`, `REMINDER ${X1}`],
      '2030-02-08': ['OVERDUE_DIGEST ADMIN', 'REMINDER REVIEWER', `REMINDER ${X2}`, `REMINDER ${X1}`],
      '2030-02-11': ['REMINDER REVIEWER', `REMINDER ${X2}`, `REMINDER ${X1}`],
      '2030-02-12': ['REMINDER REVIEWER'],
      '2030-02-13': ['OVERDUE_DIGEST ADMIN'],
      '2030-02-14': ['OVERDUE_DIGEST ADMIN'],
      '2030-02-15': ['OVERDUE_DIGEST ADMIN'],
      '2030-02-20': ['OVERDUE_DIGEST ADMIN'],
      '2030-02-21': ['OVERDUE_DIGEST ADMIN'],
      '2030-02-22': ['OVERDUE_DIGEST ADMIN'],
    });
    // Every rung points at the message that carried it.
    const ids = new Set(messages.map((m) => m.row.id));
    expect(sent.every((r) => r.emailId && ids.has(r.emailId))).toBe(true);
  });

  it('says in each message the deadline in force, how far it is, and what to do', async () => {
    const messages = await caught();
    const find = (day: string, to: string) => messages.find((m) => m.row.day === day && m.row.to === to)!.mail;

    const early = find('2030-01-24', P[X1]);
    expect(early.subject).toBe('[Duyệt] Nhắc hạn nộp kế hoạch: Trường Tiểu học Thanh Tân - còn 7 ngày làm việc');
    expect(early.text).toContain('Kính gửi Đinh Anh Nam,');
    expect(early.text).toContain('- Việc cần làm: Hoàn thiện và nộp kế hoạch');
    expect(early.text).toContain('- Hạn nộp kế hoạch: 17:00 08/02/2030 (còn 7 ngày làm việc)');
    expect(early.text).toContain(`Mở kế hoạch: http://duyet.test/plans/${planId[X1]}`);

    const beforeTet = find('2030-01-30', P[Y]);
    expect(beforeTet.subject).toBe(
      '[Duyệt] Nhắc hạn nộp kế hoạch: Trường Tiểu học Nam Bình - hôm nay là ngày làm việc cuối cùng trước hạn',
    );
    expect(beforeTet.text).toContain('- Hạn nộp kế hoạch: 17:00 02/02/2030');

    const late = find('2030-02-11', P[X1]);
    expect(late.subject).toBe('[Duyệt] Nhắc hạn nộp kế hoạch: Trường Tiểu học Thanh Tân - đã quá hạn 1 ngày làm việc');
    expect(late.cc ?? []).toEqual([]);
    expect(late.text).toContain('Nếu cần thêm thời gian, Anh/Chị gửi đề nghị gia hạn kèm lý do trên hệ thống.');

    // The reviewer's one message of the first day late: their own due date, and "Để biết" the two schools.
    const reviewerDay = messages.filter((m) => m.row.day === '2030-02-11' && m.row.to === REVIEWER);
    expect(reviewerDay).toHaveLength(1);
    const copy = reviewerDay[0].mail;
    expect(copy.subject).toBe('[Duyệt] Nhắc hạn duyệt kế hoạch: Trường Tiểu học Bình Định - hạn chót là hôm nay');
    expect(copy.text).toContain(
      [
        'Để biết (Anh/Chị theo dõi, đôn đốc):',
        `- Trường Tiểu học Bình Minh (${documentNumber}): hạn nộp kế hoạch 17:00 08/02/2030, đã quá hạn 1 ngày làm việc`,
        `  http://duyet.test/plans/${planId[X2]}`,
        `- Trường Tiểu học Thanh Tân (${documentNumber}): hạn nộp kế hoạch 17:00 08/02/2030, đã quá hạn 1 ngày làm việc`,
        `  http://duyet.test/plans/${planId[X1]}`,
      ].join('\n'),
    );
    // A day with nothing of their own: the message is the "Để biết" alone.
    expect(find('2030-01-29', REVIEWER).subject).toBe(
      '[Duyệt] Để biết hạn nộp kế hoạch: Trường Tiểu học Bình Thanh - đã quá hạn 1 ngày làm việc',
    );

    const review = find('2030-02-08', REVIEWER);
    expect(review.subject).toBe('[Duyệt] Nhắc hạn duyệt kế hoạch: Trường Tiểu học Bình Định - còn 1 ngày làm việc');
    expect(review.text).toContain('Kính gửi Nguyễn Anh Hà,');

    const digest = find('2030-02-13', ADMIN);
    expect(digest.subject).toBe('[Duyệt] Tổng hợp kế hoạch quá hạn ngày 13/02/2030: 3 kế hoạch');
    expect(digest.text).toContain('Kính gửi Mai Ngọc Yến,');
    expect(digest.text).toContain(
      [
        'STT | Trường | Cụm | Cấp học | Việc còn chờ | Hạn | Tình trạng',
        '1 | Trường Tiểu học Bình Thanh | Cụm I | Tiểu học | nộp kế hoạch | 17:00 28/01/2030 | đã quá hạn 8 ngày làm việc',
        '2 | Trường Tiểu học Bình Minh | Cụm I | Tiểu học | nộp kế hoạch | 17:00 08/02/2030 | đã quá hạn 3 ngày làm việc',
        '3 | Trường Tiểu học Thanh Tân | Cụm I | Tiểu học | nộp kế hoạch | 17:00 08/02/2030 | đã quá hạn 3 ngày làm việc',
      ].join('\n'),
    );
    expect(digest.text).toContain(`http://duyet.test/board?campaignId=${campaignId}&overdue=true`);
  });

  it('sends nothing more when a day is run again', async () => {
    const before = await stack.prisma.emailLog.count({ where: { campaignId } });
    const rungsBefore = await stack.prisma.reminderSent.count({ where: { planId: { in: Object.values(planId) } } });
    expect(await reminders.sendDueReminders({ districtId, day: '2030-02-13' })).toEqual({
      emails: 0,
      rungs: 0,
      skipped: 3,
      deferred: 0,
    });
    expect(await reminders.sendDueReminders({ districtId, day: '2030-01-30' })).toEqual({
      emails: 0,
      rungs: 0,
      skipped: 3,
      deferred: 0,
    });
    expect(await stack.prisma.emailLog.count({ where: { campaignId } })).toBe(before);
    expect(await stack.prisma.reminderSent.count({ where: { planId: { in: Object.values(planId) } } })).toBe(
      rungsBefore,
    );
  });

  it('"remind now" writes to principals at once, but never twice in a day', async () => {
    const day = '2030-02-11';
    const manual = { actorId: adminId };
    const planIds = [planId[X1], planId[Y], planId[S]];
    // X1's principal already had today's message: the manual rung is recorded against it. Y's gets one now.
    // S is submitted: a manual reminder is for schools that still owe a plan. The list is padded to the size a
    // national campaign's board names (more ids than one statement may bind): the three are found among them.
    const national = [...Array.from({ length: 40_000 }, () => randomUUID()), ...planIds];
    const plans = (ids: string[]) => [{ campaignId, planIds: ids }];
    expect(await reminders.sendDueReminders({ plans: plans(national), day, manual })).toEqual({
      emails: 1,
      rungs: 2,
      skipped: 0,
      deferred: 0,
    });
    expect(await reminders.sendDueReminders({ plans: plans(planIds), day, manual })).toEqual({
      emails: 0,
      rungs: 0,
      skipped: 2,
      deferred: 0,
    });
    const manualRows = await stack.prisma.reminderSent.findMany({ where: { rung: `manual-${day}` } });
    const x1Message = await stack.prisma.emailLog.findUniqueOrThrow({
      where: { idempotencyKey: `reminder:${P[X1]}:${day}` },
    });
    expect(manualRows.find((r) => r.recipient === P[X1])?.emailId).toBe(x1Message.id);

    const messages = await caught();
    const onDay = messages.filter((m) => m.row.day === day);
    expect(onDay.filter((m) => m.row.to === P[X1])).toHaveLength(1);
    const now = onDay.find((m) => m.row.to === P[Y])!.mail;
    expect(now.subject).toBe('[Duyệt] Nhắc hạn nộp kế hoạch: Trường Tiểu học Nam Bình - đã quá hạn 4 ngày làm việc');

    await expect(
      reminders.sendDueReminders({ plans: plans(planIds), day, manual: { actorId: (await principalId(P[X1]))! } }),
    ).rejects.toThrow(DomainError);
  });

  it('gives a submitted plan no submission reminder, and audits one event per run', async () => {
    expect(await stack.prisma.emailLog.count({ where: { to: P[S], campaignId } })).toBe(0);
    expect(await stack.prisma.reminderSent.count({ where: { planId: planId[S], kind: 'SUBMISSION' } })).toBe(0);
    const events = await stack.prisma.auditEvent.findMany({
      where: { districtId, type: 'REMINDER_SENT' },
      orderBy: { createdAt: 'asc' },
    });
    // 19 ladder days that recorded something and 2 manual runs; the runs that found nothing left wrote nothing.
    expect(events).toHaveLength(21);
    const daily = events.find((e) => (e.data as { day: string }).day === '2030-02-13')!;
    // The daily run is the district's; "remind now" is one campaign's.
    expect(daily.campaignId).toBeNull();
    expect(daily.data).toEqual({
      day: '2030-02-13',
      manual: false,
      planIds: null,
      campaignIds: [campaignId],
      emails: 1,
      rungs: 3,
      skipped: 0,
      deferred: 0,
    });
    const manual = events.filter((e) => e.actorId === adminId);
    expect(manual.map((e) => e.campaignId)).toEqual([campaignId, campaignId]);
    expect(manual.map((e) => e.data)).toEqual([
      {
        day: '2030-02-11',
        manual: true,
        planIds: 40_003,
        campaignIds: [campaignId],
        emails: 1,
        rungs: 2,
        skipped: 0,
        deferred: 0,
      },
      {
        day: '2030-02-11',
        manual: true,
        planIds: 3,
        campaignIds: [campaignId],
        emails: 0,
        rungs: 0,
        skipped: 2,
        deferred: 0,
      },
    ]);
  });

  it('writes one message when two runs of the same day race, and records each rung once', async () => {
    const day = '2030-02-27'; // X1's and X2's second weekly digest, W's third
    const runs = await Promise.all([
      reminders.sendDueReminders({ districtId, day }),
      reminders.sendDueReminders({ districtId, day }),
    ]);
    expect(runs.reduce((n, r) => n + r.emails, 0)).toBe(1);
    expect(runs.reduce((n, r) => n + r.rungs, 0)).toBe(3);
    const messages = (await caught()).filter((m) => m.row.day === day);
    expect(messages.map((m) => m.row.to)).toEqual([ADMIN]);
    expect(messages[0].mail.subject).toBe('[Duyệt] Tổng hợp kế hoạch quá hạn ngày 27/02/2030: 3 kế hoạch');
    expect(await stack.prisma.reminderSent.count({ where: { day: new Date(`${day}T00:00:00Z`) } })).toBe(3);
  });

  it("merges a person's reminders from every campaign of the district into their one message", async () => {
    // A second campaign for the same schools, due on Fri 8/3; X1's deadline in the first moves to the same day.
    const unique = Date.now().toString(36);
    const second = await openDistrictCampaign(stack, district, {
      key: `hsg-2030-${unique}`,
      documentNumber: `31/KH-PGDĐT-${unique}`,
      title: 'Kế hoạch bồi dưỡng học sinh giỏi năm 2030',
      issuedOn: '2030-01-02',
      period: { from: '2030-01-01', to: '2030-12-31' },
      phases: [],
      targetLevels: ['PRIMARY'],
      targetClusters: ['I'],
      submissionDeadline: '2030-03-08T17:00:00+07:00',
    });
    await stack.prisma.plan.update({
      where: { id: planId[X1] },
      data: { submissionDeadline: new Date('2030-03-08T17:00:00+07:00') },
    });

    // Thu 7/3: "1 day before" in both campaigns for X1, in the second for the others; S's review digest.
    expect(await reminders.sendDueReminders({ districtId, day: '2030-03-07' })).toEqual({
      emails: 6,
      rungs: 7,
      skipped: 0,
      deferred: 0,
    });
    const before = (await caught()).filter((m) => m.row.day === '2030-03-07');
    expect(before.map((m) => short(m.row.to)).sort()).toEqual(['ADMIN', S, X2, Y, W, X1].sort());
    const x1 = before.find((m) => m.row.to === P[X1])!;
    expect(x1.mail.subject).toBe('[Duyệt] Nhắc việc ngày 07/03/2030: 2 kế hoạch cần xử lý');
    expect(x1.mail.text).toContain(`- Kế hoạch: ${documentNumber} - Kế hoạch giáo dục năm 2030`);
    expect(x1.mail.text).toContain(`- Kế hoạch: 31/KH-PGDĐT-${unique} - Kế hoạch bồi dưỡng học sinh giỏi năm 2030`);
    const rows = await stack.prisma.emailLog.findMany({ where: { id: { in: before.map((m) => m.row.id) } } });
    // A message about two campaigns belongs to neither; one about a single campaign keeps it.
    expect(rows.find((r) => r.to === P[X1])?.campaignId).toBeNull();
    expect(rows.find((r) => r.to === P[X2])?.campaignId).toBe(second);

    // Wed 13/3: the office head's one digest has both campaigns' late plans, each row naming its campaign.
    expect(await reminders.sendDueReminders({ districtId, day: '2030-03-13' })).toMatchObject({ emails: 1 });
    const [digest] = (await caught()).filter((m) => m.row.day === '2030-03-13');
    expect(digest.row.to).toBe(ADMIN);
    expect(digest.mail.subject).toBe('[Duyệt] Tổng hợp kế hoạch quá hạn ngày 13/03/2030: 8 kế hoạch');
    expect(digest.mail.text).toContain('STT | Trường | Cụm | Cấp học | Đợt | Việc còn chờ | Hạn | Tình trạng');
    expect(digest.mail.text).toContain(`| Trường Tiểu học Thanh Tân | Cụm I | Tiểu học | 31/KH-PGDĐT-${unique} |`);
    expect(digest.mail.text).toContain(`| Trường Tiểu học Thanh Tân | Cụm I | Tiểu học | ${documentNumber} |`);
  });

  async function principalId(email: string): Promise<string | undefined> {
    return (await stack.prisma.user.findUnique({ where: { email } }))?.id;
  }
});
