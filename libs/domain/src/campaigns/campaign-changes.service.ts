import { Injectable } from '@nestjs/common';
import { type Campaign, PrismaService } from '@duyet/database';
import { TemporalClientService } from '@duyet/temporal';
import {
  type CampaignState,
  closeCampaignUpdate,
  closePlanSignal,
  extendCampaignDeadlineUpdate,
  planWorkflowId,
} from '@duyet/workflows';
import type { AuthUser } from '../plans/access';
import { CalendarService } from '../calendar/calendar.service';
import { CampaignStepsService } from './campaign-steps.service';
import { ClockService } from '../calendar/clock.service';
import { dayOffWarning } from '../calendar/deadline-warnings';
import { DomainError } from '../common/errors';
import { toDomainError } from '../common/failures';
import { AuditLog } from '../audit/audit-log';

/** What an admin does to a running campaign: add or remove a school, move the deadline, close it. */
@Injectable()
export class CampaignChangesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: TemporalClientService,
    private readonly campaigns: CampaignStepsService,
    private readonly clock: ClockService,
    private readonly calendars: CalendarService,
  ) {}

  async addSchool(admin: AuthUser, campaignId: string, schoolCode: string, requestKey: string) {
    const campaign = await this.loadActive(admin, campaignId);
    const school = await this.prisma.school.findFirst({ where: { districtId: admin.districtId, code: schoolCode } });
    if (!school) throw new DomainError('VALIDATION', `Không có trường mã "${schoolCode}" trong huyện.`);
    if (!campaign.targetLevels.includes(school.level)) {
      throw new DomainError('VALIDATION', `${school.name} không thuộc cấp học của đợt này.`);
    }
    const existing = await this.prisma.plan.findUnique({
      where: { campaignId_schoolId: { campaignId, schoolId: school.id } },
    });
    if (school.closedAt && !existing) {
      throw new DomainError('CONFLICT', `${school.name} đã đóng cửa: không thêm vào đợt kế hoạch được.`);
    }
    if (existing?.removedAt) {
      throw new DomainError('CONFLICT', `${school.name} đã được rút khỏi đợt này; kế hoạch cũ đã đóng.`);
    }
    const plan = await this.prisma.$transaction(async (tx) => {
      const row =
        existing ??
        (await tx.plan.create({
          data: {
            districtId: campaign.districtId,
            campaignId,
            schoolId: school.id,
            workflowId: planWorkflowId(campaignId, school.id),
          },
        }));
      await AuditLog.writeOnce(tx, {
        districtId: campaign.districtId,
        campaignId,
        planId: row.id,
        actorId: admin.id,
        type: 'CAMPAIGN_SCHOOL_ADDED',
        data: { schoolCode, requestKey },
        idempotencyKey: `${campaign.workflowId}:add:${school.id}`,
      });
      return row;
    });
    // After the commit, and idempotent (USE_EXISTING): a retried request finds the same workflow.
    await this.campaigns.startPlanWorkflow(campaign, plan);
    return plan;
  }

  async removeSchool(admin: AuthUser, campaignId: string, schoolCode: string, reason: string) {
    const campaign = await this.loadActive(admin, campaignId);
    const plan = await this.prisma.plan.findFirst({ where: { campaignId, school: { code: schoolCode } } });
    if (!plan) throw new DomainError('NOT_FOUND', `Trường mã "${schoolCode}" không thuộc đợt này.`);
    if (!plan.removedAt) {
      await this.prisma.$transaction(async (tx) => {
        await tx.plan.update({ where: { id: plan.id }, data: { removedAt: this.clock.now() } });
        await AuditLog.write(tx, {
          districtId: campaign.districtId,
          campaignId,
          planId: plan.id,
          actorId: admin.id,
          type: 'CAMPAIGN_SCHOOL_REMOVED',
          data: { schoolCode, reason },
        });
      });
    }
    // The plan's workflow closes an open plan (audited as PLAN_CLOSED) and ends.
    const client = await this.temporal.getClient();
    await client.workflow.getHandle(plan.workflowId).signal(closePlanSignal, { actorId: admin.id, reason });
    return this.prisma.plan.findUniqueOrThrow({ where: { id: plan.id } });
  }

  async close(admin: AuthUser, campaignId: string, reason: string, requestKey: string): Promise<CampaignState> {
    const campaign = await this.loadActive(admin, campaignId);
    return this.update(campaign, closeCampaignUpdate, { actorId: admin.id, reason }, requestKey);
  }

  /** Moves the whole campaign's deadline; `warnings` says (in Vietnamese) when the new one falls on a day off. */
  async extendDeadline(
    admin: AuthUser,
    campaignId: string,
    until: string,
    reason: string,
    requestKey: string,
  ): Promise<CampaignState & { warnings: string[] }> {
    const campaign = await this.loadActive(admin, campaignId);
    if (new Date(until) <= this.clock.now()) {
      throw new DomainError('VALIDATION', 'Hạn mới phải sau thời điểm hiện tại.');
    }
    const state = await this.update(
      campaign,
      extendCampaignDeadlineUpdate,
      { actorId: admin.id, until, reason },
      requestKey,
    );
    const warning = dayOffWarning(
      'Hạn nộp mới',
      new Date(until),
      await this.calendars.forDistrict(campaign.districtId),
    );
    return { ...state, warnings: warning ? [warning] : [] };
  }

  private async update<Arg>(
    campaign: Campaign,
    def: typeof closeCampaignUpdate | typeof extendCampaignDeadlineUpdate,
    arg: Arg,
    updateId: string,
  ): Promise<CampaignState> {
    const client = await this.temporal.getClient();
    try {
      return await client.workflow
        .getHandle(campaign.workflowId)
        .executeUpdate(def as never, { args: [arg] as never, updateId });
    } catch (err) {
      throw toDomainError(err, 'Đợt này đã kết thúc.');
    }
  }

  private async loadActive(admin: AuthUser, campaignId: string): Promise<Campaign> {
    const campaign = await this.prisma.campaign.findFirst({ where: { id: campaignId, districtId: admin.districtId } });
    if (!campaign) throw new DomainError('NOT_FOUND', 'Không tìm thấy đợt kế hoạch.');
    if (campaign.status === 'CLOSED') throw new DomainError('INVALID_TRANSITION', 'Đợt này đã kết thúc.');
    return campaign;
  }
}
