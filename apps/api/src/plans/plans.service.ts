import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/client';
import { type PlanStatus, type Prisma, PrismaService } from '@duyet/database';
import { type AuthUser, DomainError, type PlanDraft, assertCanReadSchool, schoolScopeWhere } from '@duyet/domain';
import { TemporalClientService } from '@duyet/temporal';
import {
  type Actor,
  type PlanState,
  type TransitionOutcome,
  approvePlanUpdate,
  planStateQuery,
  returnForRevisionUpdate,
  startDraftUpdate,
  submitPlanUpdate,
} from '@duyet/workflows';
import { toDomainError } from './workflow-errors';

const EDITABLE: PlanStatus[] = ['NOT_STARTED', 'DRAFTING', 'RETURNED'];

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
type PlanRow = Prisma.PlanGetPayload<{ include: typeof planInclude }>;

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
      school: schoolScopeWhere(user),
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

  async saveDraft(user: AuthUser, id: string, draft: PlanDraft, requestKey: string) {
    const plan = await this.load(user, id);
    this.assertOwnSchool(user, plan, 'Chỉ cán bộ của trường mới được soạn kế hoạch của trường.');
    const saved = await this.prisma.plan.updateMany({
      where: { id, status: { in: EDITABLE } },
      data: { draft: draft as Prisma.InputJsonValue, draftUpdatedAt: new Date() },
    });
    if (saved.count === 0) {
      throw new DomainError(
        'INVALID_TRANSITION',
        'Kế hoạch đã được nộp hoặc đang được xét duyệt, không thể sửa bản nháp lúc này.',
      );
    }
    if (plan.status !== 'DRAFTING')
      await this.update(plan, startDraftUpdate, [this.actor(user)], `${requestKey}:draft`);
    return this.get(user, id);
  }

  async submit(user: AuthUser, id: string, requestKey: string): Promise<TransitionOutcome> {
    const plan = await this.load(user, id);
    this.assertOwnSchool(user, plan, 'Chỉ hiệu trưởng của trường mới được nộp kế hoạch.');
    return this.update(plan, submitPlanUpdate, [this.actor(user)], requestKey);
  }

  async decide(
    user: AuthUser,
    id: string,
    kind: 'approve' | 'return',
    body: { comment?: string; capacity?: string },
    requestKey: string,
  ): Promise<TransitionOutcome> {
    const plan = await this.load(user, id);
    const decision = {
      actor: this.actor(user),
      comment: body.comment,
      capacity: body.capacity ?? defaultCapacity(user.title),
    };
    const def = kind === 'approve' ? approvePlanUpdate : returnForRevisionUpdate;
    return this.update(plan, def, [decision], requestKey);
  }

  private async update<Arg>(
    plan: PlanRow,
    def: UpdateDefinition<TransitionOutcome, [Arg]>,
    args: [Arg],
    updateId: string,
  ): Promise<TransitionOutcome> {
    const client = await this.temporal.getClient();
    try {
      return await client.workflow.getHandle(plan.workflowId).executeUpdate(def, { args, updateId });
    } catch (err) {
      throw toDomainError(err);
    }
  }

  private actor(user: AuthUser): Actor {
    return { userId: user.id, role: user.role };
  }

  private assertOwnSchool(user: AuthUser, plan: PlanRow, message: string): void {
    if (user.schoolId !== plan.schoolId) throw new DomainError('FORBIDDEN', message);
  }

  /** Loads a plan within the user's district and checks that the user may read it. */
  async load(user: AuthUser, id: string): Promise<PlanRow> {
    const plan = await this.prisma.plan.findFirst({ where: { id, districtId: user.districtId }, include: planInclude });
    if (!plan) throw new DomainError('NOT_FOUND', 'Không tìm thấy kế hoạch.');
    assertCanReadSchool(user, plan.school);
    return plan;
  }

  private toDto(p: PlanRow) {
    return {
      id: p.id,
      status: p.status,
      workflowId: p.workflowId,
      currentVersionNo: p.currentVersionNo,
      submittedAt: p.submittedAt,
      decidedAt: p.decidedAt,
      draftUpdatedAt: p.draftUpdatedAt,
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
