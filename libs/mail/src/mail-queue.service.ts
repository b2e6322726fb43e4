import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { MAIL_QUEUE, type MailJobs } from './mail.constants';

export const redisConnection = (url: string): IORedis => new IORedis(url, { maxRetriesPerRequest: null });

/** Producer side of the mail queue. The job id is the e-mail row's id, so enqueueing twice is harmless. */
@Injectable()
export class MailQueueService implements OnModuleDestroy {
  private readonly connection: IORedis;
  readonly queue: Queue<MailJobs['send'], void, 'send'>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.connection = redisConnection(config.redis.url);
    this.queue = new Queue(MAIL_QUEUE, { connection: this.connection, prefix: config.redis.prefix });
  }

  async enqueue(emailIds: readonly string[]): Promise<void> {
    if (emailIds.length === 0) return;
    await this.queue.addBulk(
      emailIds.map((emailId) => ({
        name: 'send' as const,
        data: { emailId },
        opts: {
          jobId: emailId,
          attempts: this.config.mail.attempts,
          backoff: { type: 'exponential', delay: this.config.mail.backoffMs },
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      })),
    );
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
    this.connection.disconnect();
  }
}
