import { Injectable } from '@nestjs/common';
import { type EmailStatus, type Prisma, PrismaService } from '@duyet/database';
import type { AuthUser } from '../plans/access';
import { DomainError } from '../common/errors';
import { MailQueueService } from '@duyet/mail';
import type { z } from 'zod';
import type { emailListQuerySchema, resendFailedQuerySchema } from './email-schemas';
import type { AuditEventOf } from '../audit/audit-events';
import { AuditLog } from '../audit/audit-log';

/** Rows one transaction of "resend all" puts back on the queue. */
const RESEND_BATCH = 500;

const EMAIL_VIEW = {
  id: true,
  to: true,
  cc: true,
  subject: true,
  template: true,
  status: true,
  attempts: true,
  lastError: true,
  waitingForRelay: true,
  createdAt: true,
  lastAttemptAt: true,
  nextAttemptAt: true,
  sentAt: true,
  failedAt: true,
  messageId: true,
  campaignId: true,
  planId: true,
} satisfies Prisma.EmailLogSelect;

export type EmailView = Prisma.EmailLogGetPayload<{ select: typeof EMAIL_VIEW }>;

/** What a resend keeps of the failure it clears, in its audit event. */
const BEFORE_RESEND = {
  id: true,
  to: true,
  subject: true,
  template: true,
  status: true,
  attempts: true,
  lastError: true,
  campaignId: true,
  planId: true,
} satisfies Prisma.EmailLogSelect;
type BeforeResend = Prisma.EmailLogGetPayload<{ select: typeof BEFORE_RESEND }>;

const NOT_FAILED: Record<Exclude<EmailStatus, 'FAILED'>, string> = {
  SENT: 'Thư này đã được gửi đi; không gửi lại.',
  QUEUED: 'Thư này đang chờ gửi; chỉ gửi lại được thư đã gửi không thành công.',
  SENDING: 'Thư này đang được gửi; chỉ gửi lại được thư đã gửi không thành công.',
};

/** A fresh schedule from the first attempt, due now. */
const resetForResend = (now: Date): Prisma.EmailLogUpdateManyMutationInput => ({
  status: 'QUEUED',
  attempts: 0,
  nextAttemptAt: now,
  lastAttemptAt: null,
  lastError: null,
  failedAt: null,
  waitingForRelay: false,
});

/**
 * The district's e-mails as an admin handles them: what is being retried and why, one message's state, and the
 * resend of messages that failed for good (one, or all), each recorded as an EMAIL_RESENT audit event.
 */
@Injectable()
export class EmailsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly queue: MailQueueService,
  ) {}

  async get(user: AuthUser, id: string): Promise<EmailView> {
    assertAdmin(user);
    const email = await this.prisma.emailLog.findFirst({
      where: { id, districtId: user.districtId },
      select: EMAIL_VIEW,
    });
    if (!email) throw new DomainError('NOT_FOUND', 'Không có thư này trong huyện.');
    return email;
  }

  /** Messages not sent yet that failed at least once: the relay's reason and when the next attempt is due. */
  async retrying(user: AuthUser, q: z.output<typeof emailListQuerySchema>) {
    assertAdmin(user);
    const where: Prisma.EmailLogWhereInput = {
      districtId: user.districtId,
      status: { in: ['QUEUED', 'SENDING'] },
      attempts: { gt: 0 },
      ...(q.campaignId ? { campaignId: q.campaignId } : {}),
    };
    const [total, items] = await this.prisma.$transaction([
      this.prisma.emailLog.count({ where }),
      this.prisma.emailLog.findMany({
        where,
        select: EMAIL_VIEW,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
      }),
    ]);
    return { total, page: q.page, pageSize: q.pageSize, items };
  }

  /** One FAILED message back on the queue. The same Idempotency-Key again answers the message, not a 409. */
  async resend(user: AuthUser, id: string, key: string): Promise<EmailView> {
    assertAdmin(user);
    const idempotencyKey = `email-resend:${key}:${id}`;
    const resent = await this.prisma.$transaction(async (tx) => {
      if (await tx.auditEvent.findUnique({ where: { idempotencyKey }, select: { id: true } })) return false;
      const email = await tx.emailLog.findFirst({ where: { id, districtId: user.districtId }, select: BEFORE_RESEND });
      if (!email) throw new DomainError('NOT_FOUND', 'Không có thư này trong huyện.');
      if (email.status !== 'FAILED') throw new DomainError('CONFLICT', NOT_FAILED[email.status]);
      const { count } = await tx.emailLog.updateMany({
        where: { id, status: 'FAILED' },
        data: resetForResend(new Date()),
      });
      if (count === 0) throw new DomainError('CONFLICT', NOT_FAILED.QUEUED);
      await AuditLog.write(tx, resendAudit(user, email, { idempotencyKey }));
      return true;
    });
    if (resent) await this.queue.enqueue([id]);
    return this.get(user, id);
  }

  /**
   * Every message of the district (or of one campaign) FAILED before this call, back on the queue; one that fails
   * again meanwhile is not taken twice. Repeating the call resends only what has failed since.
   */
  async resendFailed(user: AuthUser, q: z.output<typeof resendFailedQuerySchema>): Promise<{ resent: number }> {
    assertAdmin(user);
    const started = new Date();
    const where: Prisma.EmailLogWhereInput = {
      districtId: user.districtId,
      status: 'FAILED',
      OR: [{ failedAt: null }, { failedAt: { lte: started } }],
      ...(q.campaignId ? { campaignId: q.campaignId } : {}),
    };
    let resent = 0;
    for (;;) {
      const ids = await this.prisma.$transaction(async (tx) => {
        const failed = await tx.emailLog.findMany({
          where,
          select: BEFORE_RESEND,
          orderBy: { id: 'asc' },
          take: RESEND_BATCH,
        });
        const reset = await tx.emailLog.updateManyAndReturn({
          where: { id: { in: failed.map((f) => f.id) }, status: 'FAILED' },
          data: resetForResend(new Date()),
          select: { id: true },
        });
        const done = new Set(reset.map((r) => r.id));
        const rows = failed.filter((f) => done.has(f.id));
        await AuditLog.writeMany(
          tx,
          rows.map((r) => resendAudit(user, r, { bulk: true })),
        );
        return { found: failed.length, ids: rows.map((r) => r.id) };
      });
      resent += ids.ids.length;
      await this.queue.enqueue(ids.ids);
      if (ids.found < RESEND_BATCH) return { resent };
    }
  }
}

function assertAdmin(user: AuthUser): void {
  if (user.role !== 'ADMIN') {
    throw new DomainError('FORBIDDEN', 'Chỉ lãnh đạo Phòng GD&ĐT được xem và gửi lại thư của huyện.');
  }
}

function resendAudit(
  user: AuthUser,
  email: BeforeResend,
  extra: { idempotencyKey?: string; bulk?: boolean },
): AuditEventOf<'EMAIL_RESENT'> {
  // A district-level event: the message's campaign and plan are named in its data, not linked, so that the plan's
  // trail (which its school reads) stays about the plan.
  return {
    districtId: user.districtId,
    actorId: user.id,
    type: 'EMAIL_RESENT',
    idempotencyKey: extra.idempotencyKey,
    data: {
      emailId: email.id,
      to: email.to,
      subject: email.subject,
      template: email.template,
      attempts: email.attempts,
      lastError: email.lastError,
      campaignId: email.campaignId,
      planId: email.planId,
      ...(extra.bulk ? { bulk: true } : {}),
    },
  };
}
