import { Injectable } from '@nestjs/common';
import { type PlanStatus, type Prisma, PrismaService } from '@duyet/database';
import { TemporalClientService } from '@duyet/temporal';
import { type PlanState, planStateQuery } from '@duyet/workflows';
import { DomainError } from '../common/errors';
import { PlanContentService } from '../plan-content/plan-content.service';
import { PlanDraftsService } from '../plan-content/plan-drafts.service';
import { PlanFormService } from '../plan-content/plan-form.service';
import { type AuthUser, schoolScopeWhere } from './access';
import { PlanAccessService, type PlanRow, planRowInclude } from './plan-access.service';
import { planWorkflowError } from './workflow-errors';
import { trailEntry } from '../audit/audit-log';

export interface PlanListQuery {
  campaignId?: string;
  status?: PlanStatus;
  page: number;
  pageSize: number;
}

@Injectable()
export class PlansService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: TemporalClientService,
    private readonly access: PlanAccessService,
    private readonly content: PlanContentService,
    private readonly drafts: PlanDraftsService,
    private readonly forms: PlanFormService,
  ) {}

  async list(user: AuthUser, q: PlanListQuery) {
    const where: Prisma.PlanWhereInput = {
      districtId: user.districtId,
      ...(user.role === 'REVIEWER'
        ? { OR: [{ school: schoolScopeWhere(user) }, { reviewerId: user.id }] }
        : { school: schoolScopeWhere(user) }),
      ...(q.campaignId ? { campaignId: q.campaignId } : {}),
      ...(q.status ? { status: q.status } : {}),
    };
    const [total, rows] = await this.prisma.$transaction([
      this.prisma.plan.count({ where }),
      this.prisma.plan.findMany({
        where,
        include: planRowInclude,
        orderBy: [{ school: { code: 'asc' } }],
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
      }),
    ]);
    // The home shows each plan's deadline in working days and the comments waiting for the school's answer.
    const standings = await this.forms.standings(user.districtId, rows);
    const items = rows.map((r) => ({ ...this.toDto(r), ...standings.get(r.id)! }));
    return { total, page: q.page, pageSize: q.pageSize, items };
  }

  async get(user: AuthUser, id: string) {
    const plan = await this.load(user, id);
    const versions = await this.prisma.planVersion.findMany({
      where: { planId: id },
      orderBy: { number: 'asc' },
      select: { id: true, number: true, submittedAt: true, submittedById: true },
    });
    const decisions = await this.prisma.decision.findMany({ where: { planId: id }, orderBy: { decidedAt: 'asc' } });
    return { ...this.toDto(plan), draft: plan.draft, versions, decisions };
  }

  async getVersion(user: AuthUser, id: string, number: number) {
    await this.load(user, id);
    const version = await this.prisma.planVersion.findUnique({ where: { planId_number: { planId: id, number } } });
    if (!version) throw new DomainError('NOT_FOUND', `Kế hoạch chưa có lần nộp thứ ${number}.`);
    return version;
  }

  /** The plan's state as its workflow holds it. */
  async state(user: AuthUser, id: string): Promise<PlanState> {
    const plan = await this.load(user, id);
    const client = await this.temporal.getClient();
    try {
      return await client.workflow.getHandle(plan.workflowId).query(planStateQuery);
    } catch (err) {
      throw planWorkflowError(err);
    }
  }

  /** The plan's audit trail, oldest first, with who did each thing. */
  async auditTrail(user: AuthUser, id: string) {
    await this.load(user, id);
    const events = await this.prisma.auditEvent.findMany({
      where: { planId: id, districtId: user.districtId },
      orderBy: { createdAt: 'asc' },
      include: { actor: { select: { id: true, fullName: true, title: true } } },
    });
    return events.map(trailEntry);
  }

  /** The draft as it stands, with its revision (the ETag a save sends back in If-Match). */
  async draft(user: AuthUser, id: string) {
    await this.load(user, id);
    return this.drafts.read(id);
  }

  /** The draft checked against the campaign's requirements: errors block the submission, warnings do not. */
  async validation(user: AuthUser, id: string) {
    await this.load(user, id);
    return this.content.validateDraft(id);
  }

  async diff(user: AuthUser, id: string, from: number, to: number | 'draft') {
    await this.load(user, id);
    return this.content.diff(id, from, to);
  }

  /** The plan, if the user may read it: PlanAccessService.loadForActor with the intent "read". */
  load(user: AuthUser, id: string): Promise<PlanRow> {
    return this.access.loadForActor(user, id, 'read');
  }

  private toDto(p: PlanRow) {
    return {
      id: p.id,
      status: p.status,
      workflowId: p.workflowId,
      currentVersionNo: p.currentVersionNo,
      statusChangedAt: p.statusChangedAt,
      deadlines: {
        submission: p.submissionDeadline ?? p.campaign.submissionDeadline,
        revision: p.revisionDeadline,
        reviewDue: p.reviewDueAt,
      },
      reviewerId: p.reviewerId,
      exemptReason: p.exemptReason,
      removedAt: p.removedAt,
      submittedAt: p.submittedAt,
      decidedAt: p.decidedAt,
      draftUpdatedAt: p.draftUpdatedAt,
      draftRevision: p.draftRevision,
      school: {
        id: p.school.id,
        code: p.school.code,
        name: p.school.name,
        level: p.school.level,
        cluster: p.school.cluster.code,
      },
      campaign: {
        id: p.campaign.id,
        key: p.campaign.key,
        kind: p.campaign.kind,
        title: p.campaign.title,
        documentNumber: p.campaign.documentNumber,
        submissionDeadline: p.campaign.submissionDeadline,
      },
    };
  }
}
