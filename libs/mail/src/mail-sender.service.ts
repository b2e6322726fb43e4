import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { type EmailLog, type Prisma, PrismaService } from '@duyet/database';
import { attachmentOptions } from './mail-attachments';
import { type AttemptFailure, classifyFailure, retryDelayMs } from './mail-retry';
import { MailTransportService } from './mail-transport.service';

/** The after-send write is tried again after 100 ms, 200 ms, … up to every 5 s, until it lands. */
export const RECORD_RETRY = { firstMs: 100, maxMs: 5000 } as const;

/**
 * what one job did: sent; failed and scheduled again (retry) or for good (failed); skipped (the row was not
 * waiting for this attempt: sent already, in progress, or a stale job); missing (no such row)
 */
export type SendOutcome = 'sent' | 'retry' | 'failed' | 'skipped' | 'missing';

export const messageIdOf = (emailId: string): string => `<${emailId}@duyet.example>`;

/**
 * Sends one recorded e-mail, one attempt per job. The row is the source of truth: the attempt is claimed on it
 * (QUEUED → SENDING, attempts + 1) before the message is handed to SMTP, so no two workers send it at once and a
 * crash mid-send is found again. What the relay answered is then written back, and that write is retried here
 * until it lands: a database that fails after the relay's "250 OK" never makes the message go out twice. Only a
 * crash of the process between the 250 and the write can: the Message-ID, made from the row id, marks the copy.
 */
@Injectable()
export class MailSenderService {
  private readonly logger = new Logger(MailSenderService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly transport: MailTransportService,
  ) {}

  /** attempt: the attempts made when the job was enqueued (MailJobs); signal: stop retrying a write (shutdown). */
  async send(emailId: string, attempt?: number, signal?: AbortSignal): Promise<SendOutcome> {
    const email = await this.claim(emailId, attempt);
    if (!email) return (await this.prisma.emailLog.count({ where: { id: emailId } })) ? 'skipped' : 'missing';
    const messageId = messageIdOf(email.id);
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
      return this.recordFailure(email, classifyFailure(err), signal);
    }
    await this.record(
      `e-mail ${emailId} sent, recording it`,
      () =>
        // updateMany: a row deleted meanwhile (its plan removed) is nothing to retry
        this.prisma.emailLog.updateMany({
          where: { id: emailId },
          data: { status: 'SENT', sentAt: new Date(), messageId, lastError: null, waitingForRelay: false },
        }),
      signal,
    );
    this.logger.debug(`sent ${email.template} to ${email.to}`);
    return 'sent';
  }

  /**
   * QUEUED → SENDING, in one conditional write. A job numbered for an attempt claims only that attempt, so a
   * duplicate or stale job finds nothing; an unnumbered one (enqueued before numbering) claims a due row.
   */
  private async claim(emailId: string, attempt: number | undefined): Promise<EmailLog | undefined> {
    const turn: Prisma.EmailLogWhereInput =
      attempt === undefined ? { nextAttemptAt: { lte: new Date() } } : { attempts: attempt };
    const [claimed] = await this.prisma.emailLog.updateManyAndReturn({
      where: { id: emailId, status: 'QUEUED', ...turn },
      data: { status: 'SENDING', attempts: { increment: 1 }, lastAttemptAt: new Date() },
    });
    return claimed;
  }

  /** Next attempt on the schedule, or FAILED when the relay refused it for good or the schedule is spent. */
  private async recordFailure(email: EmailLog, failure: AttemptFailure, signal?: AbortSignal): Promise<SendOutcome> {
    const wait = failure.permanent ? undefined : retryDelayMs(this.config.mail.retryScheduleMs, email.attempts);
    const data: Prisma.EmailLogUpdateManyMutationInput =
      wait === undefined
        ? { status: 'FAILED', failedAt: new Date(), lastError: failure.reason, waitingForRelay: false }
        : {
            status: 'QUEUED',
            nextAttemptAt: new Date(Date.now() + wait),
            lastError: failure.reason,
            waitingForRelay: failure.relayUnreachable,
          };
    this.logger.warn(
      `e-mail ${email.id} attempt ${email.attempts} failed${wait === undefined ? ' for good' : `, next in ${wait} ms`}: ${failure.reason}`,
    );
    await this.record(
      `e-mail ${email.id} not sent, recording it`,
      () =>
        this.prisma.emailLog.updateMany({ where: { id: email.id, status: 'SENDING', attempts: email.attempts }, data }),
      signal,
    );
    return wait === undefined ? 'failed' : 'retry';
  }

  /**
   * The outcome is known, only its record is missing: write it again with backoff, in this process, rather than
   * fail the job (a failed job would run the attempt again). The job stays active meanwhile, which keeps the sweep
   * from taking the row for interrupted. Gives up only when signal aborts (the worker is stopping).
   */
  private async record(what: string, write: () => Promise<unknown>, signal?: AbortSignal): Promise<void> {
    for (let wait: number = RECORD_RETRY.firstMs; ; wait = Math.min(wait * 2, RECORD_RETRY.maxMs)) {
      try {
        await write();
        return;
      } catch (err) {
        if (signal?.aborted) throw err;
        this.logger.warn(`${what} failed (${err instanceof Error ? err.message : String(err)}); again in ${wait} ms`);
        await sleep(wait, undefined, { signal, ref: false }).catch(() => undefined);
      }
    }
  }
}
