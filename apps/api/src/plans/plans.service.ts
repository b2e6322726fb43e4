import { Injectable } from '@nestjs/common';
import { type PlanStatus, type Prisma, PrismaService } from '@duyet/database';
import { type AuthUser, DomainError, assertCanReadPlan, schoolScopeWhere } from '@duyet/domain';
import { TemporalClientService } from '@duyet/temporal';
import { type PlanState, planStateQuery } from '@duyet/workflows';
import { toDomainError } from './workflow-errors';

const planInclude = {
  school: {
    select: {
      id: true,
      code: true,
      name: true,
      level: true,
      clusterId: true,
      districtId: true,
      cluster: { select: { code: true } },
    },
  },
  campaign: { select: { id: true, key: true, title: true, documentNumber: true, submissionDeadline: true } },
} satisfies Prisma.PlanInclude;
export type PlanRow = Prisma.PlanGetPayload<{ include: typeof planInclude }>;

export interface PlanListQuery {
  campaignId?: string;
  status?: PlanStatus;
  page: number;
  pageSize: number;
}

/** Capacity in which someone signs a decision, from their title (KT. = ký thay, on behalf of the head). */
export function defaultCapacity(title: string): string {
  const t = title.trim().toLowerCase();
  if (t === 'trưởng phòng') return 'TRƯỞNG PHÒNG';
  if (t === 'phó trưởng phòng') return 'KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG';
  return title.toUpperCase();
}

@Injectable()
export class PlansService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: TemporalClientService,
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
        include: planInclude,
        orderBy: [{ school: { code: 'asc' } }],
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
      }),
    ]);
    return { total, page: q.page, pageSize: q.pageSize, items: rows.map((r) => this.toDto(r)) };
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
      throw toDomainError(err);
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
    return events.map((e) => ({ id: e.id, type: e.type, at: e.createdAt, actor: e.actor, data: e.data }));
  }

  /** Loads a plan within the user's district and checks that the user may read it. */
  async load(user: AuthUser, id: string): Promise<PlanRow> {
    const plan = await this.prisma.plan.findFirst({ where: { id, districtId: user.districtId }, include: planInclude });
    if (!plan) throw new DomainError('NOT_FOUND', 'Không tìm thấy kế hoạch.');
    assertCanReadPlan(user, plan);
    return plan;
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
        title: p.campaign.title,
        documentNumber: p.campaign.documentNumber,
        submissionDeadline: p.campaign.submissionDeadline,
      },
    };
  }
}
