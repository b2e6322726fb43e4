import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { MAIL_QUEUE, MailSenderService, type MailJobs, redisConnection } from '@duyet/mail';

/** Consumes the mail queue: retries with backoff come from the job options; the final failure is recorded. */
@Injectable()
export class MailWorkerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MailWorkerService.name);
  private connection?: IORedis;
  private worker?: Worker<MailJobs['send']>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sender: MailSenderService,
  ) {}

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
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
    this.connection?.disconnect();
  }
}
