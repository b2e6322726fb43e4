import { Inject, Injectable } from '@nestjs/common';
import { WorkflowIdConflictPolicy } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { type Campaign, PrismaService } from '@duyet/database';
import { MailQueueService, MailTemplate } from '@duyet/mail';
import { TemporalClientService } from '@duyet/temporal';
import {
  type PlanWorkflowInput,
  campaignDeadlineChangedSignal,
  closePlanSignal,
  planWorkflowId,
} from '@duyet/workflows';
import type { CampaignActivities, StartPlanBatchResult } from '@duyet/workflows';
import { ClockService } from '../calendar/clock.service';
import { formatVnDateTime } from '../common/format';
import { activePrincipalsBySchool } from '../people/principals';
import { type OutboxMail, planMailBase, writeOutbox } from '../plans/plan-mails';
import { AuditLog } from '../audit/audit-log';

/**
 * Calls to Temporal in flight while a page of plans is started or signalled. The server on PostgreSQL keeps
 * getting faster up to about this many concurrent starts on a 2-core machine (npm run bench); beyond, it only queues.
 */
const START_CONCURRENCY = 64;

/**
 * How far a page of plans got: every plan up to and including school `after` is done, `done` of them. Reported as
 * the page goes (the activity heartbeats it), and handed back when the page is tried again after a crash, so
 * the retry starts where the last attempt stopped instead of at the top of the page.
 */
export interface PageProgress {
  after: string;
  done: number;
}

export interface ProgressHooks {
  resumeFrom?: PageProgress;
  report?: (progress: PageProgress) => void;
}

/** What the campaign workflow asks of the outside world: plan rows, plan workflows, the audit trail. */
@Injectable()
export class CampaignStepsService implements CampaignActivities {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: TemporalClientService,
    private readonly clock: ClockService,
    private readonly mailQueue: MailQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The input a plan's workflow starts with; also used when a school is added to a running campaign. */
  planWorkflowInput(campaign: Campaign, plan: { id: string; schoolId: string }): PlanWorkflowInput {
    return {
      planId: plan.id,
      campaignId: campaign.id,
      schoolId: plan.schoolId,
      districtId: campaign.districtId,
      submissionDeadline: campaign.submissionDeadline.toISOString(),
      approvalLevels: campaign.approvalLevels,
      clock: this.clock.settings,
      historyLimit: this.config.temporal.planHistoryLimit,
    };
  }

  async startPlanWorkflow(campaign: Campaign, plan: { id: string; schoolId: string; workflowId: string }) {
    const client = await this.temporal.getClient();
    await client.workflow.start('planWorkflow', {
      workflowId: plan.workflowId,
      taskQueue: this.temporal.taskQueue,
      args: [this.planWorkflowInput(campaign, plan)],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    });
  }

  async openCampaignPlans({ campaignId }: { campaignId: string }): Promise<{ plans: number }> {
    const campaign = await this.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    // One INSERT … SELECT: the database writes a plan per targeted school itself. Reading the schools into the
    // worker and sending them back as one createMany took 2.5 s of a 10,000-school launch (npm run bench).
    // ON CONFLICT DO NOTHING is createMany's skipDuplicates: a retried activity adds only what is missing.
    // The workflow id is planWorkflowId(campaignId, schoolId): its campaign prefix, then the school's id. A closed
    // school gets no plan. A campaign naming its schools (a phase's self-assessment) targets those only.
    const clusters = campaign.targetClusters;
    const schoolIds = campaign.targetSchoolIds;
    const plans = await this.prisma.$executeRaw`
      INSERT INTO "Plan" (id, "districtId", "campaignId", "schoolId", "workflowId", "updatedAt")
      SELECT gen_random_uuid(), s."districtId", ${campaignId}::uuid, s.id,
        ${planWorkflowId(campaignId, '')} || s.id::text, CURRENT_TIMESTAMP
      FROM "School" s
      WHERE s."districtId" = ${campaign.districtId}::uuid
        AND s."closedAt" IS NULL
        AND s.level = ANY(${campaign.targetLevels}::"SchoolLevel"[])
        AND (cardinality(${clusters}::text[]) = 0 OR s."clusterId" IN (SELECT c.id FROM "Cluster" c
          WHERE c."districtId" = ${campaign.districtId}::uuid AND c.code = ANY(${clusters}::text[])))
        AND (cardinality(${schoolIds}::uuid[]) = 0 OR s.id = ANY(${schoolIds}::uuid[]))
      ON CONFLICT DO NOTHING`;
    return { plans };
  }

  async startPlanWorkflowsBatch(
    input: Parameters<CampaignActivities['startPlanWorkflowsBatch']>[0],
    hooks: ProgressHooks = {},
  ): Promise<StartPlanBatchResult> {
    const campaign = await this.prisma.campaign.findUniqueOrThrow({ where: { id: input.campaignId } });
    return this.eachPlanOfPage(input, (plan) => this.startPlanWorkflow(campaign, plan), hooks);
  }

  /**
   * One page of the campaign's plans, ordered by school, handed to `each` with START_CONCURRENCY calls in flight.
   * `each` must be idempotent: a page resumed after a crash may hand it a plan whose call had already landed.
   */
  private async eachPlanOfPage(
    page: { campaignId: string; after: string | null; limit: number },
    each: (plan: { id: string; schoolId: string; workflowId: string }) => Promise<void>,
    { resumeFrom, report }: ProgressHooks = {},
  ): Promise<StartPlanBatchResult> {
    const before = resumeFrom?.done ?? 0;
    const after = resumeFrom?.after ?? page.after;
    const plans = await this.prisma.plan.findMany({
      where: {
        campaignId: page.campaignId,
        removedAt: null,
        ...(after ? { schoolId: { gt: after } } : {}),
      },
      orderBy: { schoolId: 'asc' },
      take: page.limit - before,
      select: { id: true, schoolId: true, workflowId: true },
    });
    // A sliding window, not waves: a new call leaves as soon as one returns, so the slowest call of a wave never
    // holds the others back (waves of 32 ran at about half the server's start rate in npm run bench).
    const finished = new Array<boolean>(plans.length).fill(false);
    let watermark = 0;
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < plans.length) {
        const i = next++;
        await each(plans[i]);
        finished[i] = true;
        // Progress is the unbroken run of finished plans from the top: a resumed page never skips one.
        const from = watermark;
        while (watermark < plans.length && finished[watermark]) watermark++;
        if (watermark > from) report?.({ after: plans[watermark - 1].schoolId, done: before + watermark });
      }
    };
    await Promise.all(Array.from({ length: Math.min(START_CONCURRENCY, plans.length) }, lane));
    const done = before + plans.length;
    const lastSchool = plans.at(-1)?.schoolId ?? after;
    return { started: done, nextCursor: done === page.limit && lastSchool ? lastSchool : null };
  }

  async markCampaignPlansOpened({
    campaignId,
    plansStarted,
  }: {
    campaignId: string;
    plansStarted: number;
  }): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const campaign = await tx.campaign.update({
        where: { id: campaignId },
        data: { plansOpenedAt: new Date(), problem: null, problemAt: null },
      });
      await AuditLog.writeOnce(tx, {
        districtId: campaign.districtId,
        campaignId,
        type: 'CAMPAIGN_PLANS_OPENED',
        data: { plansStarted },
        idempotencyKey: `${campaign.workflowId}:plans-opened`,
      });
    });
  }

  /** Keeps why a campaign-level step failed for good on the campaign (its admins see it), and audits it. */
  async recordCampaignProblem(input: { campaignId: string; stage: 'LAUNCH' | 'CLOSE' | 'DEADLINE'; message: string }) {
    const now = new Date();
    await this.prisma.$transaction(async (tx) => {
      const campaign = await tx.campaign.update({
        where: { id: input.campaignId },
        data: { problem: input.message, problemAt: now },
      });
      await AuditLog.write(tx, {
        districtId: campaign.districtId,
        campaignId: campaign.id,
        type: 'CAMPAIGN_PROBLEM',
        data: { stage: input.stage, message: input.message },
      });
    });
  }

  async markCampaignClosed(input: { campaignId: string; actorId: string; reason: string }): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: input.campaignId } });
      if (campaign.status === 'CLOSED') return;
      await tx.campaign.update({
        where: { id: campaign.id },
        data: { status: 'CLOSED', closedAt: this.clock.now(), problem: null, problemAt: null },
      });
      await AuditLog.write(tx, {
        districtId: campaign.districtId,
        campaignId: campaign.id,
        actorId: input.actorId,
        type: 'CAMPAIGN_CLOSED',
        data: { reason: input.reason },
        idempotencyKey: `${campaign.workflowId}:closed`,
      });
    });
  }

  /** Moves the campaign deadline; schools still drafting without a deadline of their own are told. */
  async extendCampaignDeadline(input: {
    campaignId: string;
    actorId: string;
    until: string;
    reason: string;
    idempotencyKey: string;
  }): Promise<void> {
    const done = await AuditLog.find(this.prisma, input.idempotencyKey, 'DEADLINE_EXTENDED');
    const emailIds = done
      ? done.data.emailIds
      : await this.prisma.$transaction(async (tx) => {
          const campaign = await tx.campaign.findUniqueOrThrow({
            where: { id: input.campaignId },
            include: { receiver: true, district: true },
          });
          const until = new Date(input.until);
          await tx.campaign.update({
            where: { id: campaign.id },
            data: { submissionDeadline: until, problem: null, problemAt: null },
          });
          const plans = await tx.plan.findMany({
            where: {
              campaignId: campaign.id,
              removedAt: null,
              submissionDeadline: null,
              status: { in: ['NOT_STARTED', 'DRAFTING'] },
            },
            include: { school: true },
          });
          const principals = await activePrincipalsBySchool(tx, {
            districtId: campaign.districtId,
            schoolIds: plans.map((p) => p.schoolId),
          });
          const ids: string[] = [];
          for (const plan of plans) {
            const mails: OutboxMail[] = (principals.get(plan.schoolId) ?? []).map((p) => ({
              template: MailTemplate.EXTENSION_DECIDED,
              to: p.email,
              data: {
                ...planMailBase({ ...plan, campaign }, this.config.publicUrl, p.fullName, plan.currentVersionNo),
                granted: true,
                until: formatVnDateTime(until),
                note: input.reason,
              },
            }));
            ids.push(...(await writeOutbox(tx, plan, input.idempotencyKey, mails)));
          }
          await AuditLog.write(tx, {
            districtId: campaign.districtId,
            campaignId: campaign.id,
            actorId: input.actorId,
            type: 'DEADLINE_EXTENDED',
            data: {
              kind: 'SUBMISSION',
              scope: 'CAMPAIGN',
              previous: campaign.submissionDeadline.toISOString(),
              until: until.toISOString(),
              reason: input.reason,
              emailIds: ids,
            },
            idempotencyKey: input.idempotencyKey,
          });
          return ids;
        });
    await this.mailQueue.enqueue(emailIds);
  }

  async signalPlanWorkflowsBatch(
    input: Parameters<CampaignActivities['signalPlanWorkflowsBatch']>[0],
    hooks: ProgressHooks = {},
  ): Promise<StartPlanBatchResult> {
    const client = await this.temporal.getClient();
    return this.eachPlanOfPage(
      input,
      async (plan) => {
        const handle = client.workflow.getHandle(plan.workflowId);
        try {
          if (input.signal === 'close') {
            await handle.signal(closePlanSignal, { actorId: input.actorId, reason: input.reason });
          } else {
            await handle.signal(campaignDeadlineChangedSignal, {
              submissionDeadline: new Date(input.until ?? '').toISOString(),
            });
          }
        } catch (err) {
          // A plan whose workflow already ended (removed school, finished plan) has nothing to be told.
          if ((err as { name?: string }).name !== 'WorkflowNotFoundError') throw err;
        }
      },
      hooks,
    );
  }
}
