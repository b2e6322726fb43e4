import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { type PlanStatus, PrismaService, type Tx } from '@duyet/database';
import type { AuthUser } from '../plans/access';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import { type MeetingRow, loadMeeting, meetingTitle, schoolDeadline, syncInvitations } from './meeting-store';
import { formatVnDateTime } from '../common/format';
import { isUniqueViolation } from '../common/failures';
import { meetingReviewDue } from './meeting-review-due';
import { vnDay } from './meeting-times';
import { MailQueueService } from '@duyet/mail';
import { PlanMovesService } from '../plans/plan-moves.service';
import type { AuditData, AuditEvent, MeetingChangeDone } from '../audit/audit-events';
import { AuditLog } from '../audit/audit-log';

/** What one change did, as its apply step reports it. */
/** The audit types of a change to a campaign's meetings. */
const MEETING_CHANGE_TYPES = [
  'MEETING_SCHEDULED',
  'MEETING_RESCHEDULED',
  'MEETING_SLOTS_REORDERED',
  'MEETING_SCHOOL_ADDED',
  'MEETING_SCHOOL_REMOVED',
  'MEETING_CANCELLED',
] as const;
export type MeetingChangeType = (typeof MEETING_CHANGE_TYPES)[number];

export interface MeetingChange<K extends MeetingChangeType = MeetingChangeType> {
  /** the meetings whose invitees must hear about it */
  meetingIds: string[];
  /** a meeting this change created: its first invitations keep SEQUENCE 0 */
  createdId?: string;
  planId?: string;
  /** the event's data, but for what the change did (MeetingChangeDone) */
  audit: DistributiveOmit<AuditData[K], keyof MeetingChangeDone>;
  /** what changed, in a sentence, for the updates */
  note?: string;
  /** why someone no longer invited is taken off, for the cancellations */
  withdrawReason?: string;
}

type Done = MeetingChangeDone;

/**
 * Runs an admin's change to a campaign's meetings the way plan moves run: the change, its audit event and the
 * invitees' e-mails (updates and cancellations with their .ics) in one transaction, keyed by the request's
 * Idempotency-Key so a retry finds what the first attempt did; the e-mails are enqueued after the commit.
 * Then every slotted plan whose deadline in force falls after its meeting's start is brought forward to it,
 * through the plan's workflow, so a plan missing at the meeting is overdue on the board.
 */
@Injectable()
export class MeetingChangesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly mailQueue: MailQueueService,
    private readonly clock: ClockService,
    private readonly moves: PlanMovesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run<K extends MeetingChangeType>(
    user: AuthUser,
    campaignId: string,
    type: K,
    key: string,
    apply: (tx: Tx) => Promise<MeetingChange<K>>,
  ): Promise<string[]> {
    const idempotencyKey = `meeting:${type}:${key}`;
    let done = await this.findDone(idempotencyKey);
    if (!done) {
      try {
        done = await this.prisma.$transaction(
          (tx) => this.apply(tx, user, { campaignId, type, idempotencyKey }, apply),
          { timeout: 30_000 },
        );
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        done = await this.findDone(idempotencyKey);
        if (!done) throw err;
      }
    }
    await this.mailQueue.enqueue(done.emailIds);
    await this.alignDeadlines(user, done.meetingIds, idempotencyKey);
    return done.meetingIds;
  }

  private async findDone(idempotencyKey: string): Promise<Done | null> {
    const event = await AuditLog.find(this.prisma, idempotencyKey, ...MEETING_CHANGE_TYPES);
    return event?.data ?? null;
  }

  private async apply<K extends MeetingChangeType>(
    tx: Tx,
    user: AuthUser,
    c: { campaignId: string; type: K; idempotencyKey: string },
    apply: (tx: Tx) => Promise<MeetingChange<K>>,
  ): Promise<Done> {
    // One change at a time per campaign: a school sits on one meeting at most and positions stay 1, 2, 3 …
    // NO KEY UPDATE: it queues meeting changes behind each other without blocking the key-share locks that inserts
    // referencing the campaign take (e-mail rows, audit events); FOR UPDATE deadlocked with those under load.
    await tx.$queryRaw`SELECT id FROM "Campaign" WHERE id = ${c.campaignId}::uuid FOR NO KEY UPDATE`;
    const change = await apply(tx);
    const meetingIds = [...new Set(change.meetingIds)];
    const ctx = {
      now: this.clock.now(),
      publicUrl: this.config.publicUrl,
      organizerEmail: /<([^>]+)>/.exec(this.config.smtp.from)?.[1] ?? this.config.smtp.from.trim(),
      note: change.note,
      withdrawReason: change.withdrawReason ?? 'Lịch hội nghị đã thay đổi.',
    };
    const emailIds: string[] = [];
    for (const id of meetingIds) {
      const created = id === change.createdId;
      emailIds.push(...(await syncInvitations(tx, user.districtId, id, c.idempotencyKey, { ...ctx, created })));
    }
    const done: Done = { meetingIds, emailIds };
    // The data is the type's own (MeetingChange<K>), which TypeScript cannot follow through a generic K.
    const event = {
      districtId: user.districtId,
      campaignId: c.campaignId,
      planId: change.planId ?? null,
      actorId: user.id,
      type: c.type,
      data: { ...change.audit, ...done },
      idempotencyKey: c.idempotencyKey,
    } as AuditEvent;
    await AuditLog.write(tx, event);
    return done;
  }

  /**
   * "Plans must be submitted before their meeting": a later deadline in force becomes the meeting's start. A plan
   * the office already holds is decided at the meeting: its review falls due on the day it is presented.
   */
  private async alignDeadlines(user: AuthUser, meetingIds: string[], key: string): Promise<void> {
    for (const id of meetingIds) {
      const m = await loadMeeting(this.prisma, user.districtId, id);
      if (m.status !== 'SCHEDULED') continue;
      await this.alignReviewDue(user, m, key);
      const reason = `Kế hoạch phải nộp trước ${meetingTitle(m.cluster.name)}, bắt đầu lúc ${formatVnDateTime(m.startsAt)}.`;
      for (const slot of m.slots) {
        const deadline = schoolDeadline(slot.plan, m.campaign.submissionDeadline);
        if (!deadline || deadline <= m.startsAt) continue;
        const kind = slot.plan.status === 'RETURNED' ? 'REVISION' : 'SUBMISSION';
        // The meeting's invitation tells the school; no separate deadline e-mail.
        const body = { kind, until: m.startsAt.toISOString(), reason, quiet: true } as const;
        try {
          await this.moves.extendDeadline(user, slot.planId, body, `${key}:deadline:${slot.planId}`);
        } catch (err) {
          // The school submitted in the meantime: nothing left to bring forward.
          if (!(err instanceof DomainError && err.code === 'INVALID_TRANSITION')) throw err;
        }
      }
    }
  }

  /** The review due date of each submitted plan on the meeting becomes its day at the meeting (meetingReviewDue). */
  private async alignReviewDue(user: AuthUser, m: MeetingRow, key: string): Promise<void> {
    const now = this.clock.now();
    const reason = `Kế hoạch được xét duyệt tại ${meetingTitle(m.cluster.name)}, ${vnDay(m.startsAt, m.campaign.district.timezone)}.`;
    for (const slot of m.slots) {
      if (!WAITING_ON_OFFICE.includes(slot.plan.status)) continue;
      const due = meetingReviewDue(m, slot.position, m.campaign.district.timezone);
      if (due <= now || slot.plan.reviewDueAt?.getTime() === due.getTime()) continue;
      const body = { kind: 'REVIEW', until: due.toISOString(), reason, quiet: true } as const;
      try {
        await this.moves.extendDeadline(user, slot.planId, body, `${key}:review:${slot.planId}`);
      } catch (err) {
        // Decided in the meantime: no review left to schedule.
        if (!(err instanceof DomainError && err.code === 'INVALID_TRANSITION')) throw err;
      }
    }
  }
}

/** Omit over each member of a union, so each keeps its own keys. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const WAITING_ON_OFFICE: readonly PlanStatus[] = ['SUBMITTED', 'UNDER_REVIEW'];
