import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { PlanActivities } from './activities';
import {
  type Actor,
  type DecisionInput,
  type PlanState,
  type PlanWorkflowInput,
  type TransitionOutcome,
  approvePlanUpdate,
  closePlanSignal,
  planStateQuery,
  returnForRevisionUpdate,
  startDraftUpdate,
  submitPlanUpdate,
} from './definitions';
import { type PlanAction, decideTransition } from './plan-transitions';

const { applyPlanTransition } = proxyActivities<PlanActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});

export async function planWorkflow(input: PlanWorkflowInput): Promise<PlanState> {
  const state: PlanState = {
    planId: input.planId,
    status: 'NOT_STARTED',
    versionNo: 0,
    submissionDeadline: input.submissionDeadline,
    history: [],
  };
  let closed = false;
  // Update handlers are async; one move at a time keeps the state consistent when two arrive together.
  let busy = false;

  const refuseUnlessAllowed = (action: PlanAction, actor: Actor): void => {
    const verdict = decideTransition(state.status, action, actor.role);
    if (!verdict.allowed) throw ApplicationFailure.nonRetryable(verdict.reason, verdict.code);
  };

  const move = async (action: PlanAction, actor: Actor, decision?: DecisionInput): Promise<TransitionOutcome> => {
    await condition(() => !busy);
    busy = true;
    try {
      // Checked again: another update may have moved the plan since the validator ran.
      const verdict = decideTransition(state.status, action, actor.role);
      if (!verdict.allowed) throw ApplicationFailure.nonRetryable(verdict.reason, verdict.code);
      const updateId = currentUpdateInfo()?.id ?? `${action}:${state.history.length}`;
      const outcome = await applyPlanTransition({
        planId: input.planId,
        action,
        actor,
        from: verdict.from,
        to: verdict.to,
        idempotencyKey: `${workflowInfo().workflowId}:${updateId}`,
        comment: decision?.comment,
        capacity: decision?.capacity,
      });
      state.history.push({
        action,
        from: verdict.from,
        to: outcome.status,
        actorId: actor.userId,
        at: new Date().toISOString(),
      });
      state.status = outcome.status;
      state.versionNo = outcome.versionNo;
      return outcome;
    } finally {
      busy = false;
    }
  };

  setHandler(planStateQuery, () => state);
  setHandler(closePlanSignal, () => {
    closed = true;
  });
  setHandler(startDraftUpdate, (actor) => move('START_DRAFT', actor), {
    validator: (actor) => refuseUnlessAllowed('START_DRAFT', actor),
  });
  setHandler(submitPlanUpdate, (actor) => move('SUBMIT', actor), {
    validator: (actor) => refuseUnlessAllowed('SUBMIT', actor),
  });
  setHandler(approvePlanUpdate, (decision) => move('APPROVE', decision.actor, decision), {
    validator: (decision) => refuseUnlessAllowed('APPROVE', decision.actor),
  });
  setHandler(returnForRevisionUpdate, (decision) => move('RETURN', decision.actor, decision), {
    validator: (decision) => {
      refuseUnlessAllowed('RETURN', decision.actor);
      if (!decision.comment?.trim()) {
        throw ApplicationFailure.nonRetryable(
          'Cần ghi ý kiến khi trả lại kế hoạch để nhà trường chỉnh sửa.',
          'INVALID_INPUT',
        );
      }
    },
  });

  await condition(() => closed);
  await condition(allHandlersFinished);
  return state;
}
