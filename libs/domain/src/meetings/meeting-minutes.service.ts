import { Injectable } from '@nestjs/common';
import { PrismaService } from '@duyet/database';
import type { AuthUser } from '../plans/access';
import { DomainError } from '../common/errors';
import { type MeetingRow, meetingTitle } from './meeting-store';
import { type MinutesData, type MinutesPerson, buildMinutesDocx } from './meeting-minutes';
import { formatVnDateTime } from '../common/format';
import { meetingTime, slotTime, vnTimeRange } from './meeting-times';
import { MeetingQueriesService } from './meeting-queries.service';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The minutes (biên bản) of a meeting, for the admin and the reviewers: built from what was recorded. */
@Injectable()
export class MeetingMinutesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly queries: MeetingQueriesService,
  ) {}

  async minutes(user: AuthUser, id: string): Promise<{ fileName: string; content: Buffer }> {
    const m = await this.queries.load(user, id, 'FULL');
    if (m.status === 'CANCELLED') throw new DomainError('INVALID_TRANSITION', 'Hội nghị đã hủy, không có biên bản.');
    const content = await buildMinutesDocx(await this.minutesData(m));
    return { fileName: `Biên bản ${meetingTitle(m.cluster.name)}.docx`, content };
  }

  private async minutesData(m: MeetingRow): Promise<MinutesData> {
    const zone = m.campaign.district.timezone;
    const decisions = await this.prisma.decision.findMany({
      where: { id: { in: m.slots.map((s) => s.decisionId).filter((d): d is string => !!d) } },
    });
    const attending = m.attendees.filter((a) => !a.withdrawnAt);
    const people = (schoolId: string | null): MinutesPerson[] =>
      attending
        .filter((a) => a.schoolId === schoolId)
        .map((a) => ({ fullName: a.fullName, title: a.title, present: a.present }));
    const signer = m.campaign.signer;
    return {
      districtName: m.campaign.district.name,
      officeName: m.campaign.district.officeName,
      meetingTitle: meetingTitle(m.cluster.name),
      campaign: { documentNumber: m.campaign.documentNumber, title: m.campaign.title, issuedOn: m.campaign.issuedOn },
      ...meetingTime(m.startsAt, m.slotMinutes, m.slots.length),
      timeZone: zone,
      venue: m.venue,
      office: people(null),
      schools: m.slots.map((s) => {
        const decision = decisions.find((d) => d.id === s.decisionId);
        const deadline = decision?.revisionDeadline;
        return {
          position: s.position,
          schoolName: s.plan.school.name,
          time: vnTimeRange(slotTime(m.startsAt, m.slotMinutes, s.position), zone),
          attendees: people(s.plan.schoolId),
          outcome: s.outcome,
          comment: s.comment,
          revisionDeadline: deadline ? formatVnDateTime(deadline) : null,
          missing: s.plan.currentVersionNo === 0,
          // The name and capacity as the decision recorded them, never recomputed: it is the legal record.
          decidedBy: decision ? { fullName: decision.deciderName, capacity: decision.capacity } : null,
        };
      }),
      signer: signer ? { capacity: m.campaign.signerTitle ?? signer.title, fullName: signer.fullName } : null,
    };
  }
}
