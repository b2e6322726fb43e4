import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { type Prisma, PrismaService, type Tx } from '@duyet/database';
import { MailQueueService, type MailData, MailTemplate, renderMail } from '@duyet/mail';
import type { ApplyTransitionInput, PlanActivities, TransitionOutcome } from '@duyet/workflows';
import { formatVnDateTime } from './format';

type PlanWithContext = Prisma.PlanGetPayload<{
  include: { school: true; campaign: { include: { receiver: true; district: true } } };
}>;

interface OutboxMail<K extends MailTemplate = MailTemplate> {
  template: K;
  to: string;
  cc?: string[];
  data: MailData[K];
}

interface AppliedChange {
  outcome: TransitionOutcome;
  emailIds: string[];
}

const isUniqueViolation = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002';

/**
 * Applies a move the plan workflow has already allowed: the frozen version or the decision, the new status,
 * the audit event and the outbox e-mails, in one transaction. Keyed by workflow id + update id, so a retried
 * activity returns what the first attempt did instead of doing it again.
 */
@Injectable()
export class PlanTransitionsService implements PlanActivities {
  constructor(
    private readonly prisma: PrismaService,
    private readonly mailQueue: MailQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async applyPlanTransition(input: ApplyTransitionInput): Promise<TransitionOutcome> {
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
    // After the commit: enqueueing is idempotent (job id = e-mail id), so a retry here is safe.
    await this.mailQueue.enqueue(applied.emailIds);
    return applied.outcome;
  }

  private async findApplied(idempotencyKey: string): Promise<AppliedChange | null> {
    const event = await this.prisma.auditEvent.findUnique({ where: { idempotencyKey } });
    if (!event) return null;
    const data = event.data as unknown as { outcome: Omit<TransitionOutcome, 'auditEventId'>; emailIds: string[] };
    return { outcome: { ...data.outcome, auditEventId: event.id }, emailIds: data.emailIds };
  }

  private async apply(tx: Tx, input: ApplyTransitionInput): Promise<AppliedChange> {
    const plan = await tx.plan.findUniqueOrThrow({
      where: { id: input.planId },
      include: { school: true, campaign: { include: { receiver: true, district: true } } },
    });
    const moved = await tx.plan.updateMany({ where: { id: plan.id, status: input.from }, data: { status: input.to } });
    if (moved.count !== 1) {
      throw ApplicationFailure.nonRetryable(
        `Plan ${plan.id} is ${plan.status} in Postgres but the workflow moved it from ${input.from}`,
        'STATE_MISMATCH',
      );
    }
    const actor = await tx.user.findUniqueOrThrow({ where: { id: input.actor.userId } });
    const now = new Date();
    let outcome: Omit<TransitionOutcome, 'auditEventId'> = { status: input.to, versionNo: plan.currentVersionNo };
    const mails: OutboxMail[] = [];

    switch (input.action) {
      case 'START_DRAFT':
        break;
      case 'SUBMIT': {
        const number = plan.currentVersionNo + 1;
        const draft = plan.draft as { sections?: unknown; indicators?: unknown };
        const version = await tx.planVersion.create({
          data: {
            planId: plan.id,
            number,
            sections: (draft.sections ?? {}) as Prisma.InputJsonValue,
            indicators: (draft.indicators ?? {}) as Prisma.InputJsonValue,
            submittedById: actor.id,
            submittedAt: now,
          },
        });
        await tx.plan.update({ where: { id: plan.id }, data: { currentVersionNo: number, submittedAt: now } });
        outcome = { status: input.to, versionNo: number, versionId: version.id };
        mails.push(...this.receiptMails(plan, actor.fullName, number, now));
        break;
      }
      case 'APPROVE':
      case 'RETURN': {
        const version = await tx.planVersion.findUniqueOrThrow({
          where: { planId_number: { planId: plan.id, number: plan.currentVersionNo } },
        });
        const decision = await tx.decision.create({
          data: {
            planId: plan.id,
            versionId: version.id,
            kind: input.action === 'APPROVE' ? 'APPROVE' : 'RETURN',
            comment: input.comment ?? null,
            capacity: input.capacity ?? actor.title,
            decidedById: actor.id,
            decidedAt: now,
          },
        });
        await tx.plan.update({ where: { id: plan.id }, data: { decidedAt: now } });
        outcome = {
          status: input.to,
          versionNo: plan.currentVersionNo,
          versionId: version.id,
          decisionId: decision.id,
        };
        const principals = await tx.user.findMany({
          where: { schoolId: plan.schoolId, role: 'PRINCIPAL', active: true },
        });
        mails.push(...principals.map((p) => this.decisionMail(plan, input, p, actor.fullName, decision.capacity, now)));
        break;
      }
    }

    const emailIds = await this.writeOutbox(tx, plan, input.idempotencyKey, mails);
    const event = await tx.auditEvent.create({
      data: {
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
          comment: input.comment ?? null,
        } as Prisma.InputJsonValue,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
      },
    });
    return { outcome: { ...outcome, auditEventId: event.id }, emailIds };
  }

  private planBase(plan: PlanWithContext, recipientName: string, versionNo: number) {
    return {
      recipientName,
      schoolName: plan.school.name,
      campaignTitle: plan.campaign.title,
      documentNumber: plan.campaign.documentNumber,
      versionNo,
      planUrl: `${this.config.publicUrl}/api/plans/${plan.id}`,
      officeName: plan.campaign.district.officeName,
    };
  }

  private receiptMails(plan: PlanWithContext, submittedBy: string, versionNo: number, at: Date): OutboxMail[] {
    const receiver = plan.campaign.receiver;
    if (!receiver) return [];
    return [
      {
        template: MailTemplate.SUBMISSION_RECEIPT,
        to: receiver.email,
        data: {
          ...this.planBase(plan, receiver.fullName, versionNo),
          submittedBy,
          submittedAt: formatVnDateTime(at),
          deadline: formatVnDateTime(plan.campaign.submissionDeadline),
        },
      },
    ];
  }

  private decisionMail(
    plan: PlanWithContext,
    input: ApplyTransitionInput,
    principal: { email: string; fullName: string },
    decidedBy: string,
    capacity: string,
    at: Date,
  ): OutboxMail {
    const base = {
      ...this.planBase(plan, principal.fullName, plan.currentVersionNo),
      decidedBy,
      capacity,
      decidedAt: formatVnDateTime(at),
    };
    return input.action === 'APPROVE'
      ? { template: MailTemplate.PLAN_APPROVED, to: principal.email, data: { ...base, comment: input.comment } }
      : { template: MailTemplate.PLAN_RETURNED, to: principal.email, data: { ...base, comment: input.comment ?? '' } };
  }

  private async writeOutbox(tx: Tx, plan: PlanWithContext, key: string, mails: OutboxMail[]): Promise<string[]> {
    const ids: string[] = [];
    for (const mail of mails) {
      const rendered = renderMail(mail.template, mail.data as never);
      const row = await tx.emailLog.create({
        data: {
          districtId: plan.districtId,
          planId: plan.id,
          idempotencyKey: `${key}:${mail.template}:${mail.to}`,
          template: mail.template,
          to: mail.to,
          cc: mail.cc ?? [],
          ...rendered,
        },
      });
      ids.push(row.id);
    }
    return ids;
  }
}

const AUDIT_TYPE = {
  START_DRAFT: 'PLAN_DRAFT_STARTED',
  SUBMIT: 'PLAN_SUBMITTED',
  APPROVE: 'PLAN_APPROVED',
  RETURN: 'PLAN_RETURNED',
} as const satisfies Record<ApplyTransitionInput['action'], string>;
