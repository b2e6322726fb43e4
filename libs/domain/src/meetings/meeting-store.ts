// Reading meetings, and bringing their invitees up to date after a change, inside the caller's transaction.
import type { PlanStatus, Prisma, Tx } from '@duyet/database';
import { DomainError } from '../common/errors';
import { type OutboxMail, writeOutbox } from '../plans/plan-mails';
import {
  type InvitationContext,
  type Invitee,
  type MeetingForMail,
  type MeetingSlotForMail,
  planInvitations,
} from './meeting-invitations';

export const meetingInclude = {
  campaign: { include: { district: true, signer: true } },
  cluster: true,
  slots: { orderBy: { position: 'asc' }, include: { plan: { include: { school: true } } } },
  attendees: { orderBy: { createdAt: 'asc' } },
} satisfies Prisma.MeetingInclude;
export type MeetingRow = Prisma.MeetingGetPayload<{ include: typeof meetingInclude }>;
export type MeetingSlotRow = MeetingRow['slots'][number];

type Db = Pick<Tx, 'meeting'>;

export const meetingTitle = (clusterName: string): string => `Hội nghị duyệt kế hoạch - ${clusterName}`;

/** A meeting of the district; another district's is not found. */
export async function loadMeeting(db: Db, districtId: string, id: string): Promise<MeetingRow> {
  const meeting = await db.meeting.findFirst({ where: { id, districtId }, include: meetingInclude });
  if (!meeting) throw new DomainError('NOT_FOUND', 'Không tìm thấy hội nghị duyệt kế hoạch.');
  return meeting;
}

export function assertScheduled(meeting: { status: string }): void {
  if (meeting.status !== 'SCHEDULED') {
    throw new DomainError('INVALID_TRANSITION', 'Hội nghị đã hủy, không thể thay đổi.');
  }
}

const SCHOOL_SIDE: readonly PlanStatus[] = ['NOT_STARTED', 'DRAFTING', 'RETURNED'];

/** The deadline in force while the school still has to (re)submit; null once the office holds the plan. */
export function schoolDeadline(plan: MeetingSlotRow['plan'], campaignDeadline: Date): Date | null {
  if (!SCHOOL_SIDE.includes(plan.status)) return null;
  return plan.status === 'RETURNED' ? plan.revisionDeadline : (plan.submissionDeadline ?? campaignDeadline);
}

export function meetingForMail(m: MeetingRow): MeetingForMail {
  const slots: MeetingSlotForMail[] = m.slots.map((s) => {
    const deadline = schoolDeadline(s.plan, m.campaign.submissionDeadline);
    return {
      position: s.position,
      planId: s.planId,
      schoolId: s.plan.schoolId,
      schoolName: s.plan.school.name,
      planStatus: s.plan.status,
      // The meeting's start when the deadline falls later: it is brought forward after the change.
      submitBy: deadline && deadline > m.startsAt ? m.startsAt : deadline,
    };
  });
  return {
    id: m.id,
    uid: m.uid,
    sequence: m.sequence,
    status: m.status,
    title: meetingTitle(m.cluster.name),
    venue: m.venue,
    startsAt: m.startsAt,
    slotMinutes: m.slotMinutes,
    timeZone: m.campaign.district.timezone,
    officeName: m.campaign.district.officeName,
    campaignTitle: m.campaign.title,
    documentNumber: m.campaign.documentNumber,
    slots,
  };
}

/**
 * Who is invited: each slotted school's principal and staff; the office's reviewers whose levels or clusters
 * cover a slotted school, the plans' assigned reviewers, and the campaign's signer.
 */
export async function inviteesOf(tx: Tx, m: MeetingRow): Promise<Invitee[]> {
  const schools = m.slots.map((s) => s.plan.school);
  const [schoolPeople, office] = await Promise.all([
    tx.user.findMany({
      where: { schoolId: { in: schools.map((s) => s.id) }, active: true, role: { in: ['PRINCIPAL', 'SCHOOL_STAFF'] } },
      orderBy: [{ role: 'asc' }, { email: 'asc' }],
    }),
    tx.user.findMany({
      where: {
        districtId: m.districtId,
        active: true,
        OR: [
          {
            role: 'REVIEWER',
            assignments: {
              some: {
                OR: [
                  { level: { in: [...new Set(schools.map((s) => s.level))] } },
                  { clusterId: { in: [m.clusterId, ...schools.map((s) => s.clusterId)] } },
                ],
              },
            },
          },
          { id: { in: m.slots.map((s) => s.plan.reviewerId).filter((id): id is string => !!id) } },
          ...(m.campaign.signerId ? [{ id: m.campaign.signerId }] : []),
        ],
      },
      orderBy: { email: 'asc' },
    }),
  ]);
  const slotted = schools.length > 0;
  return [...(slotted ? office : []), ...schoolPeople].map((u) => ({
    userId: u.id,
    email: u.email,
    fullName: u.fullName,
    title: u.title,
    schoolId: u.role === 'REVIEWER' || u.role === 'ADMIN' ? null : u.schoolId,
  }));
}

/**
 * After a change to a meeting: raises its SEQUENCE, tells every invitee whose event changed (update or
 * cancellation), and records what each now holds. Returns the outbox rows' ids, to enqueue after the commit.
 */
export async function syncInvitations(
  tx: Tx,
  districtId: string,
  meetingId: string,
  key: string,
  ctx: InvitationContext & { created: boolean },
): Promise<string[]> {
  // A new meeting's first invitations carry SEQUENCE 0; every later change raises it.
  if (!ctx.created) await tx.meeting.update({ where: { id: meetingId }, data: { sequence: { increment: 1 } } });
  const m = await loadMeeting(tx, districtId, meetingId);
  const rows = m.attendees.flatMap((a) =>
    a.userId && a.email ? [{ ...a, userId: a.userId, email: a.email, schoolId: a.schoolId }] : [],
  );
  const plan = planInvitations(meetingForMail(m), await inviteesOf(tx, m), rows, ctx);
  for (const { invitee, fingerprint } of plan.sent) {
    const person = {
      schoolId: invitee.schoolId,
      fullName: invitee.fullName,
      title: invitee.title,
      email: invitee.email,
    };
    await tx.meetingAttendee.upsert({
      where: { meetingId_userId: { meetingId, userId: invitee.userId } },
      create: { meetingId, userId: invitee.userId, ...person, sentFingerprint: fingerprint },
      update: { ...person, sentFingerprint: fingerprint, withdrawnAt: null },
    });
  }
  for (const row of plan.withdrawn) {
    await tx.meetingAttendee.update({ where: { id: row.id }, data: { withdrawnAt: ctx.now, present: null } });
  }
  const byPlan = new Map<string | null, OutboxMail[]>();
  for (const { planId, mail } of plan.mails) byPlan.set(planId, [...(byPlan.get(planId) ?? []), mail]);
  const ids: string[] = [];
  for (const [planId, mails] of byPlan) {
    const target = { id: planId, districtId, campaignId: m.campaignId };
    ids.push(...(await writeOutbox(tx, target, `${key}:${m.id}`, mails)));
  }
  return ids;
}
