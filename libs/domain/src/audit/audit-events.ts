import type { AuditType, MeetingOutcome } from '@duyet/database';
import type { DeadlineKind, MoveOutcome } from '@duyet/workflows';
import type { DayOverrideEntry } from '../calendar/working-calendar';
import type { SendRemindersResult } from '../reminders/reminders.service';

// What each audit type keeps in its `data` column, one shape per AuditType (prisma/schema.prisma). Instants are
// kept as ISO strings in UTC (auditInstant), so the shape written is the shape read back.

/** Every move of a plan, written by the activity that applies it; a retry finds its outcome and e-mails here. */
export interface PlanMoveData {
  outcome: Omit<MoveOutcome, 'auditEventId'>;
  emailIds: string[];
  from: string;
  to: string;
  comment?: string;
  reason?: string;
}

/** A decision or recommendation on the current version. */
export interface DecisionMoveData extends PlanMoveData {
  versionNo: number;
  kind: string;
  capacity: string;
  supersedes: string | null;
}

/** A change to a campaign's meetings; `meetingIds` and `emailIds` are what a retry of the request finds. */
export interface MeetingChangeDone {
  meetingIds: string[];
  emailIds: string[];
}

export interface MeetingPlace {
  startsAt: string;
  venue: string;
  slotMinutes: number;
}

/** The data of each audit type. */
export interface AuditData {
  CAMPAIGN_CREATED: { key: string; documentNumber: string };
  CAMPAIGN_PLANS_OPENED: { plansStarted: number };
  PLAN_DRAFT_STARTED: PlanMoveData;
  PLAN_SUBMITTED: PlanMoveData & { versionNo: number; late: boolean; warnings: unknown[] };
  PLAN_APPROVED: DecisionMoveData;
  PLAN_RETURNED: DecisionMoveData;
  PLAN_WITHDRAWN: PlanMoveData & { versionNo: number };
  PLAN_REVIEW_STARTED: PlanMoveData;
  PLAN_RECOMMENDED: DecisionMoveData;
  PLAN_EXEMPTED: PlanMoveData & { deadline?: string };
  PLAN_REOPENED: PlanMoveData & { deadline?: string };
  PLAN_CLOSED: PlanMoveData & { deadline?: string };
  PLAN_REVIEWER_ASSIGNED: PlanMoveData & { reviewerId: string; previousReviewerId: string | null };
  PLAN_DRAFT_SAVED: {
    revision: number;
    basedOn: number | null;
    sections: string[];
    indicators: string[];
    changed: { sections: string[]; indicators: string[] };
  };
  COMMENT_ADDED: { commentId: string; anchorType: string; anchorKey: string | null; parentId: string | null };
  COMMENT_RESOLVED: { commentId: string; versionNo: number };
  ATTACHMENT_ADDED: { attachmentId: string; fileName: string; mimeType: string; size: number; sha256: string };
  ATTACHMENT_REMOVED: { attachmentId: string; fileName: string; sha256: string };
  CAMPAIGN_SCHOOL_ADDED: { schoolCode: string; requestKey: string };
  CAMPAIGN_SCHOOL_REMOVED: { schoolCode: string; reason: string };
  CAMPAIGN_CLOSED: { reason: string };
  CAMPAIGN_PROBLEM: { stage: 'LAUNCH' | 'CLOSE' | 'DEADLINE'; message: string };
  /** one plan's deadline (a move of its workflow), or the whole campaign's submission deadline */
  DEADLINE_EXTENDED:
    | (PlanMoveData & { kind: DeadlineKind; previous: string | null; until: string; reason: string })
    | { kind: 'SUBMISSION'; scope: 'CAMPAIGN'; previous: string; until: string; reason: string; emailIds: string[] };
  EXTENSION_REQUESTED: { id: string; reason: string; requestedUntil: string | null; emailIds: string[] };
  /** not written: a granted request is the DEADLINE_EXTENDED move that names it */
  EXTENSION_GRANTED: { id: string };
  EXTENSION_REFUSED: { id: string; note: string; emailIds: string[] };
  REMINDER_SENT: SendRemindersResult & {
    day: string;
    manual: boolean;
    planIds: number | null;
    campaignIds: string[];
  };
  DAY_OVERRIDE_CHANGED: { date: string; before: DayOverrideEntry | null; after: DayOverrideEntry | null };
  REMINDER_HOUR_CHANGED: { before: string; after: string };
  MEETING_SCHEDULED: MeetingChangeDone & {
    meetingId: string;
    cluster: string;
    startsAt: string;
    venue: string;
    schools: string[];
  };
  MEETING_RESCHEDULED: MeetingChangeDone & {
    meetingId: string;
    from: MeetingPlace;
    to: MeetingPlace;
    reason?: string;
  };
  MEETING_SLOTS_REORDERED: MeetingChangeDone & { meetingId: string; order: (string | undefined)[] };
  /** put on a meeting's agenda, or moved there from another meeting */
  MEETING_SCHOOL_ADDED: MeetingChangeDone &
    ({ meetingId: string; school: string } | { from: string; to: string; school: string });
  MEETING_SCHOOL_REMOVED: MeetingChangeDone & { meetingId: string; school: string; reason: string };
  MEETING_CANCELLED: MeetingChangeDone & { meetingId: string; title: string; reason: string };
  MEETING_ATTENDANCE_RECORDED: {
    meetingId: string;
    present: number;
    absent: number;
    guests: { fullName: string; title: string; schoolCode?: string }[];
  };
  MEETING_OUTCOME_RECORDED: {
    meetingId: string;
    slotId: string;
    outcome: MeetingOutcome;
    decisionId?: string;
    status: string;
  };
  EMAIL_RESENT: {
    emailId: string;
    to: string;
    subject: string;
    template: string;
    attempts: number;
    lastError: string | null;
    campaignId: string | null;
    planId: string | null;
    bulk?: true;
  };
  DELEGATION_RECORDED: DelegationData;
  DELEGATION_REVOKED: DelegationData & { reason: string };
  CLUSTER_CREATED: { clusterId: string; code: string; name: string };
  CLUSTER_RENAMED: { clusterId: string; code: string; before: string; after: string };
  /** `reviewers`: how many reviewers covered it (their assignment to it went with it) */
  CLUSTER_REMOVED: { clusterId: string; code: string; name: string; reviewers: number };
  SCHOOL_CREATED: { schoolId: string; code: string; after: SchoolFacts };
  /** only the fields that changed, before and after */
  SCHOOL_CHANGED: { schoolId: string; code: string; before: Partial<SchoolFacts>; after: Partial<SchoolFacts> };
  /** `openPlans`: plans of running campaigns still open when it closed (they stay readable) */
  SCHOOL_CLOSED: { schoolId: string; code: string; name: string; reason: string; openPlans: number };
  SCHOOL_REOPENED: { schoolId: string; code: string; name: string };
  USER_CREATED: { user: PersonRef; after: UserFacts; invited: boolean };
  /** only the fields that changed, before and after; a departing principal's open plans and a dropped review scope */
  USER_CHANGED: {
    user: PersonRef;
    before: Partial<UserFacts>;
    after: Partial<UserFacts>;
    handedOver?: HandoverFacts;
    reviewScopeCleared?: boolean;
  };
  USER_DEACTIVATED: { user: PersonRef; handedOver?: HandoverFacts };
  USER_REACTIVATED: { user: PersonRef };
  REVIEW_SCOPE_CHANGED: { user: PersonRef; before: ReviewScopeFacts; after: ReviewScopeFacts };
  /** one per open plan of the school a principal left; `to` null: left for the admin to settle */
  PLAN_HANDED_OVER: { from: PersonRef; to: PersonRef | null; schoolCode: string; status: string };
  PERSONAL_DATA_EXPORTED: { user: PersonRef };
  /** `user.fullName` is already the pseudonym: the name is what was erased */
  USER_ERASED: { user: PersonRef; signIns: number; emails: number; auditEvents: number };
  PHASE_OPENED: {
    phaseIndex: number;
    phaseName: string;
    /** the SELF_ASSESSMENT campaign opened for the phase */
    campaignId: string;
    documentNumber: string;
    submissionDeadline: string;
    /** schools whose approved plans get a self-assessment */
    schools: number;
    /** approved plans left out, each with why */
    exceptions: { schoolId: string; schoolName: string; reason: string }[];
  };
  PAPER_COPIES_RECEIVED: {
    receiptId: string;
    copies: number;
    /** an instant, UTC */
    receivedAt: string;
    /** copies received for this plan so far, this delivery included, and how many the campaign asks */
    total: number;
    required: number;
    note?: string | null;
  };
  PEOPLE_IMPORTED: PeopleImportData;
}

/** Someone an event is about, by id and their name when it was written (replaced by the pseudonym on erasure). */
export interface PersonRef {
  id: string;
  fullName: string;
}

/** A school's facts an admin edits. */
export interface SchoolFacts {
  name: string;
  level: string;
  cluster: string;
  commune: string | null;
  students: number | null;
}

/** A person's standing an admin edits: who they are shown as, and the position (at a school) the rules read. */
export interface UserFacts {
  fullName: string;
  title: string;
  position: string;
  acting: boolean;
  /** the school's code; null for the office */
  school: string | null;
}

/** The open plans a departing principal left, and to whom (null: the admin settles them). */
export interface HandoverFacts {
  school: string;
  plans: number;
  to: PersonRef | null;
}

/** The levels and cluster codes a reviewer covers. */
export interface ReviewScopeFacts {
  levels: string[];
  clusters: string[];
}

/** An applied district workbook: which file, and how many of each kind it created and updated. */
export interface PeopleImportData {
  fileName: string;
  sha256: string;
  clusters: ImportCounts;
  schools: ImportCounts;
  users: ImportCounts;
  /** new users sent an invitation to set their password (0 unless the admin asked) */
  invited: number;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** A delegation of signing as the trail keeps it: who to whom, how, and the days (YYYY-MM-DD, inclusive). */
export interface DelegationData {
  delegationId: string;
  from: { id: string; fullName: string };
  to: { id: string; fullName: string };
  kind: 'TL' | 'TUQ';
  startsOn: string;
  endsOn: string;
  reference?: string | null;
}

/** Who and what an event is about: the district always, the campaign, plan and actor when there is one. */
export interface AuditScope {
  districtId: string;
  campaignId?: string | null;
  planId?: string | null;
  actorId?: string | null;
}

/** One event to write: its type picks the shape of its data. */
export type AuditEvent = {
  [K in AuditType]: AuditScope & { type: K; data: AuditData[K]; idempotencyKey?: string };
}[AuditType];

/** An event of one type. */
export type AuditEventOf<K extends AuditType> = Extract<AuditEvent, { type: K }>;
