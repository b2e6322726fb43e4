import { Injectable } from '@nestjs/common';
import { PrismaService } from '@duyet/database';
import type { AuthUser } from '../plans/access';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import type { RescheduleMeetingInput, ScheduleMeetingInput } from './meeting-schemas';
import { assertScheduled, loadMeeting, meetingTitle } from './meeting-store';
import { formatVnDateTime } from '../common/format';
import { localInstant, localParts } from './meeting-times';
import { MeetingChangesService } from './meeting-changes.service';
import { invalid, plansToSlot } from './meeting-plans';
import { MeetingQueriesService } from './meeting-queries.service';

/** An admin plans a campaign's meetings: schedules one per cluster, moves it, or calls it off. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: ClockService,
    private readonly changes: MeetingChangesService,
    private readonly queries: MeetingQueriesService,
  ) {}

  async schedule(user: AuthUser, campaignId: string, input: ScheduleMeetingInput, key: string) {
    const campaign = await this.prisma.campaign.findFirst({
      where: { id: campaignId, districtId: user.districtId },
      include: { district: true },
    });
    if (!campaign) throw new DomainError('NOT_FOUND', 'Không tìm thấy đợt kế hoạch.');
    if (campaign.status !== 'ACTIVE') throw new DomainError('INVALID_TRANSITION', 'Đợt kế hoạch đã kết thúc.');
    if (campaign.reviewMode !== 'MEETING') {
      throw new DomainError('INVALID_TRANSITION', 'Đợt này duyệt kế hoạch tại bàn, không tổ chức hội nghị duyệt.');
    }
    const cluster = await this.prisma.cluster.findUnique({
      where: { districtId_code: { districtId: user.districtId, code: input.cluster } },
    });
    if (!cluster || (campaign.targetClusters.length > 0 && !campaign.targetClusters.includes(cluster.code))) {
      throw invalid('cluster', `Cụm trường "${input.cluster}" không thuộc đối tượng của đợt kế hoạch này.`);
    }
    const startsAt = this.futureStart(input.date, input.startTime, campaign.district.timezone);
    const [id] = await this.changes.run(user, campaignId, 'MEETING_SCHEDULED', key, async (tx) => {
      const plans = await plansToSlot(tx, campaign, cluster.id, input.schoolCodes);
      if (plans.length === 0) {
        throw new DomainError('CONFLICT', `Mọi trường của ${cluster.name} cần duyệt đều đã có lịch hội nghị.`);
      }
      const meeting = await tx.meeting.create({
        data: {
          districtId: user.districtId,
          campaignId,
          clusterId: cluster.id,
          venue: input.venue,
          startsAt,
          slotMinutes: input.slotMinutes,
          createdById: user.id,
          slots: { create: plans.map((p, i) => ({ planId: p.id, position: i + 1 })) },
        },
      });
      const schools = plans.map((p) => p.school.code);
      const audit = {
        meetingId: meeting.id,
        cluster: cluster.code,
        startsAt: startsAt.toISOString(),
        venue: input.venue,
        schools,
      };
      return { meetingIds: [meeting.id], createdId: meeting.id, audit };
    });
    return this.queries.get(user, id);
  }

  async reschedule(user: AuthUser, id: string, input: RescheduleMeetingInput, key: string) {
    const meeting = await loadMeeting(this.prisma, user.districtId, id);
    assertScheduled(meeting);
    const zone = meeting.campaign.district.timezone;
    const was = localParts(meeting.startsAt, zone);
    const startsAt =
      input.date || input.startTime
        ? this.futureStart(input.date ?? was.date, input.startTime ?? was.time, zone)
        : meeting.startsAt;
    const venue = input.venue ?? meeting.venue;
    const slotMinutes = input.slotMinutes ?? meeting.slotMinutes;
    const moved = startsAt.getTime() !== meeting.startsAt.getTime();
    const note =
      [
        moved ? `bắt đầu lúc ${formatVnDateTime(startsAt)} (thay cho ${formatVnDateTime(meeting.startsAt)})` : '',
        venue !== meeting.venue ? `địa điểm: ${venue}` : '',
        slotMinutes !== meeting.slotMinutes ? `mỗi trường trình bày ${slotMinutes} phút` : '',
      ]
        .filter(Boolean)
        .join('; ') + (input.reason ? `. Lý do: ${input.reason}` : '');
    await this.changes.run(user, meeting.campaignId, 'MEETING_RESCHEDULED', key, async (tx) => {
      assertScheduled(await loadMeeting(tx, user.districtId, id));
      await tx.meeting.update({ where: { id }, data: { startsAt, venue, slotMinutes } });
      const from = { startsAt: meeting.startsAt.toISOString(), venue: meeting.venue, slotMinutes: meeting.slotMinutes };
      return {
        meetingIds: [id],
        audit: {
          meetingId: id,
          from,
          to: { startsAt: startsAt.toISOString(), venue, slotMinutes },
          reason: input.reason,
        },
        note,
      };
    });
    return this.queries.get(user, id);
  }

  async cancel(user: AuthUser, id: string, reason: string, key: string) {
    const meeting = await loadMeeting(this.prisma, user.districtId, id);
    await this.changes.run(user, meeting.campaignId, 'MEETING_CANCELLED', key, async (tx) => {
      const current = await loadMeeting(tx, user.districtId, id);
      assertScheduled(current);
      if (current.slots.some((s) => s.outcome)) {
        throw new DomainError('INVALID_TRANSITION', 'Hội nghị đã có kết quả duyệt, không thể hủy.');
      }
      await tx.meeting.update({
        where: { id },
        data: { status: 'CANCELLED', cancelledAt: this.clock.now(), cancelReason: reason },
      });
      const title = meetingTitle(current.cluster.name);
      return { meetingIds: [id], audit: { meetingId: id, title, reason }, withdrawReason: reason };
    });
    return this.queries.get(user, id);
  }

  private futureStart(date: string, time: string, zone: string): Date {
    const startsAt = localInstant(date, time, zone);
    if (startsAt <= this.clock.now()) throw invalid('date', 'Thời gian hội nghị phải sau thời điểm hiện tại.');
    return startsAt;
  }
}
