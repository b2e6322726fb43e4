import { Injectable } from '@nestjs/common';
import { type Prisma, PrismaService } from '@duyet/database';
import { DomainError } from '../common/errors';
import { type AuthUser, assertCanReadPlan } from './access';

export const planRowInclude = {
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
  campaign: {
    select: {
      id: true,
      key: true,
      kind: true,
      title: true,
      documentNumber: true,
      submissionDeadline: true,
      sections: true,
    },
  },
} satisfies Prisma.PlanInclude;
export type PlanRow = Prisma.PlanGetPayload<{ include: typeof planRowInclude }>;

/**
 * What the caller means to do with the plan. Every intent needs the plan readable by the actor (assertCanReadPlan);
 * the school's own intents also need the actor to belong to the plan's school. Which role may take an office intent
 * is the route's guard's to say, and whether the plan's state allows a move is the workflow's.
 */
export type PlanIntent =
  | 'read'
  | 'edit-draft'
  | 'edit-attachments'
  | 'submit'
  | 'withdraw'
  | 'request-extension'
  | 'comment'
  | 'decide'
  | 'administer';

/** The refusal of a school intent to someone of another school (a reviewer or admin reads, never edits). */
const OWN_SCHOOL_ONLY: Partial<Record<PlanIntent, string>> = {
  'edit-draft': 'Chỉ cán bộ của trường mới được soạn kế hoạch của trường.',
  'edit-attachments': 'Chỉ cán bộ của trường mới được thay đổi tệp đính kèm của kế hoạch.',
  submit: 'Chỉ hiệu trưởng của trường mới được nộp kế hoạch.',
  withdraw: 'Chỉ hiệu trưởng của trường mới được rút kế hoạch.',
  'request-extension': 'Chỉ hiệu trưởng của trường mới được đề nghị gia hạn.',
};

/**
 * The one loader of a plan for a person: every route that reads or changes a plan (the plan, its draft, versions,
 * diff, audit, comments, attachments, extensions and moves) loads it here, so the access rules cannot drift apart.
 */
@Injectable()
export class PlanAccessService {
  constructor(private readonly prisma: PrismaService) {}

  async loadForActor(actor: AuthUser, planId: string, intent: PlanIntent): Promise<PlanRow> {
    const plan = await this.prisma.plan.findFirst({
      where: { id: planId, districtId: actor.districtId },
      include: planRowInclude,
    });
    if (!plan) throw new DomainError('NOT_FOUND', 'Không tìm thấy kế hoạch.');
    assertCanReadPlan(actor, plan);
    const ownSchoolOnly = OWN_SCHOOL_ONLY[intent];
    if (ownSchoolOnly && actor.schoolId !== plan.schoolId) throw new DomainError('FORBIDDEN', ownSchoolOnly);
    return plan;
  }
}
