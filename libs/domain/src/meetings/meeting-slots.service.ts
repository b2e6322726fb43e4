import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '@duyet/database';
import type { AuthUser } from '../plans/access';
import { DomainError } from '../common/errors';
import { type MeetingRow, assertScheduled, loadMeeting, meetingTitle } from './meeting-store';
import { formatVnDateTime } from '../common/format';
import { type MeetingChange, MeetingChangesService } from './meeting-changes.service';
import { compactSlots, invalid, plansToSlot } from './meeting-plans';
import { MeetingQueriesService } from './meeting-queries.service';

/** An admin changes who presents at a meeting and in what order. Each change tells the invitees it concerns. */
@Injectable()
export class MeetingSlotsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly changes: MeetingChangesService,
    private readonly queries: MeetingQueriesService,
  ) {}

  async reorder(user: AuthUser, id: string, slotIds: string[], key: string) {
    await this.change(user, id, 'MEETING_SLOTS_REORDERED', key, async (tx, m) => {
      const current = m.slots.map((s) => s.id);
      if (slotIds.length !== current.length || new Set(slotIds).size !== current.length) {
        throw invalid('slotIds', 'Cần liệt kê đúng mỗi lượt trình bày của hội nghị một lần.');
      }
      if (slotIds.some((s) => !current.includes(s))) throw invalid('slotIds', 'Có lượt không thuộc hội nghị này.');
      for (const [i, slotId] of slotIds.entries()) {
        await tx.meetingSlot.update({ where: { id: slotId }, data: { position: i + 1 } });
      }
      const order = slotIds.map((s) => m.slots.find((x) => x.id === s)?.plan.school.code);
      return { meetingIds: [id], audit: { meetingId: id, order }, note: 'thứ tự trình bày của các trường thay đổi' };
    });
    return this.queries.get(user, id);
  }

  async add(user: AuthUser, id: string, schoolCode: string, key: string) {
    await this.change(user, id, 'MEETING_SCHOOL_ADDED', key, async (tx, m) => {
      const [plan] = await plansToSlot(tx, m.campaign, m.clusterId, [schoolCode]);
      await tx.meetingSlot.create({ data: { meetingId: id, planId: plan.id, position: m.slots.length + 1 } });
      const note = `${plan.school.name} được bổ sung vào chương trình`;
      return { meetingIds: [id], planId: plan.id, audit: { meetingId: id, school: schoolCode }, note };
    });
    return this.queries.get(user, id);
  }

  /** The school presents at another meeting of the campaign instead, last in its order. */
  async move(user: AuthUser, id: string, slotId: string, targetId: string, key: string) {
    await this.change(user, id, 'MEETING_SCHOOL_ADDED', key, async (tx, m) => {
      const slot = undecidedSlot(m, slotId);
      if (targetId === id) throw invalid('meetingId', 'Trường đã ở hội nghị này.');
      const target = await loadMeeting(tx, user.districtId, targetId);
      if (target.campaignId !== m.campaignId) throw invalid('meetingId', 'Hội nghị đích thuộc đợt kế hoạch khác.');
      assertScheduled(target);
      await tx.meetingSlot.update({
        where: { id: slotId },
        data: { meetingId: targetId, position: target.slots.length + 1 },
      });
      await compactSlots(tx, id);
      const school = slot.plan.school;
      const to = `${meetingTitle(target.cluster.name)} lúc ${formatVnDateTime(target.startsAt)}`;
      return {
        meetingIds: [id, targetId],
        planId: slot.planId,
        audit: { from: id, to: targetId, school: school.code },
        note: `${school.name} chuyển sang ${to}`,
        withdrawReason: `${school.name} chuyển sang trình bày tại ${to}.`,
      };
    });
    return this.queries.get(user, targetId);
  }

  /** The school leaves the meeting: its plan is reviewed at the desk. */
  async toDesk(user: AuthUser, id: string, slotId: string, reason: string, key: string) {
    await this.change(user, id, 'MEETING_SCHOOL_REMOVED', key, async (tx, m) => {
      const slot = undecidedSlot(m, slotId);
      await tx.meetingSlot.delete({ where: { id: slotId } });
      await compactSlots(tx, id);
      const school = slot.plan.school;
      return {
        meetingIds: [id],
        planId: slot.planId,
        audit: { meetingId: id, school: school.code, reason },
        note: `${school.name} không trình bày tại hội nghị`,
        withdrawReason: `kế hoạch của ${school.name} được duyệt tại bàn, không trình bày tại hội nghị (${reason}).`,
      };
    });
    return this.queries.get(user, id);
  }

  private async change<K extends 'MEETING_SLOTS_REORDERED' | 'MEETING_SCHOOL_ADDED' | 'MEETING_SCHOOL_REMOVED'>(
    user: AuthUser,
    id: string,
    type: K,
    key: string,
    apply: (tx: Tx, m: MeetingRow) => Promise<MeetingChange<K>>,
  ): Promise<void> {
    const { campaignId } = await loadMeeting(this.prisma, user.districtId, id);
    await this.changes.run(user, campaignId, type, key, async (tx) => {
      // Read again under the campaign's lock: another change may have landed since.
      const m = await loadMeeting(tx, user.districtId, id);
      assertScheduled(m);
      return apply(tx, m);
    });
  }
}

function undecidedSlot(m: MeetingRow, slotId: string) {
  const slot = m.slots.find((s) => s.id === slotId);
  if (!slot) throw new DomainError('NOT_FOUND', 'Không có lượt trình bày này trong hội nghị.');
  if (slot.outcome) throw new DomainError('INVALID_TRANSITION', 'Đã ghi kết quả duyệt cho trường này tại hội nghị.');
  return slot;
}
