import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { type AuditType, type Position, type Prisma, PrismaService, type Tx } from '@duyet/database';
import { MailQueueService, MailTemplate } from '@duyet/mail';
import type { ApplyMoveInput, PlanActivities, PlanDeadlines, MoveOutcome } from '@duyet/workflows';
import { ClockService } from '../calendar/clock.service';
import { isUniqueViolation } from '../common/failures';
import { formatVnDateTime } from '../common/format';
import { type OutboxMail, type PlanWithContext, planMailBase, receiptMail, writeOutbox } from './plan-mails';
import { listDraftAttachmentsForFreeze } from '../attachments';
import { CalendarService } from '../calendar/calendar.service';
import { openThreadsForMail } from '../comments/comments.service';
import { meetingReviewDue } from '../meetings/meeting-review-due';
import { activePrincipals } from '../people/principals';
import { ownCapacity } from '../people/signing-capacity';
import { PlanContentService } from '../plan-content/plan-content.service';
import type { AuditEvent, PlanMoveData } from '../audit/audit-events';
import { AuditLog } from '../audit/audit-log';

interface AppliedChange {
  outcome: MoveOutcome;
  emailIds: string[];
}

/** What one move writes beyond the status: plan fields, a version or a decision, e-mails, audit data. */
interface MoveEffect {
  plan?: Prisma.PlanUpdateInput;
  versionId?: string;
  decisionId?: string;
  versionNo?: number;
  mails?: OutboxMail[];
  audit?: Record<string, unknown>;
}

interface MoveContext {
  tx: Tx;
  input: ApplyMoveInput;
  plan: PlanWithContext;
  actor: { id: string; fullName: string; title: string; position: Position; acting: boolean };
  now: Date;
}

/** Deadlines the office sets by a number of working days fall due at the end of that day. */
const END_OF_OFFICE_DAY = '17:00';

const refuse = (message: string, type = 'INVALID_INPUT', details?: unknown) =>
  ApplicationFailure.create({ message, type, nonRetryable: true, details: details === undefined ? [] : [details] });

/**
 * Applies a move the plan workflow has already allowed: the frozen version or the decision, the new status,
 * the audit event and the outbox e-mails, in one transaction. Keyed by workflow id + update id, so a retried
 * activity returns what the first attempt did instead of doing it again.
 */
@Injectable()
export class PlanMoveEffectsService implements PlanActivities {
  constructor(
    private readonly prisma: PrismaService,
    private readonly mailQueue: MailQueueService,
    private readonly clock: ClockService,
    private readonly content: PlanContentService,
    private readonly calendar: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async applyPlanTransition(input: ApplyMoveInput): Promise<MoveOutcome> {
    let applied = await this.findApplied(input.idempotencyKey);
    if (!applied) {
      try {
        applied = await this.prisma.$transaction((tx) => this.apply(tx, input));
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        applied = await this.findApplied(input.idempotencyKey);
        if (!applied) throw err;
      }
    }
    // After the commit: enqueueing is idempotent (job id = e-mail id and attempt), so a retry here is safe.
    await this.mailQueue.enqueue(applied.emailIds);
    return applied.outcome;
  }

  private async findApplied(idempotencyKey: string): Promise<AppliedChange | null> {
    const event = await AuditLog.find(this.prisma, idempotencyKey, ...Object.values(AUDIT_TYPE));
    if (!event) return null;
    // A plan's move keys hold only plan moves, never the campaign-wide DEADLINE_EXTENDED.
    const data = event.data as PlanMoveData;
    return { outcome: { ...data.outcome, auditEventId: event.id }, emailIds: data.emailIds };
  }

  private async apply(tx: Tx, input: ApplyMoveInput): Promise<AppliedChange> {
    // Locks the plan row first: a draft save or an upload landing mid-move waits, then sees the new status.
    await tx.$queryRaw`SELECT id FROM "Plan" WHERE id = ${input.planId}::uuid FOR UPDATE`;
    const plan = await tx.plan.findUniqueOrThrow({
      where: { id: input.planId },
      include: { school: true, campaign: { include: { receiver: true, district: true } } },
    });
    const actor = await tx.user.findUniqueOrThrow({ where: { id: input.actor.userId } });
    const now = this.clock.now();
    const effect = await this.effectOf({ tx, input, plan, actor, now });

    const statusChanged = input.to !== input.from;
    const moved = await tx.plan.updateMany({
      where: { id: plan.id, status: input.from },
      data: { status: input.to, ...(statusChanged ? { statusChangedAt: now } : {}) },
    });
    if (moved.count !== 1) {
      throw ApplicationFailure.nonRetryable(
        `Plan ${plan.id} is ${plan.status} in Postgres but the workflow moved it from ${input.from}`,
        'STATE_MISMATCH',
      );
    }
    const updated = effect.plan ? await tx.plan.update({ where: { id: plan.id }, data: effect.plan }) : plan;
    const deadlines: PlanDeadlines = {
      submission: (updated.submissionDeadline ?? plan.campaign.submissionDeadline).toISOString(),
      revision: updated.revisionDeadline?.toISOString() ?? null,
      reviewDue: updated.reviewDueAt?.toISOString() ?? null,
    };
    const outcome: Omit<MoveOutcome, 'auditEventId'> = {
      status: input.to,
      versionNo: effect.versionNo ?? plan.currentVersionNo,
      deadlines,
      ...(effect.versionId ? { versionId: effect.versionId } : {}),
      ...(effect.decisionId ? { decisionId: effect.decisionId } : {}),
    };
    const emailIds = await writeOutbox(tx, plan, input.idempotencyKey, effect.mails ?? []);
    // The extras (effect.audit) are the ones AuditData declares for this action's type (AUDIT_TYPE).
    const event = await AuditLog.write(tx, {
      districtId: plan.districtId,
      campaignId: plan.campaignId,
      planId: plan.id,
      actorId: actor.id,
      type: AUDIT_TYPE[input.action],
      data: {
        outcome,
        emailIds,
        from: input.from,
        to: input.to,
        ...(input.comment ? { comment: input.comment } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
        ...effect.audit,
      } as unknown as Prisma.InputJsonValue,
      idempotencyKey: input.idempotencyKey,
    } as AuditEvent);
    return { outcome: { ...outcome, auditEventId: event.id }, emailIds };
  }

  private effectOf(ctx: MoveContext): Promise<MoveEffect> | MoveEffect {
    const { input, plan } = ctx;
    switch (input.action) {
      case 'START_DRAFT':
        return {};
      case 'SUBMIT':
        return this.submit(ctx);
      case 'WITHDRAW':
        return { plan: { reviewDueAt: null }, audit: { versionNo: plan.currentVersionNo } };
      case 'START_REVIEW':
        return plan.reviewerId ? {} : { plan: { reviewer: { connect: { id: ctx.actor.id } } } };
      case 'RECOMMEND':
      case 'APPROVE':
      case 'RETURN':
        return this.decide(ctx);
      case 'EXEMPT':
        return this.notify(ctx, 'Trường được miễn nộp kế hoạch của đợt này.', {
          exemptReason: this.reason(input),
          revisionDeadline: null,
          reviewDueAt: null,
        });
      case 'REOPEN':
        return this.reopen(ctx);
      case 'CLOSE':
        return this.notify(ctx, 'Kế hoạch đã đóng, không tiếp tục xét duyệt trong đợt này.', {
          revisionDeadline: null,
          reviewDueAt: null,
        });
      case 'ASSIGN_REVIEWER':
        return this.assignReviewer(ctx);
      case 'EXTEND_DEADLINE':
        return this.extend(ctx);
    }
  }

  private async submit({ tx, plan, actor, now }: MoveContext): Promise<MoveEffect> {
    const draft = plan.draft as { sections?: unknown; indicators?: unknown };
    const check = await this.content.validatePlan(tx, plan.id);
    if (!check.ok) {
      const list = check.errors.map((e) => `- ${e.message}`).join('\n');
      throw refuse(`Kế hoạch chưa thể nộp vì còn lỗi:\n${list}`, 'INVALID_INPUT', { errors: check.errors });
    }
    const attachments = await listDraftAttachmentsForFreeze(tx, plan.id);
    const number = plan.currentVersionNo + 1;
    const version = await tx.planVersion.create({
      data: {
        planId: plan.id,
        number,
        sections: (draft.sections ?? {}) as Prisma.InputJsonValue,
        indicators: (draft.indicators ?? {}) as Prisma.InputJsonValue,
        attachments: attachments as unknown as Prisma.InputJsonValue,
        submittedById: actor.id,
        submittedAt: now,
      },
    });
    const deadline = plan.revisionDeadline ?? plan.submissionDeadline ?? plan.campaign.submissionDeadline;
    return {
      versionId: version.id,
      versionNo: number,
      plan: {
        currentVersionNo: number,
        submittedAt: now,
        reviewDueAt: await this.reviewDue(tx, plan, now),
      },
      mails: receiptMail(plan, this.config.publicUrl, actor.fullName, number, now, deadline),
      audit: { versionNo: number, late: now > deadline, warnings: check.warnings },
    };
  }

  private async decide({ tx, input, plan, actor, now }: MoveContext): Promise<MoveEffect> {
    const version = await tx.planVersion.findUniqueOrThrow({
      where: { planId_number: { planId: plan.id, number: plan.currentVersionNo } },
    });
    const previous = await tx.decision.findFirst({
      where: { planId: plan.id, supersededBy: null },
      orderBy: { decidedAt: 'desc' },
    });
    const recommending = input.action === 'RECOMMEND';
    const kind = recommending
      ? input.recommendation === 'RETURN'
        ? 'RECOMMEND_RETURN'
        : 'RECOMMEND_APPROVE'
      : input.action === 'APPROVE'
        ? 'APPROVE'
        : 'RETURN';
    // The API always sends the capacity it computed; a move accepted before it did gets the signer's own position.
    const capacity = input.capacity ?? ownCapacity(actor);
    if (
      recommending &&
      previous &&
      repeats(previous, { kind, versionId: version.id, actorId: actor.id, capacity, input })
    ) {
      // A double click (or a second tab) records nothing twice: a recommendation can change, not repeat itself.
      throw refuse(
        `Đề xuất này đã được ghi nhận cho lần nộp thứ ${version.number}; không ghi thêm một đề xuất giống hệt.`,
        'INVALID_TRANSITION',
      );
    }
    const revisionDeadline =
      input.action === 'RETURN'
        ? await this.deadline(input.deadline, now, plan.campaign.revisionDays, plan.districtId)
        : null;
    const decision = await tx.decision.create({
      data: {
        planId: plan.id,
        versionId: version.id,
        kind,
        final: !recommending,
        comment: input.comment ?? null,
        capacity,
        // The name as signed stays with the decision (a legal record) if the person's data is later erased.
        deciderName: actor.fullName,
        rubric: (input.rubric ?? undefined) as Prisma.InputJsonValue | undefined,
        revisionDeadline,
        supersedesId: previous?.id ?? null,
        decidedById: actor.id,
        decidedAt: now,
      },
    });
    const effect: MoveEffect = {
      versionId: version.id,
      decisionId: decision.id,
      audit: { versionNo: version.number, kind, capacity: decision.capacity, supersedes: previous?.id ?? null },
    };
    if (recommending) return effect;
    effect.plan = { decidedAt: now, reviewDueAt: null, revisionDeadline };
    const principals = await activePrincipals(tx, plan);
    const openComments =
      input.action === 'RETURN'
        ? (await openThreadsForMail(tx, plan.id)).map((t) => ({ anchor: t.anchorTitle, body: t.body }))
        : [];
    effect.mails = principals.map((p): OutboxMail => {
      const base = {
        ...planMailBase(plan, this.config.publicUrl, p.fullName, version.number),
        decidedBy: actor.fullName,
        capacity: decision.capacity,
        decidedAt: formatVnDateTime(now),
      };
      return input.action === 'APPROVE'
        ? { template: MailTemplate.PLAN_APPROVED, to: p.email, data: { ...base, comment: input.comment } }
        : {
            template: MailTemplate.PLAN_RETURNED,
            to: p.email,
            data: {
              ...base,
              comment: input.comment ?? '',
              revisionDeadline: formatVnDateTime(revisionDeadline as Date),
              openComments,
            },
          };
    });
    return effect;
  }

  private async assignReviewer({ tx, input, plan }: MoveContext): Promise<MoveEffect> {
    const reviewer = await tx.user.findFirst({
      where: { id: input.reviewerId, districtId: plan.districtId, active: true, role: { in: ['REVIEWER', 'ADMIN'] } },
    });
    if (!reviewer) throw refuse('Người được phân công phải là cán bộ Phòng GD&ĐT của huyện, đang hoạt động.');
    return {
      plan: { reviewer: { connect: { id: reviewer.id } } },
      audit: { reviewerId: reviewer.id, previousReviewerId: plan.reviewerId },
    };
  }

  private async extend({ tx, input, plan, actor, now }: MoveContext): Promise<MoveEffect> {
    const reason = this.reason(input);
    const until = new Date(input.deadline ?? '');
    if (Number.isNaN(until.getTime())) throw refuse('Ngày gia hạn không hợp lệ.');
    if (until <= now) throw refuse('Hạn mới phải sau thời điểm hiện tại.');
    const field = { SUBMISSION: 'submissionDeadline', REVISION: 'revisionDeadline', REVIEW: 'reviewDueAt' } as const;
    const kind = input.deadlineKind ?? 'SUBMISSION';
    const previous =
      kind === 'SUBMISSION'
        ? (plan.submissionDeadline ?? plan.campaign.submissionDeadline)
        : kind === 'REVISION'
          ? plan.revisionDeadline
          : plan.reviewDueAt;
    if (!input.requestId && (plan[field[kind]] as Date | null)?.getTime() === until.getTime()) {
      // A double click on the same extension: the deadline already is that, and the school heard of it once.
      throw refuse(`Thời hạn này đã là ${formatVnDateTime(until)}, không cần gia hạn lại.`, 'INVALID_TRANSITION');
    }
    if (input.requestId) {
      const granted = await tx.extensionRequest.updateMany({
        where: { id: input.requestId, planId: plan.id, status: 'PENDING' },
        data: { status: 'GRANTED', decidedById: actor.id, decidedAt: now, grantedUntil: until, decisionNote: reason },
      });
      if (granted.count !== 1) throw refuse('Đề nghị gia hạn này đã được xử lý.', 'INVALID_TRANSITION');
    }
    return {
      plan: { [field[kind]]: until },
      audit: { kind, previous: previous?.toISOString() ?? null, until: until.toISOString(), reason },
      mails: input.quiet ? [] : await this.extensionMails(tx, plan, until, reason, !!previous && until < previous),
    };
  }

  private async extensionMails(
    tx: Tx,
    plan: PlanWithContext,
    until: Date,
    reason: string,
    earlier: boolean,
  ): Promise<OutboxMail[]> {
    const principals = await activePrincipals(tx, plan);
    return principals.map((p) => ({
      template: MailTemplate.EXTENSION_DECIDED,
      to: p.email,
      data: {
        ...planMailBase(plan, this.config.publicUrl, p.fullName, plan.currentVersionNo),
        granted: true,
        earlier,
        until: formatVnDateTime(until),
        note: reason,
      },
    }));
  }

  /** An admin's move the principal must hear about: exempted, reopened, closed. */
  private async notify(ctx: MoveContext, what: string, plan: Prisma.PlanUpdateInput): Promise<MoveEffect> {
    const reason = this.reason(ctx.input);
    const deadline = plan.revisionDeadline instanceof Date ? plan.revisionDeadline : undefined;
    const principals = await activePrincipals(ctx.tx, ctx.plan);
    return {
      plan,
      audit: deadline ? { deadline } : {},
      mails: principals.map((p) => ({
        template: MailTemplate.PLAN_STATUS_NOTICE,
        to: p.email,
        data: {
          ...planMailBase(ctx.plan, this.config.publicUrl, p.fullName, ctx.plan.currentVersionNo),
          what,
          reason,
          ...(deadline ? { deadline: formatVnDateTime(deadline) } : {}),
        },
      })),
    };
  }

  private reason(input: ApplyMoveInput): string {
    const reason = input.reason?.trim();
    if (!reason) throw refuse('Cần ghi rõ lý do.');
    return reason;
  }

  private async reopen(ctx: MoveContext): Promise<MoveEffect> {
    const { input, now, plan } = ctx;
    const deadline = await this.deadline(input.deadline, now, plan.campaign.revisionDays, plan.districtId);
    return this.notify(ctx, 'Kế hoạch đã duyệt được mở lại để điều chỉnh.', {
      revisionDeadline: deadline,
      reviewDueAt: null,
    });
  }

  /**
   * When the office owes its decision on a plan just submitted: `reviewDays` working days at a desk review; at a
   * campaign reviewed in meetings, the day the school presents at its scheduled meeting (meetingReviewDue). With
   * no meeting scheduled yet, or one already past, the desk rule holds; scheduling a meeting later moves the due
   * date to the meeting (MeetingChangesService), through the plan's workflow.
   */
  private async reviewDue(tx: Tx, plan: PlanWithContext, now: Date): Promise<Date> {
    const desk = await this.deadline(undefined, now, plan.campaign.reviewDays, plan.districtId);
    if (plan.campaign.reviewMode !== 'MEETING') return desk;
    const slot = await tx.meetingSlot.findFirst({
      where: { planId: plan.id, meeting: { status: 'SCHEDULED' } },
      include: { meeting: { select: { startsAt: true, slotMinutes: true } } },
    });
    const atMeeting = slot && meetingReviewDue(slot.meeting, slot.position, plan.campaign.district.timezone);
    return atMeeting && atMeeting > now ? atMeeting : desk;
  }

  /** A deadline named by the caller, or the end of the office day `days` working days from now. */
  private async deadline(named: string | undefined, now: Date, days: number, districtId: string): Promise<Date> {
    if (named) {
      const at = new Date(named);
      if (Number.isNaN(at.getTime())) throw refuse('Thời hạn không hợp lệ.');
      if (at <= now) throw refuse('Thời hạn phải sau thời điểm hiện tại.');
      return at;
    }
    const calendar = await this.calendar.forDistrict(districtId);
    return calendar.atLocalTime(calendar.addWorkingDays(calendar.localDate(now), days), END_OF_OFFICE_DAY);
  }
}

/** JSON compared by value: PostgreSQL's jsonb gives the keys back in its own order. */
const sameJson = (a: unknown, b: unknown): boolean => {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([x], [y]) => (x < y ? -1 : 1))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;
  return JSON.stringify(canonical(a ?? null)) === JSON.stringify(canonical(b ?? null));
};

/** The decision in force says exactly what this one would: same person, version, kind, wording and ratings. */
function repeats(
  previous: {
    kind: string;
    versionId: string;
    decidedById: string;
    capacity: string;
    comment: string | null;
    rubric: unknown;
  },
  next: { kind: string; versionId: string; actorId: string; capacity: string; input: ApplyMoveInput },
): boolean {
  return (
    previous.kind === next.kind &&
    previous.versionId === next.versionId &&
    previous.decidedById === next.actorId &&
    previous.capacity === next.capacity &&
    (previous.comment ?? null) === (next.input.comment ?? null) &&
    sameJson(previous.rubric, next.input.rubric)
  );
}

const AUDIT_TYPE = {
  START_DRAFT: 'PLAN_DRAFT_STARTED',
  SUBMIT: 'PLAN_SUBMITTED',
  WITHDRAW: 'PLAN_WITHDRAWN',
  START_REVIEW: 'PLAN_REVIEW_STARTED',
  RECOMMEND: 'PLAN_RECOMMENDED',
  APPROVE: 'PLAN_APPROVED',
  RETURN: 'PLAN_RETURNED',
  EXEMPT: 'PLAN_EXEMPTED',
  REOPEN: 'PLAN_REOPENED',
  CLOSE: 'PLAN_CLOSED',
  ASSIGN_REVIEWER: 'PLAN_REVIEWER_ASSIGNED',
  EXTEND_DEADLINE: 'DEADLINE_EXTENDED',
} as const satisfies Record<ApplyMoveInput['action'], AuditType>;
