import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { PrismaService } from '@duyet/database';
import type { MailAttemptRef } from './mail-queue.service';
import { maxAttempts } from './mail-retry';

/** E-mails due and not sent, for the health check. */
export interface MailBacklog {
  /** rows whose attempt is due (QUEUED past nextAttemptAt) or was interrupted (SENDING past the lease) */
  due: number;
  /** how long the oldest of them has been due, in seconds; 0 when none is */
  oldestDueSeconds: number;
}

/** Why an interrupted attempt is tried again; the relay may have had the message, the Message-ID tells. */
export const INTERRUPTED_REASON = 'Lần gửi bị gián đoạn: tiến trình gửi thư đã dừng giữa chừng';

/**
 * The outbox as the sweep and the health check read it, across every district (the worker serves them all).
 * Every read here goes by the row's own state and times, never by what Redis holds.
 */
@Injectable()
export class MailOutboxService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
  ) {}

  /** For /api/health: how many e-mails are due and not sent, and the age of the oldest in seconds. */
  async dueBacklog(now = new Date()): Promise<MailBacklog> {
    const leaseMs = this.config.mail.sendLeaseMs;
    const [queued, interrupted] = await Promise.all([
      this.prisma.emailLog.aggregate({
        where: { status: 'QUEUED', nextAttemptAt: { lte: now } },
        _count: { _all: true },
        _min: { nextAttemptAt: true },
      }),
      this.prisma.emailLog.aggregate({
        where: { status: 'SENDING', lastAttemptAt: { lt: new Date(now.getTime() - leaseMs) } },
        _count: { _all: true },
        _min: { lastAttemptAt: true },
      }),
    ]);
    const since = [
      queued._min.nextAttemptAt?.getTime(),
      // an interrupted attempt is due again once its lease is over
      interrupted._min.lastAttemptAt && interrupted._min.lastAttemptAt.getTime() + leaseMs,
    ].filter((t): t is number => typeof t === 'number');
    const oldest = since.length ? Math.min(...since) : now.getTime();
    return {
      due: queued._count._all + interrupted._count._all,
      oldestDueSeconds: Math.max(0, Math.round((now.getTime() - oldest) / 1000)),
    };
  }

  /** QUEUED rows past their nextAttemptAt, the longest due first. */
  dueRows(limit: number): Promise<MailAttemptRef[]> {
    return this.prisma.emailLog.findMany({
      where: { status: 'QUEUED', nextAttemptAt: { lte: new Date() } },
      select: { id: true, attempts: true },
      orderBy: { nextAttemptAt: 'asc' },
      take: limit,
    });
  }

  /** SENDING rows whose attempt started longer ago than the lease: candidates, if no live worker holds them. */
  staleSendingRows(limit: number): Promise<MailAttemptRef[]> {
    return this.prisma.emailLog.findMany({
      where: { status: 'SENDING', lastAttemptAt: { lt: this.leaseCutoff() } },
      select: { id: true, attempts: true },
      orderBy: { lastAttemptAt: 'asc' },
      take: limit,
    });
  }

  /**
   * Interrupted attempts (the worker died mid-send): due again now, or FAILED if that was the schedule's last.
   * The conditions are checked again in the write, so a row a worker has just finished is left as it is.
   */
  async requeueInterrupted(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const max = maxAttempts(this.config.mail.retryScheduleMs);
    const now = new Date();
    const where = { id: { in: [...ids] }, status: 'SENDING' as const, lastAttemptAt: { lt: this.leaseCutoff() } };
    const [again, failed] = await this.prisma.$transaction([
      this.prisma.emailLog.updateMany({
        where: { ...where, attempts: { lt: max } },
        data: { status: 'QUEUED', nextAttemptAt: now, lastError: INTERRUPTED_REASON },
      }),
      this.prisma.emailLog.updateMany({
        where: { ...where, attempts: { gte: max } },
        data: { status: 'FAILED', failedAt: now, lastError: INTERRUPTED_REASON, waitingForRelay: false },
      }),
    ]);
    return again.count + failed.count;
  }

  /** Whether any message waits, past its failed attempt, for the relay to answer again. */
  async someWaitForRelay(): Promise<boolean> {
    const row = await this.prisma.emailLog.findFirst({
      where: { status: 'QUEUED', waitingForRelay: true, nextAttemptAt: { gt: new Date() } },
      select: { id: true },
    });
    return row !== null;
  }

  /** The relay answers again: every message that waited for it is due now, not hours from now. */
  async releaseRelayWaiters(): Promise<number> {
    const now = new Date();
    const { count } = await this.prisma.emailLog.updateMany({
      where: { status: 'QUEUED', waitingForRelay: true, nextAttemptAt: { gt: now } },
      data: { nextAttemptAt: now },
    });
    return count;
  }

  private leaseCutoff(): Date {
    return new Date(Date.now() - this.config.mail.sendLeaseMs);
  }
}
