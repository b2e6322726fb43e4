import { RemindersService } from '@duyet/domain';
import { bearer } from '../support/campaign';
import { type TestDistrict, importSampleDistrict, openDistrictCampaign } from '../support/district';
import { mailTo } from '../support/mailbox';
import { type Stack, eventually, startStack } from '../support/stack';

// Paper copies (bản giấy) still owed by submitted plans: the board filters and counts them, its CSV says how many
// are missing, and the district's daily run reminds the principal: once per rung, never twice on a rerun, and no
// more once the copies are in. A district of this suite's own, since the reminder run is district-wide.

const DOMAIN = 'province-giay.example';
const A = 'th-thanh-tan'; // submitted, no copy yet
const B = 'th-binh-minh'; // under review, one of two
const C = 'th-nam-binh'; // approved, both in
const D = 'th-binh-thanh'; // returned after a submission, three delivered (more than asked)
const E = 'th-binh-dinh'; // not started: owes nothing yet
// Monday 03/03/2031, 09:00 in Hà Nội: the day A and B were submitted.
const SUBMITTED_AT = new Date('2031-03-03T09:00:00+07:00');

describe('missing paper copies: the board and the reminders', () => {
  let stack: Stack;
  let district: TestDistrict;
  let campaignId: string;
  const planId: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack();
    district = await importSampleDistrict(stack.prisma, {
      code: 'province-giay',
      domain: DOMAIN,
      schools: [A, B, C, D, E],
    });
    campaignId = await openDistrictCampaign(stack, district, {
      key: 'province-ban-giay-2031',
      documentNumber: '45/KH-PGDĐT',
      title: 'Kế hoạch giáo dục năm học 2031-2032 của các trường tiểu học cụm I',
      issuedOn: '2031-02-20',
      period: { from: '2031-01-01', to: '2031-12-31' },
      phases: [],
      targetLevels: ['PRIMARY'],
      targetClusters: ['I'],
      paperCopies: 2,
      // Far enough that no deadline reminder falls in March: this suite's messages are the paper copies' only.
      submissionDeadline: '2031-12-15T17:00:00+07:00',
    });
    for (const p of await stack.prisma.plan.findMany({ where: { campaignId }, include: { school: true } })) {
      planId[p.school.code] = p.id;
    }
    // The moves are other features': their outcome is set in the read model directly.
    const moved = { submittedAt: SUBMITTED_AT };
    await stack.prisma.plan.update({ where: { id: planId[A] }, data: { status: 'SUBMITTED', ...moved } });
    await stack.prisma.plan.update({ where: { id: planId[B] }, data: { status: 'UNDER_REVIEW', ...moved } });
    await stack.prisma.plan.update({ where: { id: planId[C] }, data: { status: 'APPROVED', ...moved } });
    await stack.prisma.plan.update({ where: { id: planId[D] }, data: { status: 'RETURNED', ...moved } });
    await record(B, 1, 'b-1');
    await record(C, 2, 'c-1');
    await record(D, 2, 'd-1');
    await record(D, 1, 'd-2');
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function record(school: string, copies: number, key: string): Promise<void> {
    const res = await stack
      .http()
      .post(`/api/plans/${planId[school]}/paper-copies`)
      .set(await bearer(stack, district.clerk))
      .set('Idempotency-Key', `province-${key}`)
      .send({ copies });
    expect(res.status).toBe(201);
  }

  const board = async (query: string) =>
    stack
      .http()
      .get(`/api/board?campaignId=${campaignId}${query}`)
      .set(await bearer(stack, district.admin));

  /** Computed in the test from the rows: submitted plans whose receipts sum below the campaign's two copies. */
  async function missingFromRows(): Promise<string[]> {
    const plans = await stack.prisma.plan.findMany({
      where: { campaignId },
      include: { school: true, paperCopies: true },
    });
    return plans
      .filter((p) => ['SUBMITTED', 'UNDER_REVIEW', 'RETURNED', 'APPROVED'].includes(p.status))
      .filter((p) => p.paperCopies.reduce((n, r) => n + r.copies, 0) < 2)
      .map((p) => p.school.code)
      .sort();
  }

  it('filters the board on missing copies and counts them, as the rows say', async () => {
    const missing = await board('&paperCopies=MISSING');
    expect(missing.status).toBe(200);
    const codes = missing.body.items.map((i: { school: { code: string } }) => i.school.code).sort();
    expect(codes).toEqual(await missingFromRows());
    expect(codes).toEqual([A, B].sort());
    expect(missing.body.total).toBe(2);
    expect(missing.body.summary.paperCopiesMissing).toBe(2);
    const byCode = new Map(missing.body.items.map((i: { school: { code: string } }) => [i.school.code, i]));
    expect(byCode.get(A)).toMatchObject({ paperCopies: { required: 2, received: 0, missing: 2 } });
    expect(byCode.get(B)).toMatchObject({ paperCopies: { required: 2, received: 1, missing: 1 } });

    const complete = await board('&paperCopies=COMPLETE');
    expect(complete.body.items.map((i: { school: { code: string } }) => i.school.code).sort()).toEqual([C, D].sort());
    expect(complete.body.summary.paperCopiesMissing).toBe(0);

    // Unfiltered: all five, the two missing counted; the one not started owes nothing.
    const all = await board('');
    expect(all.body.total).toBe(5);
    expect(all.body.summary.paperCopiesMissing).toBe(2);
    const notStarted = all.body.items.find((i: { school: { code: string } }) => i.school.code === E);
    expect(notStarted.paperCopies).toEqual({ required: 2, received: 0, missing: 0 });

    // Combined with another filter: waiting on the office (submitted, under review) and missing copies.
    const office = await board('&paperCopies=MISSING&waitingOn=OFFICE');
    expect(office.body.total).toBe(2);
    const school = await board('&paperCopies=MISSING&waitingOn=SCHOOL');
    expect(school.body.total).toBe(0);
  });

  it('refuses a filter value it does not know, in words', async () => {
    const res = await board('&paperCopies=some');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: 'paperCopies',
        message: 'paperCopies phải là MISSING (đã nộp, còn thiếu bản giấy) hoặc COMPLETE (đã nộp, đủ bản giấy)',
      },
    ]);
  });

  it('exports the missing ones with how many copies each still owes', async () => {
    const res = await stack
      .http()
      .get(`/api/board/export.csv?campaignId=${campaignId}&paperCopies=MISSING&sort=school`)
      .set(await bearer(stack, district.clerk))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });
    expect(res.status).toBe(200);
    const lines = (res.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].split(',').slice(-3)).toEqual([
      'Số bản giấy phải nộp',
      'Số bản giấy đã nhận',
      'Số bản giấy còn thiếu',
    ]);
    const tails = lines.slice(1).map((l) => l.split(',').slice(-3).join(','));
    expect(tails.sort()).toEqual(['2,0,2', '2,1,1']);
  });

  describe('reminders of missing copies', () => {
    let reminders: RemindersService;
    const principalOf = (school: string) => district.principal(school);
    const paperMails = () =>
      stack.prisma.emailLog.findMany({
        where: { campaignId, template: 'PAPER_COPIES_REMINDER' },
        orderBy: { idempotencyKey: 'asc' },
      });
    const sentAll = () =>
      eventually(
        async () => {
          const rows = await paperMails();
          return rows.every((r) => r.status === 'SENT') ? rows : undefined;
        },
        30_000,
        'every paper copies reminder to be sent',
      );

    beforeAll(() => {
      reminders = stack.worker!.get(RemindersService);
    });

    it('waits three working days after the submission, then reminds each principal once, saying what and where', async () => {
      await reminders.sendDueReminders({ districtId: district.id, day: '2031-03-05' });
      expect(await paperMails()).toEqual([]);

      const first = await reminders.sendDueReminders({ districtId: district.id, day: '2031-03-06' });
      expect(first.paperCopyReminders).toBe(2);
      const rows = await sentAll();
      expect(rows.map((r) => [r.to, r.planId])).toEqual(
        expect.arrayContaining([
          [principalOf(A), planId[A]],
          [principalOf(B), planId[B]],
        ]),
      );
      expect(rows).toHaveLength(2);

      const caught = await eventually(
        async () => {
          const mails = await mailTo(principalOf(A));
          return mails.find((m) => m.subject.includes('bản giấy'));
        },
        10_000,
        'the catcher to list the reminder',
      );
      expect(caught.subject).toBe('[Duyệt] Nhắc nộp bản giấy: Trường Tiểu học Thanh Tân còn thiếu 2 bản');
      expect(caught.text).toContain('mới nhận 0/2 bản giấy');
      expect(caught.text).toContain(
        'Đề nghị Anh/Chị gửi 2 bản giấy còn thiếu đến Đặng Anh Tuấn (Văn thư), Phòng Giáo dục và Đào tạo Kiến Xương.',
      );
      expect(caught.text).toContain('- Văn bản: 45/KH-PGDĐT');
      expect(caught.text).toContain(`/plans/${planId[A]}`);
      const toB = (await mailTo(principalOf(B))).filter((m) => m.subject.includes('bản giấy'));
      expect(toB.map((m) => m.subject)).toEqual([
        '[Duyệt] Nhắc nộp bản giấy: Trường Tiểu học Bình Minh còn thiếu 1 bản',
      ]);
    });

    it('writes nothing again on a rerun of the day, nor before the next rung', async () => {
      const before = await paperMails();
      const again = await reminders.sendDueReminders({ districtId: district.id, day: '2031-03-06' });
      expect(again.paperCopyReminders).toBeUndefined();
      await reminders.sendDueReminders({ districtId: district.id, day: '2031-03-07' });
      await reminders.sendDueReminders({ districtId: district.id, day: '2031-03-12' });
      expect((await paperMails()).map((r) => r.id)).toEqual(before.map((r) => r.id));
      const inbox = (await mailTo(principalOf(A))).filter((m) => m.subject.includes('bản giấy'));
      expect(inbox).toHaveLength(1);
    });

    it('reminds again five working days later only the plan still missing copies, and none once they are in', async () => {
      await record(B, 1, 'b-2');
      const second = await reminders.sendDueReminders({ districtId: district.id, day: '2031-03-13' });
      expect(second.paperCopyReminders).toBe(1);
      const rows = await sentAll();
      expect(rows.filter((r) => r.planId === planId[A])).toHaveLength(2);
      expect(rows.filter((r) => r.planId === planId[B])).toHaveLength(1);
      const latest = rows.find((r) => r.planId === planId[A] && r.idempotencyKey.includes(':2:'))!;
      expect(latest.text).toContain('- Lần nhắc: 2');

      await record(A, 2, 'a-1');
      const third = await reminders.sendDueReminders({ districtId: district.id, day: '2031-03-20' });
      expect(third.paperCopyReminders).toBeUndefined();
      expect(await paperMails()).toHaveLength(3);
      const board = await stack
        .http()
        .get(`/api/board?campaignId=${campaignId}&paperCopies=MISSING`)
        .set(await bearer(stack, district.admin));
      expect(board.body.total).toBe(0);
    });
  });
});
