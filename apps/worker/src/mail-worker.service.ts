import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { PrismaService } from '@duyet/database';
import { MAIL_QUEUE, MailQueueService, MailSenderService, type MailJobs, redisConnection } from '@duyet/mail';

/** How old an e-mail row still QUEUED must be before the sweep puts it on the queue again. */
const STALE_MS = 30_000;

/** Consumes the mail queue: retries with backoff come from the job options; the final failure is recorded. */
@Injectable()
export class MailWorkerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MailWorkerService.name);
  private connection?: IORedis;
  private worker?: Worker<MailJobs['send']>;
  private sweep?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sender: MailSenderService,
    private readonly queue: MailQueueService,
    private readonly prisma: PrismaService,
  ) {}

  /**
   * The outbox row is written in the transaction of the change; the enqueue happens after the commit. If the
   * process died in between, or Redis was away, the row is still QUEUED: the sweep enqueues it again (the job id
   * is the row id, so a row already waiting in the queue is not added twice, and a SENT row is never resent).
   */
  async requeueStale(): Promise<number> {
    const stale = await this.prisma.emailLog.findMany({
      where: { status: 'QUEUED', createdAt: { lt: new Date(Date.now() - STALE_MS) } },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
      take: 1000,
    });
    await this.queue.enqueue(stale.map((e) => e.id));
    return stale.length;
  }

  onApplicationBootstrap(): void {
    this.connection = redisConnection(this.config.redis.url);
    this.worker = new Worker<MailJobs['send']>(MAIL_QUEUE, (job) => this.sender.send(job.data.emailId), {
      connection: this.connection,
      prefix: this.config.redis.prefix,
      concurrency: 10,
    });
    this.worker.on('failed', (job: Job<MailJobs['send']> | undefined, err: Error) => {
      if (!job) return;
      const final = job.attemptsMade >= (job.opts.attempts ?? 1);
      this.logger.warn(`mail ${job.data.emailId} attempt ${job.attemptsMade} failed: ${err.message}`);
      if (final) void this.sender.markFailed(job.data.emailId, err.message);
    });
    this.sweep = setInterval(() => {
      this.requeueStale().catch((err: unknown) => this.logger.warn(`mail sweep failed: ${String(err)}`));
    }, STALE_MS);
    this.sweep.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.sweep);
    await this.worker?.close();
    this.connection?.disconnect();
  }
}
