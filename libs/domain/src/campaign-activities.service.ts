import { Injectable } from '@nestjs/common';
import { WorkflowIdConflictPolicy } from '@temporalio/client';
import { PrismaService } from '@duyet/database';
import { TemporalClientService } from '@duyet/temporal';
import { type PlanWorkflowInput, planWorkflowId } from '@duyet/workflows';
import type { CampaignActivities, StartPlanBatchResult } from '@duyet/workflows';

const START_CONCURRENCY = 32;

/** What the campaign workflow asks of the outside world: plan rows, plan workflows, the audit trail. */
@Injectable()
export class CampaignActivitiesService implements CampaignActivities {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: TemporalClientService,
  ) {}

  async openCampaignPlans({ campaignId }: { campaignId: string }): Promise<{ plans: number }> {
    const campaign = await this.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    const schools = await this.prisma.school.findMany({
      where: {
        districtId: campaign.districtId,
        level: { in: campaign.targetLevels },
        ...(campaign.targetClusters.length ? { cluster: { code: { in: campaign.targetClusters } } } : {}),
      },
      select: { id: true },
    });
    const result = await this.prisma.plan.createMany({
      data: schools.map((s) => ({
        districtId: campaign.districtId,
        campaignId,
        schoolId: s.id,
        workflowId: planWorkflowId(campaignId, s.id),
      })),
      skipDuplicates: true,
    });
    return { plans: result.count };
  }

  async startPlanWorkflowsBatch(input: {
    campaignId: string;
    after: string | null;
    limit: number;
  }): Promise<StartPlanBatchResult> {
    const campaign = await this.prisma.campaign.findUniqueOrThrow({ where: { id: input.campaignId } });
    const plans = await this.prisma.plan.findMany({
      where: { campaignId: input.campaignId, ...(input.after ? { schoolId: { gt: input.after } } : {}) },
      orderBy: { schoolId: 'asc' },
      take: input.limit,
      select: { id: true, schoolId: true, workflowId: true },
    });
    const client = await this.temporal.getClient();
    for (let i = 0; i < plans.length; i += START_CONCURRENCY) {
      await Promise.all(
        plans.slice(i, i + START_CONCURRENCY).map((plan) => {
          const args: [PlanWorkflowInput] = [
            {
              planId: plan.id,
              campaignId: input.campaignId,
              schoolId: plan.schoolId,
              districtId: campaign.districtId,
              submissionDeadline: campaign.submissionDeadline.toISOString(),
            },
          ];
          return client.workflow.start('planWorkflow', {
            workflowId: plan.workflowId,
            taskQueue: this.temporal.taskQueue,
            args,
            workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
          });
        }),
      );
    }
    const last = plans.at(-1);
    return { started: plans.length, nextCursor: plans.length === input.limit && last ? last.schoolId : null };
  }

  async markCampaignPlansOpened({
    campaignId,
    plansStarted,
  }: {
    campaignId: string;
    plansStarted: number;
  }): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const campaign = await tx.campaign.update({ where: { id: campaignId }, data: { plansOpenedAt: new Date() } });
      await tx.auditEvent.upsert({
        where: { idempotencyKey: `${campaign.workflowId}:plans-opened` },
        create: {
          districtId: campaign.districtId,
          campaignId,
          type: 'CAMPAIGN_PLANS_OPENED',
          data: { plansStarted },
          idempotencyKey: `${campaign.workflowId}:plans-opened`,
        },
        update: {},
      });
    });
  }
}
