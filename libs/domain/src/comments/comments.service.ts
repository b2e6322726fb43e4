import { Injectable } from '@nestjs/common';
import { type CommentAnchor, type PlanStatus, type Prisma, PrismaService, type Tx } from '@duyet/database';
import type { AuthUser } from '../plans/access';
import { PlanAccessService, type PlanRow } from '../plans/plan-access.service';
import { DomainError } from '../common/errors';
import { isUniqueViolation } from '../common/failures';
import { SCHOOL_LEVEL_VI, sectionTitles, threadsAsOf } from './comment-threads';
import type { CommentListQuery, StartCommentInput } from './comment.schemas';
import {
  type CommentView,
  type OpenThreadForMail,
  type ThreadView,
  anchorTitles,
  commentInclude,
  person,
  toView,
} from './comment-views';
import { AuditLog } from '../audit/audit-log';

/** Comments are frozen with the plan once the school is out of the campaign. */
const FROZEN: PlanStatus[] = ['CLOSED', 'EXEMPTED'];

@Injectable()
export class CommentsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly access: PlanAccessService,
  ) {}

  /** A reviewer in scope or an admin opens a thread on the version under review. */
  async start(user: AuthUser, planId: string, input: StartCommentInput, requestKey: string): Promise<CommentView> {
    assertOfficeReviewer(user, 'Chỉ người duyệt của Phòng GD&ĐT mới được ghi ý kiến về kế hoạch.');
    const plan = await this.access.loadForActor(user, planId, 'comment');
    const key = `${user.id}:${requestKey}`;
    const earlier = await this.findRetried(key, plan.id);
    if (earlier) return earlier;
    assertNotFrozen(plan);
    await this.assertAnchor(plan, input);
    const anchor = { anchorType: input.anchorType, anchorKey: input.anchorKey ?? null };
    return this.write(plan, user, { ...anchor, parentId: null, body: input.body }, key);
  }

  /** DOMAIN.md: the principal answers comments; the office may answer back. Staff only read. */
  async reply(user: AuthUser, planId: string, commentId: string, body: string, requestKey: string) {
    if (user.role === 'SCHOOL_STAFF') {
      throw new DomainError(
        'FORBIDDEN',
        'Chỉ hiệu trưởng trả lời ý kiến của người duyệt; cán bộ, giáo viên của trường chỉ được xem.',
      );
    }
    const plan = await this.access.loadForActor(user, planId, 'comment');
    const key = `${user.id}:${requestKey}`;
    const earlier = await this.findRetried(key, plan.id);
    if (earlier) return earlier;
    assertNotFrozen(plan);
    const root = await this.loadRoot(plan, commentId);
    if (root.resolvedAt) {
      throw new DomainError('CONFLICT', 'Ý kiến này đã được đánh dấu là đã giải quyết, không thể trả lời thêm.');
    }
    const anchor = { anchorType: root.anchorType, anchorKey: root.anchorKey };
    return this.write(plan, user, { ...anchor, parentId: root.id, body }, key);
  }

  /** Closes a thread on the current version; it stops being carried to later ones. Resolving twice is a no-op. */
  async resolve(user: AuthUser, planId: string, commentId: string): Promise<ThreadView> {
    assertOfficeReviewer(user, 'Chỉ người duyệt của Phòng GD&ĐT mới được đánh dấu ý kiến là đã giải quyết.');
    const plan = await this.access.loadForActor(user, planId, 'comment');
    const root = await this.loadRoot(plan, commentId);
    if (!root.resolvedAt) {
      assertNotFrozen(plan);
      await this.prisma.$transaction(async (tx) => {
        const { currentVersionNo } = await tx.plan.findUniqueOrThrow({ where: { id: plan.id } });
        // Conditional, so two concurrent resolves leave one resolution and one audit event.
        const done = await tx.comment.updateMany({
          where: { id: root.id, resolvedAt: null },
          data: { resolvedAt: new Date(), resolvedById: user.id, resolvedInVersionNo: currentVersionNo },
        });
        if (done.count === 1) {
          await AuditLog.write(tx, {
            ...auditScope(plan, user),
            type: 'COMMENT_RESOLVED',
            data: { commentId: root.id, versionNo: currentVersionNo },
          });
        }
      });
    }
    // Shown as it stood when resolved, which is also where a second resolve finds it.
    const { resolvedInVersionNo } = await this.prisma.comment.findUniqueOrThrow({ where: { id: root.id } });
    const [thread] = await this.threads(plan, resolvedInVersionNo!, { OR: [{ id: root.id }, { parentId: root.id }] });
    return thread;
  }

  /** The threads as they stand for a version (default: the current one). */
  async list(user: AuthUser, planId: string, query: CommentListQuery) {
    const plan = await this.access.loadForActor(user, planId, 'read');
    const versionNo = query.version ?? plan.currentVersionNo;
    if (versionNo > plan.currentVersionNo) {
      throw new DomainError('NOT_FOUND', `Kế hoạch chưa có lần nộp thứ ${versionNo}.`);
    }
    const threads = await this.threads(plan, versionNo, {});
    return {
      planId: plan.id,
      versionNo,
      currentVersionNo: plan.currentVersionNo,
      threads: query.open === 'true' ? threads.filter((t) => t.open) : threads,
    };
  }

  private async threads(plan: PlanRow, versionNo: number, where: Prisma.CommentWhereInput): Promise<ThreadView[]> {
    const rows = await this.prisma.comment.findMany({
      where: { ...where, planId: plan.id, districtId: plan.districtId, versionNo: { lte: versionNo } },
      include: commentInclude,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const title = await anchorTitles(this.prisma, plan.districtId, plan.campaign.sections, rows);
    return threadsAsOf(rows, versionNo).map(({ root, replies, carriedOver, open }) => ({
      id: root.id,
      anchorType: root.anchorType,
      anchorKey: root.anchorKey,
      anchorTitle: title(root),
      versionNo: root.versionNo,
      carriedOver,
      open,
      resolved:
        root.resolvedAt && root.resolvedInVersionNo === versionNo
          ? { at: root.resolvedAt, versionNo: root.resolvedInVersionNo, by: root.resolvedBy }
          : null,
      root: toView(root),
      replies: replies.map(toView),
    }));
  }

  private async write(
    plan: PlanRow,
    user: AuthUser,
    data: { anchorType: CommentAnchor; anchorKey: string | null; parentId: string | null; body: string },
    key: string,
  ): Promise<CommentView> {
    try {
      const row = await this.prisma.$transaction(async (tx) => {
        // The version under review when the comment is written, read in the transaction that writes it.
        const { currentVersionNo } = await tx.plan.findUniqueOrThrow({ where: { id: plan.id } });
        const comment = await tx.comment.create({
          data: {
            ...data,
            districtId: plan.districtId,
            planId: plan.id,
            authorId: user.id,
            versionNo: currentVersionNo,
            idempotencyKey: key,
          },
          include: commentInclude,
        });
        const { anchorType, anchorKey, parentId } = data;
        await AuditLog.write(tx, {
          ...auditScope(plan, user),
          type: 'COMMENT_ADDED',
          data: { commentId: comment.id, anchorType, anchorKey, parentId },
        });
        return comment;
      });
      return toView(row);
    } catch (err) {
      // Two requests with the same key at once: the loser returns what the winner wrote.
      const earlier = isUniqueViolation(err) ? await this.findRetried(key, plan.id) : null;
      if (!earlier) throw err;
      return earlier;
    }
  }

  private async findRetried(key: string, planId: string): Promise<CommentView | null> {
    const row = await this.prisma.comment.findUnique({ where: { idempotencyKey: key }, include: commentInclude });
    if (!row) return null;
    if (row.planId !== planId) {
      throw new DomainError('CONFLICT', 'Idempotency-Key này đã được dùng cho một ý kiến về kế hoạch khác.');
    }
    return toView(row);
  }

  /** A reply names any comment of the thread; the thread is its first comment. */
  private async loadRoot(plan: PlanRow, commentId: string) {
    const comment = await this.prisma.comment.findFirst({
      where: { id: commentId, planId: plan.id, districtId: plan.districtId },
      include: { parent: true },
    });
    if (!comment) throw new DomainError('NOT_FOUND', 'Không tìm thấy ý kiến này trong kế hoạch.');
    return comment.parent ?? comment;
  }

  private async assertAnchor(plan: PlanRow, input: StartCommentInput): Promise<void> {
    const key = input.anchorKey;
    if (input.anchorType === 'GENERAL' || key === undefined) return;
    let problem: string | null = null;
    if (input.anchorType === 'SECTION') {
      const sections = sectionTitles(plan.campaign.sections);
      if (!sections.has(key)) {
        problem = `Mục "${key}" không có trong kế hoạch của đợt này. Các mục: ${[...sections.keys()].join(', ')}.`;
      }
    } else {
      const indicator = await this.prisma.indicator.findUnique({
        where: { districtId_code: { districtId: plan.districtId, code: key } },
      });
      if (!indicator) problem = `Chỉ tiêu "${key}" không có trong danh mục chỉ tiêu của huyện.`;
      else if (indicator.level !== null && indicator.level !== plan.school.level) {
        problem =
          `Chỉ tiêu "${key}" (${indicator.label}) dành cho cấp ${SCHOOL_LEVEL_VI[indicator.level]}, ` +
          `không áp dụng cho trường cấp ${SCHOOL_LEVEL_VI[plan.school.level]}.`;
      }
    }
    if (problem) throw new DomainError('VALIDATION', problem, { errors: [{ field: 'anchorKey', message: problem }] });
  }
}

function assertOfficeReviewer(user: AuthUser, message: string): void {
  if (user.role !== 'REVIEWER' && user.role !== 'ADMIN') throw new DomainError('FORBIDDEN', message);
}

function assertNotFrozen(plan: PlanRow): void {
  if (FROZEN.includes(plan.status)) {
    const why = plan.status === 'EXEMPTED' ? 'được miễn' : 'đã đóng';
    throw new DomainError('INVALID_TRANSITION', `Kế hoạch ${why}, không thể ghi thêm ý kiến.`);
  }
}

function auditScope(plan: PlanRow, user: AuthUser) {
  return { districtId: plan.districtId, campaignId: plan.campaignId, planId: plan.id, actorId: user.id };
}

/**
 * The plan's open threads (first comment only) with the title of what they are about, for the "returned for
 * revision" e-mail. Trusted caller: no user scope, so it runs inside the move's own transaction.
 */
export async function openThreadsForMail(tx: Tx, planId: string): Promise<OpenThreadForMail[]> {
  const plan = await tx.plan.findUniqueOrThrow({
    where: { id: planId },
    select: { districtId: true, campaign: { select: { sections: true } } },
  });
  const roots = await tx.comment.findMany({
    where: { planId, districtId: plan.districtId, parentId: null, resolvedAt: null },
    include: { author: person },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const title = await anchorTitles(tx, plan.districtId, plan.campaign.sections, roots);
  return roots.map((r) => ({
    id: r.id,
    anchorType: r.anchorType,
    anchorKey: r.anchorKey,
    anchorTitle: title(r),
    versionNo: r.versionNo,
    body: r.body,
    authorName: r.author.fullName,
  }));
}
