import { Injectable } from '@nestjs/common';
import { PrismaService } from '@duyet/database';
import type { AuthUser } from '../plans/access';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import { type MeetingRow, loadMeeting, meetingInclude } from './meeting-store';
import { type MeetingView, assertCanSeeMeeting, canSeeMeeting } from './meeting-access';
import { meetingAgenda, meetingDetail, meetingSummary } from './meeting-views';

/** Reading meetings: the office sees everything of the meetings in its scope, a school its meetings' agenda. */
@Injectable()
export class MeetingQueriesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: ClockService,
  ) {}

  async list(user: AuthUser, campaignId: string) {
    const campaign = await this.prisma.campaign.findFirst({ where: { id: campaignId, districtId: user.districtId } });
    if (!campaign) throw new DomainError('NOT_FOUND', 'Không tìm thấy đợt kế hoạch.');
    const meetings = await this.prisma.meeting.findMany({
      where: { campaignId, districtId: user.districtId },
      include: meetingInclude,
      orderBy: [{ startsAt: 'asc' }, { createdAt: 'asc' }],
    });
    return meetings.filter((m) => canSeeMeeting(user, m, 'AGENDA')).map(meetingSummary);
  }

  async get(user: AuthUser, id: string) {
    const meeting = await this.load(user, id, 'FULL');
    // The outbox keys a meeting's messages `<change key>:<meeting id>:<template>:<address>` (syncInvitations).
    const mails = await this.prisma.emailLog.findMany({
      where: {
        districtId: user.districtId,
        campaignId: meeting.campaignId,
        template: { in: ['MEETING_INVITATION', 'MEETING_AGENDA', 'MEETING_CANCELLED'] },
        idempotencyKey: { contains: `:${meeting.id}:MEETING_` },
      },
      select: { to: true, template: true, status: true, createdAt: true },
    });
    return meetingDetail(meeting, mails);
  }

  async agenda(user: AuthUser, id: string) {
    return meetingAgenda(await this.load(user, id, 'AGENDA'), this.clock.now());
  }

  /** A meeting of the user's district that the user may see in that view. */
  async load(user: AuthUser, id: string, view: MeetingView): Promise<MeetingRow> {
    const meeting = await loadMeeting(this.prisma, user.districtId, id);
    assertCanSeeMeeting(user, meeting, view);
    return meeting;
  }
}
