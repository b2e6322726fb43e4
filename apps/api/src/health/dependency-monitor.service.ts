import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { PrismaService } from '@duyet/database';
import type { Dependency } from '@duyet/domain';
import { MailQueueService } from '@duyet/mail';
import { TemporalClientService } from '@duyet/temporal';

/** How often each dependency is probed, and how long a probe may take before it counts as down. */
const PROBE_EVERY_MS = 1000;
const PROBE_TIMEOUT_MS = 1000;

export interface DependencyState {
  up: boolean;
  /** when it last changed (or when the API started) */
  since: string;
  error?: string;
}

const withTimeout = <T>(probe: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    probe,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);

/**
 * Knows, within a second, which of the API's dependencies answer: PostgreSQL, Redis, Temporal, and the worker
 * (its BullMQ mail consumer is connected to Redis, and its connection closes the moment the process dies). A
 * write that needs one that is down is answered 503 at once, naming it, instead of waiting on it
 * (RequireDependencies), and the health check reports what it saw.
 */
@Injectable()
export class DependencyMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DependencyMonitor.name);
  private readonly state = new Map<Dependency, DependencyState>();
  private timer?: NodeJS.Timeout;
  private probing?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: PrismaService,
    private readonly queue: MailQueueService,
    private readonly temporal: TemporalClientService,
  ) {}

  readonly probes: Record<Dependency, () => Promise<unknown>> = {
    postgres: () => this.database.ping(),
    redis: () => this.queue.ping(),
    temporal: async () => (await this.temporal.getConnection()).healthService.check({}),
    worker: async () => {
      let workers: number;
      try {
        workers = await withTimeout(this.queue.queue.getWorkersCount(), PROBE_TIMEOUT_MS / 2);
      } catch {
        // Redis itself is down: it cannot tell, and an outage of Redis must not stop the moves. Temporal's pollers
        // can (they linger for up to a long poll after a worker dies, so this is the slower signal).
        workers = await this.temporalPollers();
        if (workers === 0) throw new Error('no worker polls the Temporal task queue');
        return workers;
      }
      if (workers === 0) throw new Error('no worker is connected to the mail queue');
      return workers;
    },
  };

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.probeAll(), PROBE_EVERY_MS);
    this.timer.unref();
    void this.probeAll();
  }

  /** Waits for a probe in flight: its calls must not outlive the connections they use. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.probing;
  }

  /**
   * The dependencies among these that are down: those the last probe found down are probed again at once (a
   * second at most), so a request is refused only while the outage lasts, not for a second after it ended.
   */
  async down(among: readonly Dependency[]): Promise<Dependency[]> {
    const suspect = among.filter((d) => this.state.get(d)?.up === false);
    const again = await Promise.allSettled(suspect.map((d) => withTimeout(this.probes[d](), PROBE_TIMEOUT_MS)));
    suspect.forEach((d, i) => {
      const r = again[i]!;
      this.record(d, r.status === 'fulfilled' ? undefined : String((r.reason as Error)?.message ?? r.reason));
    });
    return suspect.filter((_, i) => again[i]!.status === 'rejected');
  }

  snapshot(): Partial<Record<Dependency, DependencyState>> {
    return Object.fromEntries(this.state);
  }

  probeAll(): Promise<void> {
    this.probing ??= this.probeOnce().finally(() => (this.probing = undefined));
    return this.probing;
  }

  private async probeOnce(): Promise<void> {
    const names = Object.keys(this.probes) as Dependency[];
    const calls = names.map((n) => this.probes[n]());
    // A probe slower than its timeout counts as down; its call is still awaited so that none outlives shutdown.
    const results = await Promise.allSettled(calls.map((call) => withTimeout(call, PROBE_TIMEOUT_MS)));
    names.forEach((name, i) => {
      const r = results[i]!;
      this.record(name, r.status === 'fulfilled' ? undefined : String((r.reason as Error)?.message ?? r.reason));
    });
    await Promise.allSettled(calls);
  }

  private record(name: Dependency, error: string | undefined): void {
    const before = this.state.get(name);
    const up = error === undefined;
    if (before?.up === up) {
      before.error = error;
      return;
    }
    if (before) this.logger.warn(`${name} is ${up ? 'back' : `down: ${error}`}`);
    this.state.set(name, { up, since: new Date().toISOString(), ...(error ? { error } : {}) });
  }

  /** The Temporal worker's pollers on the task queue, for the health report. */
  async temporalPollers(): Promise<number> {
    const client = await this.temporal.getClient();
    const res = await client.workflowService.describeTaskQueue({
      namespace: this.config.temporal.namespace,
      taskQueue: { name: this.config.temporal.taskQueue },
      taskQueueType: 1,
    });
    // A poller that has not come back for longer than a long poll (about a minute) has gone.
    const fresh = Date.now() - 70_000;
    return (res.pollers ?? []).filter((p) => {
      const s = p.lastAccessTime?.seconds;
      return s === undefined || s === null || Number(s) * 1000 >= fresh;
    }).length;
  }
}
