import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import {
  MAIL_QUEUE,
  MailOutboxService,
  MailQueueService,
  MailSenderService,
  MailTransportService,
  type MailJobs,
  type SendOutcome,
  redisConnection,
} from '@duyet/mail';

/** Rows one sweep looks at, of each kind; the next sweep takes the rest. */
const SWEEP_BATCH = 1000;
/** On shutdown, how long a send's pending write may still try before the worker stops anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface SweepReport {
  /** attempts interrupted by a dead worker, made due again (or FAILED, if it was the last) */
  interrupted: number;
  /** messages that waited for an unreachable relay, due now that it answers */
  released: number;
  /** due messages whose job Redis had lost, finished or never had: added again */
  enqueued: number;
}

/**
 * Consumes the mail queue, one attempt per job, and sweeps: the database row says what is due, and the sweep makes
 * Redis agree, whatever it lost (a wipe, an enqueue that never happened) or kept (finished jobs of the same id,
 * jobs failed as "stalled more than allowable limit" when workers died).
 */
@Injectable()
export class MailWorkerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MailWorkerService.name);
  private readonly stopping = new AbortController();
  private connection?: IORedis;
  private worker?: Worker<MailJobs['send'], SendOutcome>;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<SweepReport>;
  /** Since when the relay has been seen unreachable; unknown at start counts as unreachable. */
  private relayDownSince: number | null = Date.now();
  private lastProbeAt = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sender: MailSenderService,
    private readonly queue: MailQueueService,
    private readonly outbox: MailOutboxService,
    private readonly transport: MailTransportService,
  ) {}

  /** One sweep at a time; a call while one runs gets its result. */
  sweep(): Promise<SweepReport> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  onApplicationBootstrap(): void {
    this.connection = redisConnection(this.config.redis.url);
    this.worker = new Worker<MailJobs['send'], SendOutcome>(
      MAIL_QUEUE,
      (job) => this.sender.send(job.data.emailId, job.data.attempt, this.stopping.signal),
      { connection: this.connection, prefix: this.config.redis.prefix, concurrency: 10 },
    );
    // The row is untouched by a failed job (a claim the database refused, a stalled job): the sweep retries it.
    this.worker.on('failed', (job: Job<MailJobs['send']> | undefined, err: Error) => {
      this.logger.warn(`mail job ${job?.id ?? '?'} failed (${err.message}): the sweep takes it up again if due`);
    });
    this.worker.on('error', (err) => this.logger.warn(`mail worker: ${err.message}`));
    const tick = () => {
      this.sweep().catch((err: unknown) => this.logger.warn(`mail sweep failed: ${String(err)}`));
    };
    this.timer = setInterval(tick, this.config.mail.sweepMs);
    this.timer.unref();
    tick();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    const grace = setTimeout(() => this.stopping.abort(), SHUTDOWN_GRACE_MS);
    await this.worker?.close();
    clearTimeout(grace);
    await this.sweeping?.catch(() => undefined);
    this.connection?.disconnect();
  }

  private async sweepOnce(): Promise<SweepReport> {
    const interrupted = await this.recoverInterrupted();
    const released = await this.checkRelay();
    const enqueued = await this.queue.ensure(await this.outbox.dueRows(SWEEP_BATCH));
    if (interrupted || released || enqueued) {
      this.logger.log(
        `mail sweep: ${interrupted} interrupted, ${released} released by the relay, ${enqueued} enqueued`,
      );
    }
    return { interrupted, released, enqueued };
  }

  /** SENDING past the lease, and no live worker's job on that attempt: the worker that claimed it died. */
  private async recoverInterrupted(): Promise<number> {
    const idle: string[] = [];
    for (const row of await this.outbox.staleSendingRows(SWEEP_BATCH)) {
      if (!(await this.queue.attemptRunning(row))) idle.push(row.id);
    }
    return this.outbox.requeueInterrupted(idle);
  }

  /**
   * While messages wait for an unreachable relay, probe it every MAIL_RELAY_PROBE_MS; once a probe that follows a
   * failed one (or the worker's start) succeeds, they are due at once instead of at their scheduled hour. A relay
   * that answers probes but fails messages never frees them early, so its failures keep to the schedule.
   */
  private async checkRelay(): Promise<number> {
    const now = Date.now();
    if (now - this.lastProbeAt < this.config.mail.relayProbeMs) return 0;
    if (!(await this.outbox.someWaitForRelay())) return 0;
    this.lastProbeAt = now;
    try {
      await this.transport.verify();
    } catch {
      this.relayDownSince ??= now;
      return 0;
    }
    if (this.relayDownSince === null) return 0;
    const downFor = now - this.relayDownSince;
    this.relayDownSince = null;
    const released = await this.outbox.releaseRelayWaiters();
    this.logger.log(`the SMTP relay answers again (seen down ${Math.round(downFor / 1000)} s): ${released} due now`);
    return released;
  }
}
