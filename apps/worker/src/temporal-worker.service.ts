import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { CampaignStepsService, PlanMoveEffectsService, RemindersService } from '@duyet/domain';
import { createActivities } from './activities';

/** Where the workflow code lives, the same relative path in the sources and in dist/. */
export const WORKFLOWS_PATH = require.resolve('../../../workflows/src');

@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly plans: PlanMoveEffectsService,
    private readonly campaigns: CampaignStepsService,
    private readonly reminders: RemindersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { address, namespace, taskQueue, workflowBundlePath } = this.config.temporal;
    this.connection = await NativeConnection.connect({ address });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace,
      taskQueue,
      ...(workflowBundlePath
        ? { workflowBundle: { codePath: workflowBundlePath } }
        : { workflowsPath: WORKFLOWS_PATH }),
      activities: createActivities(this.plans, this.campaigns, this.reminders),
      // About 0.6 MB per cached plan workflow (measured with npm run bench): 500 cost the worker 300 MB and took it
      // past 1 GiB during a 10,000-school launch. A plan waits days between moves, so a cache this size only saves
      // replaying a short history when its moves follow quickly (save draft, submit): more is not worth the memory.
      maxCachedWorkflows: 200,
      // Half as many activities at once as PrismaService has connections (20). A move holds one for its transaction
      // and may read the district's calendar on another (CalendarService is not in the transaction), and the mail
      // sender needs some: with 100 activities, or even 20, the transactions took every connection, waited for a
      // second one, expired after 5 s (P2028) and retried, and 200 principals submitting at once took minutes
      // (npm run bench). The rest wait in Temporal's task queue, which is what it is for.
      maxConcurrentActivityTaskExecutions: 10,
      reuseV8Context: true,
      shutdownGraceTime: '10 seconds',
    });
    this.running = this.worker.run().catch((err: unknown) => {
      this.logger.error(`Temporal worker stopped: ${String(err)}`);
      throw err;
    });
    this.logger.log(`Temporal worker polling "${taskQueue}" on ${address}`);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
