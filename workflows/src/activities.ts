// The activities the workflows call, as types only. The worker implements them (apps/worker).
import type { Actor, TransitionOutcome } from './definitions';
import type { PlanAction, PlanStatus } from './plan-transitions';

export interface ApplyTransitionInput {
  planId: string;
  action: PlanAction;
  actor: Actor;
  from: PlanStatus;
  to: PlanStatus;
  /** workflow id + update id: a retried activity finds the change it already made */
  idempotencyKey: string;
  comment?: string;
  capacity?: string;
}

export interface StartPlanBatchResult {
  started: number;
  /** the last school id of the batch, or null when every plan has been started */
  nextCursor: string | null;
}

export interface PlanActivities {
  applyPlanTransition(input: ApplyTransitionInput): Promise<TransitionOutcome>;
}

export interface CampaignActivities {
  openCampaignPlans(input: { campaignId: string }): Promise<{ plans: number }>;
  startPlanWorkflowsBatch(input: {
    campaignId: string;
    after: string | null;
    limit: number;
  }): Promise<StartPlanBatchResult>;
  markCampaignPlansOpened(input: { campaignId: string; plansStarted: number }): Promise<void>;
}
