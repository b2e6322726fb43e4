// Signals, updates and queries of the workflows, defined once. The API imports these to talk to the
// workflows; the workflows implement them. Inputs are plain data.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ClockSettings } from './clock';
import type { ActorRole, OfficeRank, PlanAction, PlanStatus } from './plan-moves';

export const TASK_QUEUE_DEFAULT = 'duyet';

export const planWorkflowId = (campaignId: string, schoolId: string): string => `plan:${campaignId}:${schoolId}`;
export const campaignWorkflowId = (campaignId: string): string => `campaign:${campaignId}`;
/** One reminders workflow per district: its daily run covers every campaign of the district. */
export const remindersWorkflowId = (districtId: string): string => `reminders:${districtId}`;

export interface Actor {
  userId: string;
  role: ActorRole;
  /** for reviewers and admins, from their position: decides who may decide under two-level approval */
  rank?: OfficeRank;
}

export interface PlanWorkflowInput {
  planId: string;
  campaignId: string;
  schoolId: string;
  districtId: string;
  /** ISO instant; the campaign's deadline in force when the workflow started */
  submissionDeadline: string;
  /** 1 or 2 (see MoveContext.approvalLevels) */
  approvalLevels?: number;
  clock?: ClockSettings;
  /**
   * continue as new once the history has this many events (tests); otherwise when the server suggests it. A plan
   * lives as long as its campaign, years for a multi-year programme, so its history is bounded either way.
   */
  historyLimit?: number;
  /** what the previous run handed over when it continued as new */
  carried?: CarriedPlanState;
}

/** A plan's state as one run of its workflow hands it to the next (continue-as-new). */
export interface CarriedPlanState {
  state: PlanState;
  ownSubmissionDeadline: boolean;
}

export interface CampaignWorkflowInput {
  campaignId: string;
  districtId: string;
  /** how many plan workflows to start or signal per activity call */
  batchSize?: number;
  clock?: ClockSettings;
}

export interface DistrictRemindersInput {
  districtId: string;
  clock?: ClockSettings;
}

/** Carried over a continue-as-new: the day last run, and the day of the run being waited for. */
export interface DistrictRemindersProgress {
  lastRunDay: string | null;
  plannedDay: string | null;
}

export interface PlanHistoryEntry {
  action: PlanAction;
  from: PlanStatus;
  to: PlanStatus;
  actorId: string;
  at: string;
}

/** The deadlines a plan runs against, ISO instants; null when not set. */
export interface PlanDeadlines {
  /** this school's submission deadline (an extension), or the campaign's */
  submission: string;
  /** set when the plan is returned for revision or reopened for adjustment; cleared on a decision */
  revision: string | null;
  /** the reviewer's due date for the submitted version */
  reviewDue: string | null;
}

export type DeadlineKind = 'SUBMISSION' | 'REVISION' | 'REVIEW';

export interface PlanState {
  planId: string;
  status: PlanStatus;
  versionNo: number;
  deadlines: PlanDeadlines;
  /** the deadline in force for the current state, if any, and whether its timer has fired */
  deadlineInForce: { kind: DeadlineKind; at: string; overdue: boolean } | null;
  /** the version a specialist's recommendation was made on (two-level approval) */
  recommendedVersionNo: number | null;
  history: PlanHistoryEntry[];
}

export interface CampaignState {
  campaignId: string;
  plansStarted: number;
  done: boolean;
  closed: boolean;
}

export interface CloseCampaignInput {
  actorId: string;
  reason: string;
}

export interface ExtendCampaignInput {
  actorId: string;
  /** ISO instant */
  until: string;
  reason: string;
}

/** The four criteria of DOMAIN.md, each rated on a review. */
export const RUBRIC_CRITERIA = ['COMPLETE', 'CONCRETE', 'FEASIBLE', 'FITTING'] as const;
export type RubricCriterion = (typeof RUBRIC_CRITERIA)[number];
export type Rubric = Partial<Record<RubricCriterion, { rating: 'MET' | 'PARTLY' | 'NOT_MET'; note?: string }>>;

export interface DecisionInput {
  actor: Actor;
  comment?: string;
  /** KT./TM./TL. with the title signed for */
  capacity: string;
  rubric?: Rubric;
  /** RETURN: ISO instant by which the school must resubmit */
  revisionDeadline?: string;
  /** RECOMMEND: what the specialist recommends */
  recommendation?: 'APPROVE' | 'RETURN';
}

export interface ReasonInput {
  actor: Actor;
  reason: string;
  /** REOPEN: the deadline for the adjusted plan */
  deadline?: string;
}

export interface AssignReviewerInput {
  actor: Actor;
  reviewerId: string;
}

export interface ExtendDeadlineInput {
  actor: Actor;
  kind: DeadlineKind;
  /** ISO instant */
  until: string;
  reason: string;
  /** the principal's request this extension answers, if any */
  requestId?: string;
  /** no e-mail: another message (a meeting invitation) already tells the school */
  quiet?: boolean;
}

export interface MoveOutcome {
  status: PlanStatus;
  versionNo: number;
  versionId?: string;
  decisionId?: string;
  auditEventId: string;
  deadlines: PlanDeadlines;
}

export interface ClosePlanInput {
  actorId: string;
  reason: string;
}

export const startDraftUpdate = defineUpdate<MoveOutcome, [Actor]>('startDraft');
export const submitPlanUpdate = defineUpdate<MoveOutcome, [Actor]>('submitPlan');
export const withdrawPlanUpdate = defineUpdate<MoveOutcome, [Actor]>('withdrawPlan');
export const startReviewUpdate = defineUpdate<MoveOutcome, [Actor]>('startReview');
export const recommendPlanUpdate = defineUpdate<MoveOutcome, [DecisionInput]>('recommendPlan');
export const approvePlanUpdate = defineUpdate<MoveOutcome, [DecisionInput]>('approvePlan');
export const returnForRevisionUpdate = defineUpdate<MoveOutcome, [DecisionInput]>('returnForRevision');
export const exemptPlanUpdate = defineUpdate<MoveOutcome, [ReasonInput]>('exemptPlan');
export const reopenPlanUpdate = defineUpdate<MoveOutcome, [ReasonInput]>('reopenPlan');
export const assignReviewerUpdate = defineUpdate<MoveOutcome, [AssignReviewerInput]>('assignReviewer');
export const extendDeadlineUpdate = defineUpdate<MoveOutcome, [ExtendDeadlineInput]>('extendDeadline');
/** The campaign closed or the school was removed: an open plan is closed, a finished one just ends. */
export const closePlanSignal = defineSignal<[ClosePlanInput]>('closePlan');
/** The campaign's deadline moved for every school without a deadline of its own. */
export const campaignDeadlineChangedSignal = defineSignal<[{ submissionDeadline: string }]>('campaignDeadlineChanged');
export const closeCampaignUpdate = defineUpdate<CampaignState, [CloseCampaignInput]>('closeCampaign');
export const extendCampaignDeadlineUpdate = defineUpdate<CampaignState, [ExtendCampaignInput]>(
  'extendCampaignDeadline',
);
export const planStateQuery = defineQuery<PlanState>('planState');
export const campaignStateQuery = defineQuery<CampaignState>('campaignState');

export type * from './activities';
export type { ActorRole, MoveContext, OfficeRank, PlanAction, PlanStatus } from './plan-moves';
export { PLAN_ACTIONS, PLAN_STATUSES, RULES, decideMove, statusLabel } from './plan-moves';
export type { ClockSettings } from './clock';
export { REAL_TIME, realAt, realDelayUntil, virtualAt } from './clock';
