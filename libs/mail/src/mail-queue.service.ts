import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type JobsOptions, Queue } from 'bullmq';
import IORedis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { MAIL_QUEUE, type MailJobs, mailJobId } from './mail.constants';

export const redisConnection = (url: string): IORedis => new IORedis(url, { maxRetriesPerRequest: null });

/** How long a write's response waits for Redis before it leaves the message to the sweep. */
const ENQUEUE_WAIT_MS = 1000;
/** The sweep's checks run this many at a time. */
const ENSURE_CHUNK = 100;

/** A row as the queue needs it: its id and the attempts it has made. */
export interface MailAttemptRef {
  id: string;
  attempts: number;
}

/**
 * Producer side of the mail queue. Redis only carries "attempt N of this row is due now": when each attempt is due
 * is on the row (nextAttemptAt), and the worker's sweep puts back whatever Redis lost or kept stale.
 */
@Injectable()
export class MailQueueService implements OnModuleDestroy {
  private readonly logger = new Logger(MailQueueService.name);
  private readonly connection: IORedis;
  readonly queue: Queue<MailJobs['send'], unknown, 'send'>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.connection = redisConnection(config.redis.url);
    this.queue = new Queue(MAIL_QUEUE, { connection: this.connection, prefix: config.redis.prefix });
  }

  /**
   * After the commit of rows just written: their first attempt. Never throws and waits at most a second: the row
   * is the promise, so with Redis away the response goes out and the sweep sends the message later.
   */
  async enqueue(emailIds: readonly string[]): Promise<void> {
    if (emailIds.length === 0) return;
    const adding = this.queue.addBulk(
      emailIds.map((emailId) => ({
        name: 'send' as const,
        data: { emailId, attempt: 0 },
        opts: jobOptions(emailId, 0),
      })),
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), ENQUEUE_WAIT_MS);
      timer.unref();
    });
    try {
      if ((await Promise.race([adding, late])) === 'late') {
        this.logger.warn(
          `Redis did not take ${emailIds.length} e-mail(s) within ${ENQUEUE_WAIT_MS} ms: left to the sweep`,
        );
      }
    } catch (err) {
      this.logger.warn(`could not enqueue ${emailIds.length} e-mail(s), left to the sweep: ${String(err)}`);
    } finally {
      clearTimeout(timer);
    }
    adding.catch(() => undefined);
  }

  /**
   * The sweep: makes sure each row's next attempt has a live job. A job waiting, delayed or running is left
   * alone; one that is finished (completed, or failed, "stalled more than allowable limit" included) is removed
   * and added again, since the row says the attempt is still to make. Returns how many were added.
   */
  async ensure(rows: readonly MailAttemptRef[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < rows.length; i += ENSURE_CHUNK) {
      const results = await Promise.all(rows.slice(i, i + ENSURE_CHUNK).map((row) => this.ensureOne(row)));
      added += results.filter(Boolean).length;
    }
    return added;
  }

  /** Whether a live worker runs the attempt a SENDING row started (its job holds a lock BullMQ keeps renewing). */
  async attemptRunning(row: MailAttemptRef): Promise<boolean> {
    return (await this.queue.getJobState(mailJobId(row.id, row.attempts - 1))) === 'active';
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
    this.connection.disconnect();
  }

  private async ensureOne(row: MailAttemptRef): Promise<boolean> {
    const jobId = mailJobId(row.id, row.attempts);
    const state = await this.queue.getJobState(jobId);
    if (state === 'completed' || state === 'failed') await this.queue.remove(jobId);
    else if (state !== 'unknown') return false;
    await this.queue.add('send', { emailId: row.id, attempt: row.attempts }, jobOptions(row.id, row.attempts));
    return true;
  }
}

/** One attempt per job, never retried by BullMQ: the row's schedule decides the next one. */
function jobOptions(emailId: string, attempt: number): JobsOptions {
  return {
    jobId: mailJobId(emailId, attempt),
    attempts: 1,
    removeOnComplete: true,
    removeOnFail: { age: 24 * 3600, count: 1000 },
  };
}
