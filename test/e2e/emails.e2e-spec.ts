import { randomUUID } from 'node:crypto';
import type { Prisma } from '@duyet/database';
import { bearer } from '../support/campaign';
import { type TestDistrict, importSampleDistrict } from '../support/district';
import { mailTo } from '../support/mailbox';
import { type Stack, eventually, startStack } from '../support/stack';

// Issue 14: a message that finally fails is listed with its reason and an admin can send it again, one or all,
// each resend an audit event. A district of its own, so "all" touches no other suite's messages.

const DOMAIN = 'gui-lai.example';
const RUN = Date.now().toString(36);
const SCHOOL = 'th-binh-minh';
let seq = 0;

describe('failed e-mails: listed with their reason, resent by an admin, audited', () => {
  let stack: Stack;
  let district: TestDistrict;
  let adminId: string;
  const admin = () => bearer(stack, district.admin);

  const writeRow = async (over: Partial<Prisma.EmailLogUncheckedCreateInput> = {}) => {
    const n = ++seq;
    return stack.prisma.emailLog.create({
      data: {
        districtId: district.id,
        idempotencyKey: `emails-e2e:${RUN}:${n}`,
        template: 'SUBMISSION_RECEIPT',
        to: `vanthu${n}.${RUN}@${DOMAIN}`,
        cc: [],
        subject: `[Duyệt] Đã nhận kế hoạch (thư ${n})`,
        html: `<p>Thư ${n}</p>`,
        text: `Thư ${n}`,
        status: 'FAILED',
        attempts: 11,
        lastError: '421 4.3.2 Service not available',
        failedAt: new Date(),
        ...over,
      },
    });
  };
  const sentOnce = async (row: { id: string; to: string }) => {
    await eventually(
      async () =>
        (await stack.prisma.emailLog.findUniqueOrThrow({ where: { id: row.id } })).status === 'SENT' ? true : undefined,
      20_000,
      `${row.to} to be sent`,
    );
    const mail = await eventually(async () => {
      const got = await mailTo(row.to);
      return got.length ? got : undefined;
    });
    expect(mail.map((m) => m.headers['message-id'])).toEqual([`<${row.id}@duyet.example>`]);
  };
  const resendEvents = (emailId: string) =>
    stack.prisma.auditEvent.findMany({
      where: { districtId: district.id, type: 'EMAIL_RESENT', data: { path: ['emailId'], equals: emailId } },
    });

  beforeAll(async () => {
    stack = await startStack();
    district = await importSampleDistrict(stack.prisma, { code: 'gui-lai', domain: DOMAIN, schools: [SCHOOL] });
    adminId = (await stack.prisma.user.findUniqueOrThrow({ where: { email: district.admin } })).id;
  });

  afterAll(async () => {
    await stack.prisma.emailLog.deleteMany({ where: { idempotencyKey: { startsWith: `emails-e2e:${RUN}:` } } });
    await stack?.close();
  });

  it('lists a failed message with its reason, resends it once with an audit event, and refuses it again (409)', async () => {
    const row = await writeRow();
    const listed = await stack
      .http()
      .get('/api/board/failed-emails')
      .set(await admin());
    expect(listed.status).toBe(200);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ id: row.id, attempts: 11, lastError: '421 4.3.2 Service not available' }),
    );

    const key = `resend-${RUN}-1`;
    const resent = await stack
      .http()
      .post(`/api/emails/${row.id}/resend`)
      .set(await admin())
      .set('Idempotency-Key', key);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ id: row.id, failedAt: null });
    expect(['QUEUED', 'SENDING', 'SENT']).toContain(resent.body.status);
    await sentOnce(row);
    const events = await resendEvents(row.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: adminId,
      data: { emailId: row.id, to: row.to, attempts: 11, lastError: '421 4.3.2 Service not available' },
    });

    // The same request again (a client retrying) gets the message; a new request is refused.
    const retried = await stack
      .http()
      .post(`/api/emails/${row.id}/resend`)
      .set(await admin())
      .set('Idempotency-Key', key);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: row.id, status: 'SENT', attempts: 1 });
    const again = await stack
      .http()
      .post(`/api/emails/${row.id}/resend`)
      .set(await admin());
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT', message: 'Thư này đã được gửi đi; không gửi lại.' });
    expect(await resendEvents(row.id)).toHaveLength(1);
    expect((await mailTo(row.to)).length).toBe(1);
    const after = await stack
      .http()
      .get('/api/board/failed-emails')
      .set(await admin());
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(row.id);
  });

  it('resends every failed message of a campaign at once, one audit event each, each delivered once', async () => {
    const [campaignA, campaignB] = [randomUUID(), randomUUID()];
    const rows = [await writeRow({ campaignId: campaignA }), await writeRow({ campaignId: campaignA })];
    rows.push(await writeRow({ campaignId: campaignA, lastError: '550 5.1.1 Hộp thư không tồn tại', attempts: 1 }));
    const other = await writeRow({ campaignId: campaignB });

    const res = await stack
      .http()
      .post('/api/emails/resend-failed')
      .query({ campaignId: campaignA })
      .set(await admin());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ resent: 3 });
    for (const row of rows) await sentOnce(row);
    for (const row of rows) {
      const events = await resendEvents(row.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actorId: adminId,
        data: { emailId: row.id, lastError: row.lastError, bulk: true },
      });
    }
    expect((await stack.prisma.emailLog.findUniqueOrThrow({ where: { id: other.id } })).status).toBe('FAILED');
    const again = await stack
      .http()
      .post('/api/emails/resend-failed')
      .query({ campaignId: campaignA })
      .set(await admin());
    expect(again.body).toEqual({ resent: 0 });
    await stack.prisma.emailLog.delete({ where: { id: other.id } });
  });

  it('lists the messages being retried with the reason and the next attempt, and shows one message', async () => {
    const next = new Date(Date.now() + 3_600_000);
    const row = await writeRow({
      status: 'QUEUED',
      attempts: 5,
      lastError: 'connect ECONNREFUSED 10.0.0.25:25',
      failedAt: null,
      lastAttemptAt: new Date(),
      nextAttemptAt: next,
    });
    try {
      const res = await stack
        .http()
        .get('/api/emails/retrying')
        .set(await admin());
      expect(res.status).toBe(200);
      expect(res.body.items).toContainEqual(
        expect.objectContaining({
          id: row.id,
          status: 'QUEUED',
          attempts: 5,
          lastError: 'connect ECONNREFUSED 10.0.0.25:25',
          nextAttemptAt: next.toISOString(),
        }),
      );
      const one = await stack
        .http()
        .get(`/api/emails/${row.id}`)
        .set(await admin());
      expect(one.body).toMatchObject({ id: row.id, to: row.to, status: 'QUEUED', attempts: 5 });
      const queued = await stack
        .http()
        .post(`/api/emails/${row.id}/resend`)
        .set(await admin());
      expect(queued.status).toBe(409);
      expect(queued.body.message).toBe('Thư này đang chờ gửi; chỉ gửi lại được thư đã gửi không thành công.');
    } finally {
      await stack.prisma.emailLog.delete({ where: { id: row.id } });
    }
  });

  it("answers 404 for another district's message or none, 403 to anyone but an admin, 400 for a bad id", async () => {
    const sample = await stack.prisma.district.findUniqueOrThrow({ where: { code: 'kien-xuong' } }).catch(() => null);
    const elsewhere = sample && (await writeRow({ districtId: sample.id }));
    try {
      for (const id of [elsewhere?.id, randomUUID()].filter(Boolean)) {
        const res = await stack
          .http()
          .post(`/api/emails/${id}/resend`)
          .set(await admin());
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ code: 'NOT_FOUND', message: 'Không có thư này trong huyện.' });
      }
      const mine = await writeRow();
      const principal = await bearer(stack, district.principal(SCHOOL));
      for (const req of [
        stack.http().post(`/api/emails/${mine.id}/resend`).set(principal),
        stack.http().post('/api/emails/resend-failed').set(principal),
        stack.http().get('/api/emails/retrying').set(principal),
      ]) {
        expect((await req).status).toBe(403);
      }
      expect((await stack.prisma.emailLog.findUniqueOrThrow({ where: { id: mine.id } })).status).toBe('FAILED');
      const bad = await stack
        .http()
        .post('/api/emails/abc/resend')
        .set(await admin());
      expect(bad.status).toBe(400);
      await stack.prisma.emailLog.delete({ where: { id: mine.id } });
    } finally {
      if (elsewhere) await stack.prisma.emailLog.delete({ where: { id: elsewhere.id } });
    }
  });
});
