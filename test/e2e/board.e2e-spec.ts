import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { PlanStatus, Prisma } from '@duyet/database';
import { BOARD_CSV_COLUMNS, CalendarService, type WorkingCalendar } from '@duyet/domain';
import { remindersWorkflowId } from '@duyet/workflows';
import { type Stack, eventually, startStack } from '../support/stack';

const ADMIN = 'truongphong@kienxuong.example';
const SPECIALIST_I = 'chuyenvien1@kienxuong.example'; // cluster I
const PRESCHOOL_DEPUTY = 'pho.mamnon@kienxuong.example'; // preschools
const DEPUTY = 'pho.phothong@kienxuong.example'; // primary and lower secondary
const PRINCIPAL = 'hieutruong.th-thanh-tan@kienxuong.example';

const DAY = 86_400_000;
/** 17:00 in Hà Nội (UTC+7, no daylight saving), n calendar days before today there: when a deadline falls. */
function fivePmDaysAgo(n: number): Date {
  const vn = new Date(Date.now() + 7 * 3_600_000);
  return new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate()) - n * DAY + 10 * 3_600_000);
}
const daysAgo = (n: number) => new Date(Date.now() - n * DAY - 3_600_000);

// A school added for this suite only: a comma, quotes and diacritics in its name exercise the CSV quoting.
const COMMA_SCHOOL = {
  code: `th-vu-tay-${Date.now().toString(36)}`,
  name: 'Trường Tiểu học Vũ Tây, phân hiệu "Đồng Hòa"',
};

interface Item {
  planId: string;
  school: { code: string; name: string; level: string; cluster: string };
  campaign: { id: string; key: string; title: string };
  status: PlanStatus;
  statusLabel: string;
  waitingOn: 'SCHOOL' | 'OFFICE' | null;
  deadline: string | null;
  overdue: boolean;
  daysOverdue: number;
  daysInState: number;
  remindersSent: number;
  lastReminderAt: string | null;
  reviewer: { id: string; fullName: string } | null;
}
interface Board {
  total: number;
  page: number;
  pageSize: number;
  summary: { byStatus: Record<PlanStatus, number>; overdue: number; failedEmails?: number };
  items: Item[];
}

describe('overdue board: filters, scope, CSV and failed e-mails', () => {
  let stack: Stack;
  let campaignId: string;
  let districtId: string;
  let calendar: WorkingCalendar;
  /** days overdue as the board (and the reminders) count them: working days after the deadline's day, to today */
  const workingDaysSince = (deadline: Date) =>
    calendar.workingDaysBetween(calendar.localDate(deadline), calendar.localDate(new Date()));
  const planIds = new Map<string, string>();
  const lastReminderAt = daysAgo(8);
  const auth = async (email: string) => ({ authorization: `Bearer ${await stack.login(email)}` });
  const board = async (query: Record<string, string | number>, email = ADMIN): Promise<Board> => {
    const res = await stack
      .http()
      .get('/api/board')
      .query({ campaignId, pageSize: 200, ...query })
      .set(await auth(email));
    expect(res.status).toBe(200);
    return res.body;
  };
  const item = (b: Board, code: string) => b.items.find((i) => i.school.code === code);
  const setPlan = (code: string, data: Prisma.PlanUpdateInput) =>
    stack.prisma.plan.update({ where: { id: planIds.get(code) }, data });
  const csv = async (query: Record<string, string>, email = ADMIN) =>
    stack
      .http()
      .get('/api/board/export.csv')
      .query({ campaignId, ...query })
      .set(await auth(email))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    stack = await startStack();
    const res = await stack
      .http()
      .post('/api/campaigns')
      .set(await auth(ADMIN))
      .send({
        key: 'bang-theo-doi-qua-han',
        documentNumber: '91/KH-PGDĐT-TD',
        title: 'Kế hoạch thử nghiệm bảng theo dõi quá hạn',
        issuedOn: '2022-01-03',
        period: { from: '2022-01-01', to: '2030-12-31' },
        targetLevels: ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'],
        targetClusters: [],
        requiredSections: ['purpose'],
        requiredIndicators: [],
        submissionDeadline: fivePmDaysAgo(10).toISOString(),
        signer: { email: ADMIN, title: 'Trưởng phòng' },
      });
    expect(res.status).toBe(201);
    campaignId = res.body.id;
    const campaign = await eventually(
      async () => {
        const c = await stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
        return c.plansOpenedAt ? c : undefined;
      },
      30_000,
      'the campaign workflow to open every plan',
    );
    districtId = campaign.districtId;
    calendar = await stack.api.get(CalendarService).forDistrict(districtId);
    const plans = await stack.prisma.plan.findMany({ where: { campaignId }, include: { school: true } });
    for (const p of plans) planIds.set(p.school.code, p.id);

    // The board reads Postgres only. The workflows are stopped so that no reminder run or timer writes to these
    // plans while the test sets their states by hand.
    const client = await stack.temporal.getClient();
    await Promise.all(
      [campaign.workflowId, remindersWorkflowId(campaign.districtId), ...plans.map((p) => p.workflowId)].map((id) =>
        client.workflow
          .getHandle(id)
          .terminate('board e2e: plan states are set directly')
          .catch(() => undefined),
      ),
    );

    const clusterIII = await stack.prisma.cluster.findUniqueOrThrow({
      where: { districtId_code: { districtId, code: 'III' } },
    });
    const school = await stack.prisma.school.create({
      data: {
        districtId,
        clusterId: clusterIII.id,
        code: COMMA_SCHOOL.code,
        name: COMMA_SCHOOL.name,
        level: 'PRIMARY',
      },
    });
    const extra = await stack.prisma.plan.create({
      data: { districtId, campaignId, schoolId: school.id, workflowId: `board-e2e:${randomUUID()}` },
    });
    planIds.set(COMMA_SCHOOL.code, extra.id);

    const deputy = await stack.prisma.user.findUniqueOrThrow({ where: { email: DEPUTY } });
    await setPlan('mn-thanh-tan', { statusChangedAt: daysAgo(12) });
    // An extension for this one school moves its deadline past today.
    await setPlan('th-thanh-tan', {
      status: 'DRAFTING',
      statusChangedAt: daysAgo(3),
      submissionDeadline: new Date(Date.now() + 5 * DAY),
    });
    await setPlan('thcs-thanh-tan', {
      status: 'RETURNED',
      statusChangedAt: daysAgo(6),
      revisionDeadline: fivePmDaysAgo(20),
    });
    await setPlan('th-binh-minh', {
      status: 'SUBMITTED',
      statusChangedAt: daysAgo(4),
      reviewDueAt: fivePmDaysAgo(2),
      reviewer: { connect: { id: deputy.id } },
    });
    await setPlan('thcs-binh-minh', { status: 'APPROVED', statusChangedAt: daysAgo(1) });
    await setPlan('mn-hong-tien', {
      status: 'UNDER_REVIEW',
      statusChangedAt: daysAgo(2),
      reviewDueAt: new Date(Date.now() + 3 * DAY),
    });
    await setPlan('th-hong-tien', { status: 'EXEMPTED', exemptReason: 'Sáp nhập trường' });
    // A school removed from the campaign leaves the board.
    await setPlan('thcs-hong-tien', { status: 'CLOSED', removedAt: daysAgo(1) });

    const reminder = (code: string, rung: string, at: Date) => ({
      districtId,
      planId: planIds.get(code)!,
      kind: 'SUBMISSION' as const,
      rung,
      deadlineAt: fivePmDaysAgo(10),
      recipient: `hieutruong.${code}@kienxuong.example`,
      day: at,
      createdAt: at,
    });
    await stack.prisma.reminderSent.createMany({
      data: [
        reminder('mn-thanh-tan', 'D-3', daysAgo(13)),
        reminder('mn-thanh-tan', 'D0', daysAgo(10)),
        reminder('mn-thanh-tan', 'D+2', lastReminderAt),
        reminder('thcs-thanh-tan', 'D+1', daysAgo(9)),
      ],
    });
    await stack.prisma.emailLog.create({
      data: {
        districtId,
        campaignId,
        planId: planIds.get('th-binh-minh'),
        idempotencyKey: `board-e2e:${randomUUID()}`,
        template: 'SUBMISSION_RECEIPT',
        to: 'vanthu@kienxuong.example',
        cc: [],
        subject: '[Duyệt] Đã nhận kế hoạch của Trường Tiểu học Bình Minh',
        html: '<p>x</p>',
        text: 'x',
        status: 'FAILED',
        attempts: 5,
        lastError: '550 5.1.1 Hộp thư không tồn tại',
      },
    });
  });

  afterAll(async () => {
    // The extra school would otherwise join every campaign a later suite creates.
    await stack?.prisma.plan.deleteMany({ where: { school: { code: COMMA_SCHOOL.code } } });
    await stack?.prisma.school.deleteMany({ where: { code: COMMA_SCHOOL.code } });
    await stack?.close();
  });

  it('counts the campaign by status and overdue, leaving out the removed school', async () => {
    const b = await board({});
    expect(b.total).toBe(60);
    expect(b.summary).toEqual({
      byStatus: {
        NOT_STARTED: 54,
        DRAFTING: 1,
        SUBMITTED: 1,
        UNDER_REVIEW: 1,
        RETURNED: 1,
        APPROVED: 1,
        EXEMPTED: 1,
        CLOSED: 0,
      },
      overdue: 56,
      // submitted, under review, returned and approved: each owes its paper copies and none was recorded
      paperCopiesMissing: 4,
      failedEmails: 1,
    });
    expect(item(b, 'thcs-hong-tien')).toBeUndefined();
  });

  it('computes the deadline in force, days overdue, days in state, reminders and who the plan waits on', async () => {
    const b = await board({});
    // Ten calendar days always span a weekend: the board counts working days, as the reminders do.
    expect(workingDaysSince(fivePmDaysAgo(10))).toBeLessThanOrEqual(8);
    expect(item(b, 'mn-thanh-tan')).toMatchObject({
      status: 'NOT_STARTED',
      statusLabel: 'Chưa bắt đầu',
      waitingOn: 'SCHOOL',
      deadline: fivePmDaysAgo(10).toISOString(),
      overdue: true,
      daysOverdue: workingDaysSince(fivePmDaysAgo(10)),
      daysInState: 12,
      remindersSent: 3,
      lastReminderAt: lastReminderAt.toISOString(),
    });
    expect(item(b, 'thcs-thanh-tan')).toMatchObject({
      status: 'RETURNED',
      statusLabel: 'Trả lại để chỉnh sửa',
      deadline: fivePmDaysAgo(20).toISOString(),
      daysOverdue: workingDaysSince(fivePmDaysAgo(20)),
      daysInState: 6,
      remindersSent: 1,
    });
    expect(item(b, 'th-binh-minh')).toMatchObject({
      waitingOn: 'OFFICE',
      overdue: true,
      daysOverdue: workingDaysSince(fivePmDaysAgo(2)),
      reviewer: { fullName: 'Nguyễn Anh Hà' },
    });
    expect(item(b, 'thcs-binh-minh')).toMatchObject({
      waitingOn: null,
      deadline: null,
      overdue: false,
      daysOverdue: 0,
    });
    expect(item(b, 'mn-binh-minh')).toMatchObject({ remindersSent: 0, lastReminderAt: null, reviewer: null });
  });

  it("does not count a school as overdue while its own extension runs, though the campaign's deadline passed", async () => {
    const b = await board({ schoolCode: 'th-thanh-tan' });
    expect(b.total).toBe(1);
    expect(b.items[0]).toMatchObject({ status: 'DRAFTING', waitingOn: 'SCHOOL', overdue: false, daysOverdue: 0 });
    expect(new Date(b.items[0].deadline!).getTime()).toBeGreaterThan(Date.now());
    expect((await board({ overdue: 'true' })).items.map((i) => i.school.code)).not.toContain('th-thanh-tan');
  });

  it('filters by status, level, cluster, overdue and who the plan waits on', async () => {
    const codes = (b: Board) => b.items.map((i) => i.school.code).sort();
    expect(codes(await board({ status: 'RETURNED,SUBMITTED' }))).toEqual(['th-binh-minh', 'thcs-thanh-tan']);
    const preschool = await board({ level: 'PRESCHOOL' });
    expect(preschool.total).toBe(20);
    expect(new Set(preschool.items.map((i) => i.school.level))).toEqual(new Set(['PRESCHOOL']));
    const clusterI = await board({ cluster: 'I' });
    expect(clusterI.total).toBe(15);
    expect(new Set(clusterI.items.map((i) => i.school.cluster))).toEqual(new Set(['I']));
    const overdue = await board({ overdue: 'true' });
    expect(overdue.total).toBe(56);
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    expect(codes(await board({ overdue: 'false' }))).toEqual([
      'mn-hong-tien',
      'th-hong-tien',
      'th-thanh-tan',
      'thcs-binh-minh',
    ]);
    expect(codes(await board({ waitingOn: 'OFFICE' }))).toEqual(['mn-hong-tien', 'th-binh-minh']);
    expect((await board({ waitingOn: 'SCHOOL' })).total).toBe(56);
  });

  it('finds a school by name without accents', async () => {
    const b = await board({ q: 'vu tay, PHAN HIEU' });
    expect(b.items.map((i) => i.school.name)).toEqual([COMMA_SCHOOL.name]);
  });

  it('sorts the most overdue first, and pages without gaps or repeats', async () => {
    const b = await board({ sort: '-daysOverdue' });
    expect(b.items[0].school.code).toBe('thcs-thanh-tan');
    const days = b.items.map((i) => i.daysOverdue);
    expect(days).toEqual([...days].sort((x, y) => y - x));
    expect(
      b.items.slice(0, 56).every((i) => i.overdue && i.daysOverdue === workingDaysSince(new Date(i.deadline!))),
    ).toBe(true);
    expect((await board({ sort: '-daysInState', pageSize: 1 })).items[0].school.code).toBe('mn-thanh-tan');

    const pages = await Promise.all([1, 2, 3].map((page) => board({ page, pageSize: 25 })));
    expect(pages.map((p) => [p.total, p.page, p.items.length])).toEqual([
      [60, 1, 25],
      [60, 2, 25],
      [60, 3, 10],
    ]);
    const ids = pages.flatMap((p) => p.items.map((i) => i.planId));
    expect(new Set(ids).size).toBe(60);
    expect(ids).toEqual(b.items.map((i) => i.planId));
    const beyond = await board({ page: 4, pageSize: 25 });
    expect([beyond.total, beyond.items]).toEqual([60, []]);
  });

  it("shows a reviewer only the levels or clusters assigned, and no one's failed e-mails", async () => {
    const specialist = await board({}, SPECIALIST_I);
    expect(specialist.total).toBe(15);
    expect(new Set(specialist.items.map((i) => i.school.cluster))).toEqual(new Set(['I']));
    expect(specialist.summary.failedEmails).toBeUndefined();
    const preschool = await board({}, PRESCHOOL_DEPUTY);
    expect(preschool.total).toBe(20);
    expect(new Set(preschool.items.map((i) => i.school.level))).toEqual(new Set(['PRESCHOOL']));
    // A filter never widens the scope.
    expect((await board({ level: 'PRIMARY' }, PRESCHOOL_DEPUTY)).total).toBe(0);
    const failed = await stack
      .http()
      .get('/api/board/failed-emails')
      .set(await auth(SPECIALIST_I));
    expect(failed.status).toBe(403);
  });

  it('refuses principals with 403 and bad parameters with 400 naming them', async () => {
    const headers = await auth(PRINCIPAL);
    for (const path of ['/api/board', '/api/board/export.csv', '/api/board/failed-emails']) {
      const res = await stack.http().get(path).set(headers);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    const bad = await stack
      .http()
      .get('/api/board')
      .query({ status: 'LATE', sort: 'age', pageSize: 1000 })
      .set(await auth(ADMIN));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['status.0', 'sort', 'pageSize']);
    expect(bad.body.message).toMatch(/^Dữ liệu không hợp lệ: status\.0: Trạng thái không hợp lệ/);
  });

  it('exports CSV that Excel opens with its Vietnamese intact', async () => {
    const res = await csv({ sort: 'school' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="Theo doi ke hoach \d\d-\d\d-\d{4}\.csv"; filename\*=UTF-8''Theo%20d%C3%B5i%20/,
    );
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).not.toMatch(/[^\r]\n/);
    const records: string[][] = parse(bytes, { bom: true });
    expect(records[0]).toEqual(BOARD_CSV_COLUMNS.map((c) => c.header));
    expect(records[0].slice(0, 4)).toEqual(['Mã trường', 'Tên trường', 'Cấp học', 'Cụm trường']);
    expect(records).toHaveLength(61);
    const row = records.find((r) => r[0] === COMMA_SCHOOL.code)!;
    expect(row.slice(0, 10)).toEqual([
      COMMA_SCHOOL.code,
      COMMA_SCHOOL.name,
      'Tiểu học',
      'III',
      'Kế hoạch thử nghiệm bảng theo dõi quá hạn',
      'Chưa bắt đầu',
      'Chờ nhà trường',
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(fivePmDaysAgo(10)),
      'Có',
      String(workingDaysSince(fivePmDaysAgo(10))),
    ]);
    expect(records.find((r) => r[0] === 'mn-thanh-tan')![11]).toBe('3');
  });

  it("exports only the reviewer's scope", async () => {
    const records: string[][] = parse((await csv({}, SPECIALIST_I)).body as Buffer, { bom: true });
    expect(records).toHaveLength(16);
    expect(new Set(records.slice(1).map((r) => r[3]))).toEqual(new Set(['I']));
  });

  it('documents the routes, their parameters and their refusals in OpenAPI', async () => {
    const doc = (await stack.http().get('/api/docs/openapi.json').expect(200)).body;
    const list = doc.paths['/api/board'].get;
    expect(list.parameters.map((p: { name: string }) => p.name).sort()).toEqual(
      [
        'campaignId',
        'cluster',
        'level',
        'overdue',
        'page',
        'pageSize',
        'paperCopies',
        'q',
        'schoolCode',
        'sort',
        'status',
        'waitingOn',
      ].sort(),
    );
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['400', '401', '403']));
    expect(Object.keys(doc.paths['/api/board/export.csv'].get.responses['200'].content)).toEqual(['text/csv']);
    expect(doc.paths['/api/board/failed-emails'].get.responses).toHaveProperty('403');
  });

  it("lists an e-mail that finally failed on the admin's board", async () => {
    const res = await stack
      .http()
      .get('/api/board/failed-emails')
      .query({ campaignId })
      .set(await auth(ADMIN));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({
      to: 'vanthu@kienxuong.example',
      subject: '[Duyệt] Đã nhận kế hoạch của Trường Tiểu học Bình Minh',
      template: 'SUBMISSION_RECEIPT',
      attempts: 5,
      lastError: '550 5.1.1 Hộp thư không tồn tại',
      planId: planIds.get('th-binh-minh'),
      school: { code: 'th-binh-minh', name: 'Trường Tiểu học Bình Minh' },
    });
    expect(typeof res.body.items[0].createdAt).toBe('string');
  });

  it("reminds now the schools a filter shows as waiting, once a day per person, within the caller's scope", async () => {
    const since = new Date();
    const waiting = (await board({ cluster: 'I', waitingOn: 'SCHOOL' }, SPECIALIST_I)).items;
    expect(waiting.length).toBeGreaterThan(0);
    const remind = () => stack.http().post('/api/board/remind').query({ campaignId, cluster: 'I' });
    const first = await remind().set(await auth(SPECIALIST_I));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ plans: waiting.length, campaigns: 1 });
    const rows = await stack.prisma.emailLog.findMany({
      where: { template: 'REMINDER', createdAt: { gte: since }, campaignId },
    });
    const principals = await stack.prisma.user.findMany({
      where: { role: 'PRINCIPAL', districtId, school: { code: { in: waiting.map((i) => i.school.code) } } },
    });
    expect(rows.map((r) => r.to).sort()).toEqual(principals.map((p) => p.email).sort());
    expect(first.body.emails).toBe(rows.length);

    const again = await remind().set(await auth(ADMIN));
    expect(again.status).toBe(200);
    expect(again.body.emails).toBe(0);
    expect(
      await stack.prisma.emailLog.count({ where: { template: 'REMINDER', createdAt: { gte: since }, campaignId } }),
    ).toBe(rows.length);
    expect((await remind().set(await auth(PRINCIPAL))).status).toBe(403);
  });
  // The deadline in force and the school's code live on the plan row, kept by the database (migration
  // 20261201090000_board_deadline_column): whatever writes the plan, the campaign or the school, the board follows.
  it("follows the campaign's deadline moved for everyone, and a school's new code, in its counts and order", async () => {
    const original = fivePmDaysAgo(10);
    const later = new Date(Date.now() + 4 * DAY);
    await stack.prisma.campaign.update({ where: { id: campaignId }, data: { submissionDeadline: later } });
    try {
      const b = await board({});
      // The 54 not started follow it; the returned plan (its own revision deadline) and the submitted one (the
      // reviewer's due date) stay overdue.
      expect(b.summary.overdue).toBe(2);
      expect(item(b, 'mn-thanh-tan')).toMatchObject({ deadline: later.toISOString(), overdue: false });
      expect(item(b, 'thcs-thanh-tan')).toMatchObject({ deadline: fivePmDaysAgo(20).toISOString(), overdue: true });
      // The extension of th-thanh-tan is its own: it does not follow the campaign.
      expect(new Date(item(b, 'th-thanh-tan')!.deadline!).getTime()).toBeGreaterThan(later.getTime());
      expect(b.items.slice(0, 2).map((i) => i.school.code)).toEqual(['thcs-thanh-tan', 'th-binh-minh']);
    } finally {
      await stack.prisma.campaign.update({ where: { id: campaignId }, data: { submissionDeadline: original } });
    }
    expect((await board({})).summary.overdue).toBe(56);

    // A plan moved back to the school's side takes the campaign's date again; a decided one has none.
    await setPlan('thcs-binh-minh', { status: 'DRAFTING' });
    expect(item(await board({}), 'thcs-binh-minh')).toMatchObject({ deadline: original.toISOString(), overdue: true });
    await setPlan('thcs-binh-minh', { status: 'APPROVED' });
    expect(item(await board({}), 'thcs-binh-minh')).toMatchObject({ deadline: null, overdue: false });

    // Within one deadline the board goes by school code; a school given a new code moves with it.
    const school = await stack.prisma.school.findUniqueOrThrow({
      where: { districtId_code: { districtId, code: COMMA_SCHOOL.code } },
    });
    const notStarted = async () => (await board({ status: 'NOT_STARTED' })).items.map((i) => i.school.code);
    await stack.prisma.school.update({ where: { id: school.id }, data: { code: '0-dau-danh-sach' } });
    try {
      expect((await notStarted())[0]).toBe('0-dau-danh-sach');
      expect((await board({ schoolCode: '0-dau-danh-sach' })).total).toBe(1);
    } finally {
      await stack.prisma.school.update({ where: { id: school.id }, data: { code: COMMA_SCHOOL.code } });
    }
    // The database's own order of the codes (its collation, not JavaScript's).
    const byCode = await stack.prisma.plan.findMany({
      where: { campaignId, status: 'NOT_STARTED', removedAt: null },
      orderBy: { school: { code: 'asc' } },
      select: { school: { select: { code: true } } },
    });
    expect(await notStarted()).toEqual(byCode.map((p) => p.school.code));
  });
});
