import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '@duyet/database';
import { attachmentOptions } from './mail-attachments';
import { MailTransportService } from './mail-transport.service';

/**
 * Sends one recorded e-mail. The row is the source of truth: a message already marked SENT is never sent
 * again, whatever BullMQ or Temporal retries. The Message-ID is derived from the row id, so even the one
 * unavoidable duplicate (a crash between the SMTP "250 OK" and the row update) is recognisable by clients.
 */
@Injectable()
export class MailSenderService {
  private readonly logger = new Logger(MailSenderService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly transport: MailTransportService,
  ) {}

  async send(emailId: string): Promise<'sent' | 'already-sent' | 'missing'> {
    const email = await this.prisma.emailLog.findUnique({ where: { id: emailId } });
    if (!email) return 'missing';
    if (email.status === 'SENT') return 'already-sent';
    const messageId = `<${email.id}@duyet.example>`;
    try {
      await this.transport.transporter.sendMail({
        from: this.transport.from,
        to: email.to,
        cc: email.cc.length ? email.cc : undefined,
        subject: email.subject,
        text: email.text,
        html: email.html,
        ...attachmentOptions(email.attachments),
        messageId,
        headers: { 'X-Duyet-Template': email.template },
      });
    } catch (err) {
      await this.prisma.emailLog.update({
        where: { id: emailId },
        data: { attempts: { increment: 1 }, lastError: err instanceof Error ? err.message : String(err) },
      });
      throw err;
    }
    await this.prisma.emailLog.update({
      where: { id: emailId },
      data: { status: 'SENT', sentAt: new Date(), messageId, attempts: { increment: 1 }, lastError: null },
    });
    this.logger.debug(`sent ${email.template} to ${email.to}`);
    return 'sent';
  }

  async markFailed(emailId: string, reason: string): Promise<void> {
    await this.prisma.emailLog.updateMany({
      where: { id: emailId, status: { not: 'SENT' } },
      data: { status: 'FAILED', lastError: reason },
    });
  }
}
