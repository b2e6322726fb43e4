// Who must hear about a meeting after a change, and what each is sent, pure. Every invitee holds one calendar
// event per meeting: a school's is its own slot, the office's is the whole meeting with its agenda. An invitee
// whose event changed gets an update (same UID, the meeting's new SEQUENCE); one no longer invited gets a
// cancellation; the others get nothing.
import type { PlanStatus } from '@duyet/database';
import { type MailAttachment, MailTemplate } from '@duyet/mail';
import { statusLabel } from '@duyet/workflows';
import { formatVnDateTime } from '../common/format';
import type { OutboxMail } from '../plans/plan-mails';
import { type IcsMethod, buildIcs, inviteeUid } from './meeting-ics';
import { pageLinks } from '../common/links';
import { type TimeRange, meetingTime, slotTime, vnDay, vnTimeRange } from './meeting-times';

export interface MeetingSlotForMail {
  position: number;
  planId: string;
  schoolId: string;
  schoolName: string;
  planStatus: PlanStatus;
  /** the plan's deadline in force while the school still has to submit; null once submitted */
  submitBy: Date | null;
}

export interface MeetingForMail {
  id: string;
  uid: string;
  /** the sequence of this change: already increased */
  sequence: number;
  status: 'SCHEDULED' | 'CANCELLED';
  title: string;
  venue: string;
  startsAt: Date;
  slotMinutes: number;
  timeZone: string;
  officeName: string;
  campaignTitle: string;
  documentNumber: string;
  slots: MeetingSlotForMail[];
}

export interface Invitee {
  userId: string;
  email: string;
  fullName: string;
  title: string;
  /** null: the office's side */
  schoolId: string | null;
}

export interface AttendeeRow extends Invitee {
  id: string;
  sentFingerprint: string | null;
  withdrawnAt: Date | null;
}

export interface InvitationContext {
  now: Date;
  publicUrl: string;
  /** the From address: calendar programs send replies to the organizer */
  organizerEmail: string;
  /** what changed, for the updates' text */
  note?: string;
  /** why those no longer invited are taken off */
  withdrawReason: string;
}

export interface InvitationPlan {
  /** invitees whose event is now the one described by fingerprint */
  sent: { invitee: Invitee; fingerprint: string }[];
  withdrawn: AttendeeRow[];
  /** planId: the school's plan the message is about; null for the office's */
  mails: { planId: string | null; mail: OutboxMail }[];
}

/** What an invitee's event says; a change to any of it is worth an update. Kept on the attendee row. */
interface EventShape extends TimeRange {
  venue: string;
  position?: number;
  agenda?: string[];
}

const shapeOf = (m: MeetingForMail, slot: MeetingSlotForMail | undefined): EventShape =>
  slot
    ? { ...slotTime(m.startsAt, m.slotMinutes, slot.position), venue: m.venue, position: slot.position }
    : {
        ...meetingTime(m.startsAt, m.slotMinutes, m.slots.length),
        venue: m.venue,
        agenda: m.slots.map((s) => `${s.position}:${s.schoolId}`),
      };

const fingerprintOf = (shape: EventShape): string => JSON.stringify(shape);

function shapeFrom(fingerprint: string | null, fallback: EventShape): EventShape {
  if (!fingerprint) return fallback;
  const raw = JSON.parse(fingerprint) as EventShape & { startsAt: string; endsAt: string };
  return { ...raw, startsAt: new Date(raw.startsAt), endsAt: new Date(raw.endsAt) };
}

export function planInvitations(
  m: MeetingForMail,
  invitees: readonly Invitee[],
  rows: readonly AttendeeRow[],
  ctx: InvitationContext,
): InvitationPlan {
  const plan: InvitationPlan = { sent: [], withdrawn: [], mails: [] };
  const active = new Map(rows.filter((r) => !r.withdrawnAt).map((r) => [r.userId, r]));
  // A school's people are invited while the school has a slot; the office's while the meeting is on.
  const wanted = (m.status === 'SCHEDULED' ? invitees : []).filter(
    (i) => !i.schoolId || m.slots.some((s) => s.schoolId === i.schoolId),
  );
  for (const invitee of wanted) {
    const slot = m.slots.find((s) => s.schoolId === invitee.schoolId);
    const shape = shapeOf(m, slot);
    const fingerprint = fingerprintOf(shape);
    const row = active.get(invitee.userId);
    if (row?.sentFingerprint === fingerprint) continue;
    plan.sent.push({ invitee, fingerprint });
    const change = row ? 'UPDATED' : 'NEW';
    plan.mails.push({ planId: slot?.planId ?? null, mail: requestMail(m, invitee, slot, shape, change, ctx) });
  }
  const keep = new Set(wanted.map((i) => i.userId));
  for (const row of active.values()) {
    if (keep.has(row.userId)) continue;
    plan.withdrawn.push(row);
    const shape = shapeFrom(row.sentFingerprint, shapeOf(m, undefined));
    const planId = m.slots.find((s) => s.schoolId === row.schoolId)?.planId ?? null;
    plan.mails.push({ planId, mail: cancelMail(m, row, shape, ctx) });
  }
  return plan;
}

function baseData(m: MeetingForMail, recipientName: string, ctx: InvitationContext) {
  return {
    recipientName,
    officeName: m.officeName,
    meetingTitle: m.title,
    campaignTitle: m.campaignTitle,
    documentNumber: m.documentNumber,
    venue: m.venue,
    day: vnDay(m.startsAt, m.timeZone),
    meetingTime: vnTimeRange(meetingTime(m.startsAt, m.slotMinutes, m.slots.length), m.timeZone),
    meetingUrl: pageLinks(ctx.publicUrl).meeting(m.id),
  };
}

function requestMail(
  m: MeetingForMail,
  invitee: Invitee,
  slot: MeetingSlotForMail | undefined,
  shape: EventShape,
  change: 'NEW' | 'UPDATED',
  ctx: InvitationContext,
): OutboxMail {
  const base = { ...baseData(m, invitee.fullName, ctx), change, note: change === 'UPDATED' ? ctx.note : undefined };
  const rows = m.slots.map((s) => ({
    position: s.position,
    time: vnTimeRange(slotTime(m.startsAt, m.slotMinutes, s.position), m.timeZone),
    schoolName: s.schoolName,
    planStatus: statusLabel(s.planStatus),
  }));
  const description = slot
    ? `${slot.schoolName} trình bày kế hoạch lúc ${vnTimeRange(shape, m.timeZone)} (thứ tự ${slot.position}).`
    : rows.map((r) => `${r.position}. ${r.time} ${r.schoolName}`).join('\n');
  const attachments = [
    ics(m, invitee, shape, 'REQUEST', slot ? `${m.title} - ${slot.schoolName}` : m.title, description, ctx),
  ];
  if (!slot) {
    return { template: MailTemplate.MEETING_AGENDA, to: invitee.email, data: { ...base, rows }, attachments };
  }
  return {
    template: MailTemplate.MEETING_INVITATION,
    to: invitee.email,
    attachments,
    data: {
      ...base,
      schoolName: slot.schoolName,
      position: slot.position,
      slotTime: vnTimeRange(shape, m.timeZone),
      submitBy: slot.submitBy ? formatVnDateTime(slot.submitBy) : undefined,
    },
  };
}

function cancelMail(m: MeetingForMail, row: AttendeeRow, shape: EventShape, ctx: InvitationContext): OutboxMail {
  const whole = m.status === 'CANCELLED';
  const reason = ctx.withdrawReason;
  return {
    template: MailTemplate.MEETING_CANCELLED,
    to: row.email,
    data: { ...baseData(m, row.fullName, ctx), whole, reason },
    attachments: [ics(m, row, shape, 'CANCEL', m.title, `Lý do: ${reason}`, ctx)],
  };
}

function ics(
  m: MeetingForMail,
  invitee: Invitee,
  shape: EventShape,
  method: IcsMethod,
  summary: string,
  description: string,
  ctx: InvitationContext,
): MailAttachment {
  const content = buildIcs({
    uid: inviteeUid(m.uid, invitee.userId),
    sequence: m.sequence,
    method,
    startsAt: shape.startsAt,
    endsAt: shape.endsAt,
    timeZone: m.timeZone,
    stamp: ctx.now,
    summary,
    description: `${description}\n${m.documentNumber} - ${m.campaignTitle}`,
    location: shape.venue,
    url: pageLinks(ctx.publicUrl).meeting(m.id),
    organizer: { name: m.officeName, email: ctx.organizerEmail },
    attendee: { name: invitee.fullName, email: invitee.email },
  });
  return {
    filename: method === 'CANCEL' ? 'huy-lich-hoi-nghi.ics' : 'lich-hoi-nghi.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content,
    method,
  };
}
