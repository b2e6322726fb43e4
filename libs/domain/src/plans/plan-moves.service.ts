import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/client';
import { type PlanStatus, PrismaService } from '@duyet/database';
import type { AuthUser } from './access';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import type { PlanDraft } from '../plan-content/draft.schema';
import { PlanContentService } from '../plan-content/plan-content.service';
import { PlanDraftsService } from '../plan-content/plan-drafts.service';
import { formatVnDateTime } from '../common/format';
import { TemporalClientService } from '@duyet/temporal';
import {
  type Actor,
  type DeadlineKind,
  type Rubric,
  type MoveOutcome,
  approvePlanUpdate,
  assignReviewerUpdate,
  exemptPlanUpdate,
  extendDeadlineUpdate,
  recommendPlanUpdate,
  reopenPlanUpdate,
  returnForRevisionUpdate,
  startDraftUpdate,
  startReviewUpdate,
  submitPlanUpdate,
  withdrawPlanUpdate,
} from '@duyet/workflows';
import { PlanAccessService, type PlanIntent, type PlanRow } from './plan-access.service';
import { PlansService } from './plans.service';
import { officeRank } from '../people/positions';
import { SigningService } from '../people/signing.service';
import { planWorkflowError } from './workflow-errors';

const EDITABLE: PlanStatus[] = ['NOT_STARTED', 'DRAFTING', 'RETURNED'];

export interface DecisionBody {
  comment?: string;
  capacity?: string;
  rubric?: Rubric;
  revisionDeadline?: string;
}

export interface BulkResult {
  planId: string;
  ok: boolean;
  status?: string;
  decisionId?: string;
  error?: { code: string; message: string };
}

/** Every move of a plan's life goes to its workflow as an Update; the workflow decides and records it. */
@Injectable()
export class PlanMovesService {
  constructor(
    private readonly plans: PlansService,
    private readonly access: PlanAccessService,
    private readonly prisma: PrismaService,
    private readonly temporal: TemporalClientService,
    private readonly clock: ClockService,
    private readonly content: PlanContentService,
    private readonly drafts: PlanDraftsService,
    private readonly signing: SigningService,
  ) {}

  /**
   * Saves the draft while the school may edit it; the first save starts drafting (a move of its own). A save
   * refused for the plan's state (409) or for a stale revision (412) is refused before anything is written, and
   * the move comes before the write, so a move the workflow refuses leaves the draft and the audit untouched.
   */
  async saveDraft(user: AuthUser, id: string, draft: PlanDraft, key: string, basedOn?: number) {
    const plan = await this.load(user, id, 'edit-draft');
    const save = { planId: id, actorId: user.id, draft, basedOn, idempotencyKey: `draft:${id}:${key}` };
    if (!(await this.drafts.saved(save.idempotencyKey))) {
      await this.drafts.check(save);
      if (plan.status !== 'DRAFTING') await this.startDrafting(plan, user, key);
      await this.drafts.save(save);
    }
    return this.plans.get(user, id);
  }

  /** Another save may have started drafting a moment before: this one then goes on to its own write. */
  private async startDrafting(plan: PlanRow, user: AuthUser, key: string): Promise<void> {
    try {
      await this.update(plan, startDraftUpdate, actorOf(user), `${key}:draft`);
    } catch (err) {
      const drafting = async () =>
        (await this.prisma.plan.findUniqueOrThrow({ where: { id: plan.id } })).status === 'DRAFTING';
      if (err instanceof DomainError && err.code === 'INVALID_TRANSITION' && (await drafting())) return;
      throw err;
    }
  }

  async submit(user: AuthUser, id: string, key: string) {
    const plan = await this.load(user, id, 'submit');
    // Checked here to answer with every error at once; the workflow's activity checks again under the row lock.
    const check = await this.content.validateDraft(id);
    if (!check.ok && EDITABLE.includes(plan.status)) {
      const list = check.errors.map((e) => `- ${e.message}`).join('\n');
      throw new DomainError('VALIDATION', `Kế hoạch chưa thể nộp vì còn lỗi:\n${list}`, {
        errors: check.errors.map((e) => ({ field: e.field, message: e.message })),
      });
    }
    return this.update(plan, submitPlanUpdate, actorOf(user), key);
  }

  async withdraw(user: AuthUser, id: string, key: string) {
    const plan = await this.load(user, id, 'withdraw');
    return this.update(plan, withdrawPlanUpdate, actorOf(user), key);
  }

  async startReview(user: AuthUser, id: string, key: string) {
    return this.update(await this.load(user, id, 'decide'), startReviewUpdate, actorOf(user), key);
  }

  async recommend(
    user: AuthUser,
    id: string,
    body: DecisionBody & { recommendation: 'APPROVE' | 'RETURN' },
    key: string,
  ) {
    const plan = await this.load(user, id, 'decide');
    return this.update(plan, recommendPlanUpdate, await this.decision(user, body, false), key);
  }

  async decide(user: AuthUser, id: string, kind: 'approve' | 'return', body: DecisionBody, key: string) {
    const plan = await this.load(user, id, 'decide');
    this.assertFuture(body.revisionDeadline, 'Hạn nộp lại');
    const def = kind === 'approve' ? approvePlanUpdate : returnForRevisionUpdate;
    return this.update(plan, def, await this.decision(user, body, true), key);
  }

  /** One shared comment, one separate, audited decision per plan; a plan that cannot move does not stop the rest. */
  async bulkDecide(
    user: AuthUser,
    body: DecisionBody & { planIds: string[]; action: 'approve' | 'return' },
    key: string,
  ): Promise<{ done: number; failed: number; results: BulkResult[] }> {
    const results: BulkResult[] = [];
    for (const planId of [...new Set(body.planIds)]) {
      try {
        const outcome = await this.decide(user, planId, body.action, body, `${key}:${planId}`);
        results.push({ planId, ok: true, status: outcome.status, decisionId: outcome.decisionId });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        results.push({ planId, ok: false, error: { code: err.code, message: err.message } });
      }
    }
    const done = results.filter((r) => r.ok).length;
    return { done, failed: results.length - done, results };
  }

  async exempt(user: AuthUser, id: string, reason: string, key: string) {
    const plan = await this.load(user, id, 'administer');
    return this.update(plan, exemptPlanUpdate, { actor: actorOf(user), reason }, key);
  }

  async reopen(user: AuthUser, id: string, body: { reason: string; deadline?: string }, key: string) {
    const plan = await this.load(user, id, 'administer');
    this.assertFuture(body.deadline, 'Hạn điều chỉnh');
    return this.update(plan, reopenPlanUpdate, { actor: actorOf(user), ...body }, key);
  }

  async assignReviewer(user: AuthUser, id: string, reviewerId: string, key: string) {
    const plan = await this.load(user, id, 'administer');
    return this.update(plan, assignReviewerUpdate, { actor: actorOf(user), reviewerId }, key);
  }

  async extendDeadline(
    user: AuthUser,
    id: string,
    body: { kind: DeadlineKind; until: string; reason: string; requestId?: string; quiet?: boolean },
    key: string,
  ) {
    const plan = await this.load(user, id, 'administer');
    this.assertFuture(body.until, 'Hạn mới');
    if (body.kind !== 'REVIEW') await this.assertBeforeMeeting(id, body.until);
    return this.update(plan, extendDeadlineUpdate, { actor: actorOf(user), ...body }, key);
  }

  /** A school on a scheduled review meeting must have submitted by its start: no deadline may pass it. */
  private async assertBeforeMeeting(planId: string, until: string): Promise<void> {
    const slot = await this.prisma.meetingSlot.findFirst({
      where: { planId, meeting: { status: 'SCHEDULED' } },
      include: { meeting: { select: { startsAt: true } } },
    });
    if (slot && new Date(until) > slot.meeting.startsAt) {
      throw new DomainError(
        'VALIDATION',
        `Trường có lịch trình bày tại hội nghị duyệt kế hoạch lúc ${formatVnDateTime(slot.meeting.startsAt)}: ` +
          'hạn nộp không thể sau giờ họp. Hãy dời lịch họp hoặc chuyển trường sang duyệt hồ sơ trước.',
      );
    }
  }

  /**
   * A decision's input for the workflow, with the capacity the server computes from the decider's position and the
   * head's delegations in force (a different one sent by the client is refused before anything moves).
   */
  private async decision(
    user: AuthUser,
    body: DecisionBody & { recommendation?: 'APPROVE' | 'RETURN' },
    final: boolean,
  ) {
    return {
      actor: actorOf(user),
      comment: body.comment,
      capacity: await this.signing.resolve(user, { final, claimed: body.capacity }),
      rubric: body.rubric,
      revisionDeadline: body.revisionDeadline,
      recommendation: body.recommendation,
    };
  }

  private assertFuture(at: string | undefined, what: string): void {
    if (at && new Date(at) <= this.clock.now()) {
      throw new DomainError('VALIDATION', `${what} phải sau thời điểm hiện tại.`);
    }
  }

  private load(user: AuthUser, id: string, intent: PlanIntent): Promise<PlanRow> {
    return this.access.loadForActor(user, id, intent);
  }

  private async update<Arg>(
    plan: PlanRow,
    def: UpdateDefinition<MoveOutcome, [Arg]>,
    arg: Arg,
    updateId: string,
  ): Promise<MoveOutcome> {
    if (plan.removedAt) throw new DomainError('INVALID_TRANSITION', 'Trường này đã được rút khỏi đợt kế hoạch.');
    const client = await this.temporal.getClient();
    try {
      return await client.workflow.getHandle(plan.workflowId).executeUpdate(def, { args: [arg], updateId });
    } catch (err) {
      throw planWorkflowError(err);
    }
  }
}

export function actorOf(user: AuthUser): Actor {
  const role = user.role;
  // The guard keeps province users off every plan route; this keeps them out of the workflow's rules too.
  if (role === 'PROVINCE') throw new DomainError('FORBIDDEN', 'Tài khoản của Sở chỉ được xem báo cáo tổng hợp.');
  return { userId: user.id, role, rank: officeRank(user.position) };
}
