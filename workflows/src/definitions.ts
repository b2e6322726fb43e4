// Signals, updates and queries of the workflows, defined once. The API imports these to talk to the
// workflows; the workflows implement them. Inputs are plain data.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ActorRole, PlanStatus } from './plan-transitions';

export const TASK_QUEUE_DEFAULT = 'duyet';

export const planWorkflowId = (campaignId: string, schoolId: string): string => `plan:${campaignId}:${schoolId}`;
export const campaignWorkflowId = (campaignId: string): string => `campaign:${campaignId}`;

export interface Actor {
  userId: string;
  role: ActorRole;
}

export interface PlanWorkflowInput {
  planId: string;
  campaignId: string;
  schoolId: string;
  districtId: string;
  /** ISO instant; the deadline in force when the workflow started */
  submissionDeadline: string;
}

export interface CampaignWorkflowInput {
  campaignId: string;
  districtId: string;
  /** how many plan workflows to start per activity call */
  batchSize?: number;
}

export interface PlanHistoryEntry {
  action: string;
  from: PlanStatus;
  to: PlanStatus;
  actorId: string;
  at: string;
}

export interface PlanState {
  planId: string;
  status: PlanStatus;
  versionNo: number;
  submissionDeadline: string;
  history: PlanHistoryEntry[];
}

export interface CampaignState {
  campaignId: string;
  plansStarted: number;
  done: boolean;
  closed: boolean;
}

export interface DecisionInput {
  actor: Actor;
  comment?: string;
  /** KT./TM./TL. with the title signed for */
  capacity: string;
}

export interface TransitionOutcome {
  status: PlanStatus;
  versionNo: number;
  versionId?: string;
  decisionId?: string;
  auditEventId: string;
}

export const startDraftUpdate = defineUpdate<TransitionOutcome, [Actor]>('startDraft');
export const submitPlanUpdate = defineUpdate<TransitionOutcome, [Actor]>('submitPlan');
export const approvePlanUpdate = defineUpdate<TransitionOutcome, [DecisionInput]>('approvePlan');
export const returnForRevisionUpdate = defineUpdate<TransitionOutcome, [DecisionInput]>('returnForRevision');
export const closePlanSignal = defineSignal('closePlan');
export const planStateQuery = defineQuery<PlanState>('planState');
export const campaignStateQuery = defineQuery<CampaignState>('campaignState');

export type * from './activities';
export type { ActorRole, PlanAction, PlanStatus } from './plan-transitions';
export { PLAN_STATUSES, decideTransition, statusLabel } from './plan-transitions';
export type { ClockSettings } from './clock';
export { REAL_TIME, realAt, realDelayUntil, virtualAt } from './clock';
