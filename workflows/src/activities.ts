// The activities the workflows call, as types only. The worker implements them (apps/worker).
import type { Actor, DeadlineKind, Rubric, MoveOutcome } from './definitions';
import type { PlanAction, PlanStatus } from './plan-moves';

export interface ApplyMoveInput {
  planId: string;
  action: PlanAction;
  actor: Actor;
  from: PlanStatus;
  to: PlanStatus;
  /** workflow id + update id: a retried activity finds the change it already made */
  idempotencyKey: string;
  comment?: string;
  capacity?: string;
  rubric?: Rubric;
  recommendation?: 'APPROVE' | 'RETURN';
  /** RETURN: the revision deadline; REOPEN: the adjustment deadline; EXTEND_DEADLINE: the new date */
  deadline?: string;
  /** EXEMPT, REOPEN, CLOSE, EXTEND_DEADLINE */
  reason?: string;
  reviewerId?: string;
  deadlineKind?: DeadlineKind;
  requestId?: string;
  quiet?: boolean;
}

export interface StartPlanBatchResult {
  started: number;
  /** the last school id of the batch, or null when every plan has been started */
  nextCursor: string | null;
}

export interface PlanActivities {
  applyPlanTransition(input: ApplyMoveInput): Promise<MoveOutcome>;
}

export interface CampaignActivities {
  openCampaignPlans(input: { campaignId: string }): Promise<{ plans: number }>;
  startPlanWorkflowsBatch(input: {
    campaignId: string;
    after: string | null;
    limit: number;
  }): Promise<StartPlanBatchResult>;
  markCampaignPlansOpened(input: { campaignId: string; plansStarted: number }): Promise<void>;
  /** records the campaign as closed (status, audit); idempotent */
  markCampaignClosed(input: { campaignId: string; actorId: string; reason: string }): Promise<void>;
  /** moves the campaign's deadline (row, audit, e-mails to the schools it concerns); idempotent by key */
  extendCampaignDeadline(input: {
    campaignId: string;
    actorId: string;
    until: string;
    reason: string;
    idempotencyKey: string;
  }): Promise<void>;
  /**
   * keeps on the campaign, for its admins, why a campaign-level step failed for good (after its bounded
   * attempts or at once for a permanent error); audited
   */
  recordCampaignProblem(input: {
    campaignId: string;
    stage: 'LAUNCH' | 'CLOSE' | 'DEADLINE';
    message: string;
  }): Promise<void>;
  /** signals a batch of the campaign's plan workflows (close, or the campaign deadline moved) */
  signalPlanWorkflowsBatch(input: {
    campaignId: string;
    signal: 'close' | 'deadline';
    after: string | null;
    limit: number;
    actorId: string;
    reason: string;
    /** for 'deadline': the new deadline */
    until?: string;
  }): Promise<StartPlanBatchResult>;
}

export interface ReminderActivities {
  /** the district's hour of its daily run, 'HH:mm' local time (an admin may change it at any time) */
  districtReminderHour(input: { districtId: string }): Promise<string>;
  /**
   * sends one day's reminders of every active campaign of the district, at most one message per person per
   * day; idempotent, so a retry or a second run of the same day sends nothing more
   */
  sendDueReminders(input: { districtId: string; day: string }): Promise<{ emails: number }>;
}
