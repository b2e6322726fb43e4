import { Injectable } from '@nestjs/common';
import { PrismaService } from '@duyet/database';
import type { AttendanceInput, MeetingOutcomeInput } from './meeting-schemas';
import type { AuthUser } from '../plans/access';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import { assertScheduled, loadMeeting } from './meeting-store';
import { PlanMovesService } from '../plans/plan-moves.service';
import { invalid } from './meeting-plans';
import { MeetingQueriesService } from './meeting-queries.service';
import { AuditLog } from '../audit/audit-log';

/**
 * What happens at the meeting: who attended, and the outcome on each plan. An outcome is the plan's own decision,
 * made through the same workflow Updates as at the desk (start review if needed, then approve or return), so the
 * plan's state, its Decision row, its audit trail and the principal's e-mail are the desk's; the slot points to it.
 */
@Injectable()
export class MeetingRecordsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: ClockService,
    private readonly moves: PlanMovesService,
    private readonly queries: MeetingQueriesService,
  ) {}

  async recordOutcome(user: AuthUser, meetingId: string, slotId: string, input: MeetingOutcomeInput, key: string) {
    const updateId = `meeting-outcome:${slotId}:${key}`;
    const done = await this.prisma.auditEvent.findUnique({ where: { idempotencyKey: updateId } });
    const meeting = await this.queries.load(user, meetingId, 'FULL');
    const slot = meeting.slots.find((s) => s.id === slotId);
    if (!slot) throw new DomainError('NOT_FOUND', 'Không có lượt trình bày này trong hội nghị.');
    if (!done) {
      assertScheduled(meeting);
      if (slot.outcome)
        throw new DomainError('INVALID_TRANSITION', 'Đã ghi kết quả duyệt cho trường này tại hội nghị.');
      if (slot.plan.status === 'SUBMITTED') await this.moves.startReview(user, slot.planId, `${updateId}:start-review`);
      const kind = input.outcome === 'APPROVED' ? 'approve' : 'return';
      const outcome = await this.moves.decide(user, slot.planId, kind, input, updateId);
      await this.prisma.$transaction(async (tx) => {
        await tx.meetingSlot.update({
          where: { id: slotId },
          data: {
            outcome: input.outcome,
            comment: input.comment ?? null,
            decisionId: outcome.decisionId ?? null,
            decidedById: user.id,
            decidedAt: this.clock.now(),
          },
        });
        const data = {
          meetingId,
          slotId,
          outcome: input.outcome,
          decisionId: outcome.decisionId,
          status: outcome.status,
        };
        await AuditLog.writeOnce(tx, {
          districtId: user.districtId,
          campaignId: meeting.campaignId,
          planId: slot.planId,
          actorId: user.id,
          type: 'MEETING_OUTCOME_RECORDED',
          data: data,
          idempotencyKey: updateId,
        });
      });
    }
    const fresh = await loadMeeting(this.prisma, user.districtId, meetingId);
    const s = fresh.slots.find((x) => x.id === slotId) ?? slot;
    return {
      slotId,
      planId: s.planId,
      outcome: s.outcome,
      comment: s.comment,
      decisionId: s.decisionId,
      planStatus: s.plan.status,
    };
  }

  /** Replaces the attendance record: the invitees present (the others absent) and the guests without an account. */
  async recordAttendance(user: AuthUser, meetingId: string, input: AttendanceInput, key: string) {
    const meeting = await loadMeeting(this.prisma, user.districtId, meetingId);
    assertScheduled(meeting);
    const invited = meeting.attendees.filter((a) => a.userId && !a.withdrawnAt);
    const unknown = input.present.filter((id) => !invited.some((a) => a.id === id));
    if (unknown.length) throw invalid('present', `Không có trong danh sách mời: ${unknown.join(', ')}.`);
    const schoolOf = new Map(meeting.slots.map((s) => [s.plan.school.code, s.plan.schoolId]));
    const strangers = input.guests.filter((g) => g.schoolCode && !schoolOf.has(g.schoolCode));
    if (strangers.length) {
      throw invalid('guests', `Trường không trình bày tại hội nghị: ${strangers.map((g) => g.schoolCode).join(', ')}.`);
    }
    const idempotencyKey = `meeting-attendance:${meetingId}:${key}`;
    await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${meetingId}::uuid FOR UPDATE`;
      if (await tx.auditEvent.findUnique({ where: { idempotencyKey } })) return;
      const present = new Set(input.present);
      for (const a of invited) {
        await tx.meetingAttendee.update({ where: { id: a.id }, data: { present: present.has(a.id) } });
      }
      await tx.meetingAttendee.deleteMany({ where: { meetingId, userId: null } });
      await tx.meetingAttendee.createMany({
        data: input.guests.map((g) => ({
          meetingId,
          schoolId: g.schoolCode ? (schoolOf.get(g.schoolCode) ?? null) : null,
          fullName: g.fullName,
          title: g.title,
          present: true,
        })),
      });
      await AuditLog.write(tx, {
        districtId: user.districtId,
        campaignId: meeting.campaignId,
        actorId: user.id,
        type: 'MEETING_ATTENDANCE_RECORDED',
        data: {
          meetingId,
          present: input.present.length,
          absent: invited.length - present.size,
          guests: input.guests,
        },
        idempotencyKey,
      });
    });
    return (await this.queries.get(user, meetingId)).attendees;
  }
}
