// The sender against a mocked database and relay (both across a process boundary): what it records before and
// after the relay's answer, and that a failed write after sending never sends the message again.
import type { AppConfig } from '@duyet/config';
import type { EmailLog, PrismaService } from '@duyet/database';
import { MailSenderService, messageIdOf } from './mail-sender.service';
import type { MailTransportService } from './mail-transport.service';

const SCHEDULE = [60_000, 300_000];

const row = (over: Partial<EmailLog> = {}): EmailLog => ({
  id: '0d6f8a52-3c1e-4b8e-9a57-7f2b1c3d4e5f',
  districtId: 'd',
  planId: null,
  idempotencyKey: 'k',
  template: 'SUBMISSION_RECEIPT',
  to: 'vanthu@kienxuong.example',
  cc: [],
  subject: 'Đã nhận kế hoạch',
  html: '<p>x</p>',
  text: 'x',
  status: 'SENDING',
  attempts: 1,
  lastError: null,
  messageId: null,
  campaignId: null,
  attachments: [],
  createdAt: new Date(),
  nextAttemptAt: new Date(),
  lastAttemptAt: new Date(),
  waitingForRelay: false,
  sentAt: null,
  failedAt: null,
  ...over,
});

function setup(claimed: EmailLog[] = [row()]) {
  const emailLog = {
    updateManyAndReturn: jest.fn().mockResolvedValue(claimed),
    updateMany: jest.fn().mockResolvedValue({ count: 1 }),
    count: jest.fn().mockResolvedValue(1),
  };
  const sendMail = jest.fn().mockResolvedValue({ response: '250 OK' });
  const config = { mail: { retryScheduleMs: SCHEDULE } } as unknown as AppConfig;
  const sender = new MailSenderService(
    config,
    { emailLog } as unknown as PrismaService,
    { transporter: { sendMail }, from: 'no-reply@duyet.example' } as unknown as MailTransportService,
  );
  return { sender, emailLog, sendMail };
}

const smtpError = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

describe('MailSenderService', () => {
  it('claims the attempt on the row (QUEUED → SENDING, attempts + 1) before handing the message to SMTP', async () => {
    const { sender, emailLog, sendMail } = setup();
    const order: string[] = [];
    emailLog.updateManyAndReturn.mockImplementation(async () => (order.push('claim'), [row()]));
    sendMail.mockImplementation(async () => (order.push('smtp'), {}));
    emailLog.updateMany.mockImplementation(async () => (order.push('sent'), { count: 1 }));

    await expect(sender.send(row().id, 0)).resolves.toBe('sent');

    expect(order).toEqual(['claim', 'smtp', 'sent']);
    expect(emailLog.updateManyAndReturn).toHaveBeenCalledWith({
      where: { id: row().id, status: 'QUEUED', attempts: 0 },
      data: { status: 'SENDING', attempts: { increment: 1 }, lastAttemptAt: expect.any(Date) },
    });
    expect(sendMail).toHaveBeenCalledWith(expect.objectContaining({ messageId: messageIdOf(row().id) }));
  });

  it('retries the write after a send that succeeded until it lands, and never sends the message again', async () => {
    const { sender, emailLog, sendMail } = setup();
    emailLog.updateMany
      .mockRejectedValueOnce(new Error('the database system is shutting down'))
      .mockRejectedValueOnce(new Error('Connection terminated unexpectedly'))
      .mockResolvedValue({ count: 1 });

    await expect(sender.send(row().id, 0)).resolves.toBe('sent');

    expect(sendMail).toHaveBeenCalledTimes(1);
    expect(emailLog.updateMany).toHaveBeenCalledTimes(3);
    expect(emailLog.updateMany).toHaveBeenLastCalledWith({
      where: { id: row().id },
      data: expect.objectContaining({ status: 'SENT', messageId: messageIdOf(row().id) }),
    });
  });

  it('sends nothing for a job whose attempt the row is not waiting for (sent, in progress, or stale)', async () => {
    const { sender, sendMail } = setup([]);
    await expect(sender.send(row().id, 0)).resolves.toBe('skipped');
    expect(sendMail).not.toHaveBeenCalled();
  });

  it('schedules the next attempt from the schedule, and marks a relay that did not answer', async () => {
    const { sender, emailLog, sendMail } = setup();
    sendMail.mockRejectedValue(smtpError('connect ECONNREFUSED 127.0.0.1:1025', { code: 'ECONNECTION' }));
    const before = Date.now();

    await expect(sender.send(row().id, 0)).resolves.toBe('retry');

    const { where, data } = emailLog.updateMany.mock.calls[0][0];
    expect(where).toEqual({ id: row().id, status: 'SENDING', attempts: 1 });
    expect(data).toMatchObject({
      status: 'QUEUED',
      waitingForRelay: true,
      lastError: expect.stringContaining('ECONNREFUSED'),
    });
    expect(data.nextAttemptAt.getTime() - before).toBeGreaterThanOrEqual(SCHEDULE[0]);
  });

  it('fails for good on the last attempt of the schedule, and at once on a 5xx refusal', async () => {
    const last = setup([row({ attempts: SCHEDULE.length + 1 })]);
    last.sendMail.mockRejectedValue(smtpError('Greeting never received', { code: 'ETIMEDOUT' }));
    await expect(last.sender.send(row().id, SCHEDULE.length)).resolves.toBe('failed');
    expect(last.emailLog.updateMany.mock.calls[0][0].data).toMatchObject({
      status: 'FAILED',
      failedAt: expect.any(Date),
    });

    const refused = setup();
    refused.sendMail.mockRejectedValue(smtpError('550 5.1.1 User unknown', { code: 'EENVELOPE', responseCode: 550 }));
    await expect(refused.sender.send(row().id, 0)).resolves.toBe('failed');
    expect(refused.emailLog.updateMany.mock.calls[0][0].data).toMatchObject({
      status: 'FAILED',
      lastError: '550 5.1.1 User unknown',
      waitingForRelay: false,
    });
  });
});
