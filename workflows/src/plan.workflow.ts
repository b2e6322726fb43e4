import {
  ApplicationFailure,
  ActivityFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { ApplyMoveInput, PlanActivities } from './activities';
import { REAL_TIME, realDelayUntil } from './clock';
import {
  type Actor,
  type CarriedPlanState,
  type ClosePlanInput,
  type DecisionInput,
  type PlanState,
  type PlanWorkflowInput,
  type MoveOutcome,
  approvePlanUpdate,
  assignReviewerUpdate,
  campaignDeadlineChangedSignal,
  closePlanSignal,
  exemptPlanUpdate,
  extendDeadlineUpdate,
  planStateQuery,
  recommendPlanUpdate,
  reopenPlanUpdate,
  returnForRevisionUpdate,
  startDraftUpdate,
  startReviewUpdate,
  submitPlanUpdate,
  withdrawPlanUpdate,
} from './definitions';
import { type PlanAction, type PlanStatus, decideMove } from './plan-moves';
import { MOVE_ACTIVITY } from './retry-policies';

const { applyPlanTransition } = proxyActivities<PlanActivities>(MOVE_ACTIVITY);

const SCHOOL_SIDE: readonly PlanStatus[] = ['NOT_STARTED', 'DRAFTING', 'RETURNED'];
const OFFICE_SIDE: readonly PlanStatus[] = ['SUBMITTED', 'UNDER_REVIEW'];

type MoveExtras = Omit<ApplyMoveInput, 'planId' | 'action' | 'actor' | 'from' | 'to' | 'idempotencyKey'>;

/** Histories recorded before moves took strict turns replay the old wait (patched in December 2026). */
const SERIAL_MOVES = 'serial-moves';
/** Patch: a plan continues as new when its history is long (histories from before never did). */
const BOUNDED_HISTORY = 'bounded-history';

const invalidInput = (message: string) => ApplicationFailure.nonRetryable(message, 'INVALID_INPUT');

/**
 * One school's plan in one campaign. Every move is an Update: the validator applies the pure rules of
 * plan-moves.ts, the handler applies them again (another move may have landed in between) and has one
 * activity write the change, its audit event and its e-mails in one transaction. Deadlines are timers that
 * every move re-arms; when one fires the plan is marked overdue in its state (reminders are sent per campaign).
 */
export async function planWorkflow(input: PlanWorkflowInput): Promise<PlanState> {
  const clock = input.clock ?? REAL_TIME;
  const state: PlanState = input.carried?.state ?? {
    planId: input.planId,
    status: 'NOT_STARTED',
    versionNo: 0,
    deadlines: { submission: input.submissionDeadline, revision: null, reviewDue: null },
    deadlineInForce: null,
    recommendedVersionNo: null,
    history: [],
  };
  let closeRequest: ClosePlanInput | null = null;
  let ownSubmissionDeadline = input.carried?.ownSubmissionDeadline ?? false;
  // Bumped on every change that can move a deadline: the timer loop re-arms on it.
  let generation = 0;
  // Update handlers are async; one move at a time keeps the state consistent when two arrive together.
  let busy = false;

  const verdictFor = (action: PlanAction, actor: Actor): ReturnType<typeof decideMove> =>
    closeRequest && action !== 'CLOSE'
      ? {
          allowed: false,
          code: 'INVALID_TRANSITION',
          reason: 'Kế hoạch đã đóng: đợt kế hoạch đã kết thúc hoặc trường đã được rút khỏi đợt.',
        }
      : decideMove(state.status, action, actor.role, {
          rank: actor.rank,
          approvalLevels: input.approvalLevels ?? 1,
          recommended: state.recommendedVersionNo !== null && state.recommendedVersionNo === state.versionNo,
        });

  const refuseUnlessAllowed = (action: PlanAction, actor: Actor): void => {
    const verdict = verdictFor(action, actor);
    if (!verdict.allowed) throw ApplicationFailure.nonRetryable(verdict.reason, verdict.code);
  };

  /**
   * Waits until no other move is under way, then holds the plan. Every move waiting behind one wakes when it
   * ends (and moves that arrive in one workflow task all find it free), so the turn is re-checked after each
   * wake-up; before SERIAL_MOVES they all went on together, each with the state the others were about to
   * change, and the losers' writes failed in the activity (STATE_MISMATCH) instead of being refused here.
   */
  const takeTurn = async (): Promise<void> => {
    if (patched(SERIAL_MOVES)) {
      while (busy) await condition(() => !busy);
    } else {
      await condition(() => !busy);
    }
    busy = true;
  };

  const move = async (action: PlanAction, actor: Actor, extras: MoveExtras = {}): Promise<MoveOutcome> => {
    await takeTurn();
    try {
      const verdict = verdictFor(action, actor);
      if (!verdict.allowed) throw ApplicationFailure.nonRetryable(verdict.reason, verdict.code);
      const updateId = currentUpdateInfo()?.id ?? `${action}:${state.history.length}`;
      let outcome: MoveOutcome;
      try {
        outcome = await applyPlanTransition({
          planId: input.planId,
          action,
          actor,
          from: verdict.from,
          to: verdict.to,
          idempotencyKey: `${workflowInfo().workflowId}:${updateId}`,
          ...extras,
        });
      } catch (err) {
        // A refusal found while writing (e.g. a required section is empty) reaches the caller as itself.
        if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure) {
          throw ApplicationFailure.create({
            message: err.cause.message,
            type: err.cause.type ?? undefined,
            nonRetryable: true,
            details: err.cause.details ?? undefined,
          });
        }
        throw err;
      }
      state.history.push({ action, from: verdict.from, to: outcome.status, actorId: actor.userId, at: nowIso() });
      if (action === 'RECOMMEND') state.recommendedVersionNo = outcome.versionNo;
      if (action === 'EXTEND_DEADLINE' && extras.deadlineKind === 'SUBMISSION') ownSubmissionDeadline = true;
      state.status = outcome.status;
      state.versionNo = outcome.versionNo;
      state.deadlines = outcome.deadlines;
      generation++;
      return outcome;
    } finally {
      busy = false;
    }
  };

  const decision = (d: DecisionInput): MoveExtras => ({
    comment: d.comment,
    capacity: d.capacity,
    rubric: d.rubric,
    recommendation: d.recommendation,
    deadline: d.revisionDeadline,
  });

  setHandler(planStateQuery, () => state);
  setHandler(closePlanSignal, (req) => {
    closeRequest ??= req;
  });
  setHandler(campaignDeadlineChangedSignal, ({ submissionDeadline }) => {
    if (ownSubmissionDeadline) return;
    state.deadlines = { ...state.deadlines, submission: submissionDeadline };
    generation++;
  });

  const simple = (action: PlanAction) => ({
    handler: (actor: Actor) => move(action, actor),
    validator: (actor: Actor) => refuseUnlessAllowed(action, actor),
  });
  for (const [def, action] of [
    [startDraftUpdate, 'START_DRAFT'],
    [submitPlanUpdate, 'SUBMIT'],
    [withdrawPlanUpdate, 'WITHDRAW'],
    [startReviewUpdate, 'START_REVIEW'],
  ] as const) {
    const { handler, validator } = simple(action);
    setHandler(def, handler, { validator });
  }
  setHandler(recommendPlanUpdate, (d) => move('RECOMMEND', d.actor, decision(d)), {
    validator: (d) => {
      refuseUnlessAllowed('RECOMMEND', d.actor);
      if (!d.recommendation) throw invalidInput('Cần chọn đề xuất: phê duyệt hay trả lại.');
    },
  });
  setHandler(approvePlanUpdate, (d) => move('APPROVE', d.actor, decision(d)), {
    validator: (d) => refuseUnlessAllowed('APPROVE', d.actor),
  });
  setHandler(returnForRevisionUpdate, (d) => move('RETURN', d.actor, decision(d)), {
    validator: (d) => {
      refuseUnlessAllowed('RETURN', d.actor);
      if (!d.comment?.trim()) throw invalidInput('Cần ghi ý kiến khi trả lại kế hoạch để nhà trường chỉnh sửa.');
    },
  });
  setHandler(exemptPlanUpdate, (r) => move('EXEMPT', r.actor, { reason: r.reason }), {
    validator: (r) => refuseUnlessAllowed('EXEMPT', r.actor),
  });
  setHandler(reopenPlanUpdate, (r) => move('REOPEN', r.actor, { reason: r.reason, deadline: r.deadline }), {
    validator: (r) => refuseUnlessAllowed('REOPEN', r.actor),
  });
  setHandler(assignReviewerUpdate, (a) => move('ASSIGN_REVIEWER', a.actor, { reviewerId: a.reviewerId }), {
    validator: (a) => refuseUnlessAllowed('ASSIGN_REVIEWER', a.actor),
  });
  setHandler(
    extendDeadlineUpdate,
    (e) =>
      move('EXTEND_DEADLINE', e.actor, {
        deadlineKind: e.kind,
        deadline: e.until,
        reason: e.reason,
        requestId: e.requestId,
        quiet: e.quiet,
      }),
    {
      validator: (e) => {
        refuseUnlessAllowed('EXTEND_DEADLINE', e.actor);
        const schoolSide = SCHOOL_SIDE.includes(state.status);
        if (e.kind === 'REVIEW' ? schoolSide : !schoolSide) {
          throw ApplicationFailure.nonRetryable(
            e.kind === 'REVIEW'
              ? 'Chỉ gia hạn thời hạn duyệt khi kế hoạch đang chờ Phòng xét duyệt.'
              : 'Chỉ gia hạn thời hạn nộp khi kế hoạch đang chờ nhà trường nộp.',
            'INVALID_TRANSITION',
          );
        }
      },
    },
  );

  if ((await watchDeadlines()) === 'history-full') {
    // Between moves, never during one: an Update in flight finishes in this run, later ones reach the next.
    await condition(() => !busy && allHandlersFinished());
    if (!closeRequest) {
      const carried: CarriedPlanState = {
        state: { ...state, history: state.history.slice(-CARRIED_HISTORY) },
        ownSubmissionDeadline,
      };
      await continueAsNew<typeof planWorkflow>({ ...input, carried });
    }
  }

  if (closeRequest && (SCHOOL_SIDE.includes(state.status) || OFFICE_SIDE.includes(state.status))) {
    const req: ClosePlanInput = closeRequest;
    await move('CLOSE', { userId: req.actorId, role: 'ADMIN' }, { reason: req.reason });
  }
  await condition(allHandlersFinished);
  return state;

  /**
   * Arms a timer on the deadline in force, re-arming whenever a move or a signal changes it, until closed or until
   * the history is long enough to continue as new.
   */
  async function watchDeadlines(): Promise<'closed' | 'history-full'> {
    for (;;) {
      refreshDeadlineInForce();
      if (closeRequest) return 'closed';
      if (historyFull(input.historyLimit) && patched(BOUNDED_HISTORY)) return 'history-full';
      const seen = generation;
      const due = state.deadlineInForce;
      if (due && !due.overdue) {
        const delay = realDelayUntil(clock, Date.now(), Date.parse(due.at));
        // A zero timeout would mean "no timer": a deadline already past is overdue at once.
        const changed = delay > 0 && (await condition(() => closeRequest !== null || generation !== seen, delay));
        if (!changed) due.overdue = true;
      } else {
        await condition(() => closeRequest !== null || generation !== seen);
      }
    }
  }

  function refreshDeadlineInForce(): void {
    const d = state.deadlines;
    let next: PlanState['deadlineInForce'] = null;
    if (SCHOOL_SIDE.includes(state.status)) {
      next = d.revision
        ? { kind: 'REVISION', at: d.revision, overdue: false }
        : { kind: 'SUBMISSION', at: d.submission, overdue: false };
    } else if (OFFICE_SIDE.includes(state.status) && d.reviewDue) {
      next = { kind: 'REVIEW', at: d.reviewDue, overdue: false };
    }
    const same = next && state.deadlineInForce?.kind === next.kind && state.deadlineInForce.at === next.at;
    if (!same) state.deadlineInForce = next;
  }
}

const nowIso = (): string => new Date().toISOString();

/** Moves kept in the state handed to the next run; the audit trail in PostgreSQL keeps them all. */
const CARRIED_HISTORY = 50;

/** Whether this run's history is long enough to hand over to a new one. */
function historyFull(limit: number | undefined): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || (limit !== undefined && info.historyLength >= limit);
}
