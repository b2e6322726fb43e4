import { remindersWorkflowId } from '@duyet/workflows';
import { bearer, campaignBody } from '../support/campaign';
import { type TestDistrict, importSampleDistrict } from '../support/district';
import { type Stack, eventually, startStack } from '../support/stack';

// Dates, one form each (issue 13, defect 11): every e-mail writes an instant "17:00 10/01/2027", reminders too;
// the audit keeps instants in UTC whatever offset a request carried; a deadline on a day off is accepted with a
// warning in the answer; an unsubmitted plan is never "Lần nộp thứ 0". A district of its own.

const DOMAIN = 'ngay-thang.example';
const SCHOOL = 'th-thanh-tan';
const RUN = Date.now().toString(36);
/** in Vietnamese, naming the day off and the last working day before it */
const dayOffWarning = (at: string, why: string, lastOpen: string) =>
  `${at} rơi vào ngày nghỉ (${why}). Nhắc hạn "hạn chót là hôm nay" sẽ gửi vào ngày làm việc cuối cùng ` +
  `trước đó (${lastOpen}); nếu không chủ ý, hãy chọn một ngày làm việc.`;

describe('dates: one form in e-mails and in the audit, and a warning for a deadline on a day off', () => {
  let stack: Stack;
  let district: TestDistrict;
  let campaignId: string;
  let planId: string;
  const admin = async () => bearer(stack, district.admin);
  const body = (n: number, submissionDeadline: string) =>
    campaignBody({
      key: `ngay-thang-${n}-${RUN}`,
      documentNumber: `${50 + n}/KH-PGDĐT-${RUN}`,
      issuedOn: '2026-11-20',
      period: { from: '2026-12-01', to: '2027-12-31' },
      targetLevels: ['PRIMARY'],
      targetClusters: ['I'],
      requiredIndicators: [],
      submissionDeadline,
      signer: { email: district.admin, title: 'Trưởng phòng' },
    });
  const mailsTo = (email: string, template: string) =>
    eventually(
      async () => {
        const rows = await stack.prisma.emailLog.findMany({ where: { to: email, template, campaignId } });
        return rows.length ? rows : undefined;
      },
      15_000,
      `a ${template} to ${email}`,
    );

  beforeAll(async () => {
    stack = await startStack();
    district = await importSampleDistrict(stack.prisma, { code: 'ngay-thang', domain: DOMAIN, schools: [SCHOOL] });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('accepts a campaign deadline on a public holiday, with a warning in Vietnamese', async () => {
    const res = await stack
      .http()
      .post('/api/campaigns')
      .set(await admin())
      .send(body(1, '2027-01-01T17:00:00+07:00'));
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([
      dayOffWarning('Hạn nộp kế hoạch 17:00 01/01/2027', 'Tết Dương lịch', '31/12/2026'),
    ]);
    campaignId = res.body.id;
    await eventually(
      async () =>
        (await stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } })).plansOpenedAt ?? undefined,
      30_000,
      'the plans to open',
    );
    // Only "remind now" writes reminders in this suite.
    const client = await stack.temporal.getClient();
    await client.workflow
      .getHandle(remindersWorkflowId(district.id))
      .terminate('dates e2e')
      .catch(() => undefined);
    planId = (await stack.prisma.plan.findFirstOrThrow({ where: { campaignId, school: { code: SCHOOL } } })).id;

    // A retry of the same request answers the same warning; a working day has none.
    const again = await stack
      .http()
      .post('/api/campaigns')
      .set(await admin())
      .send(body(1, '2027-01-01T17:00:00+07:00'));
    expect([again.status, again.body.id, again.body.warnings.length]).toEqual([200, campaignId, 1]);
    const monday = await stack
      .http()
      .post(`/api/campaigns/${campaignId}/copy`)
      .set(await admin())
      .send({
        key: `ngay-thang-2-${RUN}`,
        documentNumber: `52/KH-PGDĐT-${RUN}`,
        issuedOn: '2026-11-20',
        period: { from: '2026-12-01', to: '2027-12-31' },
        submissionDeadline: '2027-01-04T17:00:00+07:00',
      });
    expect([monday.status, monday.body.warnings]).toEqual([201, []]);
  });

  it('warns of a Saturday in a copy and a Sunday in a campaign-wide extension', async () => {
    const copy = await stack
      .http()
      .post(`/api/campaigns/${campaignId}/copy`)
      .set(await admin())
      .send({
        key: `ngay-thang-3-${RUN}`,
        documentNumber: `53/KH-PGDĐT-${RUN}`,
        issuedOn: '2026-11-20',
        period: { from: '2026-12-01', to: '2027-12-31' },
        submissionDeadline: '2027-01-09T17:00:00+07:00',
      });
    expect(copy.status).toBe(201);
    expect(copy.body.warnings).toEqual([dayOffWarning('Hạn nộp kế hoạch 17:00 09/01/2027', 'thứ Bảy', '08/01/2027')]);

    const extend = await stack
      .http()
      .post(`/api/campaigns/${campaignId}/deadline`)
      .set(await admin())
      .set('Idempotency-Key', `extend-${RUN}`)
      .send({ until: '2027-01-10T17:00:00+07:00', reason: 'Các trường đề nghị thêm thời gian' });
    expect(extend.status).toBe(200);
    expect(extend.body.warnings).toEqual([dayOffWarning('Hạn nộp mới 17:00 10/01/2027', 'Chủ nhật', '08/01/2027')]);
  });

  it('writes the extension of an unsubmitted plan without "Lần nộp thứ 0", its date in the one form', async () => {
    const [mail] = await mailsTo(district.principal(SCHOOL), 'EXTENSION_DECIDED');
    expect(mail.subject).toBe('[Duyệt] Trường Tiểu học Thanh Tân được gia hạn đến 17:00 10/01/2027');
    expect(mail.text).toContain('- Phiên bản: Chưa nộp lần nào');
    expect(mail.text).toContain('- Hạn mới: 17:00 10/01/2027');
    expect(mail.text).not.toMatch(/Lần nộp thứ 0/i);
  });

  it('writes the reminder deadline in the same form as every other e-mail', async () => {
    const res = await stack
      .http()
      .post('/api/board/remind')
      .query({ campaignId, schoolCode: SCHOOL })
      .set(await admin());
    expect(res.body).toMatchObject({ plans: 1, emails: 1 });
    const [mail] = await mailsTo(district.principal(SCHOOL), 'REMINDER');
    expect(mail.text).toMatch(/- Hạn nộp kế hoạch: 17:00 10\/01\/2027 \((còn \d+ ngày làm việc|hạn chót là hôm nay)\)/);
    expect(mail.text).not.toContain('10/01/2027 17:00');
  });

  it('keeps an instant in the audit in UTC, whatever offset the request carried', async () => {
    const res = await stack
      .http()
      .post(`/api/plans/${planId}/extension-requests`)
      .set(await bearer(stack, district.principal(SCHOOL)))
      .set('Idempotency-Key', `ask-${RUN}`)
      .send({ reason: 'Chờ họp hội đồng trường', requestedUntil: '2027-01-20T17:00:00+07:00' });
    expect(res.status).toBe(201);
    const events = await stack.prisma.auditEvent.findMany({
      where: { planId, type: { in: ['EXTENSION_REQUESTED', 'DEADLINE_EXTENDED'] } },
    });
    const campaignWide = await stack.prisma.auditEvent.findFirstOrThrow({
      where: { campaignId, planId: null, type: 'DEADLINE_EXTENDED' },
    });
    expect(events.find((e) => e.type === 'EXTENSION_REQUESTED')?.data).toMatchObject({
      requestedUntil: '2027-01-20T10:00:00.000Z',
    });
    expect(campaignWide.data).toMatchObject({
      previous: '2027-01-01T10:00:00.000Z',
      until: '2027-01-10T10:00:00.000Z',
    });
  });

  it('documents the warnings in OpenAPI', async () => {
    const doc = (await stack.http().get('/api/docs/openapi.json').expect(200)).body;
    for (const op of [
      doc.paths['/api/campaigns'].post,
      doc.paths['/api/campaigns/{id}/copy'].post,
      doc.paths['/api/campaigns/{id}/deadline'].post,
    ]) {
      expect(op.description).toMatch(/^Kết quả có warnings: danh sách cảnh báo bằng tiếng Việt/);
    }
  });
});
